// SPDX-License-Identifier: MIT
// Two Quires on one PostgreSQL database: what one writes reaches the other's page as change events.

#include "channel_client.h"
#include "postgres_server.h"

#include <app_bridge.h>
#include <bridge_registry.h>
#include <command_specs.h>
#include <database_thread.h>
#include <project_bridge.h>
#include <task_bridge.h>

#include <quire/core/database.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

/** One client: its database thread and the bridges the page talks to, wired as the app wires them. */
struct Client {
    explicit Client(const QString &url)
        : database(std::make_unique<quire::app::DatabaseThread>(url))
        , tasks(std::make_unique<quire::app::TaskBridge>(*database))
        , projects(std::make_unique<quire::app::ProjectBridge>(*database))
        , app(std::make_unique<quire::app::AppBridge>(*database))
    {
        quire::app::forwardOtherClientChanges(*database, *tasks, *projects);
    }
    ~Client() { database->shutdown(); }
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    std::unique_ptr<quire::app::DatabaseThread> database;
    std::unique_ptr<quire::app::TaskBridge> tasks;
    std::unique_ptr<quire::app::ProjectBridge> projects;
    std::unique_ptr<quire::app::AppBridge> app;
};

/** db_create_task's arguments for a task named `title`. */
QJsonObject newTask(const QString &title)
{
    return {{u"title"_s, title}, {u"priority"_s, u"standard"_s}, {u"status"_s, u"backlog"_s},
        {u"tags"_s, QJsonArray {}}, {u"projectIds"_s, QJsonArray {}}};
}

/** The payloads of `spy`'s signals once `count` have come, or after `waitMs`. */
QList<QJsonObject> payloads(QSignalSpy &spy, qsizetype count, int waitMs = 5000)
{
    const QDeadlineTimer deadline(waitMs);
    while (spy.size() < count && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QList<QJsonObject> all;
    for (const QList<QVariant> &signal : std::as_const(spy))
        all.append(signal.first().toJsonDocument().object());
    return all;
}

class SharedDatabaseTest : public ::testing::TestWithParam<int>
{
protected:
    void SetUp() override
    {
        m_server = quire::test::PostgresServer::fromEnvironment();
        if (!m_server)
            GTEST_SKIP() << "no PostgreSQL server to test on: ctest starts one (fixture postgres)";
        QString error;
        const auto name = m_server->createDatabase(error);
        ASSERT_TRUE(name) << error.toStdString();
        m_name = *name;
        m_a = std::make_unique<Client>(m_server->urlOf(m_name));
        m_b = std::make_unique<Client>(m_server->urlOf(m_name));
        ASSERT_TRUE(m_a->database->openResult().has_value());
        ASSERT_TRUE(m_b->database->openResult().has_value());
    }

    void TearDown() override
    {
        m_a.reset();
        m_b.reset();
        QString error;
        if (!m_name.isEmpty()) {
            EXPECT_TRUE(m_server->dropDatabase(m_name, error)) << error.toStdString();
        }
    }

    /** The envelope of `reply` once it is ready (its continuations run on this thread's event loop). */
    static QJsonObject envelopeOf(const QFuture<QJsonDocument> &reply)
    {
        const QDeadlineTimer deadline(10000);
        while (!reply.isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        EXPECT_TRUE(reply.isFinished());
        return reply.isFinished() ? reply.result().object() : QJsonObject();
    }

    /** The reply's data, once ready; fails the test when it is an error. */
    static QJsonValue ok(const QFuture<QJsonDocument> &reply)
    {
        const QJsonObject envelope = envelopeOf(reply);
        EXPECT_TRUE(envelope.value(u"ok"_s).toBool()) << QJsonDocument(envelope).toJson().toStdString();
        return envelope.value(u"data"_s);
    }

    /** The reply's error, once ready; fails the test when it succeeded. */
    static QJsonObject error(const QFuture<QJsonDocument> &reply)
    {
        const QJsonObject envelope = envelopeOf(reply);
        EXPECT_FALSE(envelope.value(u"ok"_s).toBool()) << QJsonDocument(envelope).toJson().toStdString();
        return envelope.value(u"error"_s).toObject();
    }

    /** Runs `sql` on the server's maintenance database, as its administrator would. */
    void administer(const QString &sql)
    {
        QSqlDatabase admin = m_server->connect();
        ASSERT_TRUE(admin.isOpen()) << admin.lastError().text().toStdString();
        {
            QSqlQuery query(admin);
            EXPECT_TRUE(query.exec(sql)) << query.lastError().text().toStdString();
        }
        quire::test::disconnect(admin);
    }

    std::optional<quire::test::PostgresServer> m_server;
    QString m_name;
    std::unique_ptr<Client> m_a;
    std::unique_ptr<Client> m_b;
};

} // namespace

// Only a server database has other clients.
INSTANTIATE_TEST_SUITE_P(Engines, SharedDatabaseTest, ::testing::Values(0),
    [](const ::testing::TestParamInfo<int> &) { return std::string("Postgres"); });

TEST_P(SharedDatabaseTest, aTaskCreatedInOneClientReachesTheOthersPageWithItsRow)
{
    QSignalSpy changed(m_a->tasks.get(), &quire::app::TaskBridge::tasksChanged);

    const QJsonObject task = ok(m_b->tasks->db_create_task(newTask(u"From B"_s))).toObject();

    const QList<QJsonObject> events = payloads(changed, 1);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.first().value(u"kind"_s), u"upserted"_s);
    EXPECT_EQ(events.first().value(u"tasks"_s).toArray(), QJsonArray {task});
}

