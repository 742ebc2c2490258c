// SPDX-License-Identifier: MIT
// The order in which the database thread runs what the page asks for: a read a person waits for
// (one task) does not wait behind a burst of queued list refetches, and nothing overtakes a write,
// so every read still sees the writes sent before it.
#include "bridge_fixture.h"
#include "database_gate.h"

#include <QJsonArray>
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>

#include <memory>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

/** @brief The names of the jobs in the order the database thread ran them. */
class RunOrder
{
public:
    [[nodiscard]] app::DatabaseThread::Job job(const QString &name) const
    {
        return [state = m_state, name](app::Storage &, core::Operation &) -> core::Result<QJsonValue> {
            const QMutexLocker lock(&state->mutex);
            state->names.append(name);
            return QJsonValue(true);
        };
    }
    [[nodiscard]] QStringList names() const
    {
        const QMutexLocker lock(&m_state->mutex);
        return m_state->names;
    }

private:
    struct State {
        QMutex mutex;
        QStringList names;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

TEST_P(BridgeTest, AnInteractiveReadGoesAheadOfQueuedBackgroundReadsButNeverAheadOfAWrite)
{
    // Given a busy database thread with list pages, reads of one task and a write queued behind it
    Gate gate;
    auto busy = m_database->run(gate.job());
    gate.waitUntilEntered();
    RunOrder order;
    const auto queue = [&](const QString &name, app::JobKind kind, app::JobLane lane) {
        return m_database->run(order.job(name), kind, QString(), lane);
    };
    using enum app::JobLane;
    QList<QFuture<core::Result<QJsonValue>>> jobs {
        queue(u"list 1"_s, app::JobKind::Read, BackgroundRead),
        queue(u"list 2"_s, app::JobKind::Read, BackgroundRead),
        queue(u"task 1"_s, app::JobKind::Write, InteractiveRead),
        queue(u"task 2"_s, app::JobKind::Write, InteractiveRead),
        queue(u"write"_s, app::JobKind::Write, Ordered),
        queue(u"list 3"_s, app::JobKind::Read, BackgroundRead),
        queue(u"task 3"_s, app::JobKind::Write, InteractiveRead),
    };

    // When the thread is free again
    gate.open();
    ASSERT_TRUE(waitFor(busy));
    for (const auto &job : jobs)
        ASSERT_TRUE(waitFor(job));

    // Then the reads of one task went ahead of the list pages queued before them, in their own
    // order, but the one sent after the write waited for it
    EXPECT_EQ(order.names(),
        QStringList({u"task 1"_s, u"task 2"_s, u"list 1"_s, u"list 2"_s, u"write"_s, u"task 3"_s, u"list 3"_s}));
}

TEST_P(BridgeTest, OneTaskIsAnsweredBeforeABurstOfListRefetchesQueuedAheadOfIt)
{
    // Given 40 whole-list reads queued behind a busy database thread, then a read of one task
    const QString taskId = createTask(u"Read me first"_s).value(u"id"_s).toString();
    Gate gate;
    auto busy = m_database->run(gate.job());
    gate.waitUntilEntered();
    QList<int> listCalls;
    for (int i = 0; i < 40; ++i)
        listCalls.append(m_client->send(u"tasks"_s, u"db_get_tasks"_s, QJsonArray {QJsonObject {}}));
    const int taskCall = m_client->send(u"tasks"_s, u"db_get_task"_s, QJsonArray {QJsonObject {{u"taskId"_s, taskId}}});

    // When the thread is free again
    gate.open();
    ASSERT_TRUE(waitFor(busy));
    const auto task = m_client->waitForResponse(taskCall);
    ASSERT_TRUE(task.has_value());
    for (const int id : listCalls)
        ASSERT_TRUE(m_client->waitForResponse(id).has_value());

    // Then the task's reply came first, and every list was still answered
    EXPECT_EQ(task->toObject().value(u"data"_s).toObject().value(u"title"_s), u"Read me first"_s);
    const QList<int> &order = m_client->responseOrder();
    for (const int id : listCalls)
        EXPECT_LT(order.indexOf(taskCall), order.indexOf(id));
}

TEST_P(BridgeTest, AReadOfOneTaskSentAfterAnUpdateSeesTheUpdate)
{
    // Given a list read, an update and a read of the same task, queued in that order
    const QString taskId = createTask(u"Before"_s).value(u"id"_s).toString();
    Gate gate;
    auto busy = m_database->run(gate.job());
    gate.waitUntilEntered();
    const int listCall = m_client->send(u"tasks"_s, u"db_get_tasks"_s, QJsonArray {QJsonObject {}});
    const int updateCall = m_client->send(
        u"tasks"_s, u"db_update_task"_s, QJsonArray {QJsonObject {{u"taskId"_s, taskId}, {u"title"_s, u"After"_s}}});
    const int readCall = m_client->send(u"tasks"_s, u"db_get_task"_s, QJsonArray {QJsonObject {{u"taskId"_s, taskId}}});

    // When the thread is free again
    gate.open();
    ASSERT_TRUE(waitFor(busy));
    const auto read = m_client->waitForResponse(readCall);
    ASSERT_TRUE(read.has_value());
    ASSERT_TRUE(m_client->waitForResponse(listCall).has_value());

    // Then the read ran after the update, not ahead of it with the list
    EXPECT_EQ(read->toObject().value(u"data"_s).toObject().value(u"title"_s), u"After"_s);
    const QList<int> &order = m_client->responseOrder();
    EXPECT_LT(order.indexOf(listCall), order.indexOf(updateCall));
    EXPECT_LT(order.indexOf(updateCall), order.indexOf(readCall));
}

} // namespace
} // namespace quire::test
