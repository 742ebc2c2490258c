// SPDX-License-Identifier: MIT
// Issue 16 item 9: closing Quire while commands are in flight. The database thread stops without
// running the reads queued behind the running job (nobody is left to read their replies), still
// runs the queued writes (a person asked for them), and answers every future, so nothing waits
// forever; a bridge destroyed while its command runs is neither called back nor left hanging.

#include <command_dispatch.h>
#include <database_thread.h>

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QSemaphore>
#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace quire::test {
namespace {

using app::DatabaseThread;
using app::Storage;

/** @brief A database thread whose storage has no repositories: the jobs here never touch them. */
std::unique_ptr<DatabaseThread> emptyDatabase()
{
    return std::make_unique<DatabaseThread>(DatabaseThread::Opener([] { return core::Result<Storage>(Storage()); }));
}

/** @brief Pumps the event loop until `done` holds or `timeout` passes; returns `done()`. */
template<class Predicate>
bool pumpUntil(Predicate done, std::chrono::milliseconds timeout = 5s)
{
    const QDeadlineTimer deadline(timeout);
    while (!done() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return done();
}

/** @brief A list command whose job counts its runs and takes `duration`. */
QFuture<QString> slowList(
    QObject *context, DatabaseThread &database, std::atomic<int> &runs, std::chrono::milliseconds duration)
{
    return app::dispatchTextCommand(context, database, u"db_get_tasks", QJsonObject {},
        [&runs, duration](const app::Arguments &, Storage &, const app::SendPart &) -> core::Result<QByteArray> {
            ++runs;
            QThread::msleep(static_cast<unsigned long>(duration.count()));
            return QByteArray("[]");
        });
}

TEST(Shutdown, ReadsQueuedBehindARunningListAreAnsweredWithoutRunning)
{
    // Given a long list running and twenty more queued behind it
    auto database = emptyDatabase();
    QObject bridge;
    std::atomic<int> runs = 0;
    QFuture<QString> running = slowList(&bridge, *database, runs, 300ms);
    ASSERT_TRUE(pumpUntil([&] { return runs == 1; }));
    QList<QFuture<QString>> queued;
    for (int i = 0; i < 20; ++i)
        queued.append(slowList(&bridge, *database, runs, 300ms));

    // When the app closes the database
    QElapsedTimer closing;
    closing.start();
    database->shutdown();

    // Then only the running list ran, closing did not wait for the queue, and every call is answered
    EXPECT_EQ(runs, 1);
    EXPECT_LT(closing.elapsed(), 3000);
    ASSERT_TRUE(pumpUntil([&] { return running.isFinished(); }));
    for (QFuture<QString> &future : queued) {
        ASSERT_TRUE(pumpUntil([&] { return future.isFinished(); }));
        ASSERT_EQ(future.resultCount(), 1);
        EXPECT_TRUE(future.result().contains(u"\"ok\":false"_s)) << future.result().toStdString();
        EXPECT_TRUE(future.result().contains(u"closing"_s)) << future.result().toStdString();
    }
}

TEST(Shutdown, WritesQueuedBehindARunningListStillRun)
{
    // Given a long list running and a create queued behind it
    auto database = emptyDatabase();
    QObject bridge;
    std::atomic<int> runs = 0;
    std::atomic<bool> written = false;
    QFuture<QString> running = slowList(&bridge, *database, runs, 300ms);
    ASSERT_TRUE(pumpUntil([&] { return runs == 1; }));
    QFuture<QJsonDocument> write
        = app::dispatchCommand(&bridge, *database, u"db_create_project", QJsonObject {{u"name"_s, u"Kept"_s}},
            [&written](const app::Arguments &, Storage &) -> core::Result<QJsonValue> {
                written = true;
                return QJsonValue(true);
            });

    // When
    database->shutdown();

    // Then the write ran before the connection closed, and its caller is answered
    EXPECT_TRUE(written);
    ASSERT_TRUE(pumpUntil([&] { return write.isFinished(); }));
    ASSERT_TRUE(pumpUntil([&] { return running.isFinished(); }));
}

TEST(Shutdown, ACommandAfterShutdownIsAnsweredAtOnce)
{
    // Given
    auto database = emptyDatabase();
    database->shutdown();
    bool ran = false;

    // When
    QFuture<core::Result<QJsonValue>> late
        = database->run([&ran](Storage &, core::Operation &) -> core::Result<QJsonValue> {
              ran = true;
              return QJsonValue(true);
          });

    // Then
    ASSERT_TRUE(late.isFinished());
    EXPECT_FALSE(ran);
    ASSERT_FALSE(late.result().has_value());
    EXPECT_TRUE(late.result().error().message.contains(u"closing"_s)) << late.result().error().message.toStdString();
}

TEST(Shutdown, ABridgeDestroyedWhileItsCommandRunsIsNotCalledBackAndTheCallIsAnswered)
{
    // Given a command running for a bridge
    auto database = emptyDatabase();
    auto bridge = std::make_unique<QObject>();
    QSemaphore started;
    QSemaphore release;
    bool calledBack = false;
    QFuture<QJsonDocument> reply = app::dispatchCommand(
        bridge.get(), *database, u"db_get_projects", QJsonObject {},
        [&](const app::Arguments &, Storage &) -> core::Result<QJsonValue> {
            started.release();
            release.acquire();
            return QJsonValue(true);
        },
        [&calledBack](const app::Arguments &, const QJsonValue &) { calledBack = true; });
    ASSERT_TRUE(started.tryAcquire(1, 5000));

    // When the bridge goes first, then the command finishes
    bridge.reset();
    release.release();

    // Then the caller's future finishes (there is no bridge left to deliver a reply) and nothing
    // ran on the destroyed bridge's behalf
    EXPECT_TRUE(pumpUntil([&] { return reply.isFinished(); }));
    EXPECT_FALSE(calledBack);
    database->shutdown();
}

// The race behind item 9: on Qt 6.4, `.then(context, …)` reads the context's QPointer on the
// thread that finishes the job while the GUI thread may be destroying it. Run many commands that
// finish just as their bridge dies: nothing may crash (the asan preset sees any use after free),
// and every future must finish.
TEST(Shutdown, BridgesDyingAsTheirCommandsFinishNeverCrashOrHang)
{
    auto database = emptyDatabase();
    QList<QFuture<QJsonDocument>> replies;
    for (int i = 0; i < 300; ++i) {
        auto bridge = std::make_unique<QObject>();
        replies.append(app::dispatchCommand(
            bridge.get(), *database, u"db_get_projects", QJsonObject {},
            [](const app::Arguments &, Storage &) -> core::Result<QJsonValue> { return QJsonValue(true); },
            [](const app::Arguments &, const QJsonValue &) {}));
        if (i % 3 == 0)
            QThread::usleep(50);
        bridge.reset();
    }
    for (QFuture<QJsonDocument> &reply : replies)
        ASSERT_TRUE(pumpUntil([&] { return reply.isFinished(); }));
    database->shutdown();
}

} // namespace
} // namespace quire::test
