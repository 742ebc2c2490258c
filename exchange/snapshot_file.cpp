// SPDX-License-Identifier: MIT
#include <quire/exchange/snapshot_file.h>

#include <quire/exchange/csv.h>
#include <quire/exchange/icalendar.h>
#include <quire/exchange/quire_json.h>

namespace quire::exchange {

core::Result<QByteArray> writeSnapshot(Format format, const core::Snapshot &snapshot, core::Operation &operation)
{
    switch (format) {
    case Format::QuireJson: return writeQuireJson(snapshot, operation);
    case Format::Csv: return writeCsv(snapshot, operation);
    case Format::ICalendar: return writeICalendar(snapshot, operation);
    }
    return core::fail(core::ErrorCode::Internal, QStringLiteral("unknown file format"));
}

core::Result<ParsedFile> readSnapshot(Format format, QByteArrayView bytes, core::Operation &operation)
{
    switch (format) {
    case Format::QuireJson: return readQuireJson(bytes, operation);
    case Format::Csv: return readCsv(bytes, operation);
    case Format::ICalendar: return readICalendar(bytes, operation);
    }
    return core::fail(core::ErrorCode::Internal, QStringLiteral("unknown file format"));
}

} // namespace quire::exchange
