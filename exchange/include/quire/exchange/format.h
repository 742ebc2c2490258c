// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace quire::exchange {

/** @brief The file formats Quire writes and reads (BlueKit's database is read by readBlueKit()). */
enum class Format {
    QuireJson, ///< lossless, versioned: everything Quire keeps
    Csv, ///< one row per task, for spreadsheets
    ICalendar, ///< RFC 5545 VTODOs, for calendar and task apps
};

/** @brief The file name extension of `format`, without the dot: "json", "csv", "ics". */
[[nodiscard]] QString fileExtension(Format format);

/** @brief The name of `format` for people: "Quire JSON", "CSV", "iCalendar". */
[[nodiscard]] QString formatName(Format format);

/** @brief The format a file name extension names (case-insensitive, "ical" and "ifb" too); nullopt otherwise. */
[[nodiscard]] std::optional<Format> formatForExtension(QStringView extension);

/**
 * @brief The format of a file, from its name's extension, or else from its first bytes (a JSON
 * object, "BEGIN:VCALENDAR", any other text read as CSV); nullopt for what is none of these (an
 * SQLite database, say, which may be BlueKit's: see readBlueKit()).
 */
[[nodiscard]] std::optional<Format> formatForFile(const QString &path, QByteArrayView firstBytes);

/** @brief True when `firstBytes` start like an SQLite database ("SQLite format 3\0"). */
[[nodiscard]] bool looksLikeSqlite(QByteArrayView firstBytes);

} // namespace quire::exchange
