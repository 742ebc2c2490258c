// SPDX-License-Identifier: MIT
#include "options.h"

#include <quire/core/database.h>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace quire::app {

core::Result<Options> parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Quire, a desktop task manager."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(u"database"_s,
        u"SQLite database file to use (default: %1). \":memory:\" keeps nothing."_s.arg(core::Database::defaultPath()),
        u"path"_s);
    parser.addOption(database);

    if (!parser.parse(arguments))
        return core::fail(core::ErrorCode::InvalidArgument, parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return core::fail(core::ErrorCode::InvalidArgument,
            u"unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()));

    Options options;
    options.databasePath = parser.isSet(database) ? parser.value(database) : core::Database::defaultPath();
    if (options.databasePath.isEmpty())
        return core::fail(core::ErrorCode::InvalidArgument, u"--database needs a path"_s);
    return options;
}

} // namespace quire::app
