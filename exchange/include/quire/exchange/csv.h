// SPDX-License-Identifier: MIT
#pragma once

#include <quire/exchange/parsed_file.h>

#include <quire/core/data_transfer.h>
#include <quire/core/error.h>
#include <quire/core/operation.h>

#include <QByteArray>
#include <QByteArrayView>

namespace quire::exchange {

/**
 * @brief One row per task under a header (ID, Title, Description, Status, Priority, Complexity,
 * Type, Due, Recurrence, Tags, Projects, Project IDs, Checklist, Created, Updated, Completed,
 * Sort Key): UTF-8 with a byte order mark (so LibreOffice Calc and Excel read it as UTF-8),
 * RFC 4180 quoting, CRLF line ends. Tags, project names and project ids are joined with "; ";
 * checklist items are one line each in their cell, "[x] " or "[ ] " before the title.
 */
[[nodiscard]] core::Result<QByteArray> writeCsv(const core::Snapshot &snapshot, core::Operation &operation);

/**
 * @brief Tasks from a CSV text with a header row: columns are found by name (case, spaces and
 * '_' do not matter; "dueDate" is Due), only Title is required, unknown columns are ignored and
 * named in the notes. Project names become projects of the snapshot (with the Project IDs'
 * ids when given, new ids otherwise), one per name, so the tasks link to them. Errors name the
 * line and the column ("line 7: Status: 'doing' is not one of ...").
 */
[[nodiscard]] core::Result<ParsedFile> readCsv(QByteArrayView bytes, core::Operation &operation);

} // namespace quire::exchange
