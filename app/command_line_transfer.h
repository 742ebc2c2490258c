// SPDX-License-Identifier: MIT
#pragma once

#include "options.h"

namespace quire::app {

/**
 * @brief `quire export` and `quire import`, without a window: the same exchange formats and the
 * same one-transaction import as the File menu, for scripts and backups. Prints what it did on
 * stdout, or why it could not on stderr; returns the process's exit code (0 done, 1 failed).
 * Needs a QCoreApplication.
 */
[[nodiscard]] int runTransferCommand(const Options &options);

} // namespace quire::app
