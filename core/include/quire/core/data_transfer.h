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
 * @brief Receives an export as it is read: the projects, then each task. A file writer that takes
 * the tasks one by one writes 100 000 of them without holding them all (and their text) at once.
 */
class SnapshotSink
{
public:
    virtual ~SnapshotSink() = default;

    /** @brief Every project, before any task; `taskCount` tasks follow. An error stops the export. */
    [[nodiscard]] virtual Result<> addProjects(const QList<Project> &projects, qint64 taskCount) = 0;
    /** @brief The next task. An error stops the export and is what it returns. */
    [[nodiscard]] virtual Result<> addTask(Task &&task) = 0;

protected:
    SnapshotSink() = default;
    SnapshotSink(const SnapshotSink &) = default;
    SnapshotSink &operator=(const SnapshotSink &) = default;
};

/**
 * @brief Moves whole databases in and out, for the import and export formats (exchange/).
 */
class DataTransfer
{
public:
    virtual ~DataTransfer() = default;

    /**
     * @brief Every project and every task, in one read transaction, given to `sink` as they are
     * read: projects by name, then tasks in creation order. Reports progress per task ("reading");
     * Cancelled when `operation` is cancelled; a sink's error stops it and is returned.
     */
    [[nodiscard]] virtual Result<> exportTo(SnapshotSink &sink, Operation &operation) = 0;

    /** @brief exportTo() gathered into one Snapshot, for the formats that need every record at once. */
    [[nodiscard]] Result<Snapshot> exportAll(Operation &operation);

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
