// SPDX-License-Identifier: MIT
#pragma once

#include <quire/exchange/parsed_file.h>

#include <quire/core/data_transfer.h>
#include <quire/core/error.h>
#include <quire/core/operation.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QTimeZone>

namespace quire::exchange {

/**
 * @brief An RFC 5545 calendar with one VTODO per task, written by libical (folding, escaping).
 * exchange/README.md lists how each field maps: UID is the task id, STATUS, PRIORITY (1-9),
 * CATEGORIES, DUE (a DATE, or a floating DATE-TIME, as Quire's due dates are wall time), RRULE,
 * COMPLETED, CREATED, LAST-MODIFIED; the rest as X-QUIRE-* properties other apps keep but do not show.
 */
[[nodiscard]] core::Result<QByteArray> writeICalendar(const core::Snapshot &snapshot, core::Operation &operation);

/**
 * @brief The VTODOs of an iCalendar text, parsed by libical: other components (VEVENT, VJOURNAL,
 * ...) are skipped and counted in the notes, X- properties of other apps ignored. A DUE in a time
 * zone (TZID with its VTIMEZONE, or UTC) becomes the wall time in `localZone`; a floating one is
 * kept. A VTODO without UID gets no id (the import assigns one); one without SUMMARY is an error
 * naming it. What the file has that Quire cannot keep (a rule outside Quire's RRULE subset, a
 * property libical could not read) is left out and said in the notes.
 */
[[nodiscard]] core::Result<ParsedFile> readICalendar(
    QByteArrayView bytes, core::Operation &operation, const QTimeZone &localZone = QTimeZone::systemTimeZone());

} // namespace quire::exchange
