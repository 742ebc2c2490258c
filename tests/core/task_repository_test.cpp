// SPDX-License-Identifier: MIT
#include "result_assertions.h"
#include "test_store.h"
#include <quire/core/database.h>
#include <quire/core/sql_data_transfer.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>
#include <quire/core/transaction.h>

#include <QRegularExpression>
#include <QUuid>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::exec;
using quire::core_test::listedTasks;
using quire::core_test::scalar;
using quire::core_test::tasksOfProjects;
using quire::core_test::TestStore;
using quire::core_test::updatedTask;
using quire::core_test::updatedTasks;

namespace {

TaskDraft draft(const QString &title)
{
    TaskDraft d;
    d.title = title;
    return d;
}

int count(Database &db, const QString &table)
{
    return scalar(db, u"SELECT count(*) FROM "_s + table).toInt();
}

QStringList ids(const QList<Task> &tasks)
{
    QStringList result;
    for (const Task &task : tasks)
        result.append(task.id);
    return result;
}

/** The repository's behaviour, the same on every engine. */
class TaskRepositoryTest : public quire::core_test::EngineTest
{
};

} // namespace

INSTANTIATE_FOR_ENGINES(TaskRepositoryTest);

// ---- create ----------------------------------------------------------------

TEST_P(TaskRepositoryTest, CreateStoresTheTaskWithDefaultsAndReturnsIt)
{
    // Given
    OPEN_TEST_STORE(store);
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);

    // When
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Water the plants"_s)));

    // Then it has a v4 UUID, defaults, equal UTC timestamps, and reads back identical
    const QUuid uuid(task.id);
    EXPECT_FALSE(uuid.isNull());
    EXPECT_EQ(uuid.version(), QUuid::Random);
    EXPECT_EQ(uuid.toString(QUuid::WithoutBraces), task.id);
    EXPECT_EQ(task.title, u"Water the plants"_s);
    EXPECT_EQ(task.description, std::nullopt);
    EXPECT_EQ(task.priority, Priority::Standard);
    EXPECT_EQ(task.status, Status::Backlog);
    EXPECT_EQ(task.complexity, std::nullopt);
    EXPECT_EQ(task.type, std::nullopt);
    EXPECT_TRUE(task.tags.isEmpty());
    EXPECT_TRUE(task.projectIds.isEmpty());
    EXPECT_EQ(task.createdAt.timeSpec(), Qt::UTC);
    EXPECT_GE(task.createdAt, before);
    EXPECT_LE(task.createdAt, QDateTime::currentDateTimeUtc());
    EXPECT_EQ(task.updatedAt, task.createdAt);
    ASSERT_OK_AND_ASSIGN(const std::optional<Task> stored, store.tasks().findById(task.id));
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(*stored, task);
}

TEST_P(TaskRepositoryTest, CreateStoresTimestampsAsRfc3339UtcWithMilliseconds)
{
    // Given
    OPEN_TEST_STORE(store);

    // When
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Stamp me"_s)));

    // Then the stored text looks like 2026-11-25T09:00:00.123Z
    const QString text = scalar(store.db(), u"SELECT created_at FROM tasks"_s).toString();
    EXPECT_TRUE(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s).match(text).hasMatch())
        << text.toStdString();
    EXPECT_EQ(QDateTime::fromString(text, Qt::ISODateWithMs), task.createdAt);
}

TEST_P(TaskRepositoryTest, CreateRoundTripsEveryField)
{
    // Given a project and a draft using every field
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project project, store.projects().create(ProjectDraft {.name = u"Garden"_s}));
    TaskDraft d = draft(u"Prune"_s);
    d.description = u"  the roses\n"_s;
    d.priority = Priority::LongTerm;
    d.status = Status::Blocked;
    d.complexity = Complexity::DeepDive;
    d.type = TaskType::Optimization;
    d.tags = {u"outside"_s, u"spring"_s};
    d.projectIds = {project.id};

    // When
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    // Then
    EXPECT_EQ(task.description, std::optional(u"  the roses\n"_s)) << "a description is kept as given";
    EXPECT_EQ(task.priority, Priority::LongTerm);
    EXPECT_EQ(task.status, Status::Blocked);
    EXPECT_EQ(task.complexity, std::optional(Complexity::DeepDive));
    EXPECT_EQ(task.type, std::optional(TaskType::Optimization));
    EXPECT_EQ(task.tags, (QStringList {u"outside"_s, u"spring"_s}));
    EXPECT_EQ(task.projectIds, QStringList {project.id});
    ASSERT_OK_AND_ASSIGN(const std::optional<Task> stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored, std::optional(task));
}

TEST_P(TaskRepositoryTest, CreateRoundTripsEveryEnumValue)
{
    OPEN_TEST_STORE(store, u":memory:"_s);
    // Given / When a task per value of each enum / Then each reads back with that value
    for (const auto &[priority, name] : EnumTraits<Priority>::values) {
        TaskDraft d = draft(u"p"_s);
        d.priority = priority;
        ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
        ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
        EXPECT_EQ(stored->priority, priority) << enumName(priority).toStdString();
    }
    for (const auto &[status, name] : EnumTraits<Status>::values) {
        TaskDraft d = draft(u"s"_s);
        d.status = status;
        ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
        ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
        EXPECT_EQ(stored->status, status) << enumName(status).toStdString();
    }
    for (const auto &[complexity, name] : EnumTraits<Complexity>::values) {
        TaskDraft d = draft(u"c"_s);
        d.complexity = complexity;
        ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
        ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
        EXPECT_EQ(stored->complexity, std::optional(complexity)) << enumName(complexity).toStdString();
    }
    for (const auto &[type, name] : EnumTraits<TaskType>::values) {
        TaskDraft d = draft(u"t"_s);
        d.type = type;
        ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
        ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
        EXPECT_EQ(stored->type, std::optional(type)) << enumName(type).toStdString();
    }
}

