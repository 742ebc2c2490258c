// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/history.h>

namespace quire::core {

class Database;
class ProjectRepository;
class TaskRepository;

/**
 * @brief History on the journal that the SQL repositories write (tables journal and
 * journal_changes), on either engine: each step holds an image of every row it touched, before
 * and after, as JSON object text. A step is undone only while every such row still equals its after-image,
 * and redone only while each equals its before-image; the rows are then written back whole,
 * with their tags and project links. `tasks` and `projects` read the rows the step leaves.
 *
 * Use it on the thread that opened `db`; all three must outlive it.
 */
class SqlHistory final : public History
{
public:
    SqlHistory(Database &db, TaskRepository &tasks, ProjectRepository &projects);

    [[nodiscard]] Result<std::optional<HistoryChange>> undo() override;
    [[nodiscard]] Result<std::optional<HistoryChange>> redo() override;
    [[nodiscard]] Result<UndoState> state() override;

private:
    enum class Direction : std::uint8_t { Undo, Redo };
    [[nodiscard]] Result<std::optional<HistoryChange>> step(Direction direction);

    Database &m_db;
    TaskRepository &m_tasks;
    ProjectRepository &m_projects;
};

} // namespace quire::core
