// SPDX-License-Identifier: MIT
#include "connection_names.h"
#include "result_assertions.h"
#include "temporary_folder.h"
#include "test_store.h"
#include <quire/core/database.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::execOnFile;
using quire::core_test::listedTasks;
using quire::core_test::scalar;
using quire::core_test::scalarOnFile;
using quire::test::TemporaryFolder;
using quire::test::uniqueConnectionName;

namespace {

// Schema version 1 exactly as Quire 0.1 wrote it, typed out here (not taken from the code under
// test) so that a change to migrateTo1() cannot make this fixture drift along with it.
QStringList version1Schema()
{
    return {
        u"CREATE TABLE projects (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL CHECK (length(trim(name)) > 0), "
        "description TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"_s,
        u"CREATE TABLE tasks (id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL CHECK (length(trim(title)) > 0), "
        "description TEXT, "
        "priority TEXT NOT NULL DEFAULT 'standard' CHECK (priority IN ('pinned', 'high', 'standard', 'long term', "
        "'nit')), "
        "status TEXT NOT NULL DEFAULT 'backlog' CHECK (status IN ('backlog', 'in_progress', 'completed', 'blocked')), "
        "complexity TEXT CHECK (complexity IN ('easy', 'hard', 'deep dive')), "
        "type TEXT CHECK (type IN ('bug', 'investigation', 'feature', 'cleanup', 'optimization', 'chore')), "
        "tags TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"_s,
        u"CREATE INDEX tasks_by_creation ON tasks (created_at, id)"_s,
        u"CREATE TABLE task_projects (task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE, "
        "project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE, position INTEGER NOT NULL DEFAULT 0, "
        "PRIMARY KEY (task_id, project_id)) WITHOUT ROWID"_s,
        u"CREATE INDEX task_projects_by_project ON task_projects (project_id, task_id)"_s,
    };
}

QStringList version1Rows()
{
    return {
        u"INSERT INTO projects VALUES ('p1', 'Home', NULL, '2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z')"_s,
        u"INSERT INTO tasks VALUES ('t1', 'Fix the roof', 'before winter', 'high', 'in_progress', 'hard', 'bug', "
        "'[\" urgent \", \"outside\", \"urgent\", \"\", \"   \", 42, \"🏠 home\"]', "
        "'2026-01-01T09:00:00.000Z', '2026-01-02T10:00:00.000Z')"_s,
        u"INSERT INTO tasks VALUES ('t2', 'Call mum', NULL, 'standard', 'backlog', NULL, NULL, '[]', "
        "'2026-01-01T09:30:00.000Z', '2026-01-01T09:30:00.000Z')"_s,
        u"INSERT INTO task_projects VALUES ('t1', 'p1', 0)"_s,
        u"PRAGMA user_version = 1"_s,
    };
}

// Schema version 2 as migrateTo2() left it, typed out for the same reason.
QStringList version2SchemaAndRows()
{
    QStringList sql = version1Schema();
    sql.removeAt(1); // tasks, without the JSON tags column this time
    sql.insert(1,
        u"CREATE TABLE tasks (id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL CHECK (length(trim(title)) > 0), "
        "description TEXT, priority TEXT NOT NULL DEFAULT 'standard', status TEXT NOT NULL DEFAULT 'backlog', "
        "complexity TEXT, type TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"_s);
    sql << u"CREATE TABLE task_tags (task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE, "
           "tag TEXT NOT NULL CHECK (length(tag) > 0), position INTEGER NOT NULL, "
           "PRIMARY KEY (task_id, tag)) WITHOUT ROWID"_s
        << u"CREATE INDEX task_tags_by_tag ON task_tags (tag, task_id)"_s
        << u"INSERT INTO projects VALUES ('p1', 'Home', NULL, '2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z')"_s
        << u"INSERT INTO projects VALUES ('p2', 'Work', NULL, '2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z')"_s
        << u"INSERT INTO tasks VALUES ('t1', 'Fix the roof', NULL, 'high', 'backlog', NULL, 'bug', "
           "'2026-01-01T09:00:00.000Z', '2026-01-01T09:00:00.000Z')"_s
        << u"INSERT INTO task_tags VALUES ('t1', 'zinc', 0), ('t1', 'attic', 1)"_s
        << u"INSERT INTO task_projects VALUES ('t1', 'p2', 0), ('t1', 'p1', 1)"_s << u"PRAGMA user_version = 2"_s;
    return sql;
}

// Schema version 3 as migrateTo3() left it: version 2 with each task's lists copied on its row.
QStringList version3SchemaAndRows()
{
    QStringList sql = version2SchemaAndRows();
    sql.removeLast(); // the version 2 stamp
    sql << u"ALTER TABLE tasks ADD COLUMN tags_json TEXT NOT NULL DEFAULT '[]'"_s
        << u"ALTER TABLE tasks ADD COLUMN project_ids_json TEXT NOT NULL DEFAULT '[]'"_s
        << u"UPDATE tasks SET tags_json = '[\"zinc\",\"attic\"]', project_ids_json = '[\"p2\",\"p1\"]'"_s
        << u"INSERT INTO tasks VALUES ('t2', 'Paint the fence', NULL, 'standard', 'completed', NULL, NULL, "
           "'2026-01-02T09:00:00.000Z', '2026-01-05T17:30:00.000Z', '[]', '[]')"_s
        << u"PRAGMA user_version = 3"_s;
    return sql;
}

} // namespace

