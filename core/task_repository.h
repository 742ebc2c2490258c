// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"
#include "task.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace quire::core {

/** @brief Storage-independent access to tasks. Every method is a single transaction. */
class TaskRepository
{
public:
    virtual ~TaskRepository() = default;

    /** @brief Every task, in creation order (ties within a millisecond kept in insertion order). */
    [[nodiscard]] virtual Result<QList<Task>> findAll() = 0;
    /** @brief Tasks linked to any of `projectIds`, each once, in creation order; unknown ids match nothing. */
    [[nodiscard]] virtual Result<QList<Task>> findByProjects(const QStringList &projectIds) = 0;
    /** @brief The task, or nullopt when no task has this id. */
    [[nodiscard]] virtual Result<std::optional<Task>> findById(const QString &id) = 0;
    /**
     * @brief The tasks of findAll() (nullopt) or findByProjects(), exported as one JSON array of
     * objects with camelCase keys, enum spellings as in enums.h, RFC 3339 UTC timestamps and null
     * for absent optionals. Large listings use it to skip building a Task per row.
     */
    [[nodiscard]] virtual Result<QString> listJson(const std::optional<QStringList> &projectIds) = 0;
    [[nodiscard]] virtual Result<Task> create(const TaskDraft &draft) = 0;
    /** @brief NotFound when the task or a linked project does not exist. */
    [[nodiscard]] virtual Result<Task> update(const QString &id, const TaskPatch &patch) = 0;
    [[nodiscard]] virtual Result<> remove(const QString &id) = 0;

protected:
    TaskRepository() = default;
    TaskRepository(const TaskRepository &) = default;
    TaskRepository &operator=(const TaskRepository &) = default;
};

} // namespace quire::core
