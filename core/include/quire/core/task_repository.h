// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/core/task.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace quire::core {

/** @brief Part of a listing, in its order: up to `limit` rows (all when nullopt) from `offset`. */
struct ListingWindow {
    qint64 offset = 0;
    std::optional<qint64> limit;
};

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
     * @brief The tasks of findAll() (nullopt) or findByProjects() within `window`, exported column
     * by column as one JSON object in UTF-8: `{"count": N, "total": T, "version": "...", "id": [...],
     * "title": [...], ...}`, one array of N elements per Task field under its camelCase key, T the
     * number of tasks in the whole listing, and a version that differs after any change to the
     * database (by this connection or another), so that parts read separately can be checked to
     * belong together. Enums are indexes into their EnumTraits order, absent optionals null,
     * timestamps RFC 3339 UTC, and `updatedAt` is null where it equals `createdAt`. Large listings
     * use it to skip building a Task per row, and because keys written once and small enum numbers
     * make the text about 40 % shorter than an array of objects.
     */
    [[nodiscard]] virtual Result<QByteArray> listColumnsJson(
        const std::optional<QStringList> &projectIds, const ListingWindow &window)
        = 0;
    [[nodiscard]] virtual Result<Task> create(const TaskDraft &draft) = 0;
    /** @brief NotFound when the task or a linked project does not exist. */
    [[nodiscard]] virtual Result<Task> update(const QString &id, const TaskPatch &patch) = 0;
    /**
     * @brief Applies one patch to every task of `ids` in one transaction, and returns them (each
     * once, in creation order). NotFound naming the first missing task or project, and nothing
     * changed, when any does not exist.
     */
    [[nodiscard]] virtual Result<QList<Task>> updateMany(const QStringList &ids, const TaskPatch &patch) = 0;
    [[nodiscard]] virtual Result<> remove(const QString &id) = 0;
    /** @brief Deletes every task of `ids` in one transaction; NotFound, and nothing deleted, when any does not exist.
     */
    [[nodiscard]] virtual Result<> removeMany(const QStringList &ids) = 0;

protected:
    TaskRepository() = default;
    TaskRepository(const TaskRepository &) = default;
    TaskRepository &operator=(const TaskRepository &) = default;
};

} // namespace quire::core
