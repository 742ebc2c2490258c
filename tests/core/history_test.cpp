// SPDX-License-Identifier: MIT
// Undo and redo over the journal that every write keeps, on a real SQLite file: each kind of
// write undone leaves the data exactly as it was, a later change is never overwritten, and the
// journal outlives the connection.
#include "result_assertions.h"
#include "sql_dialect.h"
#include "test_store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::exec;
using quire::core_test::scalar;
using quire::core_test::TestStore;
using quire::core_test::updatedTask;

namespace {

/** Every row of every table but the journal's, insertion order included, as text: what "exactly as it was" compares. */
QStringList contentOf(Database &db)
{
    QStringList rows;
    QSqlDatabase connection = QSqlDatabase::database(db.connectionName());
    // The insertion order too (SQLite's rowid): a row put back keeps its place.
    const QString order = SqlDialect::of(db).insertionOrder();
    const QStringList queries {u"SELECT "_s % order % u", * FROM tasks ORDER BY "_s % order,
        u"SELECT * FROM task_tags ORDER BY task_id, tag"_s,
        u"SELECT * FROM task_projects ORDER BY task_id, project_id"_s,
        u"SELECT "_s % order % u", * FROM projects ORDER BY "_s % order};
    for (const QString &sql : queries) {
        QSqlQuery query(connection);
        EXPECT_TRUE(query.exec(sql)) << sql.toStdString();
        while (query.next()) {
            QStringList values {sql};
            for (int column = 0; column < query.record().count(); ++column)
                values.append(query.value(column).isNull() ? u"NULL"_s : query.value(column).toString());
            rows.append(values.join(u'|'));
        }
    }
    return rows;
}

TaskDraft fullDraft(const QString &title, const QStringList &projectIds = {})
{
    TaskDraft draft;
    draft.title = title;
    draft.description = u"with every kind of field"_s;
    draft.priority = Priority::High;
    draft.tags = {u"home"_s, u"Café"_s};
    draft.projectIds = projectIds;
    draft.dueDate = LocalDate {QDate(2026, 12, 24), QTime(17, 0)};
    draft.recurrence = u"FREQ=WEEKLY;BYDAY=MO"_s;
    draft.checklist = {{.title = u"first"_s, .done = true}, {.title = u"second"_s, .done = false}};
    return draft;
}

ProjectDraft projectNamed(const QString &name)
{
    ProjectDraft draft;
    draft.name = name;
    return draft;
}

TaskPatch statusPatch(Status status)
{
    TaskPatch patch;
    patch.status = status;
    return patch;
}

class HistoryTest : public quire::core_test::EngineTest
{
protected:
    void SetUp() override { REQUIRE_TEST_STORE(m_store); }

    /** Undoes the latest step and says which it was. */
    QString undone()
    {
        auto change = m_store.history().undo();
        EXPECT_TRUE(change.has_value()) << (change ? "" : change.error().message.toStdString());
        return change && *change ? (*change)->step.label : QString();
    }

    QString redone()
    {
        auto change = m_store.history().redo();
        EXPECT_TRUE(change.has_value()) << (change ? "" : change.error().message.toStdString());
        return change && *change ? (*change)->step.label : QString();
    }