TEST_P(TaskRepositoryTest, CreateTrimsTheTitle)
{
    OPEN_TEST_STORE(store);
    // When
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u" \t Buy milk \n"_s)));
    // Then
    EXPECT_EQ(task.title, u"Buy milk"_s);
    EXPECT_EQ(scalar(store.db(), u"SELECT title FROM tasks"_s).toString(), u"Buy milk"_s);
}

TEST_P(TaskRepositoryTest, CreateRejectsBlankTitle)
{
    // Given
    OPEN_TEST_STORE(store);
    for (const QString &title : {QString(), u""_s, u"   "_s, u"\t\n"_s}) {
        // When
        auto created = store.tasks().create(draft(title));
        // Then
        EXPECT_ERROR(created, ErrorCode::InvalidArgument, u"title must not be empty"_s);
    }
    EXPECT_EQ(count(store.db(), u"tasks"_s), 0);
}

TEST_P(TaskRepositoryTest, CreateNormalisesTags)
{
    // Given tags with padding, blanks and duplicates
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"Tagged"_s);
    d.tags = {u" work "_s, u""_s, u"home"_s, u"   "_s, u"work"_s, u"Work"_s, u"\thome\n"_s, u"errand"_s};

    // When
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    // Then they are trimmed, blanks dropped, duplicates removed, first-seen order kept (case matters)
    const QStringList expected {u"work"_s, u"home"_s, u"Work"_s, u"errand"_s};
    EXPECT_EQ(task.tags, expected);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored->tags, expected);
    EXPECT_EQ(count(store.db(), u"task_tags"_s), 4);
}

TEST_P(TaskRepositoryTest, CreateDeduplicatesProjectIdsKeepingOrder)
{
    // Given
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project a, store.projects().create(ProjectDraft {.name = u"A"_s}));
    ASSERT_OK_AND_ASSIGN(const Project b, store.projects().create(ProjectDraft {.name = u"B"_s}));
    TaskDraft d = draft(u"Linked"_s);
    d.projectIds = {b.id, a.id, b.id, a.id};

    // When
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    // Then
    EXPECT_EQ(task.projectIds, (QStringList {b.id, a.id}));
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored->projectIds, (QStringList {b.id, a.id}));
}

TEST_P(TaskRepositoryTest, CreateWithUnknownProjectReturnsNotFoundAndWritesNothing)
{
    // Given one real project and one unknown id
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project real, store.projects().create(ProjectDraft {.name = u"Real"_s}));
    TaskDraft d = draft(u"Orphan"_s);
    d.tags = {u"t"_s};
    d.projectIds = {real.id, u"no-such-project"_s};

    // When
    auto created = store.tasks().create(d);

    // Then
    EXPECT_ERROR(created, ErrorCode::NotFound, u"project no-such-project not found"_s);
    EXPECT_EQ(count(store.db(), u"tasks"_s), 0);
    EXPECT_EQ(count(store.db(), u"task_tags"_s), 0);
    EXPECT_EQ(count(store.db(), u"task_projects"_s), 0);
}

TEST_P(TaskRepositoryTest, CreateStoresABlankDescriptionAsAbsent)
{
    OPEN_TEST_STORE(store);
    // Given / When
    TaskDraft d = draft(u"Quiet"_s);
    d.description = u"  \n "_s;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
    // Then
    EXPECT_EQ(task.description, std::nullopt);
    EXPECT_TRUE(scalar(store.db(), u"SELECT description IS NULL FROM tasks"_s).toBool());
}

TEST_P(TaskRepositoryTest, CreateRollsBackWhenLinkingFails)
{
    // Given a project, and a trigger that makes inserting any link fail
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project project, store.projects().create(ProjectDraft {.name = u"P"_s}));
    ASSERT_OK(store.refuse(u"INSERT"_s, u"task_projects"_s, u"link insert refused"_s));
    TaskDraft d = draft(u"Half written"_s);
    d.tags = {u"a"_s, u"b"_s};
    d.projectIds = {project.id};

    // When
    auto created = store.tasks().create(d);

    // Then a storage error with the reason first, and no task row, tag or link left behind
    EXPECT_ERROR(created, ErrorCode::Storage, u"cannot link task to projects: link insert refused"_s);
    EXPECT_EQ(count(store.db(), u"tasks"_s), 0);
    EXPECT_EQ(count(store.db(), u"task_tags"_s), 0);
    EXPECT_EQ(count(store.db(), u"task_projects"_s), 0);
    // and the connection is usable afterwards (no transaction left open)
    ASSERT_OK(store.stopRefusing(u"INSERT"_s, u"task_projects"_s));
    EXPECT_OK(store.tasks().create(d));
}

// ---- read ------------------------------------------------------------------

TEST_P(TaskRepositoryTest, FindByIdOfMissingTaskReturnsNothing)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const auto found, store.tasks().findById(u"00000000-0000-4000-8000-000000000000"_s));
    EXPECT_FALSE(found.has_value());
}

TEST_P(TaskRepositoryTest, FindAllReturnsEveryTaskOldestFirstThenInInsertionOrder)
{
    // Given tasks created in turn, two of them with the same creation instant
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task first, store.tasks().create(draft(u"first"_s)));
    ASSERT_OK_AND_ASSIGN(const Task second, store.tasks().create(draft(u"second"_s)));
    ASSERT_OK_AND_ASSIGN(const Task third, store.tasks().create(draft(u"third"_s)));
    ASSERT_OK(exec(store.db(),
        u"UPDATE tasks SET created_at = '2030-01-01T00:00:00.000Z' WHERE id IN ('"_s % second.id % u"', '"_s % third.id
            % u"')"_s));
    ASSERT_OK(exec(
        store.db(), u"UPDATE tasks SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = '"_s % first.id % u"'"_s));

    // When
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(store.tasks()));

    // Then ties keep the order the tasks were created in, whatever their random ids
    EXPECT_EQ(ids(all), (QStringList {first.id, second.id, third.id}));
}

