// SPDX-License-Identifier: MIT
// Due dates, completion times, recurrence and the lists built on them (Today, Upcoming, Logbook),
// through the repository on a real SQLite file.
#include "connection_names.h"
#include "result_assertions.h"
#include "temporary_folder.h"
#include "test_store.h"
#include <quire/core/database.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>

#include <QHash>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::exec;
using quire::core_test::listedTasks;
using quire::core_test::scalar;
using quire::core_test::updatedTask;

namespace {

TaskDraft draft(const QString &title, std::optional<LocalDate> due = std::nullopt)
{
    TaskDraft d;
    d.title = title;
    d.dueDate = due;
    return d;
}

LocalDate day(int year, int month, int dayOfMonth)
{
    return {QDate(year, month, dayOfMonth), std::nullopt};
}

LocalDate at(int year, int month, int dayOfMonth, int hour, int minute)
{
    return {QDate(year, month, dayOfMonth), QTime(hour, minute)};
}

TaskPatch completing()
{
    TaskPatch patch;
    patch.status = Status::Completed;
    return patch;
}

QStringList titles(const QList<Task> &tasks)
{
    QStringList result;
    for (const Task &task : tasks)
        result.append(task.title);
    return result;
}

int taskCount(Database &db)
{
    return scalar(db, u"SELECT count(*) FROM tasks"_s).toInt();
}

} // namespace

// ---- due dates and completion ------------------------------------------------

/** The behaviour, the same on every engine. */
class TaskPlanning : public quire::core_test::EngineTest
{
};

INSTANTIATE_FOR_ENGINES(TaskPlanning);

TEST_P(TaskPlanning, ADueDateWithOrWithoutATimeReadsBackAsGiven)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task dated, store.tasks().create(draft(u"Day"_s, day(2026, 2, 28))));
    ASSERT_OK_AND_ASSIGN(const Task timed, store.tasks().create(draft(u"Time"_s, at(2026, 2, 28, 23, 59))));

    ASSERT_OK_AND_ASSIGN(const auto storedDay, store.tasks().findById(dated.id));
    ASSERT_OK_AND_ASSIGN(const auto storedTime, store.tasks().findById(timed.id));
    EXPECT_EQ(storedDay->dueDate, day(2026, 2, 28));
    EXPECT_EQ(storedTime->dueDate, at(2026, 2, 28, 23, 59));
    // Stored as sortable text, which the due-date index orders
    EXPECT_EQ(scalar(store.db(), u"SELECT due_date FROM tasks WHERE id = '"_s + timed.id + u"'"_s).toString(),
        u"2026-02-28T23:59"_s);
}

TEST_P(TaskPlanning, AnUpdateClearsTheDueDateWithNullAndKeepsItWhenAbsent)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Dated"_s, day(2026, 5, 1))));

    TaskPatch rename;
    rename.title = u"Renamed"_s;
    ASSERT_OK_AND_ASSIGN(const Task kept, updatedTask(store.tasks(), task.id, rename));
    TaskPatch clear;
    clear.dueDate = std::optional<LocalDate>();
    ASSERT_OK_AND_ASSIGN(const Task cleared, updatedTask(store.tasks(), task.id, clear));

    EXPECT_EQ(kept.dueDate, day(2026, 5, 1));
    EXPECT_EQ(cleared.dueDate, std::nullopt);
}

TEST_P(TaskPlanning, CompletingSetsCompletedAtOnceAndReopeningClearsIt)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Chore"_s)));
    EXPECT_EQ(task.completedAt, std::nullopt);

    ASSERT_OK_AND_ASSIGN(const Task done, updatedTask(store.tasks(), task.id, completing()));
    ASSERT_TRUE(done.completedAt.has_value());
    EXPECT_EQ(done.completedAt, done.updatedAt);

    // Completing again, or changing something else, keeps the first completion time
    ASSERT_OK_AND_ASSIGN(const Task again, updatedTask(store.tasks(), task.id, completing()));
    EXPECT_EQ(again.completedAt, done.completedAt);
    EXPECT_GT(again.updatedAt, done.updatedAt);

    TaskPatch reopen;
    reopen.status = Status::InProgress;
    ASSERT_OK_AND_ASSIGN(const Task reopened, updatedTask(store.tasks(), task.id, reopen));
    EXPECT_EQ(reopened.completedAt, std::nullopt);
}

TEST_P(TaskPlanning, ATaskCreatedCompletedIsCompletedAtItsCreation)
{
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"Already done"_s);
    d.status = Status::Completed;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    EXPECT_EQ(task.completedAt, std::optional(task.createdAt));
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored, std::optional(task));
}

