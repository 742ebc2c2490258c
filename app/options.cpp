// SPDX-License-Identifier: MIT
#include "options.h"

#include "database_switch.h"

#include <quire/core/database.h>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace quire::app {

namespace {

const QString kExport = u"export"_s;
const QString kImport = u"import"_s;

/** @brief The run mode and file of the positional arguments: none, or `export FILE` / `import FILE`. */
core::Result<Options> modeOf(const QStringList &positional)
{
    Options options;
    if (positional.isEmpty())
        return options;
    const QString &command = positional.constFirst();
    if (command != kExport && command != kImport)
        return core::fail(core::ErrorCode::InvalidArgument, u"unexpected argument '%1'"_s.arg(command));
    if (positional.size() != 2)
        return core::fail(core::ErrorCode::InvalidArgument, u"'quire %1' needs one file"_s.arg(command));
    options.mode = command == kExport ? RunMode::Export : RunMode::Import;
    options.file = positional.at(1);
    return options;
}

} // namespace

bool isHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == kExport || argument == kImport)
            return true;
    }
    return false;
}

core::Result<Options> parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Quire, a desktop task manager.\n\n"
        u"  quire export [--format json|csv|ics] FILE   writes every task and project to FILE\n"
        u"  quire import FILE                           adds the tasks of FILE (JSON, CSV, iCalendar, BlueKit)"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(u"database"_s,
        u"SQLite database file to use (default: %1); \":memory:\" keeps nothing. Or a PostgreSQL database that "
        "several Quires share: postgresql://user@host:port/dbname?sslmode=require (the password from ~/.pgpass "
        "or PGPASSWORD)."_s.arg(core::Database::defaultPath()),
        u"path or URL"_s);
    parser.addOption(database);
    const QCommandLineOption format(
        u"format"_s, u"For export: json (lossless), csv or ics (default: the file's extension)."_s, u"format"_s);
    parser.addOption(format);
    parser.addPositionalArgument(u"command"_s, u"export FILE or import FILE; none opens the window."_s, u"[command]"_s);

    if (!parser.parse(arguments))
        return core::fail(core::ErrorCode::InvalidArgument, parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    auto options = modeOf(parser.positionalArguments());
    if (!options)
        return options;
    options->databasePath
        = DatabaseSwitch::startLocation(parser.isSet(database) ? std::optional(parser.value(database)) : std::nullopt);
    if (options->databasePath.isEmpty())
        return core::fail(core::ErrorCode::InvalidArgument, u"--database needs a path or a URL"_s);
    if (parser.isSet(format) && options->mode != RunMode::Export)
        return core::fail(core::ErrorCode::InvalidArgument, u"--format is for 'quire export'"_s);
    if (options->mode == RunMode::Export) {
        const QString named = parser.isSet(format) ? parser.value(format) : QFileInfo(options->file).suffix();
        const auto chosen = exchange::formatForExtension(named);
        if (!chosen) {
            return core::fail(core::ErrorCode::InvalidArgument,
                u"cannot tell the format of '%1': give --format json, csv or ics"_s.arg(options->file));
        }
        options->format = *chosen;
    }
    return options;
}

} // namespace quire::app