TEST_P(TaskRepositoryTest, FindAllOnAnEmptyDatabaseIsEmpty)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(store.tasks()));
    EXPECT_TRUE(all.isEmpty());
}

TEST_P(TaskRepositoryTest, FindAllAttachesEachTasksOwnTagsAndProjects)
{
    // Given tasks with different tags and links
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project p, store.projects().create(ProjectDraft {.name = u"P"_s}));
    TaskDraft d1 = draft(u"one"_s);
    d1.tags = {u"x"_s};
    d1.projectIds = {p.id};
    TaskDraft d2 = draft(u"two"_s);
    d2.tags = {u"y"_s, u"z"_s};
    ASSERT_OK_AND_ASSIGN(const Task one, store.tasks().create(d1));
    ASSERT_OK_AND_ASSIGN(const Task two, store.tasks().create(d2));
    ASSERT_OK_AND_ASSIGN(const Task three, store.tasks().create(draft(u"three"_s)));

    // When
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(store.tasks()));

    // Then each list comes back equal to what was created
    ASSERT_EQ(all.size(), 3);
    for (const Task &task : all) {
        const Task &expected = task.id == one.id ? one : task.id == two.id ? two : three;
        EXPECT_EQ(task, expected) << task.title.toStdString();
    }
}

TEST_P(TaskRepositoryTest, ListsReturnTagsAndProjectIdsExactlyAsStoredWhateverTheyHold)
{
    // Given tags that need every kind of JSON escape, and characters of one to four UTF-8 bytes
    OPEN_TEST_STORE(store);
    TaskDraft odd = draft(u"Odd tags"_s);
    odd.tags = {u"quote \" and backslash \\"_s, u"line\nbreak\ttab \u0001"_s, u"caf\u00e9 \u20ac \U0001F600"_s,
        u"slash / and \u2028"_s};
    ASSERT_OK_AND_ASSIGN(const Task created, store.tasks().create(odd));

    // When / Then the listing and the lookup give them back unchanged
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(store.tasks()));
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all.first().tags, created.tags);
    ASSERT_OK_AND_ASSIGN(const std::optional<Task> found, store.tasks().findById(created.id));
    EXPECT_EQ(found->tags, created.tags);
}

TEST_P(TaskRepositoryTest, ListsReadEscapedCopiesAsSQLiteWritesThem)
{
    // Given copies written by SQLite's JSON functions, with \u escapes and a surrogate pair
    OPEN_TEST_STORE(store);
    ASSERT_OK(store.tasks().create(draft(u"Escaped"_s)));
    ASSERT_OK(exec(store.db(), uR"(UPDATE tasks SET tags_json = '[ "caf\u00e9", "\ud83d\ude00\n", "\/" ]')"_s));

    // When / Then
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(store.tasks()));
    EXPECT_EQ(all.first().tags, (QStringList {u"caf\u00e9"_s, u"\U0001F600\n"_s, u"/"_s}));
}

TEST_P(TaskRepositoryTest, ListsReadALoneSurrogateEscapeInACopyAsTheReplacementCharacter)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK(store.tasks().create(draft(u"Escaped"_s)));
    ASSERT_OK(exec(store.db(), uR"(UPDATE tasks SET tags_json = '["a\ud800b", "\udc00"]')"_s));

    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(store.tasks()));
    EXPECT_EQ(all.first().tags, (QStringList {u"a\uFFFDb"_s, u"\uFFFD"_s}));
}

TEST_P(TaskRepositoryTest, ListReportsACorruptListCopy)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Odd"_s)));
    for (const QString &copy : {u"[\"unterminated"_s, u"[\"a\" \"b\"]"_s, u"{}"_s, u"[\"a\"] x"_s, u"[1]"_s}) {
        ASSERT_OK(exec(store.db(), u"UPDATE tasks SET tags_json = '"_s % copy % u"'"_s));
        EXPECT_ERROR(listedTasks(store.tasks()), ErrorCode::Storage,
            u"task "_s % task.id % u" has an invalid tags_json '"_s % copy % u"' in storage"_s);
    }
}

TEST_P(TaskRepositoryTest, ListReportsACorruptStoredValue)
{
    // Given a row whose priority was written behind Quire's back
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Odd"_s)));
    ASSERT_OK(store.allowInvalidValues());
    ASSERT_OK(exec(store.db(), u"UPDATE tasks SET priority = 'urgent'"_s));

    // When / Then
    EXPECT_ERROR(listedTasks(store.tasks()), ErrorCode::Storage,
        u"task "_s % task.id % u" has an invalid priority 'urgent' in storage"_s);
}

TEST_P(TaskRepositoryTest, ListOfProjectsReturnsTasksOfAnyGivenProjectEachOnce)
{
    // Given projects A, B, C and tasks in A, in A and B, in C, and in none
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project a, store.projects().create(ProjectDraft {.name = u"A"_s}));
    ASSERT_OK_AND_ASSIGN(const Project b, store.projects().create(ProjectDraft {.name = u"B"_s}));
    ASSERT_OK_AND_ASSIGN(const Project c, store.projects().create(ProjectDraft {.name = u"C"_s}));
    TaskDraft inA = draft(u"in A"_s);
    inA.projectIds = {a.id};
    TaskDraft inAB = draft(u"in A and B"_s);
    inAB.projectIds = {a.id, b.id};
    inAB.tags = {u"shared"_s};
    TaskDraft inC = draft(u"in C"_s);
    inC.projectIds = {c.id};
    ASSERT_OK_AND_ASSIGN(const Task taskA, store.tasks().create(inA));
    ASSERT_OK_AND_ASSIGN(const Task taskAB, store.tasks().create(inAB));
    ASSERT_OK(store.tasks().create(inC));
    ASSERT_OK(store.tasks().create(draft(u"nowhere"_s)));

    // When filtering by A and B (B twice)
    ASSERT_OK_AND_ASSIGN(const QList<Task> found, tasksOfProjects(store.tasks(), {a.id, b.id, b.id}));

    // Then the task in both appears once, with all its projects and tags
    ASSERT_EQ(found.size(), 2);
    EXPECT_EQ(found.at(0), taskA);
    EXPECT_EQ(found.at(1), taskAB);
    ASSERT_OK_AND_ASSIGN(const QList<Task> onlyB, tasksOfProjects(store.tasks(), {b.id}));
    EXPECT_EQ(ids(onlyB), QStringList {taskAB.id});
}

