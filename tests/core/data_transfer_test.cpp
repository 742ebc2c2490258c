// SPDX-License-Identifier: MIT
// Export and import of whole databases (SqlDataTransfer) on real SQLite files: a round trip
// keeps every field, an import is all or nothing and one undoable step, records already present
// are skipped, bad records are named, and cancelling leaves no trace.
#include "recording_operation.h"
#include "result_assertions.h"
#include "statement.h"
#include "test_store.h"

#include <quire/core/sql_data_transfer.h>

#include <QUuid>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::listedTasks;
using quire::core_test::RecordingOperation;
using quire::core_test::scalar;
using quire::core_test::TestStore;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

/** `projects` projects and `tasks` tasks as an exporter would hand them over, each task tagged and in one project. */
Snapshot generated(int projects, int tasks)
{
    Snapshot snapshot;
    for (int i = 0; i < projects; ++i) {
        snapshot.projects.append(Project {.id = u"project-"_s + QString::number(i),
            .name = u"Project "_s + QString::number(i),
            .createdAt = kStart,
            .updatedAt = kStart});
    }
    for (int i = 0; i < tasks; ++i) {
        Task task;
        task.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        task.title = u"Generated task "_s + QString::number(i);
        task.tags = {u"tag"_s + QString::number(i % 7)};
        if (projects > 0)
            task.projectIds = {snapshot.projects.at(i % projects).id};
        task.createdAt = kStart.addMSecs(i);
        task.updatedAt = task.createdAt;
        snapshot.tasks.append(std::move(task));
    }
    return snapshot;
}

/** A report of an import that added records and skipped none. */
ImportReport added(qint64 projects, qint64 tasks)
{
    return ImportReport {.projectsAdded = projects, .tasksAdded = tasks, .projectsSkipped = {}, .tasksSkipped = {}};
}

Task titled(const QString &id, const QString &title)
{
    Task task;
    task.id = id;
    task.title = title;
    task.createdAt = kStart;
    task.updatedAt = kStart;
    return task;
}

Task withTitle(const QList<Task> &tasks, const QString &title)
{
    const auto found
        = std::find_if(tasks.cbegin(), tasks.cend(), [&](const Task &task) { return task.title == title; });
    EXPECT_NE(found, tasks.cend()) << title.toStdString();
    return found == tasks.cend() ? Task {} : *found;
}

/** Rows of every table an import writes but the journal's. */
QList<qint64> dataRowCounts(Database &db)
{
    QStringList tables {u"projects"_s, u"tasks"_s, u"task_tags"_s, u"task_projects"_s};
    if (quire::core_test::currentEngine() == quire::core_test::Engine::Sqlite)
        tables.append(u"task_search"_s); // PostgreSQL's search is a column of tasks
    QList<qint64> counts;
    for (const QString &table : std::as_const(tables))
        counts.append(scalar(db, u"SELECT count(*) FROM "_s % table).toLongLong());
    return counts;
}

/** Rows of every table an import writes, and of the journal: what "nothing written" compares. */
QList<qint64> rowCounts(Database &db)
{
    QList<qint64> counts = dataRowCounts(db);
    for (const QString &table : {u"journal"_s, u"journal_changes"_s})
        counts.append(scalar(db, u"SELECT count(*) FROM "_s % table).toLongLong());
    return counts;
}

class DataTransferTest : public quire::core_test::EngineTest
{
protected:
    void SetUp() override
    {
        REQUIRE_TEST_STORE(m_source);
        REQUIRE_TEST_STORE(m_target);
    }

