// SPDX-License-Identifier: MIT
// A task's checklist: stored in the task's row, written with the task, unticked on the next
// occurrence of a recurring task; through the repository on a real SQLite file.
#include "result_assertions.h"
#include "test_store.h"
#include <quire/core/sql_task_repository.h>

#include <QDate>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::exec;
using quire::core_test::listedTasks;
using quire::core_test::scalar;
using quire::core_test::updatedTask;
using quire::core_test::updatedTasks;

namespace {

ChecklistItem item(const QString &title, bool done = false)
{
    return {.title = title, .done = done};
}

TaskDraft withChecklist(const QString &title, QList<ChecklistItem> checklist)
{
    TaskDraft draft;
    draft.title = title;
    draft.checklist = std::move(checklist);
    return draft;
}

TaskPatch checklistPatch(QList<ChecklistItem> checklist)
{
    TaskPatch patch;
    patch.checklist = std::move(checklist);
    return patch;
}

} // namespace

/** The behaviour, the same on every engine. */
class ChecklistTest : public quire::core_test::EngineTest
{
};

INSTANTIATE_FOR_ENGINES(ChecklistTest);

TEST_P(ChecklistTest, CreateKeepsTheItemsInOrderTrimmedAndDropsBlankOnes)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task,
        store.tasks().create(withChecklist(u"Pack"_s,
            {item(u"  passport "_s, true), item(u"   "_s), item(u"charger"_s), item(QString()), item(u"charger"_s)})));

    const QList<ChecklistItem> expected {item(u"passport"_s, true), item(u"charger"_s), item(u"charger"_s)};
    EXPECT_EQ(task.checklist, expected);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored->checklist, expected);
    ASSERT_OK_AND_ASSIGN(const QList<Task> listed, listedTasks(store.tasks()));
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed.at(0).checklist, expected);
}

TEST_P(ChecklistTest, ATaskWithoutItemsStoresNoChecklistText)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(withChecklist(u"Plain"_s, {item(u" "_s)})));

    EXPECT_TRUE(task.checklist.isEmpty());
    EXPECT_TRUE(scalar(store.db(), u"SELECT checklist FROM tasks"_s).isNull());
}

TEST_P(ChecklistTest, TextOutsideTheBasicPlaneAndQuotesReadBackExactly)
{
    OPEN_TEST_STORE(store);
    const QString title = u"say \"hi\" \\ to 😀 in 日本語"_s;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(withChecklist(u"Text"_s, {item(title)})));

    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    ASSERT_EQ(stored->checklist.size(), 1);
    EXPECT_EQ(stored->checklist.at(0).title, title);
}

TEST_P(ChecklistTest, AnUpdateReplacesTheWholeChecklistAndOtherUpdatesLeaveIt)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(
        const Task task, store.tasks().create(withChecklist(u"Pack"_s, {item(u"passport"_s), item(u"charger"_s)})));

    // Another field changes: the checklist stays
    TaskPatch rename;
    rename.title = u"Pack the bag"_s;
    ASSERT_OK_AND_ASSIGN(const Task renamed, updatedTask(store.tasks(), task.id, rename));
    EXPECT_EQ(renamed.checklist, task.checklist);

    // The checklist is given: it replaces the old one, ticks and order included
    const QList<ChecklistItem> reordered {item(u"charger"_s, true), item(u"passport"_s), item(u"socks"_s)};
    ASSERT_OK_AND_ASSIGN(const Task ticked, updatedTask(store.tasks(), task.id, checklistPatch(reordered)));
    EXPECT_EQ(ticked.checklist, reordered);

    // An empty checklist removes every item
    ASSERT_OK_AND_ASSIGN(const Task cleared, updatedTask(store.tasks(), task.id, checklistPatch({})));
    EXPECT_TRUE(cleared.checklist.isEmpty());
    EXPECT_TRUE(scalar(store.db(), u"SELECT checklist FROM tasks"_s).isNull());
}

TEST_P(ChecklistTest, ABulkUpdateNormalisesTheChecklistItGivesEveryTask)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task a, store.tasks().create(withChecklist(u"A"_s, {})));
    ASSERT_OK_AND_ASSIGN(const Task b, store.tasks().create(withChecklist(u"B"_s, {item(u"old"_s)})));

    ASSERT_OK_AND_ASSIGN(const QList<Task> updated,
        updatedTasks(store.tasks(), {a.id, b.id}, checklistPatch({item(u" step "_s), item(u""_s)})));

    for (const Task &task : updated)
        EXPECT_EQ(task.checklist, QList<ChecklistItem> {item(u"step"_s)}) << task.title.toStdString();
}

TEST_P(ChecklistTest, TheNextOccurrenceOfARecurringTaskHasItsChecklistUnticked)
{
    OPEN_TEST_STORE(store);
    TaskDraft draft = withChecklist(u"Weekly review"_s, {item(u"inbox"_s, true), item(u"calendar"_s, false)});
    draft.dueDate = LocalDate {QDate::currentDate(), std::nullopt};
    draft.recurrence = u"FREQ=WEEKLY"_s;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft));

    TaskPatch complete;
    complete.status = Status::Completed;
    ASSERT_OK_AND_ASSIGN(const TaskUpdate update, store.tasks().updateMany({task.id}, complete));

    ASSERT_EQ(update.tasks.size(), 1);
    EXPECT_EQ(update.tasks.at(0).checklist, task.checklist) << "the completed task keeps its ticks";
    ASSERT_EQ(update.nextOccurrences.size(), 1);
    const QList<ChecklistItem> unticked {item(u"inbox"_s), item(u"calendar"_s)};
    EXPECT_EQ(update.nextOccurrences.at(0).checklist, unticked);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(update.nextOccurrences.at(0).id));
    EXPECT_EQ(stored->checklist, unticked);
}

TEST_P(ChecklistTest, ADamagedStoredChecklistIsAStorageErrorNamingTheTaskAndColumn)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(withChecklist(u"Pack"_s, {item(u"passport"_s)})));

    for (const QString &damaged : {u"[{\"title\": 3, \"done\": false}]"_s, u"[{\"title\": \"x\"}]"_s,
             u"{\"title\": \"x\", \"done\": true}"_s, u"not json"_s, u"[\"x\"]"_s}) {
        SCOPED_TRACE(damaged.toStdString());
        QString sql = u"UPDATE tasks SET checklist = '"_s + QString(damaged).replace(u"'"_s, u"''"_s) + u"'"_s;
        ASSERT_OK(exec(store.db(), sql));
        const auto read = store.tasks().findById(task.id);
        ASSERT_FALSE(read.has_value());
        EXPECT_EQ(read.error().code, ErrorCode::Storage);
        EXPECT_TRUE(read.error().message.contains(u"task "_s + task.id + u" has an invalid checklist"_s))
            << read.error().message.toStdString();
    }
}
