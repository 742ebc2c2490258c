// SPDX-License-Identifier: MIT
// No lost updates: a change made from what a client read is refused (Conflict) once someone else
// has changed the task since, on either engine, and under load from many clients at once.

#include "connection_names.h"
#include "result_assertions.h"
#include "test_store.h"
#include <quire/core/database.h>
#include <quire/core/sql_task_repository.h>
#include <quire/core/timestamp.h>

#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::TestStore;

namespace {

/** The refusal of a change to `task` (as it is now) made from an older read of it. */
QString changedElsewhere(const Task &task)
{
    return u"“"_s % task.title % u"” was changed elsewhere after it was read (at "_s % formatTimestamp(task.updatedAt)
        % u"); read it again before changing it"_s;
}

TaskPatch retitled(const QString &title)
{
    TaskPatch patch;
    patch.title = title;
    return patch;
}

/** A store, one task in it, and a second client of the same database that changes it "elsewhere". */
class ConcurrentChangeTest : public quire::core_test::EngineTest
{
protected:
    void SetUp() override
    {
        REQUIRE_TEST_STORE(m_store);
        auto task = m_store.tasks().create(TaskDraft {.title = u"Shared"_s});
        ASSERT_OK(task);
        m_read = *task;
        auto other = Database::open(m_store.path(), quire::test::uniqueConnectionName(u"other"_s));
        ASSERT_OK(other);
        m_otherDb = std::move(*other);
        m_other = std::make_unique<SqlTaskRepository>(*m_otherDb);
    }

    /** What a client that last read m_read had seen of it. */
    [[nodiscard]] SeenVersions seenAsRead() const { return {{m_read.id, m_read.updatedAt}}; }

    [[nodiscard]] Task stored()
    {
        auto task = m_store.tasks().findById(m_read.id);
        EXPECT_TRUE(task && *task) << "the task is gone";
        return task && *task ? **task : Task {};
    }

    TestStore m_store;
    Task m_read;
    std::unique_ptr<Database> m_otherDb;
    std::unique_ptr<SqlTaskRepository> m_other;
};

} // namespace

TEST_P(ConcurrentChangeTest, updateFromTheLatestReadChangesTheTask)
{
    ASSERT_OK_AND_ASSIGN(
        const TaskUpdate update, m_store.tasks().updateMany({m_read.id}, retitled(u"Mine"_s), seenAsRead()));

    ASSERT_EQ(update.tasks.size(), 1);
    EXPECT_EQ(update.tasks.first().title, u"Mine"_s);
    EXPECT_GT(update.tasks.first().updatedAt, m_read.updatedAt);
}

TEST_P(ConcurrentChangeTest, updateOfATaskChangedElsewhereSinceItWasReadIsAConflictAndKeepsTheirChange)
{
    ASSERT_OK_AND_ASSIGN(const TaskUpdate theirs, m_other->updateMany({m_read.id}, retitled(u"Theirs"_s)));
    ASSERT_OK_AND_ASSIGN(const auto stepsBefore, m_store.history().state());

    EXPECT_ERROR(m_store.tasks().updateMany({m_read.id}, retitled(u"Mine"_s), seenAsRead()), ErrorCode::Conflict,
        changedElsewhere(theirs.tasks.first()));

    EXPECT_EQ(stored(), theirs.tasks.first());
    ASSERT_OK_AND_ASSIGN(const auto stepsAfter, m_store.history().state());
    EXPECT_EQ(stepsAfter, stepsBefore) << "a refused change records no undo step";
}

TEST_P(ConcurrentChangeTest, updateFromAnOlderReadOfOurOwnIsAConflictToo)
{
    ASSERT_OK(m_store.tasks().updateMany({m_read.id}, retitled(u"First save"_s), seenAsRead()));

    EXPECT_ERROR_CODE(
        m_store.tasks().updateMany({m_read.id}, retitled(u"Second save"_s), seenAsRead()), ErrorCode::Conflict);
    EXPECT_EQ(stored().title, u"First save"_s);
}