    /** Two projects and three tasks using every field: times with and without a clock, done and not, moved. */
    void seedSource()
    {
        ASSERT_OK_AND_ASSIGN(const Project home, m_source.projects().create({.name = u"Home"_s}));
        ASSERT_OK_AND_ASSIGN(
            const Project work, m_source.projects().create({.name = u"Work"_s, .description = u"Office"_s}));
        TaskDraft full;
        full.title = u"Plan the trip"_s;
        full.description = u"Flights and hotel"_s;
        full.priority = Priority::High;
        full.complexity = Complexity::DeepDive;
        full.type = TaskType::Investigation;
        full.tags = {u"travel"_s, u"Café"_s};
        full.projectIds = {work.id, home.id};
        full.dueDate = LocalDate {QDate(2026, 12, 24), QTime(17, 30)};
        full.recurrence = u"FREQ=WEEKLY;BYDAY=MO,FR"_s;
        full.checklist = {{.title = u"passport"_s, .done = true}, {.title = u"tickets"_s, .done = false}};
        ASSERT_OK(m_source.tasks().create(full));
        TaskDraft done;
        done.title = u"File taxes"_s;
        done.status = Status::Completed;
        done.dueDate = LocalDate {QDate(2026, 4, 30), std::nullopt};
        done.projectIds = {home.id};
        ASSERT_OK(m_source.tasks().create(done));
        TaskDraft plain;
        plain.title = u"Call Ana"_s;
        ASSERT_OK_AND_ASSIGN(const Task moved, m_source.tasks().create(plain));
        ASSERT_OK(m_source.tasks().move(moved.id, std::nullopt));
    }

    Snapshot exported(TestStore &store)
    {
        RecordingOperation operation;
        auto snapshot = SqlDataTransfer(store.db()).exportAll(operation);
        EXPECT_TRUE(snapshot.has_value()) << (snapshot ? "" : quire::test::describe(snapshot.error()));
        return snapshot.value_or(Snapshot {});
    }

    static Result<ImportReport> importInto(
        TestStore &store, const Snapshot &snapshot, ImportMode mode = ImportMode::Commit)
    {
        RecordingOperation operation;
        return SqlDataTransfer(store.db()).import(snapshot, mode, operation);
    }

    TestStore m_source;
    TestStore m_target;
};

INSTANTIATE_FOR_ENGINES(DataTransferTest);

TEST_P(DataTransferTest, exportAllReturnsEveryTaskAndProjectIncludingCompleted)
{
    seedSource();

    const Snapshot snapshot = exported(m_source);

    ASSERT_OK_AND_ASSIGN(const QList<Project> projects, m_source.projects().findAll());
    ASSERT_OK_AND_ASSIGN(const QList<Task> tasks, listedTasks(m_source.tasks()));
    EXPECT_EQ(snapshot.projects, projects);
    EXPECT_EQ(snapshot.tasks, tasks);
    ASSERT_EQ(snapshot.tasks.size(), 3);
    EXPECT_EQ(snapshot.tasks.at(1).status, Status::Completed);
}

TEST_P(DataTransferTest, importIntoEmptyDatabaseGivesTheSameSnapshot)
{
    seedSource();
    const Snapshot original = exported(m_source);

    ASSERT_OK_AND_ASSIGN(const ImportReport report, importInto(m_target, original));

    EXPECT_EQ(report, added(2, 3));
    const Snapshot copy = exported(m_target);
    EXPECT_EQ(copy.projects, original.projects);
    ASSERT_EQ(copy.tasks.size(), original.tasks.size());
    for (qsizetype i = 0; i < copy.tasks.size(); ++i)
        EXPECT_EQ(copy.tasks.at(i), original.tasks.at(i)) << "task " << i + 1;
    EXPECT_EQ(copy, original);
}

TEST_P(DataTransferTest, importSkipsIdsAlreadyPresentAndReportsThem)
{
    seedSource();
    Snapshot snapshot = exported(m_source);
    const Task added = titled(u"new-task"_s, u"Not there yet"_s);
    snapshot.tasks.insert(1, added);
    const QList<qint64> before = rowCounts(m_source.db());

    ASSERT_OK_AND_ASSIGN(const ImportReport report, importInto(m_source, snapshot));

    EXPECT_EQ(report.projectsAdded, 0);
    EXPECT_EQ(report.tasksAdded, 1);
    EXPECT_EQ(report.projectsSkipped, (QStringList {snapshot.projects.at(0).id, snapshot.projects.at(1).id}));
    EXPECT_EQ(
        report.tasksSkipped, (QStringList {snapshot.tasks.at(0).id, snapshot.tasks.at(2).id, snapshot.tasks.at(3).id}));
    EXPECT_EQ(scalar(m_source.db(), u"SELECT count(*) FROM tasks"_s).toLongLong(), before.at(1) + 1);
}

