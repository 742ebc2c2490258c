// SPDX-License-Identifier: MIT
// Bulk changes of thousands of tasks: they report how far they are, group by group, and a cancel
// at any point leaves every task, and the undo history, as it was. Tags and projects added to and
// removed from many tasks at once, each keeping its own list.
#include "recording_operation.h"
#include "result_assertions.h"
#include "statement.h"
#include "test_store.h"
#include <quire/core/sql_data_transfer.h>

#include <QUuid>

#include <tuple>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::RecordingOperation;
using quire::core_test::scalar;
using quire::core_test::TestStore;

namespace {

constexpr int kTasks = 1200; // two full groups of 500 and a part of one

class BulkChangeTest : public quire::core_test::EngineTest
{
protected:
    void SetUp() override
    {
        REQUIRE_TEST_STORE(m_store);
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
        ASSERT_OK(SqlDataTransfer(m_store.db()).import(snapshot, ImportMode::Commit, operation));
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

INSTANTIATE_FOR_ENGINES(BulkChangeTest);

TEST_P(BulkChangeTest, aBulkUpdateReportsEachGroupOfTasksSaved)
{
    RecordingOperation operation;
    ASSERT_OK_AND_ASSIGN(const TaskUpdate update, m_store.tasks().updateMany(m_ids, completing(), {}, {}, operation));

    EXPECT_EQ(update.tasks.size(), kTasks);
    EXPECT_EQ(doneCounts(operation, u"saving"_s), (QList<qint64> {500, 1000, 1200}));
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks WHERE status = 'completed' AND tags_json = '[\"done\"]'"_s), kTasks);
    EXPECT_EQ(count(u"SELECT count(*) FROM task_tags WHERE tag = 'done'"_s), kTasks);
    // One step for the whole change, whose undo puts every task back.
    ASSERT_OK(m_store.history().undo());
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks WHERE status = 'backlog' AND tags_json = '[\"tag\"]'"_s), kTasks);
}

TEST_P(BulkChangeTest, aBulkUpdateCancelledAfterItsFirstGroupChangesNothing)
{
    RecordingOperation operation;
    operation.cancelWhen = [](const RecordingOperation::Report &report) { return report.done >= 500; };

    EXPECT_ERROR_CODE(m_store.tasks().updateMany(m_ids, completing(), {}, {}, operation), ErrorCode::Cancelled);

    EXPECT_EQ(doneCounts(operation, u"saving"_s), (QList<qint64> {500}));
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks WHERE status = 'backlog' AND tags_json = '[\"tag\"]'"_s), kTasks);
    EXPECT_EQ(count(u"SELECT count(*) FROM task_tags WHERE tag = 'tag'"_s), kTasks);
    expectNoStepRecorded();
}

TEST_P(BulkChangeTest, aBulkDeleteReportsEachGroupOfTasksDeleted)
{
    RecordingOperation operation;
    ASSERT_OK(m_store.tasks().removeMany(m_ids, {}, operation));

    EXPECT_EQ(doneCounts(operation, u"deleting"_s), (QList<qint64> {500, 1000, 1200}));
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks"_s), 0);
    ASSERT_OK(m_store.history().undo());
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks"_s), kTasks);
}

TEST_P(BulkChangeTest, aBulkDeleteCancelledAfterItsSecondGroupDeletesNothing)
{
    RecordingOperation operation;
    operation.cancelWhen = [](const RecordingOperation::Report &report) { return report.done >= 1000; };

    EXPECT_ERROR_CODE(m_store.tasks().removeMany(m_ids, {}, operation), ErrorCode::Cancelled);

    EXPECT_EQ(count(u"SELECT count(*) FROM tasks"_s), kTasks);
    EXPECT_EQ(count(u"SELECT count(*) FROM task_tags"_s), kTasks);
    expectNoStepRecorded();
}

TEST_P(BulkChangeTest, aBulkChangeCancelledBeforeItStartsDoesNothing)
{
    RecordingOperation updating;
    updating.cancel();
    EXPECT_ERROR_CODE(m_store.tasks().updateMany(m_ids, completing(), {}, {}, updating), ErrorCode::Cancelled);
    RecordingOperation deleting;
    deleting.cancel();
    EXPECT_ERROR_CODE(m_store.tasks().removeMany(m_ids, {}, deleting), ErrorCode::Cancelled);

    EXPECT_TRUE(updating.reports.isEmpty());
    EXPECT_TRUE(deleting.reports.isEmpty());
    EXPECT_EQ(count(u"SELECT count(*) FROM tasks WHERE status = 'backlog'"_s), kTasks);
    expectNoStepRecorded();
}

namespace {

/** Three tasks with different tags and projects, for edits that leave each with its own list. */
class ListEditTest : public quire::core_test::EngineTest
{
protected:
    void SetUp() override
    {
        REQUIRE_TEST_STORE(m_store);
        auto home = m_store.projects().create({.name = u"Home"_s});
        auto work = m_store.projects().create({.name = u"Work"_s});
        ASSERT_OK(home);
        ASSERT_OK(work);
        m_home = home->id;
        m_work = work->id;
        for (const auto &[title, tags, projects] : {std::tuple {u"One"_s, QStringList {u"a"_s}, QStringList {m_home}},
                 std::tuple {u"Two"_s, QStringList {u"b"_s}, QStringList {m_work}},
                 std::tuple {u"Three"_s, QStringList {u"a"_s, u"x"_s}, QStringList {m_home, m_work}}}) {
            auto task = m_store.tasks().create({.title = title, .tags = tags, .projectIds = projects});
            ASSERT_OK(task);
            m_ids.append(task->id);
        }
    }

    Result<TaskUpdate> edit(const TaskListEdits &edits, const TaskPatch &patch = {})
    {
        UnwatchedOperation operation;
        return m_store.tasks().updateMany(m_ids, patch, edits, {}, operation);
    }

    /** Each task's tags as stored (JSON copy), and whether its tag rows say the same. */
    QList<QStringList> storedTags()
    {
        QList<QStringList> tags;
        auto tasks = quire::core_test::listedTasks(m_store.tasks());
        EXPECT_TRUE(tasks.has_value());
        for (const Task &task : tasks.value_or(QList<Task>())) {
            tags.append(task.tags);
            auto rows = Statement::run(m_store.db(), u"test query"_s,
                u"SELECT tag FROM task_tags WHERE task_id = ? ORDER BY position"_s, QStringList {task.id});
            EXPECT_OK(rows);
            if (rows) {
                EXPECT_EQ(rows->texts(), task.tags);
            }
        }
        return tags;
    }

    TestStore m_store;
    QString m_home;
    QString m_work;
    QStringList m_ids;
};

} // namespace

INSTANTIATE_FOR_ENGINES(ListEditTest);

TEST_P(ListEditTest, aTagAddedToTasksWithDifferentTagsGoesAfterEachOnesOwnInOneStep)
{
    ASSERT_OK_AND_ASSIGN(const TaskUpdate update, edit({.addTags = {u" x "_s}}));

    EXPECT_EQ(storedTags(), (QList<QStringList> {{u"a"_s, u"x"_s}, {u"b"_s, u"x"_s}, {u"a"_s, u"x"_s}}));
    EXPECT_EQ(update.tasks.at(1).tags, (QStringList {u"b"_s, u"x"_s}));
    ASSERT_OK(m_store.history().undo());
    EXPECT_EQ(storedTags(), (QList<QStringList> {{u"a"_s}, {u"b"_s}, {u"a"_s, u"x"_s}}));
}

TEST_P(ListEditTest, tagsAndProjectsAreRemovedFromTheTasksThatHaveThem)
{
    ASSERT_OK(edit({.removeTags = {u"a"_s}, .removeProjectIds = {m_home}}));

    EXPECT_EQ(storedTags(), (QList<QStringList> {{}, {u"b"_s}, {u"x"_s}}));
    ASSERT_OK_AND_ASSIGN(const QList<Task> home, quire::core_test::tasksOfProjects(m_store.tasks(), {m_home}));
    EXPECT_TRUE(home.isEmpty());
    ASSERT_OK_AND_ASSIGN(const QList<Task> work, quire::core_test::tasksOfProjects(m_store.tasks(), {m_work}));
    EXPECT_EQ(work.size(), 2);
    EXPECT_EQ(work.at(1).projectIds, QStringList {m_work});
}

TEST_P(ListEditTest, aProjectAddedToEveryTaskLinksEachOnce)
{
    ASSERT_OK(edit({.addProjectIds = {m_work}}));

    ASSERT_OK_AND_ASSIGN(const QList<Task> work, quire::core_test::tasksOfProjects(m_store.tasks(), {m_work}));
    ASSERT_EQ(work.size(), 3);
    EXPECT_EQ(work.at(0).projectIds, (QStringList {m_home, m_work}));
    EXPECT_EQ(work.at(2).projectIds, (QStringList {m_home, m_work}));
    EXPECT_EQ(scalar(m_store.db(), u"SELECT count(*) FROM task_projects"_s).toInt(), 5);
}

TEST_P(ListEditTest, aProjectToAddThatDoesNotExistChangesNothing)
{
    EXPECT_ERROR_CODE(edit({.addTags = {u"y"_s}, .addProjectIds = {u"nope"_s}}), ErrorCode::NotFound);
    EXPECT_EQ(storedTags(), (QList<QStringList> {{u"a"_s}, {u"b"_s}, {u"a"_s, u"x"_s}}));
}

TEST_P(ListEditTest, editsCannotComeWithTheWholeListNorNameAnItemTwice)
{
    TaskPatch settingTags;
    settingTags.tags = QStringList {u"z"_s};
    EXPECT_ERROR(edit({.addTags = {u"y"_s}}, settingTags), ErrorCode::InvalidArgument,
        u"tags cannot be set and edited at once: give tags, or addTags and removeTags"_s);
    TaskPatch settingProjects;
    settingProjects.projectIds = QStringList {m_home};
    EXPECT_ERROR(edit({.removeProjectIds = {m_work}}, settingProjects), ErrorCode::InvalidArgument,
        u"projectIds cannot be set and edited at once: give projectIds, or addProjectIds and removeProjectIds"_s);
    EXPECT_ERROR(edit({.addTags = {u"y"_s}, .removeTags = {u" y"_s}}), ErrorCode::InvalidArgument,
        u"tag “y” cannot be both added and removed"_s);
    EXPECT_EQ(storedTags(), (QList<QStringList> {{u"a"_s}, {u"b"_s}, {u"a"_s, u"x"_s}}));
}
