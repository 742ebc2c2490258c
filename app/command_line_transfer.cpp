// SPDX-License-Identifier: MIT
#include "command_line_transfer.h"

#include <quire/core/database.h>
#include <quire/core/sql_data_transfer.h>
#include <quire/exchange/transfer_file.h>

#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

/** @brief "1 task", "312 tasks". */
QString counted(qint64 count, const QString &one, const QString &many)
{
    return u"%1 %2"_s.arg(count).arg(count == 1 ? one : many);
}

int failed(const QString &what, const core::Error &error)
{
    std::fprintf(stderr, "quire: cannot %s: %s\n", qUtf8Printable(what), qUtf8Printable(error.message));
    return 1;
}

int exportTo(core::DataTransfer &transfer, const Options &options)
{
    core::UnwatchedOperation operation;
    auto summary = exchange::exportToFile(transfer, options.file, options.format, operation);
    if (!summary)
        return failed(u"export"_s, summary.error());
    std::printf("Exported %s and %s to %s (%s)\n", qUtf8Printable(counted(summary->tasks, u"task"_s, u"tasks"_s)),
        qUtf8Printable(counted(summary->projects, u"project"_s, u"projects"_s)), qUtf8Printable(options.file),
        qUtf8Printable(exchange::formatName(options.format)));
    return 0;
}

int importFrom(core::DataTransfer &transfer, const Options &options)
{
    core::UnwatchedOperation operation;
    auto file = exchange::readFileToImport(options.file, operation);
    if (!file)
        return failed(u"import "_s + options.file, file.error());
    auto report = transfer.import(file->parsed.snapshot, core::ImportMode::Commit, operation);
    if (!report)
        return failed(u"import "_s + options.file, report.error());
    std::printf("Imported %s and %s from %s (%s)\n", qUtf8Printable(counted(report->tasksAdded, u"task"_s, u"tasks"_s)),
        qUtf8Printable(counted(report->projectsAdded, u"project"_s, u"projects"_s)), qUtf8Printable(options.file),
        qUtf8Printable(file->formatName));
    const qint64 skipped = report->tasksSkipped.size() + report->projectsSkipped.size();
    if (skipped > 0)
        std::printf("Skipped %lld already in the database\n", static_cast<long long>(skipped));
    for (const QString &note : std::as_const(file->parsed.notes))
        std::printf("Note: %s\n", qUtf8Printable(note));
    return 0;
}

} // namespace

int runTransferCommand(const Options &options)
{
    auto database = core::Database::open(options.databasePath, u"quire-command-line"_s);
    if (!database)
        return failed(u"open the database"_s, database.error()); // which names it (a URL without its password)
    core::SqlDataTransfer transfer(**database);
    return options.mode == RunMode::Export ? exportTo(transfer, options) : importFrom(transfer, options);
}

} // namespace quire::app
