// SPDX-License-Identifier: MIT
#include <quire/exchange/transfer_file.h>

#include <quire/exchange/bluekit.h>
#include <quire/exchange/snapshot_file.h>

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

core::Result<> writeFileToExport(
    const QString &path, Format format, const core::Snapshot &snapshot, core::Operation &operation)
{
    auto bytes = writeSnapshot(format, snapshot, operation);
    if (!bytes)
        return std::unexpected(std::move(bytes.error()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::fail(core::ErrorCode::Storage, u"cannot write "_s + quoted(path) + u": "_s + file.errorString());
    if (file.write(*bytes) != bytes->size()) {
        file.cancelWriting();
        return core::fail(core::ErrorCode::Storage, u"cannot write "_s + quoted(path) + u": "_s + file.errorString());
    }
    if (operation.cancelled()) {
        file.cancelWriting();
        return std::unexpected(core::cancelledError());
    }
    if (!file.commit())
        return core::fail(core::ErrorCode::Storage, u"cannot save "_s + quoted(path) + u": "_s + file.errorString());
    return {};
}

} // namespace quire::exchange
