// SPDX-License-Identifier: MIT
#pragma once

#include <quire/exchange/format.h>
#include <quire/exchange/parsed_file.h>

#include <quire/core/data_transfer.h>
#include <quire/core/error.h>
#include <quire/core/operation.h>
#include <quire/core/transfer_summary.h>

#include <QString>

namespace quire::exchange {

/** @brief The largest file Quire reads to import: far above 100 000 tasks in any format. */
inline constexpr qint64 kMaxImportFileBytes = qint64 {512} << 20;

/** @brief What a file to import turned out to be. */
struct FileToImport {
    ParsedFile parsed;
    /** @brief For people: "Quire JSON", "CSV", "iCalendar", "BlueKit". */
    QString formatName;
};

/**
 * @brief Reads the file at `path` to import it, whatever it is: Quire JSON, CSV or iCalendar (by
 * its extension, or else its first bytes), or BlueKit's SQLite database. NotFound for a missing
 * file; InvalidArgument, naming the file, for one Quire cannot read or one over
 * kMaxImportFileBytes; the reader's own error (naming the line or record) for a bad one.
 */
[[nodiscard]] core::Result<FileToImport> readFileToImport(const QString &path, core::Operation &operation);

/**
 * @brief Exports everything `transfer` holds to `path` in `format`, whole or not at all (through a
 * temporary file renamed into place): a failure or a cancel leaves no file behind, nor a
 * half-written one. Quire JSON is written as the tasks are read, a megabyte at a time; CSV and
 * iCalendar gather every record first. Returns the file's name and what it holds.
 */
[[nodiscard]] core::Result<core::TransferSummary> exportToFile(
    core::DataTransfer &transfer, const QString &path, Format format, core::Operation &operation);

} // namespace quire::exchange