TEST_P(ConcurrentChangeTest, updateWithoutAReadVersionOverwritesWhateverChanged)
{
    ASSERT_OK(m_other->updateMany({m_read.id}, retitled(u"Theirs"_s)));

    ASSERT_OK(m_store.tasks().updateMany({m_read.id}, retitled(u"Overwritten"_s)));
    EXPECT_EQ(stored().title, u"Overwritten"_s);
}

TEST_P(ConcurrentChangeTest, updateOfATaskDeletedElsewhereSinceItWasReadIsNotFound)
{
    ASSERT_OK(m_other->removeMany({m_read.id}));

    EXPECT_ERROR(m_store.tasks().updateMany({m_read.id}, retitled(u"Mine"_s), seenAsRead()), ErrorCode::NotFound,
        u"task "_s % m_read.id % u" not found"_s);
}

TEST_P(ConcurrentChangeTest, deleteFromTheLatestReadDeletesTheTask)
{
    ASSERT_OK(m_store.tasks().removeMany({m_read.id}, seenAsRead()));

    ASSERT_OK_AND_ASSIGN(const auto gone, m_store.tasks().findById(m_read.id));
    EXPECT_FALSE(gone.has_value());
}

TEST_P(ConcurrentChangeTest, deleteOfATaskChangedElsewhereSinceItWasReadIsAConflictAndKeepsIt)
{
    ASSERT_OK_AND_ASSIGN(const TaskUpdate theirs, m_other->updateMany({m_read.id}, retitled(u"Still needed"_s)));

    EXPECT_ERROR(m_store.tasks().removeMany({m_read.id}, seenAsRead()), ErrorCode::Conflict,
        changedElsewhere(theirs.tasks.first()));
    EXPECT_EQ(stored(), theirs.tasks.first());
}

TEST_P(ConcurrentChangeTest, aBulkChangeIsRefusedWholeWhenOneSeenTaskChanged)
{
    ASSERT_OK_AND_ASSIGN(const Task second, m_store.tasks().create(TaskDraft {.title = u"Second"_s}));
    ASSERT_OK(m_other->updateMany({second.id}, retitled(u"Second, theirs"_s)));

    EXPECT_ERROR_CODE(m_store.tasks().updateMany({m_read.id, second.id}, retitled(u"Both"_s),
                          {{m_read.id, m_read.updatedAt}, {second.id, second.updatedAt}}),
        ErrorCode::Conflict);
    EXPECT_EQ(stored().title, u"Shared"_s);
}

namespace {

/** One update a client made: from the updatedAt it read to the one it wrote, or refused. */
struct Attempt {
    QString taskId;
    QDateTime read;
    QString title;
    QDateTime written = {}; ///< invalid when refused
    bool busy = false; ///< refused because the others' writes held the lock past its timeout
};

/**
 * A write that gave up waiting for the others' (SQLite's busy_timeout, PostgreSQL's lock_timeout,
 * both 5 s): with eight writers on a loaded machine SQLite, which queues nobody, can starve one.
 * It wrote nothing, as a conflict writes nothing; the person tries again.
 */
bool gaveUpWaiting(const Error &error)
{
    return error.code == ErrorCode::Storage
        && (error.message.contains(u"database is locked"_s) || error.message.contains(u"lock timeout"_s));
}

/** What one client did: its attempts, and the failure (other than a conflict) that stopped it. */
struct ClientLog {
    QList<Attempt> attempts;
    QString failure;
};

constexpr int kClients = 8;
constexpr int kUpdatesPerClient = 500;
constexpr int kSharedTasks = 5;

/**
 * One client on its own connection and thread: reads a task, changes it from what it read, and
 * notes each attempt; any failure other than a conflict is noted in `failure`.
 */
void runClient(const QString &location, int client, const QStringList &taskIds, ClientLog &log)
{
    QString &failure = log.failure;
    auto db = Database::open(location, quire::test::uniqueConnectionName(u"client"_s));
    if (!db) {
        failure = db.error().message;
        return;
    }
    SqlTaskRepository tasks(**db);
    for (int i = 0; i < kUpdatesPerClient; ++i) {
        // Overlapping: every client goes through every task, each from its own starting point.
        const QString &id = taskIds.at((client + i) % taskIds.size());
        auto read = tasks.findById(id);
        if (!read || !*read) {
            failure = read ? u"task %1 vanished"_s.arg(id) : read.error().message;
            return;
        }
        Attempt attempt {
            .taskId = id, .read = (*read)->updatedAt, .title = u"client %1, update %2"_s.arg(client).arg(i)};
        auto updated = tasks.updateMany({id}, retitled(attempt.title), {{id, attempt.read}});
        if (updated) {
            attempt.written = updated->tasks.first().updatedAt;
        } else if (gaveUpWaiting(updated.error())) {
            attempt.busy = true;
        } else if (updated.error().code != ErrorCode::Conflict) {
            failure = updated.error().message;
            return;
        }
        log.attempts.append(attempt);
    }
}

} // namespace

