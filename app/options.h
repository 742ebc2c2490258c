// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>

#include <QString>
#include <QStringList>

namespace quire::app {

/** @brief What the command line asked for. */
struct Options {
    QString databasePath; ///< a file path or ":memory:"
};

/**
 * @brief Parses `arguments` (argv, program name first). --help and --version print and exit the
 * process, as QCommandLineParser does; a bad option is an InvalidArgument error.
 */
[[nodiscard]] core::Result<Options> parseOptions(const QStringList &arguments);

} // namespace quire::app