TEST_P(DataTransferTest, importSkipsDuplicateIdsWithinTheSnapshot)
{
    Snapshot snapshot;
    snapshot.projects = {Project {.id = u"p"_s, .name = u"First"_s}, Project {.id = u"p"_s, .name = u"Second"_s}};
    snapshot.tasks = {titled(u"t"_s, u"Kept"_s), titled(u"t"_s, u"Dropped"_s), titled(u"u"_s, u"Other"_s)};

    ASSERT_OK_AND_ASSIGN(const ImportReport report, importInto(m_target, snapshot));

    EXPECT_EQ(report,
        (ImportReport {.projectsAdded = 1, .tasksAdded = 2, .projectsSkipped = {u"p"_s}, .tasksSkipped = {u"t"_s}}));
    ASSERT_OK_AND_ASSIGN(const std::optional<Task> kept, m_target.tasks().findById(u"t"_s));
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->title, u"Kept"_s);
    ASSERT_OK_AND_ASSIGN(const std::optional<Project> project, m_target.projects().findById(u"p"_s));
    ASSERT_TRUE(project);
    EXPECT_EQ(project->name, u"First"_s);
}

TEST_P(DataTransferTest, importGivesNewIdsToRecordsWithout)
{
    ASSERT_OK_AND_ASSIGN(const Task existing, m_target.tasks().create({.title = u"Already here"_s}));
    Snapshot snapshot;
    snapshot.projects = {Project {.name = u"Nameless id"_s}};
    Task first;
    first.title = u"First"_s;
    Task done;
    done.title = u"Done"_s;
    done.status = Status::Completed;
    done.createdAt = kStart;
    done.updatedAt = kStart.addDays(1);
    snapshot.tasks = {first, done};

    ASSERT_OK_AND_ASSIGN(const ImportReport report, importInto(m_target, snapshot));

    EXPECT_EQ(report, added(1, 2));
    ASSERT_OK_AND_ASSIGN(const QList<Project> projects, m_target.projects().findAll());
    ASSERT_EQ(projects.size(), 1);
    EXPECT_FALSE(QUuid::fromString(projects.first().id).isNull());
    EXPECT_TRUE(projects.first().createdAt.isValid());
    ASSERT_OK_AND_ASSIGN(const QList<Task> tasks, listedTasks(m_target.tasks()));
    ASSERT_EQ(tasks.size(), 3);
    const Task imported = withTitle(tasks, u"First"_s);
    const Task completed = withTitle(tasks, u"Done"_s);
    EXPECT_FALSE(QUuid::fromString(imported.id).isNull());
    EXPECT_TRUE(imported.createdAt.isValid());
    EXPECT_EQ(imported.updatedAt, imported.createdAt);
    EXPECT_EQ(completed.completedAt, kStart.addDays(1));
    // Last in the user's order, in snapshot order, as create() would have put them.
    EXPECT_LT(existing.sortKey, imported.sortKey);
    EXPECT_LT(imported.sortKey, completed.sortKey);
}

TEST_P(DataTransferTest, importRejectsBlankTitleNamingTheRecord)
{
    Snapshot snapshot = generated(1, 2);
    snapshot.tasks.append(titled(u"blank"_s, u" \t "_s));
    const QList<qint64> before = rowCounts(m_target.db());

    EXPECT_ERROR(importInto(m_target, snapshot), ErrorCode::InvalidArgument, u"task 3: title must not be empty"_s);

    EXPECT_EQ(rowCounts(m_target.db()), before);
}

TEST_P(DataTransferTest, importRejectsBlankProjectNameNamingTheRecord)
{
    Snapshot snapshot = generated(2, 0);
    snapshot.projects.append(Project {.id = u"blank"_s, .name = u""_s});

    EXPECT_ERROR(importInto(m_target, snapshot), ErrorCode::InvalidArgument, u"project 3: name must not be empty"_s);
}

