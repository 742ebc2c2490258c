// SPDX-License-Identifier: MIT
#include "connection_names.h"
#include "damaged_database.h"
#include "result_assertions.h"
#include "statement.h"
#include "temporary_folder.h"
#include "test_store.h"
#include <quire/core/database.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>

#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/stat.h>

#include <string_view>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::listedTasks;
using quire::core_test::scalar;
using quire::test::TemporaryFolder;
using quire::test::uniqueConnectionName;
using quire::test::writeDamagedDatabase;

TEST(Database, OpenCreatesTheParentFolderAndTheCurrentSchema)
{
    // Given a path in folders that do not exist yet
    TemporaryFolder folder;
    ASSERT_TRUE(folder.isValid());
    const QString path = folder.filePath(u"a/b/c/quire.db"_s);

    // When
    ASSERT_OK_AND_ASSIGN(const std::unique_ptr<Database> db, Database::open(path, uniqueConnectionName()));

    // Then
    EXPECT_TRUE(QFileInfo::exists(path));
    EXPECT_EQ(db->path(), path);
    EXPECT_EQ(db->schemaVersion(), Database::kSchemaVersion);
    EXPECT_EQ(scalar(*db, u"PRAGMA user_version"_s).toInt(), Database::kSchemaVersion);
    EXPECT_EQ(scalar(*db,
                  u"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                  "('tasks', 'projects', 'task_projects', 'task_tags')"_s)
                  .toInt(),
        4);
    EXPECT_FALSE(db->backupPath().has_value()) << "a new database needs no backup";
}

namespace {

/** Sets the process umask for the life of the object: the usual 022, under which files are 0644. */
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_previous(::umask(mask))
    {
    }
    ~Umask() { ::umask(m_previous); }
    Umask(const Umask &) = delete;
    Umask &operator=(const Umask &) = delete;

private:
    mode_t m_previous;
};

constexpr QFile::Permissions kOwnerReadWrite
    = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
constexpr QFile::Permissions kOwnerOnlyFolder = kOwnerReadWrite | QFile::ExeOwner | QFile::ExeUser;

} // namespace

TEST(Database, WhatItCreatesOnlyItsOwnerCanRead)
{
    // Given the usual umask, and a path in folders that do not exist yet
    const Umask usual(022);
    TemporaryFolder folder;
    ASSERT_TRUE(folder.isValid());
    const QString path = folder.filePath(u"a/b/quire.db"_s);

    // When the database is created and written to
    ASSERT_OK_AND_ASSIGN(const std::unique_ptr<Database> db, Database::open(path, uniqueConnectionName()));
    SqlTaskRepository tasks(*db);
    TaskDraft draft;
    draft.title = u"Private"_s;
    ASSERT_OK(tasks.create(draft));

    // Then the folders it made are 0700, the database, its WAL and shared memory 0600
    EXPECT_EQ(QFileInfo(folder.filePath(u"a"_s)).permissions(), kOwnerOnlyFolder);
    EXPECT_EQ(QFileInfo(folder.filePath(u"a/b"_s)).permissions(), kOwnerOnlyFolder);
    for (const QString &file : QStringList {path, path + u"-wal"_s, path + u"-shm"_s}) {
        ASSERT_TRUE(QFileInfo::exists(file)) << file.toStdString();
        EXPECT_EQ(QFileInfo(file).permissions(), kOwnerReadWrite) << file.toStdString();
    }
}

TEST(Database, AnExistingDatabaseKeepsTheModeItsOwnerChose)
{
    const Umask usual(022);
    TemporaryFolder folder;
    const QString path = folder.filePath(u"shared.db"_s);
    {
        ASSERT_OK(Database::open(path, uniqueConnectionName()));
    }
    const QFile::Permissions chosen = kOwnerReadWrite | QFile::ReadGroup | QFile::ReadOther;
    ASSERT_TRUE(QFile::setPermissions(path, chosen));

    ASSERT_OK(Database::open(path, uniqueConnectionName()));

    EXPECT_EQ(QFileInfo(path).permissions(), chosen);
}

