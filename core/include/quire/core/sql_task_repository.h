// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/task_repository.h>

namespace quire::core {

class Database;

/**
 * @brief TaskRepository on Quire's schema, in SQLite or PostgreSQL (the SQL that differs is the
 * Database's SqlDialect).
 *
 * - Titles are trimmed and must not be empty; tags are trimmed, blanks dropped and duplicates
 *   removed (first seen wins, order kept); project ids are deduplicated, order kept.
 * - A description is stored as given, except that an empty or all-whitespace one is stored
 *   (and returned) as absent; so is a blank recurrence. A recurrence is stored in the canonical
 *   form formatRecurrence() writes; one parseRecurrence() refuses is InvalidArgument.
 * - A new task comes last in the user's own order; a move writes the moved row only (order
 *   keys, order_key.h), and the next occurrence of a recurring task follows the completed one.
 * - Due dates are stored as their sortable text (formatLocalDate), indexed, so that a due range is
 *   a range on the index.
 * - updatedAt is strictly later after every update (bumped by 1 ms if the clock has not moved);
 *   createdAt never changes. Removing a project also bumps updatedAt of its tasks. An update
 *   writes only the columns its patch gives.
 * - A listing or lookup is one statement whatever the count (and one more for the total of a part
 *   of a listing), on SQLite's own API there; tags and project ids come from their JSON copies on the
 *   task row, which every write keeps in step with task_tags and task_projects.
 * - Every write is one transaction; nested inside a caller's Database::transact() it becomes a
 *   savepoint.
 *
 * Use it on the thread that opened `db`; `db` must outlive the repository.
 */
class SqlTaskRepository final : public TaskRepository
{
public:
    explicit SqlTaskRepository(Database &db);

    [[nodiscard]] Result<TaskListing> list(const TaskQuery &query) override;
    [[nodiscard]] Result<TaskListing> list(const TaskQuery &query, qsizetype partRows, const PartSink &onPart) override;
    [[nodiscard]] Result<std::optional<Task>> findById(const QString &id) override;
    [[nodiscard]] Result<Task> create(const TaskDraft &draft) override;
    using TaskRepository::removeMany;
    using TaskRepository::updateMany;
    [[nodiscard]] Result<TaskUpdate> updateMany(const QStringList &ids, const TaskPatch &patch,
        const TaskListEdits &edits, const SeenVersions &seen, Operation &operation) override;
    [[nodiscard]] Result<Task> move(const QString &id, const std::optional<QString> &afterId) override;
    [[nodiscard]] Result<> removeMany(const QStringList &ids, const SeenVersions &seen, Operation &operation) override;

private:
    Database &m_db;
};

} // namespace quire::core
