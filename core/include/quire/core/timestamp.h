// SPDX-License-Identifier: MIT
#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace quire::core {

/** @brief Now, in UTC, truncated to the millisecond (what storage keeps). */
[[nodiscard]] QDateTime currentTimestamp();

/**
 * @brief The updatedAt of a change made now to a record last changed at `previous`: now, or 1 ms
 * after `previous` when the clock has not moved past it, so that "changed since" checks hold.
 */
[[nodiscard]] QDateTime nextUpdateTimestamp(const QDateTime &previous);

/** @brief RFC 3339 UTC with milliseconds: "2026-11-25T09:00:00.123Z". */
[[nodiscard]] QString formatTimestamp(const QDateTime &timestamp);

/** @brief Appends formatTimestamp()'s text in UTF-8: for listings of many records, without a QString each. */
void appendTimestamp(QByteArray &utf8, const QDateTime &timestamp);

/** @brief Parses formatTimestamp()'s output (any RFC 3339 offset is accepted and converted to UTC). */
[[nodiscard]] std::optional<QDateTime> parseTimestamp(QAnyStringView text);

} // namespace quire::core
