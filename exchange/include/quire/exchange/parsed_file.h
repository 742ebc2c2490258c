// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/data_transfer.h>

#include <QStringList>

namespace quire::exchange {

/** @brief What a reader found in a file: the data to import, and what people should know about it. */
struct ParsedFile {
    core::Snapshot snapshot;
    /** @brief For people, one remark each: "2 events skipped (VEVENT)", "unknown columns ignored: foo, bar". */
    QStringList notes;

    friend bool operator==(const ParsedFile &, const ParsedFile &) = default;
};

} // namespace quire::exchange