TEST(Database, OpenSetsAndKeepsThePragmas)
{
    // Given / When a file database is opened
    OPEN_TEST_STORE(store);

    // Then WAL, FULL sync, foreign keys and a busy timeout are in effect on its connection
    EXPECT_EQ(scalar(store.db(), u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    EXPECT_EQ(scalar(store.db(), u"PRAGMA synchronous"_s).toInt(), 2);
    EXPECT_EQ(scalar(store.db(), u"PRAGMA foreign_keys"_s).toInt(), 1);
    EXPECT_EQ(scalar(store.db(), u"PRAGMA busy_timeout"_s).toInt(), Database::kBusyTimeoutMs);
}

TEST(Database, InMemoryDatabaseIsMigratedToo)
{
    // Given / When
    OPEN_TEST_STORE(store, u":memory:"_s);

    // Then
    EXPECT_EQ(store.db().schemaVersion(), Database::kSchemaVersion);
    EXPECT_EQ(scalar(store.db(), u"PRAGMA journal_mode"_s).toString(), u"memory"_s);
    EXPECT_EQ(scalar(store.db(), u"PRAGMA foreign_keys"_s).toInt(), 1);
    EXPECT_FALSE(store.db().backupPath().has_value());
}

TEST(Database, ReopeningACurrentDatabaseKeepsItsDataAndMakesNoBackup)
{
    // Given a database with a task, closed
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    {
        ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, uniqueConnectionName()));
        SqlTaskRepository tasks(*db);
        ASSERT_OK(tasks.create(TaskDraft {.title = u"Survive a restart"_s}));
    }

    // When it is opened again
    ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, uniqueConnectionName()));

    // Then
    SqlTaskRepository tasks(*db);
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(tasks));
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all.first().title, u"Survive a restart"_s);
    EXPECT_FALSE(db->backupPath().has_value());
    EXPECT_EQ(QDir(folder.path()).entryList({u"*.bak"_s}, QDir::Files).size(), 0);
}

TEST(Database, RefusesANewerSchemaAndLeavesTheFileUntouched)
{
    // Given a database written by a future Quire (user_version 99)
    TemporaryFolder folder;
    const QString path = folder.filePath(u"future.db"_s);
    ASSERT_OK(quire::core_test::execOnFile(path,
        {u"CREATE TABLE tasks (id TEXT PRIMARY KEY, future_column TEXT)"_s, u"INSERT INTO tasks VALUES ('a', 'b')"_s,
            u"PRAGMA user_version = 99"_s}));
    const QByteArray before = TemporaryFolder::readFile(path);
    ASSERT_FALSE(before.isEmpty());

    // When
    auto db = Database::open(path, uniqueConnectionName());

    // Then
    EXPECT_ERROR(db, ErrorCode::Storage,
        u"database "_s % path % u" has schema version 99, newer than this Quire supports ("_s
            % QString::number(Database::kSchemaVersion) % u"); update Quire"_s);
    EXPECT_EQ(TemporaryFolder::readFile(path), before);
    EXPECT_FALSE(QFileInfo::exists(path + u"-wal"_s));
    EXPECT_EQ(QDir(folder.path()).entryList({u"*.bak"_s}, QDir::Files).size(), 0);
}

TEST(Database, RefusesAFileThatIsNotADatabaseAndLeavesItUntouched)
{
    // Given a text file where the database should be
    TemporaryFolder folder;
    QByteArray notes;
    for (int i = 0; i < 200; ++i)
        notes += "These are my notes, not a database.\n";
    const QString path = folder.writeFile(u"notes.db"_s, notes);
    ASSERT_FALSE(path.isEmpty());

    // When
    auto db = Database::open(path, uniqueConnectionName());

    // Then
    EXPECT_ERROR(db, ErrorCode::Storage, u"cannot open database at "_s % path % u": file is not a database"_s);
    EXPECT_EQ(TemporaryFolder::readFile(path), notes);
    EXPECT_FALSE(QFileInfo::exists(path + u"-wal"_s));
}