TEST_P(TaskRepositoryTest, FindByProjectsWithUnknownOrNoIdsIsEmpty)
{
    // Given a task in a project
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project a, store.projects().create(ProjectDraft {.name = u"A"_s}));
    TaskDraft d = draft(u"in A"_s);
    d.projectIds = {a.id};
    ASSERT_OK(store.tasks().create(d));

    // When / Then
    ASSERT_OK_AND_ASSIGN(const QList<Task> unknown, tasksOfProjects(store.tasks(), {u"nope"_s, u"nada"_s}));
    EXPECT_TRUE(unknown.isEmpty());
    ASSERT_OK_AND_ASSIGN(const QList<Task> none, tasksOfProjects(store.tasks(), {}));
    EXPECT_TRUE(none.isEmpty());
    // ids are bound, never spliced into SQL
    ASSERT_OK_AND_ASSIGN(
        const QList<Task> sneaky, tasksOfProjects(store.tasks(), {u"x') OR 1=1 --"_s, u"\"] OR 1=1"_s}));
    EXPECT_TRUE(sneaky.isEmpty());
}

TEST_P(TaskRepositoryTest, ListingByIdsThatHoldQuotesBackslashesOrBracesStillFindsTheOthers)
{
    // Given a task in a project (PostgreSQL gets the ids as an array literal, SQLite as JSON)
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project a, store.projects().create(ProjectDraft {.name = u"A"_s}));
    TaskDraft d = draft(u"in A"_s);
    d.projectIds = {a.id};
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
    const QStringList odd {u"a\",\"b"_s, u"c\\"_s, u"{d}"_s, u"e,f"_s, u"NULL"_s, QString()};

    // When listing by ids and projects that hold the array's own punctuation, beside real ones
    ASSERT_OK_AND_ASSIGN(const QList<Task> byProject, tasksOfProjects(store.tasks(), odd + QStringList {a.id}));
    ASSERT_OK_AND_ASSIGN(
        const QList<Task> byId, listedTasks(store.tasks(), TaskQuery {.ids = odd + QStringList {task.id}}));

    // Then the real ones are found, and nothing else
    EXPECT_EQ(ids(byProject), QStringList {task.id});
    EXPECT_EQ(ids(byId), QStringList {task.id});
}

// ---- update ----------------------------------------------------------------

TEST_P(TaskRepositoryTest, UpdateChangesOnlyTheGivenFields)
{
    // Given a task with every field set
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"Original"_s);
    d.description = u"desc"_s;
    d.complexity = Complexity::Easy;
    d.type = TaskType::Chore;
    d.dueDate = LocalDate {QDate(2026, 3, 1), QTime(9, 30)};
    d.tags = {u"keep"_s};
    ASSERT_OK_AND_ASSIGN(const Task original, store.tasks().create(d));

    // When only the status changes
    TaskPatch patch;
    patch.status = Status::Completed;
    ASSERT_OK_AND_ASSIGN(const Task updated, updatedTask(store.tasks(), original.id, patch));

    // Then everything else is as before, and the task was completed when it was changed
    Task expected = original;
    expected.status = Status::Completed;
    expected.updatedAt = updated.updatedAt;
    expected.completedAt = updated.updatedAt;
    EXPECT_EQ(updated, expected);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(original.id));
    EXPECT_EQ(stored, std::optional(updated));
}

TEST_P(TaskRepositoryTest, UpdateSetsEveryGivenField)
{
    // Given
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project p, store.projects().create(ProjectDraft {.name = u"P"_s}));
    ASSERT_OK_AND_ASSIGN(const Task original, store.tasks().create(draft(u"Original"_s)));

    // When
    TaskPatch patch;
    patch.title = u"  Renamed  "_s;
    patch.description = std::optional(u"now described"_s);
    patch.priority = Priority::Pinned;
    patch.status = Status::InProgress;
    patch.complexity = std::optional(Complexity::Hard);
    patch.type = std::optional(TaskType::Feature);
    patch.tags = QStringList {u" a "_s, u"a"_s, u"b"_s};
    patch.projectIds = QStringList {p.id, p.id};
    ASSERT_OK_AND_ASSIGN(const Task updated, updatedTask(store.tasks(), original.id, patch));

    // Then
    EXPECT_EQ(updated.title, u"Renamed"_s);
    EXPECT_EQ(updated.description, std::optional(u"now described"_s));
    EXPECT_EQ(updated.priority, Priority::Pinned);
    EXPECT_EQ(updated.status, Status::InProgress);
    EXPECT_EQ(updated.complexity, std::optional(Complexity::Hard));
    EXPECT_EQ(updated.type, std::optional(TaskType::Feature));
    EXPECT_EQ(updated.tags, (QStringList {u"a"_s, u"b"_s}));
    EXPECT_EQ(updated.projectIds, QStringList {p.id});
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(original.id));
    EXPECT_EQ(stored, std::optional(updated));
}