// 8 clients × 500 updates on 5 tasks: every acknowledged update was made from the state the one
// before it left (a chain, no gap), the last is what is stored, and every other was a conflict
// (or, rarely, gave up waiting for the lock, writing nothing either).
TEST_P(ConcurrentChangeTest, eightClientsUpdatingTheSameTasksLoseNoAcknowledgedUpdate)
{
    QStringList taskIds {m_read.id};
    QHash<QString, QDateTime> created {{m_read.id, m_read.updatedAt}};
    for (int i = 1; i < kSharedTasks; ++i) {
        ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(TaskDraft {.title = u"Shared %1"_s.arg(i)}));
        taskIds.append(task.id);
        created.insert(task.id, task.updatedAt);
    }

    std::vector<ClientLog> logs(kClients);
    std::vector<std::unique_ptr<QThread>> clients;
    for (int client = 0; client < kClients; ++client) {
        clients.emplace_back(QThread::create(
            runClient, m_store.path(), client, taskIds, std::ref(logs[static_cast<std::size_t>(client)])));
        clients.back()->start();
    }
    for (auto &client : clients)
        ASSERT_TRUE(client->wait());

    QHash<QString, QList<Attempt>> acknowledged;
    qsizetype refused = 0;
    qsizetype busy = 0;
    for (const ClientLog &log : logs) {
        EXPECT_EQ(log.failure, QString());
        EXPECT_EQ(log.attempts.size(), kUpdatesPerClient);
        for (const Attempt &attempt : log.attempts) {
            if (attempt.written.isValid())
                acknowledged[attempt.taskId].append(attempt);
            else if (attempt.busy)
                ++busy;
            else
                ++refused;
        }
    }
    qsizetype acknowledgedCount = 0;
    for (const QString &id : std::as_const(taskIds)) {
        QList<Attempt> chain = acknowledged.value(id);
        ASSERT_FALSE(chain.isEmpty()) << "no update of task " << id.toStdString() << " went through";
        acknowledgedCount += chain.size();
        std::ranges::sort(chain, {}, &Attempt::written);
        QDateTime previous = created.value(id);
        for (const Attempt &attempt : std::as_const(chain)) {
            ASSERT_EQ(attempt.read, previous) << attempt.title.toStdString() << " was made from a state it replaced";
            previous = attempt.written;
        }
        ASSERT_OK_AND_ASSIGN(const auto stored, m_store.tasks().findById(id));
        ASSERT_TRUE(stored.has_value());
        EXPECT_EQ(stored->title, chain.last().title);
        EXPECT_EQ(stored->updatedAt, chain.last().written);
    }
    EXPECT_EQ(acknowledgedCount + refused + busy, kClients * kUpdatesPerClient);
    EXPECT_LT(busy, kClients * kUpdatesPerClient / 10) << "the clients mostly waited their turn";
    RecordProperty("acknowledged", static_cast<int>(acknowledgedCount));
    RecordProperty("refused", static_cast<int>(refused));
    RecordProperty("gave_up_waiting", static_cast<int>(busy));
}

INSTANTIATE_FOR_ENGINES(ConcurrentChangeTest);