    TestStore m_store;
};

INSTANTIATE_FOR_ENGINES(HistoryTest);

TEST_P(HistoryTest, undoOfADeleteRestoresTheTaskExactly)
{
    ASSERT_OK_AND_ASSIGN(const Project home, m_store.projects().create(projectNamed(u"Home"_s)));
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Buy milk"_s, {home.id})));
    const QStringList before = contentOf(m_store.db());

    ASSERT_OK(m_store.tasks().removeMany({task.id}));
    EXPECT_EQ(undone(), u"Delete “Buy milk”"_s);

    EXPECT_EQ(contentOf(m_store.db()), before);
}

TEST_P(HistoryTest, undoOfACreateDeletesTheTaskAndRedoBringsItBackWithItsId)
{
    const QStringList empty = contentOf(m_store.db());
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Call Ana"_s)));
    const QStringList created = contentOf(m_store.db());

    EXPECT_EQ(undone(), u"Add “Call Ana”"_s);
    EXPECT_EQ(contentOf(m_store.db()), empty);
    EXPECT_EQ(redone(), u"Add “Call Ana”"_s);
    EXPECT_EQ(contentOf(m_store.db()), created);
    ASSERT_OK_AND_ASSIGN(const std::optional<Task> found, m_store.tasks().findById(task.id));
    EXPECT_EQ(found, task);
}

TEST_P(HistoryTest, undoOfAnUpdateRestoresEveryFieldTagAndLink)
{
    ASSERT_OK_AND_ASSIGN(const Project home, m_store.projects().create(projectNamed(u"Home"_s)));
    ASSERT_OK_AND_ASSIGN(const Project work, m_store.projects().create(projectNamed(u"Work"_s)));
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Plan"_s, {home.id})));
    const QStringList before = contentOf(m_store.db());
    TaskPatch patch;
    patch.title = u"Plan the trip"_s;
    patch.description = std::optional<QString>();
    patch.tags = QStringList {u"travel"_s};
    patch.projectIds = QStringList {work.id};
    patch.checklist = QList<ChecklistItem> {};
    ASSERT_OK(updatedTask(m_store.tasks(), task.id, patch));
    const QStringList after = contentOf(m_store.db());

    EXPECT_EQ(undone(), u"Edit “Plan the trip”"_s);
    EXPECT_EQ(contentOf(m_store.db()), before);
    EXPECT_EQ(redone(), u"Edit “Plan the trip”"_s);
    EXPECT_EQ(contentOf(m_store.db()), after);
}

TEST_P(HistoryTest, undoOfABulkDeleteRestoresEveryTaskInOneStep)
{
    QStringList ids;
    for (int i = 0; i < 50; ++i) {
        ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Task "_s + QString::number(i))));
        ids.append(task.id);
    }
    const QStringList before = contentOf(m_store.db());
    ASSERT_OK(m_store.tasks().removeMany(ids));

    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> change, m_store.history().undo());
    ASSERT_TRUE(change);
    EXPECT_EQ(change->step.label, u"Delete 50 tasks"_s);
    EXPECT_EQ(change->tasks.size(), 50);
    EXPECT_TRUE(change->deletedTaskIds.isEmpty());
    EXPECT_EQ(contentOf(m_store.db()), before);
}

TEST_P(HistoryTest, undoOfCompletingARecurringTaskRemovesItsNextOccurrence)
{
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Water plants"_s)));
    const QStringList before = contentOf(m_store.db());
    ASSERT_OK_AND_ASSIGN(
        const TaskUpdate update, m_store.tasks().updateMany({task.id}, statusPatch(Status::Completed)));
    ASSERT_EQ(update.nextOccurrences.size(), 1);

    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> change, m_store.history().undo());
    ASSERT_TRUE(change);
    EXPECT_EQ(change->step.label, u"Complete “Water plants”"_s);
    EXPECT_EQ(change->deletedTaskIds, QStringList {update.nextOccurrences.first().id});
    EXPECT_EQ(contentOf(m_store.db()), before);
}

TEST_P(HistoryTest, undoOfAMoveRestoresTheOrder)
{
    ASSERT_OK_AND_ASSIGN(const Task first, m_store.tasks().create(fullDraft(u"First"_s)));
    ASSERT_OK_AND_ASSIGN(const Task second, m_store.tasks().create(fullDraft(u"Second"_s)));
    const QStringList before = contentOf(m_store.db());
    ASSERT_OK(m_store.tasks().move(second.id, std::nullopt));

    EXPECT_EQ(undone(), u"Move “Second”"_s);
    EXPECT_EQ(contentOf(m_store.db()), before);
    Q_UNUSED(first);
}

TEST_P(HistoryTest, undoOfAProjectDeleteRestoresTheProjectAndItsTasksLinks)
{
    ASSERT_OK_AND_ASSIGN(const Project home, m_store.projects().create(projectNamed(u"Home"_s)));
    ASSERT_OK_AND_ASSIGN(const Project work, m_store.projects().create(projectNamed(u"Work"_s)));
    ASSERT_OK(m_store.tasks().create(fullDraft(u"Both"_s, {work.id, home.id})));
    ASSERT_OK(m_store.tasks().create(fullDraft(u"Home only"_s, {home.id})));
    const QStringList before = contentOf(m_store.db());
    ASSERT_OK(m_store.projects().remove(home.id));

    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> change, m_store.history().undo());
    ASSERT_TRUE(change);
    EXPECT_EQ(change->step.label, u"Delete project “Home”"_s);
    EXPECT_EQ(change->projects.size(), 1);
    EXPECT_EQ(change->tasks.size(), 2);
    EXPECT_EQ(contentOf(m_store.db()), before);
}

