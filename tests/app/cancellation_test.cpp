// SPDX-License-Identifier: MIT
// Cancelling a call and hearing how far it has come: the database thread's requests, and the
// page's cancel_request and progress signal through a real QWebChannel over a real SQLite file.
#include "bridge_fixture.h"
#include "database_gate.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

/** @brief A job that runs until it is told to stop, as an import between its steps does. */
app::DatabaseThread::Job untilCancelled(const std::shared_ptr<std::atomic<bool>> &started)
{
    return [started](app::Storage &, core::Operation &operation) -> core::Result<QJsonValue> {
        *started = true;
        const QDeadlineTimer deadline(10'000);
        while (!operation.cancelled() && !deadline.hasExpired())
            QThread::msleep(1);
        return operation.cancelled() ? core::Result<QJsonValue>(std::unexpected(core::cancelledError()))
                                     : core::Result<QJsonValue>(QJsonValue(u"never cancelled"_s));
    };
}

TEST_P(BridgeTest, AQueuedJobCancelledIsAnsweredCancelledAtOnceAndNeverRuns)
{
    // Given a job queued behind a busy database thread
    Gate gate;
    auto busy = m_database->run(gate.job());
    gate.waitUntilEntered();
    auto ran = std::make_shared<std::atomic<bool>>(false);
    auto queued = m_database->run(
        [ran](app::Storage &, core::Operation &) -> core::Result<QJsonValue> {
            *ran = true;
            return QJsonValue(true);
        },
        app::JobKind::Write, u"queued-1"_s);

    // When it is cancelled
    const bool cancelled = m_database->cancel(u"queued-1"_s);

    // Then it is answered before the thread is free, with Cancelled, and never runs afterwards
    EXPECT_TRUE(cancelled);
    ASSERT_TRUE(queued.isFinished());
    ASSERT_FALSE(queued.result().has_value());
    EXPECT_EQ(queued.result().error().code, core::ErrorCode::Cancelled);
    gate.open();
    ASSERT_TRUE(waitFor(busy));
    ASSERT_TRUE(waitFor(m_database->run(
        [](app::Storage &, core::Operation &) -> core::Result<QJsonValue> { return QJsonValue(true); })));
    EXPECT_FALSE(*ran);
}

TEST_P(BridgeTest, ARunningJobIsToldToStopAndAnswersCancelled)
{
    // Given a job that runs until told to stop
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto running = m_database->run(untilCancelled(started), app::JobKind::Write, u"running-1"_s);
    const QDeadlineTimer deadline(10'000);
    while (!*started && !deadline.hasExpired())
        QThread::msleep(1);
    ASSERT_TRUE(*started);

    // When it is cancelled while it runs
    EXPECT_TRUE(m_database->cancel(u"running-1"_s));

    // Then it stops and answers Cancelled, and the connection it interrupted serves the next call
    ASSERT_TRUE(waitFor(running));
    ASSERT_FALSE(running.result().has_value());
    EXPECT_EQ(running.result().error().code, core::ErrorCode::Cancelled);
    EXPECT_EQ(ok(u"db_get_projects"_s).toArray(), QJsonArray {});
}

TEST_P(BridgeTest, CancellingAFinishedOrUnknownRequestHasNoEffect)
{
    auto done = m_database->run(
        [](app::Storage &, core::Operation &) -> core::Result<QJsonValue> { return QJsonValue(u"done"_s); },
        app::JobKind::Write, u"done-1"_s);
    ASSERT_TRUE(waitFor(done));

    EXPECT_FALSE(m_database->cancel(u"done-1"_s));
    EXPECT_FALSE(m_database->cancel(u"never-sent"_s));
    EXPECT_EQ(done.result().value(), QJsonValue(u"done"_s));
    EXPECT_EQ(ok(u"cancel_request"_s, QJsonObject {{u"requestId"_s, u"done-1"_s}}), QJsonValue(false));
}

TEST_P(BridgeTest, TwoRunningCallsCannotShareARequestId)
{
    Gate gate;
    auto busy = m_database->run(gate.job(), app::JobKind::Write, u"shared"_s);
    gate.waitUntilEntered();

    const QJsonObject error = this->error(
        u"db_delete_tasks"_s, QJsonObject {{u"taskIds"_s, QJsonArray {u"a"_s}}, {u"requestId"_s, u"shared"_s}});

    EXPECT_EQ(error.value(u"code"_s), u"invalid_argument"_s);
    EXPECT_TRUE(error.value(u"message"_s).toString().contains(u"'shared'"_s))
        << error.value(u"message"_s).toString().toStdString();
    gate.open();
    ASSERT_TRUE(waitFor(busy));
}

TEST_P(BridgeTest, CancelRequestStopsAQueuedDeleteAndTheTaskStays)
{
    // Given a task, and its deletion queued behind a busy database thread
    const QString taskId = createTask(u"Keep me"_s).value(u"id"_s).toString();
    Gate gate;
    auto busy = m_database->run(gate.job());
    gate.waitUntilEntered();
    const int deletion = m_client->send(u"tasks"_s, u"db_delete_tasks"_s,
        QJsonArray {QJsonObject {{u"taskIds"_s, QJsonArray {taskId}}, {u"requestId"_s, u"delete-1"_s}}});

    // When the page cancels it
    const QJsonValue cancelled = ok(u"cancel_request"_s, QJsonObject {{u"requestId"_s, u"delete-1"_s}});

    // Then the deletion answers cancelled, and the task is still there once the thread is free
    EXPECT_EQ(cancelled, QJsonValue(true));
    gate.open();
    ASSERT_TRUE(waitFor(busy));
    const auto reply = m_client->waitForResponse(deletion);
    ASSERT_TRUE(reply.has_value());
    EXPECT_EQ(reply->toObject().value(u"error"_s).toObject().value(u"code"_s), u"cancelled"_s);
    EXPECT_EQ(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, taskId}}).toObject().value(u"title"_s), u"Keep me"_s);
}