// ---- lists -----------------------------------------------------------------

TEST_P(TaskPlanning, ListsKeepOpenOrCompletedTasksAndCountOnlyThose)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK(store.tasks().create(draft(u"Open 1"_s)));
    ASSERT_OK_AND_ASSIGN(const Task done, store.tasks().create(draft(u"Done"_s)));
    ASSERT_OK(store.tasks().create(draft(u"Open 2"_s)));
    ASSERT_OK(updatedTask(store.tasks(), done.id, completing()));

    ASSERT_OK_AND_ASSIGN(const QList<Task> open, listedTasks(store.tasks(), {.completed = false}));
    ASSERT_OK_AND_ASSIGN(const QList<Task> completed, listedTasks(store.tasks(), {.completed = true}));
    ASSERT_OK_AND_ASSIGN(const TaskListing firstOpen, store.tasks().list({.completed = false, .limit = 1}));

    EXPECT_EQ(titles(open), (QStringList {u"Open 1"_s, u"Open 2"_s}));
    EXPECT_EQ(titles(completed), QStringList {u"Done"_s});
    EXPECT_EQ(titles(firstOpen.tasks), QStringList {u"Open 1"_s});
    EXPECT_EQ(firstOpen.total, 2);
}

TEST_P(TaskPlanning, ADueRangeTakesWholeDaysWithTheirTimedTasksAndNoUndatedOnes)
{
    // Given tasks due around the range 2026-03-01 .. 2026-03-02, some with a time
    OPEN_TEST_STORE(store);
    ASSERT_OK(store.tasks().create(draft(u"Feb 28 late"_s, at(2026, 2, 28, 23, 59))));
    ASSERT_OK(store.tasks().create(draft(u"Mar 1"_s, day(2026, 3, 1))));
    ASSERT_OK(store.tasks().create(draft(u"Mar 2 late"_s, at(2026, 3, 2, 23, 59))));
    ASSERT_OK(store.tasks().create(draft(u"Mar 3 early"_s, at(2026, 3, 3, 0, 0))));
    ASSERT_OK(store.tasks().create(draft(u"Undated"_s)));

    // When listing by due range
    ASSERT_OK_AND_ASSIGN(const QList<Task> range,
        listedTasks(store.tasks(), {.dueFrom = QDate(2026, 3, 1), .dueUntil = QDate(2026, 3, 2)}));
    ASSERT_OK_AND_ASSIGN(const QList<Task> untilFeb, listedTasks(store.tasks(), {.dueUntil = QDate(2026, 2, 28)}));
    ASSERT_OK_AND_ASSIGN(const QList<Task> fromMar3, listedTasks(store.tasks(), {.dueFrom = QDate(2026, 3, 3)}));

    // Then each bound takes its whole day
    EXPECT_EQ(titles(range), (QStringList {u"Mar 1"_s, u"Mar 2 late"_s}));
    EXPECT_EQ(titles(untilFeb), QStringList {u"Feb 28 late"_s});
    EXPECT_EQ(titles(fromMar3), QStringList {u"Mar 3 early"_s});
}

TEST_P(TaskPlanning, ADueRangeCombinesWithProjectsAndCompletion)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project home, store.projects().create(ProjectDraft {.name = u"Home"_s}));
    TaskDraft inHome = draft(u"Home, due"_s, day(2026, 3, 1));
    inHome.projectIds = {home.id};
    ASSERT_OK(store.tasks().create(inHome));
    TaskDraft doneInHome = draft(u"Home, due, done"_s, day(2026, 3, 1));
    doneInHome.projectIds = {home.id};
    doneInHome.status = Status::Completed;
    ASSERT_OK(store.tasks().create(doneInHome));
    ASSERT_OK(store.tasks().create(draft(u"Elsewhere, due"_s, day(2026, 3, 1))));

    ASSERT_OK_AND_ASSIGN(const TaskListing listing,
        store.tasks().list(
            {.projectIds = QStringList {home.id}, .completed = false, .dueUntil = QDate(2026, 3, 1), .limit = 10}));

    EXPECT_EQ(titles(listing.tasks), QStringList {u"Home, due"_s});
    EXPECT_EQ(listing.total, 1);
}

