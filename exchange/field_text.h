// SPDX-License-Identifier: MIT
#pragma once
// Text to field values, each failure a reason a person can read ("'doing' is not one of ..."):
// shared by every reader (JSON, CSV, iCalendar's extensions, BlueKit) so they all say the same.

#include <quire/core/enums.h>
#include <quire/core/local_date.h>

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <expected>

namespace quire::exchange {

/** @brief A value, or why the text is not one. */
template<class T>
using Parsed = std::expected<T, QString>;

/** @brief "'<text>'", shortened when long so that a reason stays one line. */
[[nodiscard]] QString quoted(QStringView text);

/** @brief The enum value spelled exactly `text`. */
template<class E>
[[nodiscard]] Parsed<E> enumFromText(QStringView text)
{
    if (const auto value = core::parseEnum<E>(text))
        return *value;
    return std::unexpected(quoted(text) + QStringLiteral(" is not one of ") + core::enumNames<E>().join(u", "));
}

/** @brief `text` lower-cased, with '_' and '-' read as spaces and the edges trimmed: how people may spell an enum
 * value. */
[[nodiscard]] QString looseSpelling(QStringView text);

/**
 * @brief The enum value `text` spells, in any case and with '_', '-' or ' ' alike ("In progress"
 * is in_progress), for text people typed (a spreadsheet) or another app wrote.
 */
template<class E>
[[nodiscard]] Parsed<E> enumFromLooseText(QStringView text)
{
    const QString wanted = looseSpelling(text);
    for (const auto &[value, name] : core::EnumTraits<E>::values) {
        if (looseSpelling(QStringView(name.data(), static_cast<qsizetype>(name.size()))) == wanted)
            return value;
    }
    return enumFromText<E>(text);
}

/** @brief An RFC 3339 timestamp, in UTC. */
[[nodiscard]] Parsed<QDateTime> timestampFromText(QStringView text);

/** @brief "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM". */
[[nodiscard]] Parsed<core::LocalDate> localDateFromText(QStringView text);

} // namespace quire::exchange