TEST_P(SharedDatabaseTest, aTaskDeletedInOneClientIsDeletedInTheOthersPage)
{
    QSignalSpy changed(m_a->tasks.get(), &quire::app::TaskBridge::tasksChanged);
    const QJsonObject task = ok(m_b->tasks->db_create_task(newTask(u"Short-lived"_s))).toObject();
    const QString id = task.value(u"id"_s).toString();
    ASSERT_EQ(payloads(changed, 1).size(), 1); // A has heard of the task
    changed.clear();

    ok(m_b->tasks->db_delete_task(QJsonObject {{u"taskId"_s, id}}));

    const QList<QJsonObject> events = payloads(changed, 1);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.first().value(u"kind"_s), u"deleted"_s);
    EXPECT_EQ(events.first().value(u"ids"_s).toArray(), QJsonArray {id});
}

TEST_P(SharedDatabaseTest, aProjectChangedInOneClientMakesTheOthersPageLoadProjectsAgain)
{
    QSignalSpy changed(m_a->projects.get(), &quire::app::ProjectBridge::projectsChanged);
    QSignalSpy own(m_b->projects.get(), &quire::app::ProjectBridge::projectsChanged);

    ok(m_b->projects->db_create_project(QJsonObject {{u"name"_s, u"Shared"_s}}));

    const QList<QJsonObject> events = payloads(changed, 1);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.first().value(u"kind"_s), u"reset"_s);
    // B told its own page once, with the row, and did not hear itself again.
    EXPECT_EQ(payloads(own, 2, 500).size(), 1);
}

TEST_P(SharedDatabaseTest, aClientWhoseSessionTheServerEndedRefusesWritesSaysSoAndReconnects)
{
    QSignalSpy connection(m_a->app.get(), &quire::app::AppBridge::connectionChanged);
    const QJsonObject before = ok(m_a->tasks->db_create_task(newTask(u"Before"_s))).toObject();

    // The server ends every session of the database (a restart, an administrator)
    administer(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"_s + m_name
        + u"' AND pid <> pg_backend_pid()"_s);

    // A write is refused with why, and the page is told the server is gone, then back
    const QJsonObject refused = error(m_a->tasks->db_create_task(newTask(u"During"_s)));
    EXPECT_EQ(refused.value(u"code"_s), u"storage"_s);
    EXPECT_TRUE(refused.value(u"message"_s)
                    .toString()
                    .startsWith(u"Failed to create task: the database server cannot be reached ("_s))
        << refused.value(u"message"_s).toString().toStdString();
    const QList<QJsonObject> states = payloads(connection, 2, 10000);
    ASSERT_EQ(states.size(), 2);
    EXPECT_EQ(states.at(0).keys(), (QStringList {u"connected"_s, u"message"_s}));
    EXPECT_EQ(states.at(0).value(u"connected"_s), false);
    // The driver's words for it vary with timing ("server closed the connection", "terminating
    // connection due to administrator command"): that there are some is what counts.
    EXPECT_FALSE(states.at(0).value(u"message"_s).toString().isEmpty());
    EXPECT_EQ(states.at(1), (QJsonObject {{u"connected"_s, true}, {u"message"_s, QJsonValue::Null}}));

    // Back: writes work, what was acknowledged is there, and the refused write is not
    ok(m_a->tasks->db_create_task(newTask(u"After"_s)));
    EXPECT_EQ(ok(m_a->tasks->db_get_task(QJsonObject {{u"taskId"_s, before.value(u"id"_s)}})).toObject(), before);
    const QJsonArray found = ok(m_a->tasks->db_search_tasks(QJsonObject {{u"query"_s, u"During"_s}})).toArray();
    EXPECT_TRUE(found.isEmpty());
}

TEST_P(SharedDatabaseTest, aClientKeepsTryingWhileTheServerRefusesItThenReconnects)
{
    QSignalSpy connection(m_b->app.get(), &quire::app::AppBridge::connectionChanged);
    m_a.reset(); // one client is enough, and its sessions would stop the database being dropped
    ok(m_b->tasks->db_create_task(newTask(u"Before"_s)));

    // The database goes away (its sessions with it), and its first reconnection attempt fails
    administer(u"DROP DATABASE "_s + m_name + u" WITH (FORCE)"_s);
    error(m_b->tasks->db_create_task(newTask(u"During"_s)));
    const QList<QJsonObject> failing = payloads(connection, 2, 5000);
    ASSERT_EQ(failing.size(), 2) << "lost, then a failed attempt 1 s later";
    EXPECT_EQ(failing.at(1).value(u"connected"_s), false);
    EXPECT_TRUE(failing.at(1).value(u"message"_s).toString().contains(m_name)) << "says why it still fails";

    // Once there is a database again, the next attempt (2 s later) connects
    administer(u"CREATE DATABASE "_s + m_name);
    const QList<QJsonObject> states = payloads(connection, 3, 10000);
    ASSERT_EQ(states.size(), 3);
    EXPECT_EQ(states.at(2).value(u"connected"_s), true);
    ok(m_b->tasks->db_create_task(newTask(u"After"_s)));
}