// SQLite's own: PostgreSQL's planner chooses its indexes itself.
TEST(SqliteTaskPlanning, TheDueRangeIsReadThroughTheDueDateIndex)
{
    // Given a store whose due-date index is gone
    OPEN_TEST_STORE(store);
    ASSERT_OK(store.tasks().create(draft(u"Due"_s, day(2026, 3, 1))));
    ASSERT_OK(exec(store.db(), u"DROP INDEX tasks_by_due_date"_s));

    // Then a due range cannot be listed (it reads through that index, not the whole list), while
    // other lists still can
    const auto due = store.tasks().list({.dueUntil = QDate(2026, 3, 1)});
    ASSERT_FALSE(due.has_value());
    EXPECT_TRUE(due.error().message.contains(u"no such index: tasks_by_due_date"_s)) << qPrintable(due.error().message);
    ASSERT_OK(store.tasks().list({.completed = false}));
}

// ---- recurrence ----------------------------------------------------------------

TEST_P(TaskPlanning, ARecurrenceIsStoredInItsCanonicalFormAndABlankOneAsNone)
{
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"Standup"_s, day(2026, 3, 2));
    d.recurrence = u"rrule:byday=mo,we;freq=weekly"_s;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
    EXPECT_EQ(task.recurrence, u"FREQ=WEEKLY;BYDAY=MO,WE"_s);

    TaskPatch blank;
    blank.recurrence = std::optional(u"  "_s);
    ASSERT_OK_AND_ASSIGN(const Task cleared, updatedTask(store.tasks(), task.id, blank));
    EXPECT_EQ(cleared.recurrence, std::nullopt);
}

TEST_P(TaskPlanning, AnInvalidRecurrenceIsRefusedNamingThePartAndNothingIsWritten)
{
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"Never"_s);
    d.recurrence = u"FREQ=HOURLY"_s;
    EXPECT_ERROR(store.tasks().create(d), ErrorCode::InvalidArgument,
        u"recurrence: FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY; got 'HOURLY'"_s);

    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Kept"_s)));
    TaskPatch patch;
    patch.title = u"Not renamed"_s;
    patch.recurrence = std::optional(u"FREQ=DAILY;INTERVAL=0"_s);
    const auto refused = updatedTask(store.tasks(), task.id, patch);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(refused.error().message.startsWith(u"recurrence: INTERVAL"_s)) << qPrintable(refused.error().message);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored, std::optional(task));
}

TEST_P(TaskPlanning, CompletingARecurringTaskCreatesItsNextOccurrenceWithTheSameFields)
{
    // Given a monthly task due next month on the 31st, in a project, with tags
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project home, store.projects().create(ProjectDraft {.name = u"Home"_s}));
    const QDate nextMonth = QDate::currentDate().addMonths(1);
    const LocalDate due {QDate(nextMonth.year(), nextMonth.month(), 1), QTime(9, 0)};
    TaskDraft d = draft(u"Pay rent"_s, due);
    d.description = u"to the landlord"_s;
    d.priority = Priority::High;
    d.status = Status::InProgress;
    d.tags = {u"money"_s, u"home"_s};
    d.projectIds = {home.id};
    d.recurrence = u"FREQ=MONTHLY;COUNT=3"_s;
    ASSERT_OK_AND_ASSIGN(const Task rent, store.tasks().create(d));

    // When it is completed
    ASSERT_OK_AND_ASSIGN(const TaskUpdate update, store.tasks().updateMany({rent.id}, completing()));

    // Then the update returns it completed, and one new open occurrence a month later
    ASSERT_EQ(update.tasks.size(), 1);
    EXPECT_EQ(update.tasks.first().status, Status::Completed);
    ASSERT_EQ(update.nextOccurrences.size(), 1);
    const Task &next = update.nextOccurrences.first();
    EXPECT_NE(next.id, rent.id);
    EXPECT_EQ(next.title, rent.title);
    EXPECT_EQ(next.description, rent.description);
    EXPECT_EQ(next.priority, Priority::High);
    EXPECT_EQ(next.status, Status::Backlog);
    EXPECT_EQ(next.tags, rent.tags);
    EXPECT_EQ(next.projectIds, rent.projectIds);
    EXPECT_EQ(next.completedAt, std::nullopt);
    EXPECT_EQ(next.dueDate, (LocalDate {due.date.addMonths(1), QTime(9, 0)}));
    EXPECT_EQ(next.recurrence, u"FREQ=MONTHLY;COUNT=2"_s);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(next.id));
    EXPECT_EQ(stored, std::optional(next));
    ASSERT_OK_AND_ASSIGN(const QList<Task> inHome, listedTasks(store.tasks(), {.projectIds = QStringList {home.id}}));
    EXPECT_EQ(inHome.size(), 2);
}