TEST_P(HistoryTest, undoOfAProjectRenameRestoresItsName)
{
    ASSERT_OK_AND_ASSIGN(const Project home, m_store.projects().create(projectNamed(u"Home"_s)));
    const QStringList before = contentOf(m_store.db());
    ProjectPatch rename;
    rename.name = u"House"_s;
    ASSERT_OK(m_store.projects().update(home.id, rename));

    EXPECT_EQ(undone(), u"Edit project “House”"_s);
    EXPECT_EQ(contentOf(m_store.db()), before);
}

TEST_P(HistoryTest, undoIsRefusedAndChangesNothingWhenTheTaskHasChangedSince)
{
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Draft"_s)));
    TaskPatch rename;
    rename.title = u"Renamed"_s;
    ASSERT_OK(updatedTask(m_store.tasks(), task.id, rename));
    // A write the journal does not know of, as an older Quire or another program would make.
    ASSERT_OK(exec(m_store.db(), u"UPDATE tasks SET title = 'Changed elsewhere'"_s));
    const QStringList before = contentOf(m_store.db());

    EXPECT_ERROR(
        m_store.history().undo(), ErrorCode::Conflict, u"the task “Renamed” has changed since; nothing was undone"_s);
    EXPECT_EQ(contentOf(m_store.db()), before);
}

TEST_P(HistoryTest, undoingTwiceUndoesTheTwoLatestStepsInTurn)
{
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Draft"_s)));
    TaskPatch rename;
    rename.title = u"Renamed"_s;
    ASSERT_OK(updatedTask(m_store.tasks(), task.id, rename));
    EXPECT_EQ(undone(), u"Edit “Renamed”"_s);
    EXPECT_EQ(undone(), u"Add “Draft”"_s);
    ASSERT_OK_AND_ASSIGN(const std::optional<Task> gone, m_store.tasks().findById(task.id));
    EXPECT_FALSE(gone);
}

TEST_P(HistoryTest, undoOfAProjectCreateIsRefusedWhenTasksWereAddedToItSince)
{
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Loose"_s)));
    ASSERT_OK_AND_ASSIGN(const Project home, m_store.projects().create(projectNamed(u"Home"_s)));
    // Linked outside the journal, as another program would: the project's creation is still the latest step.
    ASSERT_OK(exec(m_store.db(),
        u"INSERT INTO task_projects (task_id, project_id) VALUES ('"_s % task.id % u"', '"_s % home.id % u"')"_s));

    EXPECT_ERROR(m_store.history().undo(), ErrorCode::Conflict,
        u"tasks have been added to the project “Home” since; nothing was undone"_s);
    EXPECT_EQ(scalar(m_store.db(), u"SELECT count(*) FROM projects"_s).toInt(), 1);
}

TEST_P(HistoryTest, undoOfATaskDeleteIsRefusedWhenItsProjectHasBeenDeletedSinceOutsideTheJournal)
{
    ASSERT_OK_AND_ASSIGN(const Project home, m_store.projects().create(projectNamed(u"Home"_s)));
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Linked"_s, {home.id})));
    ASSERT_OK(m_store.tasks().removeMany({task.id}));
    ASSERT_OK(exec(m_store.db(), u"DELETE FROM projects"_s));

    EXPECT_ERROR(m_store.history().undo(), ErrorCode::Conflict,
        u"a project of the task “Linked” has been deleted since; nothing was undone"_s);
    ASSERT_OK_AND_ASSIGN(const std::optional<Task> gone, m_store.tasks().findById(task.id));
    EXPECT_FALSE(gone);
}