TEST_P(TaskRepositoryTest, UpdateWithNullDescriptionClearsItAndAbsentLeavesIt)
{
    // Given a described task
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"Described"_s);
    d.description = u"words"_s;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    // When the description is absent from the patch
    TaskPatch absent;
    absent.title = u"Still described"_s;
    ASSERT_OK_AND_ASSIGN(const Task kept, updatedTask(store.tasks(), task.id, absent));
    // Then it is unchanged
    EXPECT_EQ(kept.description, std::optional(u"words"_s));

    // When it is present and null
    TaskPatch cleared;
    cleared.description = std::optional<QString>();
    ASSERT_OK_AND_ASSIGN(const Task gone, updatedTask(store.tasks(), task.id, cleared));
    // Then it is cleared, in storage too
    EXPECT_EQ(gone.description, std::nullopt);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored->description, std::nullopt);
    EXPECT_TRUE(scalar(store.db(), u"SELECT description IS NULL FROM tasks"_s).toBool());
}

TEST_P(TaskRepositoryTest, UpdateWithNullComplexityAndTypeClearsThem)
{
    // Given
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"Typed"_s);
    d.complexity = Complexity::DeepDive;
    d.type = TaskType::Investigation;
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    // When absent: unchanged
    TaskPatch absent;
    absent.priority = Priority::Nit;
    ASSERT_OK_AND_ASSIGN(const Task kept, updatedTask(store.tasks(), task.id, absent));
    EXPECT_EQ(kept.complexity, std::optional(Complexity::DeepDive));
    EXPECT_EQ(kept.type, std::optional(TaskType::Investigation));

    // When null: cleared
    TaskPatch cleared;
    cleared.complexity = std::optional<Complexity>();
    cleared.type = std::optional<TaskType>();
    ASSERT_OK_AND_ASSIGN(const Task gone, updatedTask(store.tasks(), task.id, cleared));
    EXPECT_EQ(gone.complexity, std::nullopt);
    EXPECT_EQ(gone.type, std::nullopt);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored->complexity, std::nullopt);
    EXPECT_EQ(stored->type, std::nullopt);
}

TEST_P(TaskRepositoryTest, UpdateWithEmptyListsClearsTagsAndProjects)
{
    // Given
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project p, store.projects().create(ProjectDraft {.name = u"P"_s}));
    TaskDraft d = draft(u"Full"_s);
    d.tags = {u"a"_s};
    d.projectIds = {p.id};
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    // When
    TaskPatch patch;
    patch.tags = QStringList();
    patch.projectIds = QStringList();
    ASSERT_OK_AND_ASSIGN(const Task updated, updatedTask(store.tasks(), task.id, patch));

    // Then
    EXPECT_TRUE(updated.tags.isEmpty());
    EXPECT_TRUE(updated.projectIds.isEmpty());
    EXPECT_EQ(count(store.db(), u"task_tags"_s), 0);
    EXPECT_EQ(count(store.db(), u"task_projects"_s), 0);
}

TEST_P(TaskRepositoryTest, UpdateMovesUpdatedAtForwardButNeverCreatedAt)
{
    // Given
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Clock"_s)));

    // When updated twice in quick succession (likely within one millisecond)
    TaskPatch patch;
    patch.title = u"Tick"_s;
    ASSERT_OK_AND_ASSIGN(const Task once, updatedTask(store.tasks(), task.id, patch));
    ASSERT_OK_AND_ASSIGN(const Task twice, updatedTask(store.tasks(), task.id, patch));

    // Then updatedAt strictly increases and createdAt stays
    EXPECT_GT(once.updatedAt, task.updatedAt);
    EXPECT_GT(twice.updatedAt, once.updatedAt);
    EXPECT_EQ(twice.createdAt, task.createdAt);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored->createdAt, task.createdAt);
    EXPECT_EQ(stored->updatedAt, twice.updatedAt);
}

TEST_P(TaskRepositoryTest, UpdateRejectsBlankTitleAndChangesNothing)
{
    // Given
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Keep me"_s)));

    // When
    TaskPatch patch;
    patch.title = u"   "_s;
    patch.status = Status::Completed;

    // Then
    EXPECT_ERROR(updatedTask(store.tasks(), task.id, patch), ErrorCode::InvalidArgument, u"title must not be empty"_s);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored, std::optional(task));
}

TEST_P(TaskRepositoryTest, UpdateOfMissingTaskReturnsNotFound)
{
    OPEN_TEST_STORE(store);
    TaskPatch patch;
    patch.title = u"Ghost"_s;
    EXPECT_ERROR(
        updatedTask(store.tasks(), u"missing-id"_s, patch), ErrorCode::NotFound, u"task missing-id not found"_s);
    EXPECT_EQ(count(store.db(), u"tasks"_s), 0);
}

TEST_P(TaskRepositoryTest, UpdateWithUnknownProjectReturnsNotFoundAndChangesNothing)
{
    // Given a linked, tagged task
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project p, store.projects().create(ProjectDraft {.name = u"P"_s}));
    TaskDraft d = draft(u"Before"_s);
    d.tags = {u"old"_s};
    d.projectIds = {p.id};
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));

    // When a patch changes the title and tags and links an unknown project
    TaskPatch patch;
    patch.title = u"After"_s;
    patch.tags = QStringList {u"new"_s};
    patch.projectIds = QStringList {p.id, u"ghost-project"_s};

    // Then
    EXPECT_ERROR(updatedTask(store.tasks(), task.id, patch), ErrorCode::NotFound, u"project ghost-project not found"_s);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored, std::optional(task));
}

TEST_P(TaskRepositoryTest, UpdateRollsBackWhenLinkingFails)
{
    // Given a task and a trigger that refuses new links
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project p, store.projects().create(ProjectDraft {.name = u"P"_s}));
    TaskDraft d = draft(u"Before"_s);
    d.tags = {u"old"_s};
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
    ASSERT_OK(store.refuse(u"INSERT"_s, u"task_projects"_s, u"no links today"_s));

    // When title, tags and links change together
    TaskPatch patch;
    patch.title = u"After"_s;
    patch.tags = QStringList {u"new"_s};
    patch.projectIds = QStringList {p.id};

    // Then the title and tags written before the failure are rolled back
    EXPECT_ERROR(updatedTask(store.tasks(), task.id, patch), ErrorCode::Storage,
        u"cannot link task to projects: no links today"_s);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));
    EXPECT_EQ(stored, std::optional(task));
}