TEST_P(TaskPlanning, AnOverdueRecurringTaskComesBackAfterTodayNotInThePast)
{
    OPEN_TEST_STORE(store);
    const QDate today = QDate::currentDate();
    TaskDraft d = draft(u"Water plants"_s, LocalDate {today.addDays(-10), std::nullopt});
    d.recurrence = u"FREQ=DAILY"_s;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    ASSERT_OK_AND_ASSIGN(const TaskUpdate update, store.tasks().updateMany({task.id}, completing()));

    ASSERT_EQ(update.nextOccurrences.size(), 1);
    EXPECT_EQ(update.nextOccurrences.first().dueDate, (LocalDate {today.addDays(1), std::nullopt}));
}

TEST_P(TaskPlanning, ARecurringTaskWithoutADueDateRepeatsFromToday)
{
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"Weekly review"_s);
    d.recurrence = u"FREQ=WEEKLY"_s;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    ASSERT_OK_AND_ASSIGN(const TaskUpdate update, store.tasks().updateMany({task.id}, completing()));

    ASSERT_EQ(update.nextOccurrences.size(), 1);
    EXPECT_EQ(update.nextOccurrences.first().dueDate, (LocalDate {QDate::currentDate().addDays(7), std::nullopt}));
}

TEST_P(TaskPlanning, TheLastOccurrenceOfACountedRuleAndAnAlreadyCompletedTaskCreateNothing)
{
    OPEN_TEST_STORE(store);
    TaskDraft last = draft(u"Last time"_s, LocalDate {QDate::currentDate(), std::nullopt});
    last.recurrence = u"FREQ=DAILY;COUNT=1"_s;
    ASSERT_OK_AND_ASSIGN(const Task lastTask, store.tasks().create(last));
    TaskDraft done = draft(u"Done already"_s, LocalDate {QDate::currentDate(), std::nullopt});
    done.recurrence = u"FREQ=DAILY"_s;
    done.status = Status::Completed;
    ASSERT_OK_AND_ASSIGN(const Task doneTask, store.tasks().create(done));

    ASSERT_OK_AND_ASSIGN(const TaskUpdate update, store.tasks().updateMany({lastTask.id, doneTask.id}, completing()));

    EXPECT_TRUE(update.nextOccurrences.isEmpty());
    EXPECT_EQ(taskCount(store.db()), 2);
}

TEST_P(TaskPlanning, CompletingARecurringTaskIsAtomic)
{
    // Given a recurring task, and a trigger that refuses any new task
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"Daily"_s, LocalDate {QDate::currentDate(), std::nullopt});
    d.recurrence = u"FREQ=DAILY"_s;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
    ASSERT_OK(store.refuse(u"INSERT"_s, u"tasks"_s, u"no new tasks today"_s));

    // When it is completed, the next occurrence cannot be written
    EXPECT_ERROR(store.tasks().updateMany({task.id}, completing()), ErrorCode::Storage,
        u"cannot save task: no new tasks today"_s);

    // Then it is not completed either
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored, std::optional(task));
    EXPECT_EQ(taskCount(store.db()), 1);
}

// ---- the user's own order ------------------------------------------------------

namespace {

/** Titles of `tasks` in the user's own order (by sortKey, then creation as the lists break ties). */
QStringList inUserOrder(QList<Task> tasks)
{
    std::ranges::stable_sort(tasks, [](const Task &a, const Task &b) { return a.sortKey < b.sortKey; });
    return titles(tasks);
}

/** What Database::changeVersion() says: it changes with every write. */
QString changeVersion(Database &db)
{
    auto version = db.changeVersion();
    EXPECT_TRUE(version.has_value());
    return version.value_or(QString());
}

} // namespace

TEST_P(TaskPlanning, NewTasksComeLastInTheUsersOrder)
{
    OPEN_TEST_STORE(store);
    for (const QString &title : {u"A"_s, u"B"_s, u"C"_s})
        ASSERT_OK(store.tasks().create(draft(title)));

    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(store.tasks()));
    EXPECT_EQ(inUserOrder(all), (QStringList {u"A"_s, u"B"_s, u"C"_s}));
    EXPECT_LT(all.at(0).sortKey, all.at(1).sortKey);
    EXPECT_LT(all.at(1).sortKey, all.at(2).sortKey);
}