TEST_P(DataTransferTest, importRejectsUnknownProjectLink)
{
    Snapshot snapshot = generated(1, 1);
    Task orphan = titled(u"orphan"_s, u"Buy milk"_s);
    orphan.projectIds = {snapshot.projects.first().id, u"no-such-project"_s};
    snapshot.tasks.append(orphan);
    const QList<qint64> before = rowCounts(m_target.db());

    EXPECT_ERROR(importInto(m_target, snapshot), ErrorCode::NotFound,
        u"task 2 “Buy milk”: project no-such-project does not exist"_s);

    EXPECT_EQ(rowCounts(m_target.db()), before);
}

TEST_P(DataTransferTest, importAcceptsLinksToProjectsAlreadyStored)
{
    ASSERT_OK_AND_ASSIGN(const Project stored, m_target.projects().create({.name = u"Stored"_s}));
    Task linked = titled(u"linked"_s, u"Linked"_s);
    linked.projectIds = {stored.id};

    ASSERT_OK(importInto(m_target, Snapshot {.projects = {}, .tasks = {linked}}));

    ASSERT_OK_AND_ASSIGN(const std::optional<Task> found, m_target.tasks().findById(u"linked"_s));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->projectIds, QStringList {stored.id});
}

TEST_P(DataTransferTest, importRejectsInvalidRecurrenceNamingThePart)
{
    Task hourly = titled(u"hourly"_s, u"Water plants"_s);
    hourly.recurrence = u"FREQ=HOURLY"_s;
    const QList<qint64> before = rowCounts(m_target.db());

    EXPECT_ERROR(importInto(m_target, Snapshot {.projects = {}, .tasks = {titled(u"ok"_s, u"Fine"_s), hourly}}),
        ErrorCode::InvalidArgument,
        u"task 2 “Water plants”: recurrence: FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY; got 'HOURLY'"_s);

    EXPECT_EQ(rowCounts(m_target.db()), before);
}

TEST_P(DataTransferTest, importRejectsAnOrderKeyStorageCouldNotUse)
{
    Task task = titled(u"keyed"_s, u"Keyed"_s);
    task.sortKey = u"not a key"_s;

    EXPECT_ERROR(importInto(m_target, Snapshot {.projects = {}, .tasks = {task}}), ErrorCode::InvalidArgument,
        u"task 1 “Keyed”: sortKey 'not a key' is not an order key"_s);
}

TEST_P(DataTransferTest, previewReportsWhatCommitWouldDoAndWritesNothing)
{
    const Snapshot snapshot = generated(3, 40);
    // Two tasks of the second project (task i is in project i % 3) there already.
    ASSERT_OK(importInto(m_target,
        Snapshot {.projects = {snapshot.projects.at(1)}, .tasks = {snapshot.tasks.at(4), snapshot.tasks.at(7)}}));
    const QList<qint64> before = rowCounts(m_target.db());
    const Snapshot stored = exported(m_target);

    ASSERT_OK_AND_ASSIGN(const ImportReport preview, importInto(m_target, snapshot, ImportMode::Preview));

    EXPECT_EQ(rowCounts(m_target.db()), before);
    EXPECT_EQ(exported(m_target), stored);
    EXPECT_EQ(preview.projectsAdded, 2);
    EXPECT_EQ(preview.tasksAdded, 38);
    EXPECT_EQ(preview.projectsSkipped, QStringList {snapshot.projects.at(1).id});
    EXPECT_EQ(preview.tasksSkipped, (QStringList {snapshot.tasks.at(4).id, snapshot.tasks.at(7).id}));
    ASSERT_OK_AND_ASSIGN(const ImportReport committed, importInto(m_target, snapshot));
    EXPECT_EQ(committed, preview);
}

TEST_P(DataTransferTest, previewFindsTheSameErrorsAsCommit)
{
    Snapshot snapshot = generated(1, 3);
    snapshot.tasks[2].projectIds = {u"gone"_s};

    EXPECT_ERROR(importInto(m_target, snapshot, ImportMode::Preview), ErrorCode::NotFound,
        u"task 3 “Generated task 2”: project gone does not exist"_s);
}