TEST(Migration, FromVersion3KeepsEveryTaskAndDatesTheCompletedOnesByTheirLastChange)
{
    // Given a version 3 file with an open and a completed task
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_OK(execOnFile(path, version3SchemaAndRows()));

    // When Quire opens it
    ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, uniqueConnectionName()));

    // Then both tasks read back with every field kept, no due date or recurrence, and the
    // completed one completed at its last change; a version 3 backup was made
    EXPECT_EQ(scalar(*db, u"PRAGMA user_version"_s).toInt(), Database::kSchemaVersion);
    ASSERT_TRUE(db->backupPath().has_value());
    ASSERT_OK_AND_ASSIGN(const QVariant backupVersion, scalarOnFile(*db->backupPath(), u"PRAGMA user_version"_s));
    EXPECT_EQ(backupVersion.toInt(), 3);
    EXPECT_EQ(QFileInfo(*db->backupPath()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions())
        << "a backup is as private as a new database";
    SqlTaskRepository tasks(*db);
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(tasks));
    ASSERT_EQ(all.size(), 2);
    const Task &roof = all.at(0);
    EXPECT_EQ(roof.title, u"Fix the roof"_s);
    EXPECT_EQ(roof.priority, Priority::High);
    EXPECT_EQ(roof.type, std::optional(TaskType::Bug));
    EXPECT_EQ(roof.tags, (QStringList {u"zinc"_s, u"attic"_s}));
    EXPECT_EQ(roof.projectIds, (QStringList {u"p2"_s, u"p1"_s}));
    EXPECT_EQ(roof.dueDate, std::nullopt);
    EXPECT_EQ(roof.recurrence, std::nullopt);
    EXPECT_EQ(roof.completedAt, std::nullopt);
    EXPECT_TRUE(roof.checklist.isEmpty());
    const Task &fence = all.at(1);
    EXPECT_EQ(fence.status, Status::Completed);
    EXPECT_EQ(fence.completedAt, std::optional(fence.updatedAt));
    EXPECT_EQ(fence.updatedAt, QDateTime(QDate(2026, 1, 5), QTime(17, 30), Qt::UTC));
    // And the user's own order starts as the creation order
    EXPECT_FALSE(roof.sortKey.isEmpty());
    EXPECT_LT(roof.sortKey, fence.sortKey);
    // And the lists of open and of completed tasks have their indexes
    EXPECT_EQ(scalar(*db,
                  u"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                  "('tasks_by_due_date', 'tasks_by_sort_key', 'tasks_open_by_creation', 'tasks_done_by_creation')"_s)
                  .toInt(),
        4);
    // And the tasks it had can be found by their words from the start
    ASSERT_OK_AND_ASSIGN(const QList<Task> found, listedTasks(tasks, {.text = u"ZINC roo"_s}));
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found.first().title, u"Fix the roof"_s);
}