// ---- many at once -----------------------------------------------------------

TEST_P(TaskRepositoryTest, UpdateManyAppliesThePatchToEveryTaskWithAFixedNumberOfStatements)
{
    // Given 50 tasks with their own tags
    OPEN_TEST_STORE(store);
    QStringList created;
    for (int i = 0; i < 50; ++i) {
        TaskDraft d = draft(u"Task %1"_s.arg(i));
        d.tags = {u"own-%1"_s.arg(i)};
        ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
        created.append(task.id);
    }
    TaskPatch patch;
    patch.status = Status::Completed;
    patch.tags = QStringList {u" done "_s, u"done"_s};
    const quint64 beforeOne = store.db().queryCount();
    ASSERT_OK(updatedTasks(store.tasks(), {created.first()}, patch));
    const quint64 forOne = store.db().queryCount() - beforeOne;

    // When all are completed and retagged at once
    const quint64 before = store.db().queryCount();
    ASSERT_OK_AND_ASSIGN(const QList<Task> updated, updatedTasks(store.tasks(), created, patch));
    const quint64 forFifty = store.db().queryCount() - before;

    // Then every task changed, in creation order, with the patch normalised, in no more statements
    // than for one (the undo journal reads one task's title to name its step)
    EXPECT_LE(forFifty, forOne);
    EXPECT_EQ(ids(updated), created);
    ASSERT_OK_AND_ASSIGN(const QList<Task> stored, listedTasks(store.tasks()));
    EXPECT_EQ(stored, updated);
    for (const Task &task : stored) {
        EXPECT_EQ(task.status, Status::Completed);
        EXPECT_EQ(task.tags, QStringList {u"done"_s});
        EXPECT_GT(task.updatedAt, task.createdAt);
    }
    EXPECT_EQ(count(store.db(), u"task_tags"_s), 50);
}

TEST_P(TaskRepositoryTest, UpdateManyWithAMissingTaskNamesItAndChangesNothing)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task kept, store.tasks().create(draft(u"Kept"_s)));
    TaskPatch patch;
    patch.title = u"Renamed"_s;

    EXPECT_ERROR(updatedTasks(store.tasks(), {kept.id, u"missing-id"_s}, patch), ErrorCode::NotFound,
        u"task missing-id not found"_s);

    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(kept.id));
    EXPECT_EQ(stored, std::optional(kept));
}

TEST_P(TaskRepositoryTest, UpdateManyRejectsABlankTitleBeforeWriting)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task kept, store.tasks().create(draft(u"Kept"_s)));
    TaskPatch patch;
    patch.title = u"   "_s;

    EXPECT_ERROR(
        updatedTasks(store.tasks(), {kept.id}, patch), ErrorCode::InvalidArgument, u"title must not be empty"_s);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(kept.id));
    EXPECT_EQ(stored, std::optional(kept));
}

TEST_P(TaskRepositoryTest, UpdateManyNamesEachTaskOnceWhateverTheRepeats)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task a, store.tasks().create(draft(u"A"_s)));
    ASSERT_OK_AND_ASSIGN(const Task b, store.tasks().create(draft(u"B"_s)));
    TaskPatch patch;
    patch.priority = Priority::High;

    ASSERT_OK_AND_ASSIGN(const QList<Task> updated, updatedTasks(store.tasks(), {b.id, a.id, b.id}, patch));

    EXPECT_EQ(ids(updated), (QStringList {a.id, b.id}));
}

TEST_P(TaskRepositoryTest, UpdateWritesOnlyTheColumnsItsPatchGives)
{
    // Given a title stored by another writer in a form this repository would not write (untrimmed)
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(draft(u"Plain"_s)));
    ASSERT_OK(exec(store.db(), u"UPDATE tasks SET title = '  Spaced  ' WHERE id = '"_s % task.id % u"'"_s));

    // When only the status changes
    TaskPatch patch;
    patch.status = Status::Blocked;
    ASSERT_OK(updatedTask(store.tasks(), task.id, patch));

    // Then the title is still exactly what was stored
    EXPECT_EQ(
        scalar(store.db(), u"SELECT title FROM tasks WHERE id = '"_s % task.id % u"'"_s).toString(), u"  Spaced  "_s);
}

TEST_P(TaskRepositoryTest, UpdateManyMovesEachUpdatedAtPastItsOwnEvenIfLaterThanNow)
{
    // Given a task whose updatedAt lies in the future (another machine's clock)
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task ahead, store.tasks().create(draft(u"Ahead"_s)));
    ASSERT_OK_AND_ASSIGN(const Task now, store.tasks().create(draft(u"Now"_s)));
    ASSERT_OK(exec(
        store.db(), u"UPDATE tasks SET updated_at = '2999-12-31T23:59:59.999Z' WHERE id = '"_s % ahead.id % u"'"_s));

    TaskPatch patch;
    patch.status = Status::InProgress;
    ASSERT_OK_AND_ASSIGN(const QList<Task> updated, updatedTasks(store.tasks(), {ahead.id, now.id}, patch));

    // Then each moved forward from its own time
    ASSERT_EQ(updated.size(), 2);
    EXPECT_EQ(updated[0].updatedAt, QDateTime::fromString(u"3000-01-01T00:00:00.000Z"_s, Qt::ISODateWithMs));
    EXPECT_GT(updated[1].updatedAt, now.updatedAt);
    EXPECT_LT(updated[1].updatedAt, QDateTime::currentDateTimeUtc().addSecs(60));
}