TEST_P(TaskPlanning, AMoveWritesOneRowAndPutsTheTaskRightAfterTheOtherOrFirst)
{
    // Given A..E, and a project holding A, C and D
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project home, store.projects().create(ProjectDraft {.name = u"Home"_s}));
    QHash<QString, QString> id;
    for (const QString &title : {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s}) {
        TaskDraft d = draft(title);
        if (title == u"A"_s || title == u"C"_s || title == u"D"_s)
            d.projectIds = {home.id};
        ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
        id.insert(title, task.id);
    }

    // When E follows A, C goes first, and D follows A within the project's list
    ASSERT_OK_AND_ASSIGN(const QList<Task> before, listedTasks(store.tasks()));
    ASSERT_OK_AND_ASSIGN(const Task moved, store.tasks().move(id[u"E"_s], id[u"A"_s]));
    ASSERT_OK_AND_ASSIGN(const QList<Task> after, listedTasks(store.tasks()));
    qsizetype written = 0;
    for (qsizetype i = 0; i < before.size(); ++i)
        written += before.at(i) == after.at(i) ? 0 : 1;
    EXPECT_EQ(written, 1) << "one task written per move";
    ASSERT_OK(store.tasks().move(id[u"C"_s], std::nullopt));
    ASSERT_OK(store.tasks().move(id[u"D"_s], id[u"A"_s]));

    // Then every list shows the new order, the project's included
    EXPECT_EQ(moved.title, u"E"_s);
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(store.tasks()));
    EXPECT_EQ(inUserOrder(all), (QStringList {u"C"_s, u"A"_s, u"D"_s, u"E"_s, u"B"_s}));
    ASSERT_OK_AND_ASSIGN(const QList<Task> inHome, listedTasks(store.tasks(), {.projectIds = QStringList {home.id}}));
    EXPECT_EQ(inUserOrder(inHome), (QStringList {u"C"_s, u"A"_s, u"D"_s}));
}

TEST_P(TaskPlanning, ManyRandomMovesKeepTheOrderTheyMadeAcrossAReopen)
{
    // Given 40 tasks in a file
    quire::test::TemporaryFolder folder;
    const QString path = folder.filePath(u"order.db"_s);
    QStringList expected;
    QHash<QString, QString> idOf;
    {
        ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, quire::test::uniqueConnectionName()));
        SqlTaskRepository tasks(*db);
        for (int i = 0; i < 40; ++i) {
            ASSERT_OK_AND_ASSIGN(const Task task, tasks.create(draft(u"T%1"_s.arg(i))));
            expected.append(task.title);
            idOf.insert(task.title, task.id);
        }
        // When 300 random moves are made, each mirrored on a plain list
        std::mt19937 random(20261130);
        for (int move = 0; move < 300; ++move) {
            const QString title = expected.takeAt(static_cast<qsizetype>(random() % 40));
            const auto at = static_cast<qsizetype>(random() % 40);
            std::optional<QString> after;
            if (at > 0)
                after = idOf[expected.at(at - 1)];
            expected.insert(at, title);
            ASSERT_OK(tasks.move(idOf[title], after));
        }
    }

    // Then the stored order is the same, also after opening the file again
    ASSERT_OK_AND_ASSIGN(auto reopened, Database::open(path, quire::test::uniqueConnectionName()));
    SqlTaskRepository tasks(*reopened);
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(tasks));
    EXPECT_EQ(inUserOrder(all), expected);
}

TEST_P(TaskPlanning, AMoveAfterItselfOrOfAMissingTaskIsRefusedAndChangesNothing)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task a, store.tasks().create(draft(u"A"_s)));
    const QString before = changeVersion(store.db());

    EXPECT_ERROR(store.tasks().move(a.id, a.id), ErrorCode::InvalidArgument,
        u"task "_s + a.id + u" cannot be moved after itself"_s);
    EXPECT_ERROR(store.tasks().move(u"ghost"_s, a.id), ErrorCode::NotFound, u"task ghost not found"_s);
    EXPECT_ERROR(store.tasks().move(a.id, u"ghost"_s), ErrorCode::NotFound, u"task ghost not found"_s);
    EXPECT_EQ(changeVersion(store.db()), before);
}

TEST_P(TaskPlanning, TheNextOccurrenceTakesTheCompletedTasksPlaceInTheUsersOrder)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK(store.tasks().create(draft(u"First"_s)));
    TaskDraft d = draft(u"Daily"_s, LocalDate {QDate::currentDate(), std::nullopt});
    d.recurrence = u"FREQ=DAILY"_s;
    ASSERT_OK_AND_ASSIGN(const Task daily, store.tasks().create(d));
    ASSERT_OK(store.tasks().create(draft(u"Last"_s)));

    ASSERT_OK_AND_ASSIGN(const TaskUpdate update, store.tasks().updateMany({daily.id}, completing()));

    ASSERT_OK_AND_ASSIGN(const QList<Task> open, listedTasks(store.tasks(), {.completed = false}));
    EXPECT_EQ(inUserOrder(open), (QStringList {u"First"_s, u"Daily"_s, u"Last"_s}));
    EXPECT_GT(update.nextOccurrences.first().sortKey, daily.sortKey);
}
