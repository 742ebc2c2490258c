// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: whole task and project rows as the repositories write and read them, shared
// with SqlDataTransfer so that an import stores exactly what a create stores (row, tag and
// link rows, JSON copies) and an export reads exactly what a listing reads. Each runs inside its
// caller's transaction.

#include <quire/core/error.h>
#include <quire/core/project.h>
#include <quire/core/task.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace quire::core {

class Database;

/** @brief Takes each task a reader has read; an error (a cancel, a full disk) stops the reading and is returned. */
using TaskVisitor = std::function<Result<>(Task &&)>;

/** @brief Every task, in creation order, by SqlTaskRepository::list()'s one statement, one at a time. */
[[nodiscard]] Result<> forEachStoredTask(Database &db, const TaskVisitor &visit);

/** @brief Saves a new task with its tags and project links (rows and JSON copies); its projects must exist. */
[[nodiscard]] Result<> insertTask(Database &db, const Task &task);

/** @brief Saves a new project. */
[[nodiscard]] Result<> insertProject(Database &db, const Project &project);

/** @brief The first of `ids` (in the given order) that is not a row of `table`, if any. One statement. */
[[nodiscard]] Result<std::optional<QString>> firstMissing(Database &db, const QString &table, const QStringList &ids);

/** @brief The largest order key of any task; empty when there is no task. */
[[nodiscard]] Result<QString> lastOrderKey(Database &db);

/**
 * @brief orderKeyBetween(`before`, `after`) (empty: no bound); a bound that is not a key reads as
 * a Storage error, since only storage can have put it there.
 */
[[nodiscard]] Result<QString> storedKeyBetween(const QString &before, const QString &after);

} // namespace quire::core
