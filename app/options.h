// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/exchange/format.h>

#include <QString>
#include <QStringList>

namespace quire::app {

/** @brief What a run of quire does: open the window, or export or import without one (for scripts and backups). */
enum class RunMode { Window, Export, Import };

/** @brief What the command line asked for. */
struct Options {
    QString databasePath; ///< --database's file path, ":memory:" or postgresql:// URL; else the one last opened, or the
                          ///< default
    RunMode mode = RunMode::Window;
    QString file; ///< the file to export to or import from
    exchange::Format format = exchange::Format::QuireJson; ///< for an export
};

/** @brief True when `argv` asks for a run without a window (`quire export ...`, `quire import ...`). */
[[nodiscard]] bool isHeadless(int argc, char *argv[]);

/**
 * @brief Parses `arguments` (argv, program name first): `quire [--database PATH]`, `quire export
 * [--format json|csv|ics] FILE` (the format defaults to FILE's extension), `quire import FILE`.
 * --help and --version print and exit the process, as QCommandLineParser does; a bad option is an
 * InvalidArgument error.
 */
[[nodiscard]] core::Result<Options> parseOptions(const QStringList &arguments);

} // namespace quire::app