TEST(Database, RefusesAnSqliteFileThatQuireDidNotCreate)
{
    // Given another application's SQLite file (tables, user_version 0)
    TemporaryFolder folder;
    const QString path = folder.filePath(u"other.db"_s);
    ASSERT_OK(quire::core_test::execOnFile(path, {u"CREATE TABLE bookmarks (url TEXT)"_s}));
    const QByteArray before = TemporaryFolder::readFile(path);

    // When
    auto db = Database::open(path, uniqueConnectionName());

    // Then
    EXPECT_ERROR_CODE(db, ErrorCode::Storage);
    if (!db) {
        EXPECT_TRUE(db.error().message.startsWith(u"cannot open database at "_s % path % u": "_s))
            << db.error().message.toStdString();
    }
    EXPECT_EQ(TemporaryFolder::readFile(path), before);
}

TEST(Database, ReportsAnUnusablePathAsAStorageError)
{
    // Given a path whose parent is a regular file
    TemporaryFolder folder;
    const QString file = folder.writeFile(u"plain"_s, "x");

    // When
    auto db = Database::open(file + u"/quire.db"_s, uniqueConnectionName());

    // Then
    EXPECT_ERROR_CODE(db, ErrorCode::Storage);
    if (!db) {
        EXPECT_TRUE(db.error().message.startsWith(u"cannot open database at "_s)) << db.error().message.toStdString();
    }
}

TEST(Database, RefusesAConnectionNameAlreadyInUse)
{
    // Given an open database
    OPEN_TEST_STORE(store, u":memory:"_s);

    // When another is opened under the same connection name
    auto second = Database::open(u":memory:"_s, store.db().connectionName());

    // Then it is refused and the first keeps working
    EXPECT_ERROR_CODE(second, ErrorCode::Internal);
    EXPECT_OK(listedTasks(store.tasks()));
}

TEST(Database, DestructionRemovesTheConnection)
{
    // Given
    const QString name = uniqueConnectionName();
    {
        ASSERT_OK_AND_ASSIGN(auto db, Database::open(u":memory:"_s, name));
        EXPECT_TRUE(QSqlDatabase::contains(name));
    }

    // Then the name is free again
    EXPECT_FALSE(QSqlDatabase::contains(name));
    EXPECT_OK(Database::open(u":memory:"_s, name));
}

TEST(Database, FailedOpenRemovesTheConnection)
{
    // Given a file that is not a database
    TemporaryFolder folder;
    const QString path = folder.writeFile(u"junk.db"_s, QByteArray(4096, 'j'));
    const QString name = uniqueConnectionName();

    // When opening fails
    EXPECT_ERROR_CODE(Database::open(path, name), ErrorCode::Storage);

    // Then
    EXPECT_FALSE(QSqlDatabase::contains(name));
}

TEST(Database, DefaultPathIsQuireDbInTheAppDataFolder)
{
    EXPECT_TRUE(Database::defaultPath().endsWith(u"/quire.db"_s)) << Database::defaultPath().toStdString();
}

TEST(Database, QueryCountCountsEveryExecutedStatement)
{
    // Given
    OPEN_TEST_STORE(store, u":memory:"_s);
    const quint64 before = store.db().queryCount();

    // When two statements run
    (void)scalar(store.db(), u"SELECT 1"_s);
    (void)scalar(store.db(), u"SELECT 2"_s);

    // Then
    EXPECT_EQ(store.db().queryCount() - before, 2u);
}

