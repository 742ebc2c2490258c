// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: the input rules both repositories apply before writing.

#include <quire/core/checklist_item.h>
#include <quire/core/error.h>

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace quire::core {

/** @brief Trimmed; InvalidArgument "<what> must not be empty" when nothing is left (titles, names). */
[[nodiscard]] Result<QString> requiredText(const QString &text, QStringView what);
/** @brief requiredText() of a patch's field: nullopt (leave unchanged) stays nullopt. */
[[nodiscard]] Result<std::optional<QString>> requiredTextIfGiven(const std::optional<QString> &text, QStringView what);

/** @brief nullopt for an absent, empty or all-whitespace description; otherwise the text as given. */
[[nodiscard]] std::optional<QString> normalizedDescription(const std::optional<QString> &description);

/**
 * @brief A recurrence in the canonical form of formatRecurrence(): nullopt for an absent or blank
 * one, InvalidArgument naming the part for one that parseRecurrence() refuses.
 */
[[nodiscard]] Result<std::optional<QString>> normalizedRecurrence(const std::optional<QString> &recurrence);

/** @brief Trimmed, blanks dropped, duplicates removed (first seen kept, order kept). */
[[nodiscard]] QStringList normalizedTags(const QStringList &tags);

/** @brief Titles trimmed, items left blank dropped, order kept. */
[[nodiscard]] QList<ChecklistItem> normalizedChecklist(QList<ChecklistItem> items);

/** @brief The same items, none done: the checklist of a repeating task's next occurrence. */
[[nodiscard]] QList<ChecklistItem> untickedChecklist(QList<ChecklistItem> items);

/** @brief What two project names compare as: equal when they differ only in case, in any script. */
[[nodiscard]] QString projectNameKey(const QString &name);

/** @brief Duplicates removed, first seen kept, order kept. */
[[nodiscard]] QStringList withoutDuplicates(const QStringList &values);

/** @brief A compact JSON array of strings, to bind as one parameter for SQLite's json_each(?). */
[[nodiscard]] QString toJsonArray(const QStringList &values);

} // namespace quire::core
