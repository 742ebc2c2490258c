// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/core/operation.h>
#include <quire/core/task.h>

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace quire::core {

/** @brief Which tasks a listing holds, and which part of them. */
struct TaskQuery {
    /** @brief nullopt: every task; otherwise the tasks linked to any of these (unknown ids match nothing). */
    std::optional<QStringList> projectIds = std::nullopt;
    /** @brief nullopt: any task; otherwise only these (unknown ids match nothing). */
    std::optional<QStringList> ids = std::nullopt;
    /**
     * @brief nullopt: any task; otherwise only the tasks whose title, description, tags,
     * checklist items or project names hold every word of it (as a word prefix, ignoring case and
     * accents), best matches first instead of in creation order. Text without a word matches nothing.
     */
    std::optional<QString> text = std::nullopt;
    /** @brief nullopt: completed or not; true: only completed tasks; false: only the others. */
    std::optional<bool> completed = std::nullopt;
    /** @brief Only tasks due on or after this day (timed ones included); nullopt: no lower bound. */
    std::optional<QDate> dueFrom = std::nullopt;
    /** @brief Only tasks due on or before this day (timed ones included); nullopt: no upper bound. */
    std::optional<QDate> dueUntil = std::nullopt;
    /** @brief Up to `limit` tasks (all when nullopt) from `offset`, in the listing's order. */
    qint64 offset = 0;
    std::optional<qint64> limit = std::nullopt;
};

/** @brief The part of a listing a TaskQuery asked for. */
struct TaskListing {
    /** @brief In creation order (ties within a millisecond kept in insertion order), or best match first for a text. */
    QList<Task> tasks;
    /** @brief How many tasks the whole listing holds. */
    qint64 total = 0;
    /**
     * @brief Differs after any change to the database, by this connection or another, so that
     * parts of a listing read separately can be checked to belong together.
     */
    QString version;
};

/**
 * @brief Items added to and removed from each task's own lists by an update, whatever each holds
 * already: "add the tag urgent to these 300 tasks" as one change, where TaskPatch can only set
 * the same whole list on all of them. Added items go after the task's own, each once.
 */
struct TaskListEdits {
    QStringList addTags {};
    QStringList removeTags {};
    QStringList addProjectIds {};
    QStringList removeProjectIds {};

    [[nodiscard]] bool editsTags() const { return !addTags.isEmpty() || !removeTags.isEmpty(); }
    [[nodiscard]] bool editsProjects() const { return !addProjectIds.isEmpty() || !removeProjectIds.isEmpty(); }
};

/**
 * @brief The updatedAt each of some tasks had when a client read it. A change to any of them that
 * has been changed since (by this client or another) is refused with Conflict, so that nobody
 * overwrites, or deletes, what someone else wrote without having seen it. Tasks not named here are
 * changed whatever their updatedAt.
 */
using SeenVersions = QHash<QString, QDateTime>;

/** @brief What an update wrote. */
struct TaskUpdate {
    /** @brief The updated tasks, each once, in creation order. */
    QList<Task> tasks;
    /** @brief The next occurrences of the recurring tasks that the update completed. */
    QList<Task> nextOccurrences;
};

/** @brief Storage-independent access to tasks. Every method is a single transaction. */
class TaskRepository
{
public:
    virtual ~TaskRepository() = default;

    /** @brief The tasks and the part of them that `query` asks for, read in one transaction. */
    [[nodiscard]] virtual Result<TaskListing> list(const TaskQuery &query) = 0;

    /** @brief Takes one part of a listing as it is read; an error stops the read and is list()'s. */
    using PartSink = std::function<Result<>(const TaskListing &part)>;
    /**
     * @brief list(), handed over `partRows` rows at a time as they are read (more than 0), so that
     * a caller can send one part while the next is read. Every part but the last goes to `onPart`,
     * with the listing's version and, as its total, the rows up to its end (the whole count is
     * known only once read); the last part, which has the listing's total, is returned. One read.
     */
    [[nodiscard]] virtual Result<TaskListing> list(const TaskQuery &query, qsizetype partRows, const PartSink &onPart)
        = 0;
    /** @brief The task, or nullopt when no task has this id. */
    [[nodiscard]] virtual Result<std::optional<Task>> findById(const QString &id) = 0;
    /** @brief A task created completed is completed at its creation. */
    [[nodiscard]] virtual Result<Task> create(const TaskDraft &draft) = 0;
    /**
     * @brief Applies one patch to every task of `ids` in one transaction. NotFound naming the
     * first missing task or project, and nothing changed, when any does not exist.
     *
     * Completing a task sets its completedAt (kept when it was completed already), giving another
     * status clears it. Completing a recurring task also creates its next occurrence, in the same
     * transaction: the same fields, not completed, due on the rule's first date after today
     * (counted from its due date, or from today when it has none), carrying the rest of the rule.
     *
     * `edits` adds and removes tags and project links on each task (InvalidArgument when the patch
     * also sets that list, or an item is both added and removed; NotFound for a project to add
     * that does not exist). Conflict, nothing changed, when a task of `seen` has changed since
     * (checked after existence: a task deleted since is NotFound). Works through the tasks in
     * groups, reporting each done ("saving"); Cancelled, nothing changed, when `operation` is
     * cancelled.
     */
    [[nodiscard]] virtual Result<TaskUpdate> updateMany(const QStringList &ids, const TaskPatch &patch,
        const TaskListEdits &edits, const SeenVersions &seen, Operation &operation)
        = 0;
    /** @brief updateMany() of a patch alone, with nobody watching (one task, a test). */
    [[nodiscard]] Result<TaskUpdate> updateMany(
        const QStringList &ids, const TaskPatch &patch, const SeenVersions &seen = {})
    {
        UnwatchedOperation operation;
        return updateMany(ids, patch, {}, seen, operation);
    }
    /**
     * @brief Puts the task right after `afterId` in the user's own order (sortKey), or first when
     * nullopt, by giving it a key between that task's and the next one's: one row written. NotFound
     * when either task does not exist; InvalidArgument when a task is to follow itself.
     */
    [[nodiscard]] virtual Result<Task> move(const QString &id, const std::optional<QString> &afterId) = 0;
    /**
     * @brief Deletes every task of `ids` in one transaction; NotFound, and nothing deleted, when
     * any does not exist; Conflict, nothing deleted, when a task of `seen` has changed since.
     * Reports each group done ("deleting"); Cancelled, nothing deleted, when `operation` is
     * cancelled.
     */
    [[nodiscard]] virtual Result<> removeMany(const QStringList &ids, const SeenVersions &seen, Operation &operation)
        = 0;
    /** @brief removeMany() with nobody watching (one task, a test). */
    [[nodiscard]] Result<> removeMany(const QStringList &ids, const SeenVersions &seen = {})
    {
        UnwatchedOperation operation;
        return removeMany(ids, seen, operation);
    }

protected:
    TaskRepository() = default;
    TaskRepository(const TaskRepository &) = default;
    TaskRepository &operator=(const TaskRepository &) = default;
};

} // namespace quire::core