TEST(Database, TransactRollsBackEverythingWhenWorkFails)
{
    // Given
    OPEN_TEST_STORE(store);

    // When work writes a row and then fails
    const Result<> result = store.db().transact([&]() -> Result<> {
        EXPECT_OK(quire::core_test::exec(store.db(),
            u"INSERT INTO projects VALUES ('p', 'Name', NULL, '2026-01-01T00:00:00.000Z', "
            "'2026-01-01T00:00:00.000Z')"_s));
        return fail(ErrorCode::Conflict, u"changed my mind"_s);
    });

    // Then the error comes back and the row is gone
    EXPECT_ERROR(result, ErrorCode::Conflict, u"changed my mind"_s);
    EXPECT_EQ(scalar(store.db(), u"SELECT count(*) FROM projects"_s).toInt(), 0);
}

TEST(Database, NestedTransactionRollsBackOnlyItsOwnWork)
{
    // Given an outer transaction that writes a row
    OPEN_TEST_STORE(store);
    const auto insert = [&](const QString &id) {
        return quire::core_test::exec(store.db(),
            u"INSERT INTO projects VALUES ('"_s % id
                % u"', 'Name', NULL, '2026-01-01T00:00:00.000Z', "
                  "'2026-01-01T00:00:00.000Z')"_s);
    };
    const Result<> outer = store.db().transact([&]() -> Result<> {
        if (auto done = insert(u"outer"_s); !done)
            return done;
        // When an inner unit fails
        const Result<> inner = store.db().transact([&]() -> Result<> {
            EXPECT_OK(insert(u"inner"_s));
            return fail(ErrorCode::InvalidArgument, u"inner failed"_s);
        });
        EXPECT_ERROR_CODE(inner, ErrorCode::InvalidArgument);
        return {};
    });

    // Then the outer work is committed without the inner work
    ASSERT_OK(outer);
    EXPECT_EQ(scalar(store.db(), u"SELECT group_concat(id) FROM projects"_s).toString(), u"outer"_s);
}

TEST(Database, UncommittedTransactionRollsBackWhenDestroyed)
{
    // Given
    OPEN_TEST_STORE(store);
    {
        ASSERT_OK_AND_ASSIGN(Transaction transaction, store.db().begin());
        ASSERT_OK(quire::core_test::exec(store.db(),
            u"INSERT INTO projects VALUES ('p', 'Name', NULL, '2026-01-01T00:00:00.000Z', "
            "'2026-01-01T00:00:00.000Z')"_s));
        // When it goes out of scope uncommitted
    }

    // Then
    EXPECT_EQ(scalar(store.db(), u"SELECT count(*) FROM projects"_s).toInt(), 0);
    // and a new transaction can start (the depth was restored)
    ASSERT_OK_AND_ASSIGN(Transaction again, store.db().begin());
    EXPECT_OK(again.commit());
    EXPECT_ERROR_CODE(again.commit(), ErrorCode::Internal);
}

namespace {

/** @brief Makes SQLite refuse every ROLLBACK (and ROLLBACK TO) on `db`'s connection while it lives, as a failing disk
 * might. */
class RefusedRollbacks
{
public:
    explicit RefusedRollbacks(const Database &db)
        : m_handle(*static_cast<sqlite3 *const *>(
            QSqlDatabase::database(db.connectionName(), false).driver()->handle().constData()))
    {
        // Setting an authorizer expires the prepared statements, so a cached ROLLBACK is asked too.
        sqlite3_set_authorizer(m_handle, &refuseRollback, nullptr);
    }
    ~RefusedRollbacks() { sqlite3_set_authorizer(m_handle, nullptr, nullptr); }
    RefusedRollbacks(const RefusedRollbacks &) = delete;
    RefusedRollbacks &operator=(const RefusedRollbacks &) = delete;

private:
    static int refuseRollback(void *, int action, const char *operation, const char *, const char *, const char *)
    {
        const bool rollback = (action == SQLITE_TRANSACTION || action == SQLITE_SAVEPOINT) && operation
            && std::string_view(operation) == "ROLLBACK";
        return rollback ? SQLITE_DENY : SQLITE_OK;
    }

    sqlite3 *m_handle;
};

Result<> insertProject(Database &db, const QString &id)
{
    return quire::core_test::exec(db,
        u"INSERT INTO projects VALUES ('"_s % id
            % u"', 'Name', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"_s);
}

} // namespace