TEST_P(BridgeTest, CancelRequestNeedsARequestId)
{
    EXPECT_EQ(error(u"cancel_request"_s).value(u"code"_s), u"invalid_argument"_s);
    EXPECT_EQ(error(u"cancel_request"_s, QJsonObject {{u"requestId"_s, 7}}).value(u"code"_s), u"invalid_argument"_s);
}

TEST_P(BridgeTest, ProgressReachesThePageThrottledEndingWithTheLastReport)
{
    // Given the page listening to progress
    m_client->connectToSignal(u"app"_s, u"progress"_s);
    constexpr qint64 kSteps = 300;

    // When a job reports every step of a piece of work that takes about 300 ms
    auto job = m_database->run(
        [](app::Storage &, core::Operation &operation) -> core::Result<QJsonValue> {
            for (qint64 step = 1; step <= kSteps; ++step) {
                QThread::msleep(1);
                operation.progress(step, kSteps, u"writing");
            }
            return QJsonValue(true);
        },
        app::JobKind::Write, u"progress-1"_s);
    ASSERT_TRUE(waitFor(job));
    QCoreApplication::processEvents(); // the last report is posted before the reply

    // Then the page hears far fewer reports than steps, each as the contract describes, the last complete
    const QList<QJsonArray> reports = m_client->signalArguments(u"app"_s, u"progress"_s);
    ASSERT_FALSE(reports.isEmpty());
    EXPECT_LT(reports.size(), kSteps / 2);
    for (const QJsonArray &arguments : reports) {
        const QJsonObject report = arguments.at(0).toObject();
        EXPECT_EQ(report.value(u"requestId"_s), u"progress-1"_s);
        EXPECT_EQ(report.value(u"total"_s), kSteps);
        EXPECT_EQ(report.value(u"phase"_s), u"writing"_s);
    }
    EXPECT_EQ(reports.last().at(0).toObject().value(u"done"_s), kSteps);
    QStringList keys = reports.last().at(0).toObject().keys();
    EXPECT_EQ(keys, (QStringList {u"done"_s, u"phase"_s, u"requestId"_s, u"total"_s}));
}

TEST_P(BridgeTest, BulkChangesReportTheirProgressToThePage)
{
    // Given three tasks, and the page listening to progress
    QJsonArray taskIds;
    for (const QString &title : {u"One"_s, u"Two"_s, u"Three"_s})
        taskIds.append(createTask(title).value(u"id"_s));
    m_client->connectToSignal(u"app"_s, u"progress"_s);

    // When it completes them, then deletes them, each call with a request id
    ok(u"db_update_tasks"_s,
        QJsonObject {{u"taskIds"_s, taskIds}, {u"status"_s, u"completed"_s}, {u"requestId"_s, u"bulk-1"_s}});
    ok(u"db_delete_tasks"_s, QJsonObject {{u"taskIds"_s, taskIds}, {u"requestId"_s, u"bulk-2"_s}});
    QCoreApplication::processEvents(); // the last report is posted before the reply

    // Then each reported its work done, under its own request id and phase
    QStringList heard;
    for (const QJsonArray &arguments : m_client->signalArguments(u"app"_s, u"progress"_s)) {
        const QJsonObject report = arguments.at(0).toObject();
        heard.append(u"%1 %2 %3/%4"_s.arg(report.value(u"requestId"_s).toString(), report.value(u"phase"_s).toString())
                         .arg(report.value(u"done"_s).toInteger())
                         .arg(report.value(u"total"_s).toInteger()));
    }
    EXPECT_EQ(heard, (QStringList {u"bulk-1 saving 3/3"_s, u"bulk-2 deleting 3/3"_s}));
}

} // namespace
} // namespace quire::test
