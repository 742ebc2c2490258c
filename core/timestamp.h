// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace quire::core {

/** @brief Now, in UTC, truncated to the millisecond (what storage keeps). */
[[nodiscard]] QDateTime currentTimestamp();

/** @brief RFC 3339 UTC with milliseconds: "2026-11-25T09:00:00.123Z". */
[[nodiscard]] QString formatTimestamp(const QDateTime &timestamp);

/** @brief Parses formatTimestamp()'s output (any RFC 3339 offset is accepted and converted to UTC). */
[[nodiscard]] std::optional<QDateTime> parseTimestamp(const QString &text);

} // namespace quire::core