TEST(Database, AFailedRollbackIsEndedBeforeTheNextTransactionAndItsWorkIsNotKept)
{
    // Given a transaction whose ROLLBACK fails
    OPEN_TEST_STORE(store);
    {
        const RefusedRollbacks refused(store.db());
        const Result<> failed = store.db().transact([&]() -> Result<> {
            EXPECT_OK(insertProject(store.db(), u"abandoned"_s));
            return fail(ErrorCode::InvalidArgument, u"changed my mind"_s);
        });
        EXPECT_ERROR_CODE(failed, ErrorCode::InvalidArgument);
    }

    // When the next transaction writes and commits
    const Result<> next = store.db().transact([&]() -> Result<> { return insertProject(store.db(), u"kept"_s); });

    // Then it starts (rather than "cannot start a transaction within a transaction"), and only its work is kept
    ASSERT_OK(next);
    EXPECT_EQ(scalar(store.db(), u"SELECT group_concat(id) FROM projects"_s).toString(), u"kept"_s);
}

TEST(Database, WhenAnInnerRollbackFailsTheOuterTransactionDoesNotCommit)
{
    // Given an outer transaction whose inner unit fails and cannot be rolled back
    OPEN_TEST_STORE(store);
    const Result<> outer = store.db().transact([&]() -> Result<> {
        if (auto done = insertProject(store.db(), u"outer"_s); !done)
            return done;
        const RefusedRollbacks refused(store.db());
        const Result<> inner = store.db().transact([&]() -> Result<> {
            EXPECT_OK(insertProject(store.db(), u"inner"_s));
            return fail(ErrorCode::InvalidArgument, u"inner failed"_s);
        });
        EXPECT_ERROR_CODE(inner, ErrorCode::InvalidArgument);
        return {}; // the outer work goes on, as NestedTransactionRollsBackOnlyItsOwnWork's does
    });

    // Then the outer commit is refused, rather than keeping the inner unit's failed work
    EXPECT_ERROR(outer, ErrorCode::Storage,
        u"cannot commit transaction: part of its work could not be rolled back, so none of it is kept"_s);
    EXPECT_EQ(scalar(store.db(), u"SELECT count(*) FROM projects"_s).toInt(), 0);
    ASSERT_OK(store.db().transact([&]() -> Result<> { return insertProject(store.db(), u"next"_s); }));
    EXPECT_EQ(scalar(store.db(), u"SELECT group_concat(id) FROM projects"_s).toString(), u"next"_s);
}

TEST(Statement, UniqueViolationIsAConflict)
{
    // Given a project row
    OPEN_TEST_STORE(store, u":memory:"_s);
    const QString insert = u"INSERT INTO projects VALUES ('same', 'Name', NULL, '2026-01-01T00:00:00.000Z', "
                           "'2026-01-01T00:00:00.000Z')"_s;
    ASSERT_OK(quire::core_test::exec(store.db(), insert));

    // When the same primary key is inserted again
    auto again = quire::core_test::exec(store.db(), insert);

    // Then
    EXPECT_ERROR_CODE(again, ErrorCode::Conflict);
}

TEST(Statement, InvalidSqlIsAStorageErrorNamingTheOperation)
{
    // Given
    OPEN_TEST_STORE(store, u":memory:"_s);

    // When
    auto statement = Statement::prepare(store.db(), u"cannot read gizmos"_s, u"SELECT * FROM gizmos"_s);

    // Then the reason comes first, the driver's text after it
    ASSERT_FALSE(statement.has_value());
    EXPECT_EQ(statement.error().code, ErrorCode::Storage);
    EXPECT_EQ(statement.error().message, u"cannot read gizmos: no such table: gizmos"_s);
}