TEST(Migration, FromVersion2CopiesTagsAndProjectIdsBesideTheirTaskInStoredOrder)
{
    // Given a version 2 file whose tags and links are stored out of alphabetical order
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_OK(execOnFile(path, version2SchemaAndRows()));

    // When Quire opens it
    ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, uniqueConnectionName()));

    // Then the task row holds both lists as JSON in stored order, a version 2 backup was made,
    // and both readers agree
    EXPECT_EQ(scalar(*db, u"PRAGMA user_version"_s).toInt(), Database::kSchemaVersion);
    EXPECT_EQ(scalar(*db, u"SELECT tags_json FROM tasks WHERE id = 't1'"_s).toString(), u"[\"zinc\",\"attic\"]"_s);
    EXPECT_EQ(scalar(*db, u"SELECT project_ids_json FROM tasks WHERE id = 't1'"_s).toString(), u"[\"p2\",\"p1\"]"_s);
    ASSERT_TRUE(db->backupPath().has_value());
    ASSERT_OK_AND_ASSIGN(const QVariant backupVersion, scalarOnFile(*db->backupPath(), u"PRAGMA user_version"_s));
    EXPECT_EQ(backupVersion.toInt(), 2);
    SqlTaskRepository tasks(*db);
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(tasks));
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all.first().tags, (QStringList {u"zinc"_s, u"attic"_s}));
    EXPECT_EQ(all.first().projectIds, (QStringList {u"p2"_s, u"p1"_s}));
}

TEST(Migration, FromVersion1MovesJsonTagsToTheirTableAndKeepsEverythingElse)
{
    // Given a version 1 file with real rows and JSON tags (padded, duplicated, blank, non-string)
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_OK(execOnFile(path, version1Schema() + version1Rows()));

    // When Quire opens it
    ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, uniqueConnectionName()));

    // Then it is at the current version, with tags as normalised rows, in their original order
    EXPECT_EQ(db->schemaVersion(), Database::kSchemaVersion);
    EXPECT_EQ(scalar(*db, u"PRAGMA user_version"_s).toInt(), Database::kSchemaVersion);
    EXPECT_EQ(scalar(*db, u"SELECT count(*) FROM pragma_table_info('tasks') WHERE name = 'tags'"_s).toInt(), 0);
    EXPECT_EQ(scalar(*db, u"SELECT count(*) FROM task_tags"_s).toInt(), 3);
    SqlTaskRepository tasks(*db);
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(tasks));
    ASSERT_EQ(all.size(), 2);
    const Task &roof = all.at(0);
    EXPECT_EQ(roof.id, u"t1"_s);
    EXPECT_EQ(roof.title, u"Fix the roof"_s);
    EXPECT_EQ(roof.description, std::optional(u"before winter"_s));
    EXPECT_EQ(roof.priority, Priority::High);
    EXPECT_EQ(roof.status, Status::InProgress);
    EXPECT_EQ(roof.complexity, std::optional(Complexity::Hard));
    EXPECT_EQ(roof.type, std::optional(TaskType::Bug));
    EXPECT_EQ(roof.tags, (QStringList {u"urgent"_s, u"outside"_s, u"🏠 home"_s}));
    EXPECT_EQ(roof.projectIds, QStringList {u"p1"_s});
    EXPECT_EQ(roof.createdAt, QDateTime::fromString(u"2026-01-01T09:00:00.000Z"_s, Qt::ISODateWithMs));
    EXPECT_EQ(roof.updatedAt, QDateTime::fromString(u"2026-01-02T10:00:00.000Z"_s, Qt::ISODateWithMs));
    EXPECT_EQ(all.at(1).id, u"t2"_s);
    EXPECT_TRUE(all.at(1).tags.isEmpty());
    SqlProjectRepository projects(*db);
    ASSERT_OK_AND_ASSIGN(const QList<Project> allProjects, projects.findAll());
    ASSERT_EQ(allProjects.size(), 1);
    EXPECT_EQ(allProjects.first().name, u"Home"_s);

    // and the migrated database works: a tag is found through the new table
    EXPECT_EQ(scalar(*db, u"SELECT task_id FROM task_tags WHERE tag = 'outside'"_s).toString(), u"t1"_s);
}

