// SPDX-License-Identifier: MIT
// What only a database that several clients share does: hearing of the others' changes.

#include "connection_names.h"
#include "result_assertions.h"
#include "test_store.h"
#include <quire/core/database.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::Engine;
using quire::core_test::TestStore;

namespace {

/** A store on the server, and a second client of the same database that hears what others commit. */
class OtherClientsTest : public quire::core_test::EngineTest
{
protected:
    void SetUp() override
    {
        REQUIRE_TEST_STORE(m_store);
        auto listener = Database::open(m_store.path(), quire::test::uniqueConnectionName(u"listener"_s));
        ASSERT_OK(listener);
        m_listener = std::move(*listener);
        ASSERT_OK(m_listener->watchOtherClients([this](const OtherClientChange &change) { m_heard.append(change); }));
    }

    /** What the listener has heard once `count` changes have come, or 5 s have passed. */
    QList<OtherClientChange> heard(qsizetype count = 1)
    {
        const QDeadlineTimer deadline(5000);
        while (m_heard.size() < count && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return m_heard;
    }

    /** Lets notifications that are on their way arrive. */
    void settle()
    {
        const QDeadlineTimer deadline(300);
        while (!deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }

    TestStore m_store;
    std::unique_ptr<Database> m_listener;
    QList<OtherClientChange> m_heard;
};

} // namespace

// Hearing other clients is what a server database is for: on SQLite there is nobody to hear.
INSTANTIATE_TEST_SUITE_P(Engines, OtherClientsTest, ::testing::Values(Engine::Postgres),
    [](const ::testing::TestParamInfo<Engine> &engine) { return quire::core_test::engineName(engine.param); });

TEST_P(OtherClientsTest, aTaskCreatedByAnotherClientIsHeardByItsId)
{
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create({.title = u"From afar"_s}));

    const QList<OtherClientChange> changes = heard();
    ASSERT_EQ(changes.size(), 1);
    EXPECT_EQ(changes.first().rows, OtherClientChange::Rows::Tasks);
    EXPECT_EQ(changes.first().ids, std::optional(QStringList {task.id}));
}

TEST_P(OtherClientsTest, updatesDeletesAndProjectsAreHeardToo)
{
    ASSERT_OK_AND_ASSIGN(const Project project, m_store.projects().create({.name = u"Home"_s}));
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create({.title = u"Water"_s}));
    ASSERT_OK(m_store.tasks().updateMany({task.id}, TaskPatch {.title = u"Water the plants"_s}));
    ASSERT_OK(m_store.tasks().removeMany({task.id}));

    const QList<OtherClientChange> changes = heard(4);
    ASSERT_EQ(changes.size(), 4);
    EXPECT_EQ(changes.at(0).rows, OtherClientChange::Rows::Projects);
    EXPECT_EQ(changes.at(0).ids, std::optional(QStringList {project.id}));
    for (const OtherClientChange &change : changes.mid(1)) {
        EXPECT_EQ(change.rows, OtherClientChange::Rows::Tasks);
        EXPECT_EQ(change.ids, std::optional(QStringList {task.id}));
    }
}

TEST_P(OtherClientsTest, aChangeOfManyRowsIsHeardAsAChangeOfAnyOfThem)
{
    QStringList ids;
    for (int i = 0; i < 101; ++i) {
        ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create({.title = u"Task "_s + QString::number(i)}));
        ids.append(task.id);
    }
    settle();
    m_heard.clear();

    ASSERT_OK(m_store.tasks().updateMany(ids, TaskPatch {.status = Status::Completed}));

    const QList<OtherClientChange> changes = heard();
    ASSERT_EQ(changes.size(), 1);
    EXPECT_EQ(changes.first().rows, OtherClientChange::Rows::Tasks);
    EXPECT_EQ(changes.first().ids, std::nullopt);
}

TEST_P(OtherClientsTest, aClientDoesNotHearItsOwnChangesNorWhatRolledBack)
{
    ASSERT_OK_AND_ASSIGN(const Project project, m_store.projects().create({.name = u"Home"_s}));
    settle();
    m_heard.clear();

    SqlTaskRepository listenersOwn(*m_listener);
    ASSERT_OK(listenersOwn.create({.title = u"Mine"_s}));
    ASSERT_OK(m_store.refuse(u"INSERT"_s, u"task_projects"_s, u"no links today"_s));
    EXPECT_ERROR_CODE(
        m_store.tasks().create({.title = u"Half written"_s, .projectIds = {project.id}}), ErrorCode::Storage);

    settle();
    EXPECT_TRUE(m_heard.isEmpty());
}

namespace {

/** A store, and whether its connection survives what a server may do to it. */
class ConnectionTest : public quire::core_test::EngineTest
{
protected:
    void SetUp() override { REQUIRE_TEST_STORE(m_store); }

    TestStore m_store;
};

} // namespace

INSTANTIATE_FOR_ENGINES(ConnectionTest);

TEST_P(ConnectionTest, anOpenDatabaseIsConnectedAndSaysWhetherItIsOnAServer)
{
    EXPECT_TRUE(m_store.db().isConnected());
    EXPECT_EQ(m_store.db().isServer(), m_store.engine() == Engine::Postgres);
    ASSERT_OK(m_store.tasks().create({.title = u"Still works"_s}));
}

TEST_P(OtherClientsTest, aSessionTheServerEndedIsNoLongerConnectedAndItsWritesFail)
{
    const QVariant backend = quire::core_test::scalar(m_store.db(), u"SELECT pg_backend_pid()"_s);
    ASSERT_TRUE(
        quire::core_test::scalar(*m_listener, u"SELECT pg_terminate_backend("_s + backend.toString() + u')').toBool());

    EXPECT_FALSE(m_store.db().isConnected());
    EXPECT_ERROR_CODE(m_store.tasks().create({.title = u"Into the void"_s}), ErrorCode::Storage);
    EXPECT_FALSE(m_store.db().isConnected()) << "a lost session does not come back";
    EXPECT_TRUE(m_listener->isConnected()) << "another session is not affected";
    SqlTaskRepository others(*m_listener);
    ASSERT_OK_AND_ASSIGN(const auto listing, others.list({}));
    EXPECT_TRUE(listing.tasks.isEmpty()) << "nothing of the failed write was kept";
}