TEST_P(TaskRepositoryTest, RemoveManyDeletesAllOrNothing)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Task a, store.tasks().create(draft(u"A"_s)));
    ASSERT_OK_AND_ASSIGN(const Task b, store.tasks().create(draft(u"B"_s)));
    ASSERT_OK_AND_ASSIGN(const Task c, store.tasks().create(draft(u"C"_s)));

    EXPECT_ERROR(
        store.tasks().removeMany({a.id, u"missing-id"_s}), ErrorCode::NotFound, u"task missing-id not found"_s);
    EXPECT_EQ(count(store.db(), u"tasks"_s), 3);

    ASSERT_OK(store.tasks().removeMany({a.id, c.id, a.id}));
    ASSERT_OK_AND_ASSIGN(const QList<Task> rest, listedTasks(store.tasks()));
    EXPECT_EQ(rest, QList<Task> {b});
}

// ---- remove ----------------------------------------------------------------

TEST_P(TaskRepositoryTest, RemoveDeletesTheTaskWithItsTagsAndLinksButNotItsProjects)
{
    // Given two tasks, one to delete
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project p, store.projects().create(ProjectDraft {.name = u"P"_s}));
    TaskDraft d = draft(u"Doomed"_s);
    d.tags = {u"a"_s, u"b"_s};
    d.projectIds = {p.id};
    ASSERT_OK_AND_ASSIGN(const Task doomed, store.tasks().create(d));
    d.title = u"Survivor"_s;
    ASSERT_OK_AND_ASSIGN(const Task survivor, store.tasks().create(d));

    // When
    ASSERT_OK(store.tasks().removeMany({doomed.id}));

    // Then
    ASSERT_OK_AND_ASSIGN(const auto gone, store.tasks().findById(doomed.id));
    EXPECT_FALSE(gone.has_value());
    EXPECT_EQ(
        scalar(store.db(), u"SELECT count(*) FROM task_tags WHERE task_id = '"_s % doomed.id % u"'"_s).toInt(), 0);
    EXPECT_EQ(
        scalar(store.db(), u"SELECT count(*) FROM task_projects WHERE task_id = '"_s % doomed.id % u"'"_s).toInt(), 0);
    ASSERT_OK_AND_ASSIGN(const QList<Task> rest, listedTasks(store.tasks()));
    EXPECT_EQ(rest, QList<Task> {survivor});
    EXPECT_EQ(count(store.db(), u"projects"_s), 1);
}

TEST_P(TaskRepositoryTest, RemoveOfMissingTaskReturnsNotFound)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK(store.tasks().create(draft(u"Bystander"_s)));
    EXPECT_ERROR(store.tasks().removeMany({u"missing-id"_s}), ErrorCode::NotFound, u"task missing-id not found"_s);
    EXPECT_EQ(count(store.db(), u"tasks"_s), 1);
}

// ---- text ------------------------------------------------------------------

TEST_P(TaskRepositoryTest, UnicodeTextRoundTrips)
{
    // Given emoji (with ZWJ sequences), right-to-left text, combining characters and CJK
    OPEN_TEST_STORE(store);
    TaskDraft d = draft(u"👩‍👩‍👧‍👦 Family 🎉 שלום עולם مرحبا"_s);
    d.description
        = u"e\u0301 vs \u00e9 — Z\u0351\u0364a\u0336l\u0489g\u0338o · 漢字 · \U0001F3F3\uFE0F\u200D\U0001F308"_s;
    d.tags = {u"עברית"_s, u"e\u0301"_s, u"\u00e9"_s, u"🚀"_s};

    // When
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(task.id));

    // Then every code unit survives (no normalisation: é decomposed and precomposed are two tags)
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->title, d.title);
    EXPECT_EQ(stored->description, d.description);
    EXPECT_EQ(stored->tags, d.tags);
}

TEST_P(TaskRepositoryTest, MegabyteDescriptionRoundTrips)
{
    // Given a 1 MiB description
    OPEN_TEST_STORE(store);
    QString big;
    big.reserve(1 << 20);
    while (big.size() < (1 << 20))
        big += u"Lorem ipsum dolor sit amet, ünïcödé 🙂. "_s;
    big.truncate(1 << 20);
    TaskDraft d = draft(u"Long read"_s);
    d.description = big;

    // When
    ASSERT_OK_AND_ASSIGN(const Task task, store.tasks().create(d));
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(store.tasks()));

    // Then
    ASSERT_EQ(all.size(), 1);
    ASSERT_TRUE(all.first().description.has_value());
    EXPECT_EQ(all.first().description->size(), big.size());
    EXPECT_TRUE(*all.first().description == big);
}

// ---- query count -----------------------------------------------------------

namespace {

/** What a listing in parts handed over: each part's ids and total, in order. */
struct HandedParts {
    QList<QStringList> ids;
    QList<qint64> totals;
    QStringList versions;
    TaskRepository::PartSink sink()
    {
        return [this](const TaskListing &part) -> Result<> {
            ids.append(::ids(part.tasks));
            totals.append(part.total);
            versions.append(part.version);
            return {};
        };
    }
};

/** Creates tasks titled `titles` in that order; their ids. */
QStringList createTitled(TestStore &store, const QStringList &titles)
{
    QStringList created;
    for (const QString &title : titles) {
        auto task = store.tasks().create(draft(title));
        EXPECT_TRUE(task.has_value());
        created.append(task ? task->id : QString());
    }
    return created;
}

} // namespace

TEST_P(TaskRepositoryTest, ListingInPartsHandsOverEachFullPartAsReadAndReturnsTheLastWithTheTotal)
{
    // Given five tasks
    OPEN_TEST_STORE(store);
    const QStringList created = createTitled(store, {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s});
    ASSERT_OK_AND_ASSIGN(const TaskListing whole, store.tasks().list({}));

    // When they are listed two at a time
    HandedParts parts;
    ASSERT_OK_AND_ASSIGN(const TaskListing last, store.tasks().list({}, 2, parts.sink()));

    // Then two full parts went ahead with the rows up to their end as total, and the last came back whole-counted
    EXPECT_EQ(parts.ids, (QList<QStringList> {created.mid(0, 2), created.mid(2, 2)}));
    EXPECT_EQ(parts.totals, (QList<qint64> {2, 4}));
    EXPECT_EQ(parts.versions, (QStringList {whole.version, whole.version}));
    EXPECT_EQ(ids(last.tasks), created.mid(4));
    EXPECT_EQ(last.total, 5);
    EXPECT_EQ(last.version, whole.version);
}