namespace {

/** The detail column of SQLite's plan for `sql`, one entry per step; fails the test on an error. */
QStringList queryPlan(Database &db, const QString &sql)
{
    QStringList plan;
    auto statement = Statement::prepare(db, u"plan"_s, u"EXPLAIN QUERY PLAN "_s + sql);
    EXPECT_TRUE(statement.has_value());
    if (statement && statement->exec())
        EXPECT_TRUE(statement->forEachRow([&](const Statement &row) { plan.append(row.text(3)); }).has_value());
    else
        ADD_FAILURE() << "cannot plan " << sql.toStdString();
    return plan;
}

} // namespace

TEST(Schema, FilteringByTagUsesAnIndex)
{
    // Given the current schema
    OPEN_TEST_STORE(store, u":memory:"_s);

    // When SQLite plans a lookup of tasks by tag
    const QStringList plan = queryPlan(store.db(), u"SELECT task_id FROM task_tags WHERE tag = 'x'"_s);

    // Then it searches the tag index instead of scanning
    ASSERT_EQ(plan.size(), 1) << plan.join(u" | "_s).toStdString();
    EXPECT_TRUE(plan.first().contains(u"USING COVERING INDEX task_tags_by_tag"_s)) << plan.first().toStdString();
}

TEST(Schema, ProjectsOfATaskAreFoundThroughAnIndex)
{
    // Given the current schema
    OPEN_TEST_STORE(store, u":memory:"_s);

    // When SQLite plans a lookup of tasks by project
    const QStringList plan = queryPlan(store.db(), u"SELECT task_id FROM task_projects WHERE project_id = 'x'"_s);

    // Then
    ASSERT_EQ(plan.size(), 1);
    EXPECT_TRUE(plan.first().contains(u"task_projects_by_project"_s)) << plan.first().toStdString();
}

TEST(Database, RefusesADamagedFileOnOpeningAndLeavesItUntouched)
{
    // Given
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_NO_FATAL_FAILURE(writeDamagedDatabase(path));
    const QByteArray before = TemporaryFolder::readFile(path);

    // When
    auto db = Database::open(path, uniqueConnectionName());

    // Then
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::Storage);
    EXPECT_TRUE(db.error().message.contains(u"is damaged"_s)) << db.error().message.toStdString();
    EXPECT_EQ(TemporaryFolder::readFile(path), before);
}

TEST(Database, LeftToItsCallerTheIntegrityCheckStillFindsTheDamage)
{
    // Given
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_NO_FATAL_FAILURE(writeDamagedDatabase(path));
    const QByteArray before = TemporaryFolder::readFile(path);

    // When: opening it writes nothing, so it is not read through
    auto db = Database::open(path, uniqueConnectionName(), {}, IntegrityCheck::ByCaller);

    // Then
    ASSERT_TRUE(db.has_value()) << db.error().message.toStdString();
    EXPECT_TRUE((*db)->integrityUnchecked());
    auto intact = (*db)->checkIntegrity();
    ASSERT_FALSE(intact.has_value());
    EXPECT_TRUE(intact.error().message.contains(u"is damaged"_s)) << intact.error().message.toStdString();
    db->reset();
    EXPECT_EQ(TemporaryFolder::readFile(path), before);
}

TEST(Database, AFileThatOpeningWritesToIsCheckedEvenWhenTheCallerWouldCheckIt)
{
    // Given: a new file (opening it creates the schema)
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);

    // When
    auto created = Database::open(path, uniqueConnectionName(), {}, IntegrityCheck::ByCaller);

    // Then
    ASSERT_TRUE(created.has_value()) << created.error().message.toStdString();
    EXPECT_FALSE((*created)->integrityUnchecked());
    EXPECT_TRUE((*created)->checkIntegrity().has_value());
    created->reset();
    auto reopened = Database::open(path, uniqueConnectionName(), {}, IntegrityCheck::ByCaller);
    ASSERT_TRUE(reopened.has_value());
    EXPECT_TRUE((*reopened)->integrityUnchecked());
    EXPECT_TRUE((*reopened)->checkIntegrity().has_value());
}
