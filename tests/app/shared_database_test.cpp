// SPDX-License-Identifier: MIT
// Two Quires on one PostgreSQL database: what one writes reaches the other's page as change events.

#include "channel_client.h"
#include "postgres_server.h"

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
    {
        quire::app::forwardOtherClientChanges(*database, *tasks, *projects);
    }
    ~Client() { database->shutdown(); }
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    std::unique_ptr<quire::app::DatabaseThread> database;
    std::unique_ptr<quire::app::TaskBridge> tasks;
    std::unique_ptr<quire::app::ProjectBridge> projects;
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
        all.append(signal.first().toJsonObject());
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

    /** The reply's data once `reply` is ready (its continuations run on this thread's event loop). */
    static QJsonValue ok(const QFuture<QJsonObject> &reply)
    {
        const QDeadlineTimer deadline(10000);
        while (!reply.isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        EXPECT_TRUE(reply.isFinished());
        const QJsonObject envelope = reply.isFinished() ? reply.result() : QJsonObject();
        EXPECT_TRUE(envelope.value(u"ok"_s).toBool()) << QJsonDocument(envelope).toJson().toStdString();
        return envelope.value(u"data"_s);
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
