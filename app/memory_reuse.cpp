// SPDX-License-Identifier: MIT
#include "memory_reuse.h"

#include <QString>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace quire::app {

// A list reply is copied whole several times on its way out (the columns, the QString, QWebChannel's
// QJsonValue and its JSON text): tens of megabytes at 100 000 tasks. By default glibc gives such
// blocks fresh pages from the kernel and hands them back when freed, so every listing paid a page
// fault per 4 KiB, a third of its time on a VM (bench/README.md). Freed memory up to 128 MiB
// stays in the process for the next listing; the largest blocks still go back to the kernel. The
// page's renderer (QtWebEngineProcess, which receives and parses the text) gets the same through
// the environment it inherits, unless the user set GLIBC_TUNABLES themselves (a program started
// from Quire, such as the browser for a link, inherits it too: it only changes when glibc returns
// freed memory).
void reuseFreedMemory()
{
#ifdef __GLIBC__
    constexpr int kLargestReusedBlock = 32 * 1024 * 1024; // glibc's upper bound for M_MMAP_THRESHOLD
    constexpr int kKeptFreeMemory = 128 * 1024 * 1024;
    mallopt(M_MMAP_THRESHOLD, kLargestReusedBlock);
    mallopt(M_TRIM_THRESHOLD, kKeptFreeMemory);
    if (!qEnvironmentVariableIsSet("GLIBC_TUNABLES")) {
        qputenv("GLIBC_TUNABLES",
            u"glibc.malloc.mmap_threshold=%1:glibc.malloc.trim_threshold=%2"_s.arg(kLargestReusedBlock)
                .arg(kKeptFreeMemory)
                .toLatin1());
    }
#endif
}

} // namespace quire::app
