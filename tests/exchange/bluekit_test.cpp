// SPDX-License-Identifier: MIT
// Reading BlueKit's SQLite database, built here from its description in issue 14.
#include "connection_names.h"
#include "fixtures.h"
#include "result_assertions.h"
#include "temporary_folder.h"
#include <quire/exchange/bluekit.h>

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using namespace quire::exchange;
using quire::exchange_test::CancellingOperation;
using quire::exchange_test::utc;

namespace {

class BlueKit : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_folder.isValid()); }

    /** Creates BlueKit's tables and runs `statements` on them. */
    QString database(const QStringList &statements)
    {
        QString path = m_folder.filePath(u"bluekit.db"_s);
        const QString name = quire::test::uniqueConnectionName(u"bluekit"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            EXPECT_TRUE(db.open());
            QSqlQuery query(db);
            const QStringList schema {
                u"CREATE TABLE projects (id TEXT PRIMARY KEY, name TEXT NOT NULL, path TEXT, description TEXT, "
                "tags TEXT, git_connected INTEGER, created_at INTEGER, updated_at INTEGER)"_s,
                u"CREATE TABLE tasks (id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT, priority TEXT, "
                "tags TEXT, created_at TEXT, updated_at TEXT, status TEXT, complexity TEXT, type TEXT)"_s,
                u"CREATE TABLE task_projects (id INTEGER PRIMARY KEY, task_id TEXT, project_id TEXT)"_s};
            // One transaction: a commit (and its fsync) per statement took seconds for 600 rows.
            EXPECT_TRUE(db.transaction());
            for (const QString &sql : schema + statements)
                EXPECT_TRUE(query.exec(sql)) << sql.toStdString();
            EXPECT_TRUE(db.commit());
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return path;
    }

    QString sampleDatabase()
    {
        return database({
            u"INSERT INTO projects VALUES ('p-web', 'Website', '/src/web', 'The site', '[]', 1, 1767348000000, 1767351600000)"_s,
            u"INSERT INTO projects VALUES ('p-app', 'App', '/src/app', NULL, NULL, 0, 1767348000000, 1767348000000)"_s,
            u"INSERT INTO tasks VALUES ('t-2', 'Ship it', NULL, 'pinned', '[]', '2026-01-03T10:00:00Z', "
            "'2026-01-04 12:30:00', 'completed', NULL, NULL)"_s,
            u"INSERT INTO tasks VALUES ('t-1', 'Fix login', 'Users see a blank page', 'high', '[\"auth\",\"urgent\"]', "
            "'2026-01-02T09:00:00.250+01:00', '2026-01-02T09:30:00.000Z', 'in_progress', 'deep dive', 'bug')"_s,
            u"INSERT INTO task_projects (task_id, project_id) VALUES ('t-1', 'p-web'), ('t-1', 'p-app'), ('t-2', 'p-app')"_s,
        });
    }

    quire::test::TemporaryFolder m_folder;
};

} // namespace

TEST_F(BlueKit, ProjectsTasksIdsTimestampsAndLinksAreKept)
{
    // Given
    const QString path = sampleDatabase();
    UnwatchedOperation operation;

    // When
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, readBlueKit(path, operation));

    // Then: projects by name, tasks in creation order
    ASSERT_EQ(parsed.snapshot.projects.size(), 2);
    const Project &app = parsed.snapshot.projects.at(0);
    EXPECT_EQ(app.id, u"p-app"_s);
    EXPECT_FALSE(app.description.has_value());
    const Project &web = parsed.snapshot.projects.at(1);
    EXPECT_EQ(web.name, u"Website"_s);
    EXPECT_EQ(web.description, u"The site"_s);
    EXPECT_EQ(web.createdAt, utc(u"2026-01-02T10:00:00.000Z"_s));
    EXPECT_EQ(web.updatedAt, utc(u"2026-01-02T11:00:00.000Z"_s));

    ASSERT_EQ(parsed.snapshot.tasks.size(), 2);
    const Task &login = parsed.snapshot.tasks.at(0);
    EXPECT_EQ(login.id, u"t-1"_s);
    EXPECT_EQ(login.description, u"Users see a blank page"_s);
    EXPECT_EQ(login.priority, Priority::High);
    EXPECT_EQ(login.status, Status::InProgress);
    EXPECT_EQ(login.complexity, Complexity::DeepDive);
    EXPECT_EQ(login.type, TaskType::Bug);
    EXPECT_EQ(login.tags, (QStringList {u"auth"_s, u"urgent"_s}));
    EXPECT_EQ(login.projectIds, (QStringList {u"p-web"_s, u"p-app"_s}));
    EXPECT_EQ(login.createdAt, utc(u"2026-01-02T08:00:00.250Z"_s));
    EXPECT_EQ(login.updatedAt, utc(u"2026-01-02T09:30:00.000Z"_s));
    const Task &ship = parsed.snapshot.tasks.at(1);
    EXPECT_EQ(ship.status, Status::Completed);
    EXPECT_EQ(ship.priority, Priority::Pinned);
    EXPECT_EQ(ship.updatedAt, utc(u"2026-01-04T12:30:00.000Z"_s));
    EXPECT_EQ(ship.projectIds, QStringList {u"p-app"_s});
}

