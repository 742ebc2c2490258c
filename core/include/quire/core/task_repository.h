// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/core/task.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace quire::core {

/** @brief Which tasks a listing holds, and which part of them. */
struct TaskQuery {
    /** @brief nullopt: every task; otherwise the tasks linked to any of these (unknown ids match nothing). */
    std::optional<QStringList> projectIds = std::nullopt;
    /** @brief Up to `limit` tasks (all when nullopt) from `offset`, in the listing's order. */
    qint64 offset = 0;
    std::optional<qint64> limit = std::nullopt;
};

/** @brief The part of a listing a TaskQuery asked for. */
struct TaskListing {
    /** @brief In creation order (ties within a millisecond kept in insertion order). */
    QList<Task> tasks;
    /** @brief How many tasks the whole listing holds. */
    qint64 total = 0;
    /**
     * @brief Differs after any change to the database, by this connection or another, so that
     * parts of a listing read separately can be checked to belong together.
     */
    QString version;
};

/** @brief Storage-independent access to tasks. Every method is a single transaction. */
class TaskRepository
{
public:
    virtual ~TaskRepository() = default;

    /** @brief The tasks and the part of them that `query` asks for, read in one transaction. */
    [[nodiscard]] virtual Result<TaskListing> list(const TaskQuery &query) = 0;
    /** @brief The task, or nullopt when no task has this id. */
    [[nodiscard]] virtual Result<std::optional<Task>> findById(const QString &id) = 0;
    [[nodiscard]] virtual Result<Task> create(const TaskDraft &draft) = 0;
    /** @brief NotFound when the task or a linked project does not exist. */
    [[nodiscard]] virtual Result<Task> update(const QString &id, const TaskPatch &patch) = 0;
    /**
     * @brief Applies one patch to every task of `ids` in one transaction, and returns them (each
     * once, in creation order). NotFound naming the first missing task or project, and nothing
     * changed, when any does not exist.
     */
    [[nodiscard]] virtual Result<QList<Task>> updateMany(const QStringList &ids, const TaskPatch &patch) = 0;
    /** @brief Deletes every task of `ids` in one transaction; NotFound, and nothing deleted, when any does not exist.
     */
    [[nodiscard]] virtual Result<> removeMany(const QStringList &ids) = 0;

protected:
    TaskRepository() = default;
    TaskRepository(const TaskRepository &) = default;
    TaskRepository &operator=(const TaskRepository &) = default;
};

} // namespace quire::core