TEST(Migration, FromVersion1LeavesAValidVersion1Backup)
{
    // Given a version 1 file
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_OK(execOnFile(path, version1Schema() + version1Rows()));

    // When Quire opens (and migrates) it
    ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, uniqueConnectionName()));

    // Then a copy of the version 1 database sits next to it, with the old data and JSON tags
    ASSERT_TRUE(db->backupPath().has_value());
    const QString backup = *db->backupPath();
    EXPECT_EQ(backup, path + u".v1.bak"_s);
    EXPECT_TRUE(QFileInfo::exists(backup));
    auto version = scalarOnFile(backup, u"PRAGMA user_version"_s);
    ASSERT_OK(version);
    EXPECT_EQ(version->toInt(), 1);
    auto tags = scalarOnFile(backup, u"SELECT tags FROM tasks WHERE id = 't1'"_s);
    ASSERT_OK(tags);
    EXPECT_TRUE(tags->toString().contains(u"outside"_s));
    auto integrity = scalarOnFile(backup, u"PRAGMA integrity_check"_s);
    ASSERT_OK(integrity);
    EXPECT_EQ(integrity->toString(), u"ok"_s);
}

TEST(Migration, BackupNeverOverwritesAnEarlierBackup)
{
    // Given a version 1 file and an earlier backup under the default backup name
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_OK(execOnFile(path, version1Schema() + version1Rows()));
    const QString earlier = folder.writeFile(u"quire.db.v1.bak"_s, "the only copy of something");
    ASSERT_FALSE(earlier.isEmpty());

    // When Quire opens it
    ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, uniqueConnectionName()));

    // Then the new backup has another name and the earlier one is intact
    ASSERT_TRUE(db->backupPath().has_value());
    EXPECT_NE(*db->backupPath(), earlier);
    EXPECT_TRUE(db->backupPath()->startsWith(path + u".v1."_s)) << db->backupPath()->toStdString();
    EXPECT_TRUE(db->backupPath()->endsWith(u".bak"_s));
    EXPECT_TRUE(QFileInfo::exists(*db->backupPath()));
    EXPECT_EQ(TemporaryFolder::readFile(earlier), QByteArray("the only copy of something"));
}

TEST(Migration, FromAnEmptyFileRunsEveryStepAndMakesNoBackup)
{
    // Given an empty (zero-byte) file, as a crashed first start might leave
    TemporaryFolder folder;
    const QString path = folder.writeFile(u"quire.db"_s, QByteArray());
    ASSERT_FALSE(path.isEmpty());

    // When
    ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, uniqueConnectionName()));

    // Then
    EXPECT_EQ(scalar(*db, u"PRAGMA user_version"_s).toInt(), Database::kSchemaVersion);
    EXPECT_EQ(scalar(*db, u"SELECT count(*) FROM sqlite_schema WHERE name = 'task_tags_by_tag'"_s).toInt(), 1);
    EXPECT_FALSE(db->backupPath().has_value());
}

TEST(Migration, AFailedStepRollsBackAndReportsTheReason)
{
    // Given a version 1 file whose tags column holds malformed JSON
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_OK(execOnFile(path,
        version1Schema()
            + QStringList {u"INSERT INTO tasks (id, title, tags, created_at, updated_at) VALUES "
                           "('bad', 'Broken', '[\"unterminated', '2026-01-01T00:00:00.000Z', "
                           "'2026-01-01T00:00:00.000Z')"_s,
                u"PRAGMA user_version = 1"_s}));

    // When
    auto db = Database::open(path, uniqueConnectionName());

    // Then the open fails with a storage error naming the step
    EXPECT_ERROR_CODE(db, ErrorCode::Storage);
    if (!db) {
        EXPECT_TRUE(db.error().message.startsWith(u"cannot migrate database "_s % path % u" to schema version 2: "_s))
            << db.error().message.toStdString();
    }
    // and the file is still a complete version 1 database
    auto version = scalarOnFile(path, u"PRAGMA user_version"_s);
    ASSERT_OK(version);
    EXPECT_EQ(version->toInt(), 1);
    auto tagsColumn = scalarOnFile(path, u"SELECT count(*) FROM pragma_table_info('tasks') WHERE name = 'tags'"_s);
    ASSERT_OK(tagsColumn);
    EXPECT_EQ(tagsColumn->toInt(), 1);
    auto tagTable = scalarOnFile(path, u"SELECT count(*) FROM sqlite_schema WHERE name = 'task_tags'"_s);
    ASSERT_OK(tagTable);
    EXPECT_EQ(tagTable->toInt(), 0);
    auto rows = scalarOnFile(path, u"SELECT title FROM tasks WHERE id = 'bad'"_s);
    ASSERT_OK(rows);
    EXPECT_EQ(rows->toString(), u"Broken"_s);
}
