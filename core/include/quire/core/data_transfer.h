// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/core/operation.h>
#include <quire/core/project.h>
#include <quire/core/task.h>

#include <QList>
#include <QStringList>

namespace quire::core {

/** @brief Everything a database holds that a person cares about: projects and tasks, completed ones included. */
struct Snapshot {
    QList<Project> projects;
    QList<Task> tasks;

    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

/** @brief Whether import() writes, or only says what it would write. */
enum class ImportMode { Preview, Commit };

/** @brief What an import did (or, previewed, would do). */
struct ImportReport {
    qint64 projectsAdded = 0;
    qint64 tasksAdded = 0;
    /** @brief Ids already in the database (or earlier in the same snapshot): reported, not doubled. */
    QStringList projectsSkipped;
    QStringList tasksSkipped;

    friend bool operator==(const ImportReport &, const ImportReport &) = default;
};

/**
 * @brief Moves whole databases in and out, for the import and export formats (exchange/).
 */
class DataTransfer
{
public:
    virtual ~DataTransfer() = default;

    /**
     * @brief Every project and every task, in one read transaction: projects by name, tasks in
     * creation order. Reports progress per task; Cancelled when `operation` is cancelled.
     */
    [[nodiscard]] virtual Result<Snapshot> exportAll(Operation &operation) = 0;

    /**
     * @brief Adds `snapshot` to the database in one transaction, all or nothing, keeping ids,
     * timestamps, order keys and links. A project or task whose id the database (or an earlier
     * record of the snapshot) already has is skipped and reported; one without an id gets a new
     * one. Each record is validated as create() validates: InvalidArgument naming the record
     * ("task 12 “Buy milk”: ...") and nothing written. A task linked to a project that is neither
     * in the database nor in the snapshot is NotFound naming both. Cancelled, nothing written,
     * when `operation` is cancelled. Committed, it is one undoable step ("Import 312 tasks").
     */
    [[nodiscard]] virtual Result<ImportReport> import(const Snapshot &snapshot, ImportMode mode, Operation &operation)
        = 0;

protected:
    DataTransfer() = default;
    DataTransfer(const DataTransfer &) = default;
    DataTransfer &operator=(const DataTransfer &) = default;
};

} // namespace quire::core