TEST_P(TaskRepositoryTest, ListingInPartsSendsNothingAheadWhenTheListFitsInOnePart)
{
    // Given four tasks, and a database with none
    OPEN_TEST_STORE(store);
    OPEN_TEST_STORE(empty);
    const QStringList created = createTitled(store, {u"A"_s, u"B"_s, u"C"_s, u"D"_s});

    // When each is listed four at a time
    HandedParts parts;
    ASSERT_OK_AND_ASSIGN(const TaskListing four, store.tasks().list({}, 4, parts.sink()));
    ASSERT_OK_AND_ASSIGN(const TaskListing none, empty.tasks().list({}, 4, parts.sink()));

    // Then all comes back as the last part, and nothing went ahead
    EXPECT_TRUE(parts.ids.isEmpty());
    EXPECT_EQ(ids(four.tasks), created);
    EXPECT_EQ(four.total, 4);
    EXPECT_TRUE(none.tasks.isEmpty());
    EXPECT_EQ(none.total, 0);
}

TEST_P(TaskRepositoryTest, ListingAWindowInPartsCountsPartsFromTheWindowsStartAndReturnsTheWholeTotal)
{
    // Given five tasks
    OPEN_TEST_STORE(store);
    const QStringList created = createTitled(store, {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s});

    // When three of them from the second are listed two at a time
    HandedParts parts;
    ASSERT_OK_AND_ASSIGN(const TaskListing last, store.tasks().list({.offset = 1, .limit = 3}, 2, parts.sink()));

    // Then B and C went ahead, D came back, with the whole list's total
    EXPECT_EQ(parts.ids, QList<QStringList> {created.mid(1, 2)});
    EXPECT_EQ(parts.totals, QList<qint64> {3});
    EXPECT_EQ(ids(last.tasks), created.mid(3, 1));
    EXPECT_EQ(last.total, 5);
}

TEST_P(TaskRepositoryTest, ListingInPartsStopsAtThePartSinksErrorAndFailsWithIt)
{
    // Given five tasks
    OPEN_TEST_STORE(store);
    createTitled(store, {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s});

    // When the first part's receiver fails
    int handed = 0;
    const auto listed = store.tasks().list({}, 2, [&](const TaskListing &) -> Result<> {
        ++handed;
        return fail(ErrorCode::Cancelled, u"the page went away"_s);
    });

    // Then the read stops there with that error
    ASSERT_FALSE(listed.has_value());
    EXPECT_EQ(listed.error().code, ErrorCode::Cancelled);
    EXPECT_EQ(listed.error().message, u"the page went away"_s);
    EXPECT_EQ(handed, 1);
}

TEST_P(TaskRepositoryTest, ListingUsesTheSameNumberOfQueriesFor10And10000Tasks)
{
    // Given 10 tasks in one database and 10 000 in another, each with tags and a project
    auto fill = [](TestStore &store, int n, Project &p) {
        ASSERT_OK_AND_ASSIGN(p, store.projects().create(ProjectDraft {.name = u"P"_s}));
        // Imported in one transaction: 10 000 creates, each its own, would take minutes.
        Snapshot snapshot;
        const QDateTime start(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < n; ++i) {
            Task task;
            task.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            task.title = u"Task "_s + QString::number(i);
            task.tags = {u"tag"_s + QString::number(i % 7), u"all"_s};
            task.projectIds = {p.id};
            task.createdAt = start.addMSecs(i);
            task.updatedAt = task.createdAt;
            snapshot.tasks.append(std::move(task));
        }
        UnwatchedOperation operation;
        ASSERT_OK(SqlDataTransfer(store.db()).import(snapshot, ImportMode::Commit, operation));
    };
    OPEN_TEST_STORE(small);
    OPEN_TEST_STORE(large);
    Project smallProject;
    Project largeProject;
    fill(small, 10, smallProject);
    fill(large, 10'000, largeProject);
    ASSERT_FALSE(::testing::Test::HasFatalFailure());

    // When each is listed, all and by project
    const auto countQueries = [](Database &db, auto &&list) {
        const quint64 before = db.queryCount();
        auto listed = list();
        EXPECT_TRUE(listed.has_value());
        return std::pair(db.queryCount() - before, listed ? listed->size() : -1);
    };
    const auto [smallAll, smallAllSize] = countQueries(small.db(), [&] { return listedTasks(small.tasks()); });
    const auto [largeAll, largeAllSize] = countQueries(large.db(), [&] { return listedTasks(large.tasks()); });
    const auto [smallByProject, smallByProjectSize]
        = countQueries(small.db(), [&] { return tasksOfProjects(small.tasks(), {smallProject.id}); });
    const auto [largeByProject, largeByProjectSize]
        = countQueries(large.db(), [&] { return tasksOfProjects(large.tasks(), {largeProject.id}); });

    // Then the lists are complete and the statement counts are equal and small
    EXPECT_EQ(smallAllSize, 10);
    EXPECT_EQ(largeAllSize, 10'000);
    EXPECT_EQ(smallByProjectSize, 10);
    EXPECT_EQ(largeByProjectSize, 10'000);
    EXPECT_EQ(smallAll, largeAll);
    EXPECT_EQ(smallByProject, largeByProject);
    EXPECT_LE(largeAll, 4u) << "the tasks, the version, plus BEGIN and COMMIT";
    ASSERT_OK_AND_ASSIGN(const QList<Task> all, listedTasks(large.tasks()));
    EXPECT_EQ(all.last().tags.size(), 2);
    EXPECT_EQ(all.last().projectIds, QStringList {largeProject.id});
}