TEST_P(HistoryTest, aNewChangeEndsRedo)
{
    ASSERT_OK(m_store.tasks().create(fullDraft(u"One"_s)));
    EXPECT_EQ(undone(), u"Add “One”"_s);
    ASSERT_OK(m_store.tasks().create(fullDraft(u"Two"_s)));

    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> redo, m_store.history().redo());
    EXPECT_FALSE(redo);
    ASSERT_OK_AND_ASSIGN(const UndoState state, m_store.history().state());
    EXPECT_EQ(state.undo, u"Add “Two”"_s);
    EXPECT_EQ(state.redo, std::nullopt);
}

TEST_P(HistoryTest, nothingToUndoOrRedoIsNotAnError)
{
    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> undo, m_store.history().undo());
    EXPECT_FALSE(undo);
    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> redo, m_store.history().redo());
    EXPECT_FALSE(redo);
    ASSERT_OK_AND_ASSIGN(const UndoState state, m_store.history().state());
    EXPECT_EQ(state, (UndoState {}));
}

TEST_P(HistoryTest, eachStepSaysWhatUndoAndRedoWouldDoNext)
{
    ASSERT_OK_AND_ASSIGN(const Task task, m_store.tasks().create(fullDraft(u"Write report"_s)));
    ASSERT_OK(m_store.tasks().updateMany({task.id}, statusPatch(Status::InProgress)));

    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> change, m_store.history().undo());
    ASSERT_TRUE(change);
    EXPECT_EQ(change->step,
        (UndoStep {
            .label = u"Edit “Write report”"_s, .undo = u"Add “Write report”"_s, .redo = u"Edit “Write report”"_s}));
}

TEST_P(HistoryTest, aLongTitleIsShortenedInTheLabel)
{
    ASSERT_OK(m_store.tasks().create(fullDraft(QString(60, u'x'))));
    ASSERT_OK_AND_ASSIGN(const UndoState state, m_store.history().state());
    EXPECT_EQ(state.undo, u"Add “"_s % QString(39, u'x') % u"…”"_s);
}

TEST_P(HistoryTest, aFailedWriteLeavesNoStep)
{
    TaskDraft draft = fullDraft(u"Orphan"_s, {u"no-such-project"_s});
    EXPECT_ERROR_CODE(m_store.tasks().create(draft), ErrorCode::NotFound);
    EXPECT_EQ(scalar(m_store.db(), u"SELECT count(*) FROM journal"_s).toInt(), 0);
}

TEST_P(HistoryTest, theJournalKeepsTheLatestStepsOnly)
{
    for (qint64 i = 0; i < 205; ++i)
        ASSERT_OK(m_store.tasks().create(fullDraft(u"Task "_s + QString::number(i))));
    EXPECT_EQ(scalar(m_store.db(), u"SELECT count(*) FROM journal"_s).toInt(), 200);
    EXPECT_EQ(scalar(m_store.db(), u"SELECT min(label) FROM journal WHERE label LIKE 'Add “Task 5”'"_s).toString(),
        u"Add “Task 5”"_s);
    EXPECT_TRUE(scalar(m_store.db(), u"SELECT label FROM journal WHERE label = 'Add “Task 4”'"_s).isNull());
}

TEST(HistoryAcrossRestarts, theJournalSurvivesClosingTheDatabase)
{
    quire::test::TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    QString id;
    {
        ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, quire::test::uniqueConnectionName(u"before"_s)));
        SqlTaskRepository tasks(*db);
        ASSERT_OK_AND_ASSIGN(const Task task, tasks.create(fullDraft(u"Kept"_s)));
        ASSERT_OK(tasks.removeMany({task.id}));
        id = task.id;
    }
    ASSERT_OK_AND_ASSIGN(auto db, Database::open(path, quire::test::uniqueConnectionName(u"after"_s)));
    SqlTaskRepository tasks(*db);
    SqlProjectRepository projects(*db);
    SqlHistory history(*db, tasks, projects);
    ASSERT_OK_AND_ASSIGN(const std::optional<HistoryChange> change, history.undo());
    ASSERT_TRUE(change);
    EXPECT_EQ(change->step.label, u"Delete “Kept”"_s);
    ASSERT_OK_AND_ASSIGN(const std::optional<Task> back, tasks.findById(id));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->title, u"Kept"_s);
}

} // namespace
