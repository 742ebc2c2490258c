// SPDX-License-Identifier: MIT
#include <quire/exchange/transfer_file.h>

#include <quire/exchange/bluekit.h>
#include <quire/exchange/quire_json.h>
#include <quire/exchange/snapshot_file.h>

#include "threaded_sink.h"
#include "write_all.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace quire::exchange {
namespace {

QString quoted(const QString &path)
{
    return u"“"_s + QFileInfo(path).fileName() + u"”"_s;
}

core::Result<QByteArray> readWhole(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return core::fail(core::ErrorCode::NotFound, quoted(path) + u" does not exist"_s);
    if (!file.open(QIODevice::ReadOnly))
        return core::fail(
            core::ErrorCode::InvalidArgument, u"cannot read "_s + quoted(path) + u": "_s + file.errorString());
    if (file.size() > kMaxImportFileBytes) {
        return core::fail(core::ErrorCode::InvalidArgument,
            quoted(path) + u" is larger than %1 MiB, more than Quire imports at once"_s.arg(kMaxImportFileBytes >> 20));
    }
    return file.readAll();
}

/** A failed write of the file at `path`, as people read it: "cannot write “tasks.json”: No space left on device". */
core::Error cannotWrite(const QString &path, core::Error error)
{
    error.message = u"cannot write "_s + quoted(path) + u": "_s + error.message;
    return error;
}

/** What exportToFile() writes into `file`, open at `path`; the caller commits it or throws it away. */
core::Result<core::TransferSummary> writeExport(
    core::DataTransfer &transfer, const QString &path, QIODevice &file, Format format, core::Operation &operation)
{
    core::TransferSummary summary;
    if (format == Format::QuireJson) {
        QuireJsonWriter writer(file);
        ThreadedSink writing(writer);
        auto exported = transfer.exportTo(writing, operation);
        // The writer's thread stops before the file is committed or thrown away, whatever happened;
        // its error comes first, since it is what stopped the reading.
        if (auto handedOver = writing.finish(); !handedOver)
            return std::unexpected(cannotWrite(path, std::move(handedOver.error())));
        if (!exported)
            return std::unexpected(std::move(exported.error()));
        if (auto finished = writer.finish(); !finished)
            return std::unexpected(cannotWrite(path, std::move(finished.error())));
        summary.projects = writer.projectCount();
        summary.tasks = writer.taskCount();
        return summary;
    }
    auto snapshot = transfer.exportAll(operation);
    if (!snapshot)
        return std::unexpected(std::move(snapshot.error()));
    auto bytes = writeSnapshot(format, *snapshot, operation);
    if (!bytes)
        return std::unexpected(std::move(bytes.error()));
    if (auto written = writeAll(file, *bytes); !written)
        return std::unexpected(cannotWrite(path, std::move(written.error())));
    summary.projects = snapshot->projects.size();
    summary.tasks = snapshot->tasks.size();
    return summary;
}

} // namespace

core::Result<FileToImport> readFileToImport(const QString &path, core::Operation &operation)
{
    auto bytes = readWhole(path);
    if (!bytes)
        return std::unexpected(std::move(bytes.error()));
    if (looksLikeSqlite(*bytes)) {
        auto parsed = readBlueKit(path, operation);
        if (!parsed)
            return std::unexpected(std::move(parsed.error()));
        return FileToImport {std::move(*parsed), u"BlueKit"_s};
    }
    const std::optional<Format> format = formatForFile(path, *bytes);
    if (!format) {
        return core::fail(core::ErrorCode::InvalidArgument,
            quoted(path)
                + u" is not a file Quire can import: use Quire JSON (.json), CSV (.csv) or iCalendar (.ics)"_s);
    }
    auto parsed = readSnapshot(*format, *bytes, operation);
    if (!parsed)
        return std::unexpected(std::move(parsed.error()));
    return FileToImport {std::move(*parsed), formatName(*format)};
}

core::Result<core::TransferSummary> exportToFile(
    core::DataTransfer &transfer, const QString &path, Format format, core::Operation &operation)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(cannotWrite(path, {core::ErrorCode::Storage, file.errorString()}));
    auto summary = writeExport(transfer, path, file, format, operation);
    if (summary && operation.cancelled())
        summary = std::unexpected(core::cancelledError());
    if (!summary) {
        file.cancelWriting();
        return summary;
    }
    if (!file.commit())
        return core::fail(core::ErrorCode::Storage, u"cannot save "_s + quoted(path) + u": "_s + file.errorString());
    summary->fileName = QFileInfo(path).fileName();
    return summary;
}

} // namespace quire::exchange