TEST_F(BlueKit, TheDatabaseIsOnlyRead)
{
    const QString path = sampleDatabase();
    const QByteArray before = quire::test::TemporaryFolder::readFile(path);
    UnwatchedOperation operation;
    ASSERT_OK(readBlueKit(path, operation));
    EXPECT_EQ(quire::test::TemporaryFolder::readFile(path), before);
    EXPECT_FALSE(QFile::exists(path + u"-wal"_s));
}

TEST_F(BlueKit, AValueQuireDoesNotKnowIsAnErrorNamingTheTask)
{
    const QString path = database({u"INSERT INTO tasks VALUES ('t-9', 'Odd', NULL, 'urgent', '[]', "
                                   "'2026-01-02T09:00:00Z', '2026-01-02T09:00:00Z', 'backlog', NULL, NULL)"_s});
    UnwatchedOperation operation;
    EXPECT_ERROR(readBlueKit(path, operation), ErrorCode::InvalidArgument,
        u"task t-9 “Odd”: priority: 'urgent' is not one of pinned, high, standard, long term, nit"_s);
}

TEST_F(BlueKit, BadTagsOrTimestampsAreErrorsNamingTheTask)
{
    UnwatchedOperation operation;
    QString path = database({u"INSERT INTO tasks VALUES ('t-9', 'Odd', NULL, 'high', 'auth, urgent', "
                             "'2026-01-02T09:00:00Z', '2026-01-02T09:00:00Z', 'backlog', NULL, NULL)"_s});
    EXPECT_ERROR(readBlueKit(path, operation), ErrorCode::InvalidArgument,
        u"task t-9 “Odd”: tags: 'auth, urgent' is not a JSON array of tags"_s);
}

TEST_F(BlueKit, AMissingFileIsNotFoundAndAnotherDatabaseIsRefused)
{
    UnwatchedOperation operation;
    const QString missing = m_folder.filePath(u"nowhere.db"_s);
    EXPECT_ERROR(readBlueKit(missing, operation), ErrorCode::NotFound, u"no BlueKit database at "_s + missing);

    const QString other = m_folder.filePath(u"other.db"_s);
    const QString name = quire::test::uniqueConnectionName(u"other"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(other);
        ASSERT_TRUE(db.open());
        ASSERT_TRUE(QSqlQuery(db).exec(u"CREATE TABLE notes (id TEXT)"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    EXPECT_ERROR(readBlueKit(other, operation), ErrorCode::InvalidArgument,
        u"not a BlueKit database: it has no table “tasks”"_s);
}

TEST_F(BlueKit, ReadingStopsWhenCancelled)
{
    QStringList inserts;
    for (int i = 0; i < 600; ++i)
        inserts.append(u"INSERT INTO tasks VALUES ('t-%1', 'Task %1', NULL, 'standard', '[]', '2026-01-02T09:00:00Z', "
                       "'2026-01-02T09:00:00Z', 'backlog', NULL, NULL)"_s.arg(i));
    const QString path = database(inserts);
    CancellingOperation operation(2);
    EXPECT_ERROR_CODE(readBlueKit(path, operation), ErrorCode::Cancelled);
}
