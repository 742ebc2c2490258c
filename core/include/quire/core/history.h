// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/core/project.h>
#include <quire/core/task.h>
#include <quire/core/undo_state.h>
#include <quire/core/undo_step.h>

#include <QList>
#include <QStringList>

#include <optional>

namespace quire::core {

/** @brief What an undo or a redo did, and the rows it left, for the views to patch. */
struct HistoryChange {
    /** @brief The step's label, and what undo and redo would do next. */
    UndoStep step;
    /** @brief The tasks the step put back or changed, as they now are. */
    QList<Task> tasks;
    /** @brief The tasks that no longer exist after it. */
    QStringList deletedTaskIds;
    QList<Project> projects;
    QStringList deletedProjectIds;
};

/**
 * @brief Undo and redo over every write of the repositories, from a journal kept in the database
 * (so it survives a restart and sees every window's writes). Each step is one transaction.
 */
class History
{
public:
    virtual ~History() = default;

    /**
     * @brief Undoes the latest step not undone: every row it wrote is put back exactly as it was.
     * nullopt when there is none. Conflict, and nothing changed, when a row the step wrote has
     * changed since: undo never overwrites a later change.
     */
    [[nodiscard]] virtual Result<std::optional<HistoryChange>> undo() = 0;
    /** @brief Does again the step undone last, under the same rule; a new write ends redo. */
    [[nodiscard]] virtual Result<std::optional<HistoryChange>> redo() = 0;
    /** @brief What undo() and redo() would do now. */
    [[nodiscard]] virtual Result<UndoState> state() = 0;

protected:
    History() = default;
    History(const History &) = default;
    History &operator=(const History &) = default;
};

} // namespace quire::core
