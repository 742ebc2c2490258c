// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: the input rules both repositories apply before writing.

#include <QString>
#include <QStringList>

#include <optional>

namespace quire::core {

/** @brief nullopt for an absent, empty or all-whitespace description; otherwise the text as given. */
[[nodiscard]] std::optional<QString> normalizedDescription(const std::optional<QString> &description);

/** @brief Trimmed, blanks dropped, duplicates removed (first seen kept, order kept). */
[[nodiscard]] QStringList normalizedTags(const QStringList &tags);

/** @brief Duplicates removed, first seen kept, order kept. */
[[nodiscard]] QStringList withoutDuplicates(const QStringList &values);

/** @brief A compact JSON array of strings, to bind as one parameter for SQLite's json_each(?). */
[[nodiscard]] QString toJsonArray(const QStringList &values);

} // namespace quire::core