TEST(DataTransferOnFile, cancelledImportLeavesTheDatabaseUnchanged)
{
    quire::test::TemporaryFolder folder;
    ASSERT_TRUE(folder.isValid());
    const QString path = folder.filePath(u"quire.db"_s);
    {
        ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, quire::test::uniqueConnectionName(u"seed"_s)));
        UnwatchedOperation unwatched;
        ASSERT_OK(SqlDataTransfer(*db).import(generated(2, 300), ImportMode::Commit, unwatched));
    }
    const QByteArray before = quire::test::TemporaryFolder::readFile(path);
    ASSERT_FALSE(before.isEmpty());

    {
        ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, quire::test::uniqueConnectionName(u"cancel"_s)));
        RecordingOperation operation;
        operation.cancelWhen
            = [](const RecordingOperation::Report &report) { return report.phase == u"writing" && report.done == 700; };
        EXPECT_ERROR_CODE(
            SqlDataTransfer(*db).import(generated(3, 1000), ImportMode::Commit, operation), ErrorCode::Cancelled);
        ASSERT_FALSE(operation.reports.isEmpty());
        // Stopped within 256 records of the cancel.
        EXPECT_LE(operation.reports.last().done, 700 + 256);
    }

    EXPECT_EQ(quire::test::TemporaryFolder::readFile(path), before);
}

TEST_P(DataTransferTest, cancelledImportBeforeCommitLeavesNoStep)
{
    ASSERT_OK(importInto(m_target, generated(1, 10)));
    const QList<qint64> before = rowCounts(m_target.db());
    RecordingOperation operation;
    // After the last record is written: only the check before the commit can see it.
    operation.cancelWhen = [](const RecordingOperation::Report &report) {
        return report.phase == u"writing" && report.done == report.total;
    };

    EXPECT_ERROR_CODE(
        SqlDataTransfer(m_target.db()).import(generated(2, 20), ImportMode::Commit, operation), ErrorCode::Cancelled);

    EXPECT_EQ(rowCounts(m_target.db()), before);
}

TEST_P(DataTransferTest, anInterruptBetweenTwoStatementsStopsTheNextOne)
{
    // Given an import interrupted while none of its statements runs (as the last record starts,
    // before its insert), by a cancel that only interrupts: the operation never says cancelled.
    // SQLite and PostgreSQL both forget such an interrupt; Database must not.
    ASSERT_OK(importInto(m_target, generated(1, 10)));
    const QList<qint64> before = rowCounts(m_target.db());
    Database &db = m_target.db();
    RecordingOperation operation;
    operation.cancelWhen = [&db](const RecordingOperation::Report &report) {
        if (report.phase == u"writing" && report.done == report.total)
            db.interrupt();
        return false;
    };

    const Result<ImportReport> imported = SqlDataTransfer(db).import(generated(2, 20), ImportMode::Commit, operation);
    db.resume();

    // Then it stops at the next statement with Cancelled, having written nothing, and once
    // resumed the connection works again, the refused insert's statement included
    EXPECT_ERROR_CODE(imported, ErrorCode::Cancelled);
    EXPECT_EQ(rowCounts(db), before);
    ASSERT_OK(m_target.projects().create({.name = u"After"_s}));
    UnwatchedOperation unwatched;
    const Result<ImportReport> again = SqlDataTransfer(db).import(generated(2, 20), ImportMode::Commit, unwatched);
    ASSERT_OK(again);
    EXPECT_EQ(again->tasksAdded, 20);
}

TEST_P(DataTransferTest, cancelledExportReturnsCancelled)
{
    ASSERT_OK(importInto(m_source, generated(1, 600)));
    RecordingOperation operation;
    operation.cancelWhen = [](const RecordingOperation::Report &report) { return report.done == 300; };

    EXPECT_ERROR_CODE(SqlDataTransfer(m_source.db()).exportAll(operation), ErrorCode::Cancelled);
    EXPECT_LE(operation.reports.last().done, 300 + 256);

    RecordingOperation cancelledBefore;
    cancelledBefore.cancel();
    EXPECT_ERROR_CODE(SqlDataTransfer(m_source.db()).exportAll(cancelledBefore), ErrorCode::Cancelled);
}

