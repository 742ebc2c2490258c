// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/data_transfer.h>

namespace quire::core {

class Database;

/**
 * @brief DataTransfer on Quire's schema, in SQLite or PostgreSQL.
 *
 * - exportTo() reads projects as SqlProjectRepository::findAll() orders them and tasks by the
 *   listing's own statement, in one read transaction, and hands each task on as it is read.
 * - import() validates and normalises each record by the repositories' rules (a new id, creation
 *   time or order key where the record has none; a completed task without completedAt completed at
 *   its updatedAt; completedAt dropped from a task that is not completed), checks ids and project
 *   links with one statement each, and writes through the repositories' own row writers, so the
 *   search index and the tags and links tables are kept as any write keeps them.
 * - A committed import is one journal step ("Import 312 tasks"): undo deletes exactly the rows
 *   it added, redo puts them back. An import that adds nothing records no step.
 * - A preview runs every check of a commit (in a read transaction, without taking the write lock)
 *   and stops where the writing would begin.
 * - Progress: "reading" per task for an export; "checking" then "writing" per record for an
 *   import. A cancel is noticed within 256 records (and before an import commits).
 *
 * Use it on the thread that opened `db`; `db` must outlive it.
 */
class SqlDataTransfer final : public DataTransfer
{
public:
    explicit SqlDataTransfer(Database &db);

    [[nodiscard]] Result<> exportTo(SnapshotSink &sink, Operation &operation) override;
    [[nodiscard]] Result<ImportReport> import(const Snapshot &snapshot, ImportMode mode, Operation &operation) override;

private:
    Database &m_db;
};

} // namespace quire::core
