// SPDX-License-Identifier: MIT
// Bulk changes of thousands of tasks: they report how far they are, group by group, and a cancel
// at any point leaves every task, and the undo history, as it was.
#include "recording_operation.h"
#include "result_assertions.h"
#include "test_store.h"
#include <quire/core/sqlite_data_transfer.h>

#include <QUuid>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::RecordingOperation;
using quire::core_test::scalar;
using quire::core_test::TestStore;

namespace {

constexpr int kTasks = 1200; // two full groups of 500 and a part of one

class BulkChangeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_store.isOpen());
        Snapshot snapshot;
        const QDateTime start(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < kTasks; ++i) {
            Task task;
            task.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            task.title = u"Task "_s + QString::number(i);
            task.tags = {u"tag"_s};
            task.createdAt = start.addMSecs(i);
            task.updatedAt = task.createdAt;
            m_ids.append(task.id);
            snapshot.tasks.append(std::move(task));
        }
        UnwatchedOperation operation;
        ASSERT_OK(SqliteDataTransfer(m_store.db()).import(snapshot, ImportMode::Commit, operation));
        auto state = m_store.history().state();
        ASSERT_OK(state);
        m_undoBefore = *state;
    }

    [[nodiscard]] qint64 count(const QString &sql) { return scalar(m_store.db(), sql).toLongLong(); }

    /** The undo history is as it was before the test's change: no step was recorded. */
    void expectNoStepRecorded()
    {
        auto state = m_store.history().state();
        ASSERT_OK(state);
        EXPECT_EQ(*state, m_undoBefore);
    }

    static QList<qint64> doneCounts(const RecordingOperation &operation, const QString &phase)
    {
        QList<qint64> done;
        for (const RecordingOperation::Report &report : operation.reports) {
            EXPECT_EQ(report.phase, phase);
            EXPECT_EQ(report.total, kTasks);
            done.append(report.done);
        }
        return done;
    }

    TestStore m_store;
    QStringList m_ids;
    UndoState m_undoBefore;
};

TaskPatch completing()
{
    TaskPatch patch;
    patch.status = Status::Completed;
    patch.tags = QStringList {u"done"_s};
    return patch;
}

} // namespace

TEST_F(BulkChangeTest, aBulkUpdateReportsEachGroupOfTasksSaved)
{
    RecordingOperation operation;
    ASSERT_OK_AND_ASSIGN(const TaskUpdate update, m_store.tasks().updateMany(m_ids, completing(), operation));

    EXPECT_EQ(update.tasks.size(), kTasks);
    EXPECT_EQ(doneCounts(operation, u"saving"_s), (QList<qint64> {500, 1000, 1200}));
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks WHERE status = 'completed' AND tags_json = '[\"done\"]'"_s), kTasks);
    EXPECT_EQ(count(u"SELECT count(*) FROM task_tags WHERE tag = 'done'"_s), kTasks);
    // One step for the whole change, whose undo puts every task back.
    ASSERT_OK(m_store.history().undo());
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks WHERE status = 'backlog' AND tags_json = '[\"tag\"]'"_s), kTasks);
}

TEST_F(BulkChangeTest, aBulkUpdateCancelledAfterItsFirstGroupChangesNothing)
{
    RecordingOperation operation;
    operation.cancelWhen = [](const RecordingOperation::Report &report) { return report.done >= 500; };

    EXPECT_ERROR_CODE(m_store.tasks().updateMany(m_ids, completing(), operation), ErrorCode::Cancelled);

    EXPECT_EQ(doneCounts(operation, u"saving"_s), (QList<qint64> {500}));
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks WHERE status = 'backlog' AND tags_json = '[\"tag\"]'"_s), kTasks);
    EXPECT_EQ(count(u"SELECT count(*) FROM task_tags WHERE tag = 'tag'"_s), kTasks);
    expectNoStepRecorded();
}

TEST_F(BulkChangeTest, aBulkDeleteReportsEachGroupOfTasksDeleted)
{
    RecordingOperation operation;
    ASSERT_OK(m_store.tasks().removeMany(m_ids, operation));

    EXPECT_EQ(doneCounts(operation, u"deleting"_s), (QList<qint64> {500, 1000, 1200}));
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks"_s), 0);
    ASSERT_OK(m_store.history().undo());
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks"_s), kTasks);
}

TEST_F(BulkChangeTest, aBulkDeleteCancelledAfterItsSecondGroupDeletesNothing)
{
    RecordingOperation operation;
    operation.cancelWhen = [](const RecordingOperation::Report &report) { return report.done >= 1000; };

    EXPECT_ERROR_CODE(m_store.tasks().removeMany(m_ids, operation), ErrorCode::Cancelled);

    EXPECT_EQ(count(u"SELECT count(*) FROM tasks"_s), kTasks);
    EXPECT_EQ(count(u"SELECT count(*) FROM task_tags"_s), kTasks);
    expectNoStepRecorded();
}

TEST_F(BulkChangeTest, aBulkChangeCancelledBeforeItStartsDoesNothing)
{
    RecordingOperation updating;
    updating.cancel();
    EXPECT_ERROR_CODE(m_store.tasks().updateMany(m_ids, completing(), updating), ErrorCode::Cancelled);
    RecordingOperation deleting;
    deleting.cancel();
    EXPECT_ERROR_CODE(m_store.tasks().removeMany(m_ids, deleting), ErrorCode::Cancelled);

    EXPECT_TRUE(updating.reports.isEmpty());
    EXPECT_TRUE(deleting.reports.isEmpty());
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks WHERE status = 'backlog'"_s), kTasks);
    expectNoStepRecorded();
}