TEST_P(DataTransferTest, importIsOneUndoableStep)
{
    ASSERT_OK(m_target.tasks().create({.title = u"Mine"_s}));
    const Snapshot mine = exported(m_target);
    const QList<qint64> counts = dataRowCounts(m_target.db());
    const Snapshot snapshot = generated(2, 312);

    ASSERT_OK(importInto(m_target, snapshot));
    const Snapshot imported = exported(m_target);
    ASSERT_OK_AND_ASSIGN(const UndoState state, m_target.history().state());
    EXPECT_EQ(state.undo, u"Import 312 tasks"_s);

    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> undo, m_target.history().undo());
    ASSERT_TRUE(undo);
    EXPECT_EQ(undo->step.label, u"Import 312 tasks"_s);
    EXPECT_EQ(undo->deletedTaskIds.size(), 312);
    EXPECT_EQ(undo->deletedProjectIds.size(), 2);
    EXPECT_EQ(exported(m_target), mine);
    // The journal keeps the step (now undone) and its rows for redo; every other table is as before.
    EXPECT_EQ(dataRowCounts(m_target.db()), counts);

    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> redo, m_target.history().redo());
    ASSERT_TRUE(redo);
    EXPECT_EQ(redo->tasks.size(), 312);
    EXPECT_EQ(exported(m_target), imported);
}

TEST_P(DataTransferTest, anImportOfProjectsOnlyIsNamedByThem)
{
    ASSERT_OK(importInto(m_target, generated(1, 0)));

    ASSERT_OK_AND_ASSIGN(const UndoState state, m_target.history().state());
    EXPECT_EQ(state.undo, u"Import project “Project 0”"_s);
}

TEST_P(DataTransferTest, anImportThatAddsNothingLeavesNoStep)
{
    const Snapshot snapshot = generated(1, 2);
    ASSERT_OK(importInto(m_target, snapshot));
    const QList<qint64> before = rowCounts(m_target.db());

    ASSERT_OK(importInto(m_target, snapshot));

    EXPECT_EQ(rowCounts(m_target.db()), before);
}

TEST_P(DataTransferTest, progressReportsEveryPhase)
{
    const Snapshot snapshot = generated(2, 300);
    RecordingOperation importing;
    ASSERT_OK(SqlDataTransfer(m_target.db()).import(snapshot, ImportMode::Commit, importing));
    RecordingOperation exporting;
    ASSERT_OK(SqlDataTransfer(m_target.db()).exportAll(exporting));

    EXPECT_EQ(importing.phases(), (QStringList {u"checking"_s, u"writing"_s}));
    ASSERT_EQ(importing.reports.size(), 2 * 302);
    for (qsizetype i = 0; i < importing.reports.size(); ++i) {
        EXPECT_EQ(importing.reports.at(i).done, i % 302 + 1);
        EXPECT_EQ(importing.reports.at(i).total, 302);
    }
    EXPECT_EQ(exporting.phases(), QStringList {u"reading"_s});
    ASSERT_EQ(exporting.reports.size(), 300);
    EXPECT_EQ(exporting.reports.last().done, 300);
    EXPECT_EQ(exporting.reports.last().total, 300);
}

TEST_P(DataTransferTest, importedTasksAreFoundBySearch)
{
    Snapshot snapshot;
    snapshot.projects = {Project {.id = u"finance"_s, .name = u"Finance"_s, .createdAt = kStart, .updatedAt = kStart}};
    Task report = titled(u"report"_s, u"Quarterly Café report"_s);
    report.projectIds = {u"finance"_s};
    report.tags = {u"numbers"_s};
    snapshot.tasks = {report, titled(u"other"_s, u"Something else"_s)};

    ASSERT_OK(importInto(m_target, snapshot));

    for (const QString &text : {u"cafe"_s, u"finance"_s, u"numbers"_s}) {
        ASSERT_OK_AND_ASSIGN(const QList<Task> found, listedTasks(m_target.tasks(), {.text = text}));
        ASSERT_EQ(found.size(), 1) << text.toStdString();
        EXPECT_EQ(found.first().id, u"report"_s);
    }
}

/**
 * `work`'s result while another thread interrupts `db` every 20 ms until it has come back; `db`
 * then resumes, as DatabaseThread's does once a cancelled job has returned.
 */
template<class Work>
auto whileInterrupted(Database &db, Work &&work) -> std::invoke_result_t<Work>
{
    std::atomic<bool> finished = false;
    std::thread interrupter([&] {
        while (!finished) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            db.interrupt();
        }
    });
    auto result = work();
    finished = true;
    interrupter.join();
    db.resume();
    return result;
}

TEST_P(DataTransferTest, interruptStopsARunningStatementWithCancelled)
{
    Database &db = m_target.db();
    const auto counted = whileInterrupted(db, [&] {
        return Statement::queryValue(db, u"cannot count"_s,
            u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
            "SELECT count(*) FROM c"_s);
    });

    EXPECT_ERROR_CODE(counted, ErrorCode::Cancelled);
}

TEST_P(DataTransferTest, anInterruptedWriteIsRolledBackByItselfWithoutAFailedRollback)
{
    // Given a write transaction whose statement is interrupted: SQLite rolls the whole transaction
    // back by itself, so the rollback that follows has nothing left to do.
    static QStringList warnings;
    warnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext &, const QString &text) { warnings.append(text); });
    Database &db = m_target.db();
    const Result<> written = whileInterrupted(db, [&] {
        return db.transact(TransactionKind::Write, [&]() -> Result<> {
            if (auto created = quire::core_test::exec(db, u"CREATE TABLE scratch (x INTEGER)"_s); !created)
                return created;
            return quire::core_test::exec(db,
                u"INSERT INTO scratch WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < "
                "1000000000) SELECT x FROM c"_s);
        });
    });
    qInstallMessageHandler(previous);

    // Then it is Cancelled, nothing of it stays, nobody is told of a failed rollback, and the next write works
    EXPECT_ERROR_CODE(written, ErrorCode::Cancelled);
    EXPECT_EQ(warnings, QStringList {});
    EXPECT_FALSE(quire::core_test::exec(db, u"SELECT 1 FROM scratch"_s).has_value()); // no such table
    ASSERT_OK(m_target.projects().create({.name = u"After"_s}));
}

} // namespace

TEST_P(DataTransferTest, importJoinsAProjectOfTheSameNameInsteadOfAddingASecond)
{
    // Given a database with "Home", and a file (a CSV, say) whose own "home" project has another id
    ASSERT_OK_AND_ASSIGN(const Project home, m_target.projects().create({.name = u"Home"_s}));
    Snapshot file = generated(1, 2);
    file.projects[0].name = u"home"_s;

    // When it is imported
    ASSERT_OK_AND_ASSIGN(const ImportReport report, importInto(m_target, file));

    // Then no second project is made: the file's project is the one there, and its tasks link to it
    EXPECT_EQ(report.projectsAdded, 0);
    EXPECT_EQ(report.projectsSkipped, QStringList {home.id});
    EXPECT_EQ(report.tasksAdded, 2);
    ASSERT_OK_AND_ASSIGN(const QList<Project> projects, m_target.projects().findAll());
    EXPECT_EQ(projects, QList<Project> {home});
    ASSERT_OK_AND_ASSIGN(const QList<Task> tasks, listedTasks(m_target.tasks()));
    for (const Task &task : tasks)
        EXPECT_EQ(task.projectIds, QStringList {home.id}) << task.title.toStdString();
}

TEST_P(DataTransferTest, importMakesOneProjectOfTwoThatShareANameInTheFile)
{
    Snapshot file = generated(2, 4);
    file.projects[1].name = file.projects[0].name.toUpper();

    ASSERT_OK_AND_ASSIGN(const ImportReport report, importInto(m_target, file));

    EXPECT_EQ(report.projectsAdded, 1);
    ASSERT_OK_AND_ASSIGN(const QList<Project> projects, m_target.projects().findAll());
    ASSERT_EQ(projects.size(), 1);
    ASSERT_OK_AND_ASSIGN(const QList<Task> tasks, listedTasks(m_target.tasks()));
    ASSERT_EQ(tasks.size(), 4);
    for (const Task &task : tasks)
        EXPECT_EQ(task.projectIds, QStringList {projects.first().id}) << task.title.toStdString();
}
