// SPDX-License-Identifier: MIT
#include "bridge_fixture.h"
#include "direct_connection.h"

#include <quire/core/database.h>

#include <QJsonArray>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

QString code(const QJsonObject &error)
{
    return error.value(u"code"_s).toString();
}

QString message(const QJsonObject &error)
{
    return error.value(u"message"_s).toString();
}

INSTANTIATE_FOR_ENGINES(BridgeTest);

TEST_P(BridgeTest, CreateTaskReturnsTheStoredTaskWithEveryField)
{
    // Given
    const QString projectId = createProject(u"Home"_s);
    // When
    const QJsonObject task = ok(u"db_create_task"_s,
        QJsonObject {{u"title"_s, u"  Fix the sink  "_s}, {u"description"_s, u"kitchen"_s},
            {u"priority"_s, u"long term"_s}, {u"tags"_s, QJsonArray {u"home"_s, u" home "_s, u""_s, u"diy"_s}},
            {u"projectIds"_s, QJsonArray {projectId}}, {u"status"_s, u"in_progress"_s},
            {u"complexity"_s, u"deep dive"_s},
            {u"type"_s,
                u"chore"_s}}).toObject();
    // Then
    EXPECT_EQ(task.value(u"id"_s).toString().size(), 36);
    EXPECT_EQ(task.value(u"title"_s), u"Fix the sink"_s);
    EXPECT_EQ(task.value(u"description"_s), u"kitchen"_s);
    EXPECT_EQ(task.value(u"priority"_s), u"long term"_s);
    EXPECT_EQ(task.value(u"status"_s), u"in_progress"_s);
    EXPECT_EQ(task.value(u"complexity"_s), u"deep dive"_s);
    EXPECT_EQ(task.value(u"type"_s), u"chore"_s);
    EXPECT_EQ(task.value(u"tags"_s), (QJsonArray {u"home"_s, u"diy"_s}));
    EXPECT_EQ(task.value(u"projectIds"_s), QJsonArray {projectId});
    EXPECT_TRUE(task.value(u"createdAt"_s).toString().endsWith(u'Z'));
    EXPECT_EQ(task.value(u"createdAt"_s), task.value(u"updatedAt"_s));
}

TEST_P(BridgeTest, CreateTaskAppliesDefaultsWhenOptionalKeysAreNullOrAbsent)
{
    const QJsonObject task = createTask(
        u"Defaults"_s, {}, QJsonObject {{u"description"_s, QJsonValue::Null}, {u"status"_s, QJsonValue::Null}});
    EXPECT_EQ(task.value(u"status"_s), u"backlog"_s);
    EXPECT_TRUE(task.value(u"description"_s).isNull());
    EXPECT_TRUE(task.value(u"complexity"_s).isNull());
    EXPECT_TRUE(task.value(u"type"_s).isNull());
}

TEST_P(BridgeTest, CreateTaskRejectsBlankTitleWithAReadableMessage)
{
    const QJsonObject error = this->error(u"db_create_task"_s,
        QJsonObject {{u"title"_s, u"   "_s}, {u"priority"_s, u"high"_s}, {u"tags"_s, QJsonArray {}},
            {u"projectIds"_s, QJsonArray {}}});
    EXPECT_EQ(code(error), u"invalid_argument"_s);
    EXPECT_EQ(message(error), u"Failed to create task: title must not be empty"_s);
    EXPECT_EQ(ok(u"db_get_tasks"_s), QJsonArray {});
}

TEST_P(BridgeTest, CreateTaskWithUnknownProjectIsNotFoundAndWritesNothing)
{
    const QJsonObject error = this->error(u"db_create_task"_s,
        QJsonObject {{u"title"_s, u"Orphan"_s}, {u"priority"_s, u"high"_s}, {u"tags"_s, QJsonArray {}},
            {u"projectIds"_s, QJsonArray {u"nope"_s}}});
    EXPECT_EQ(code(error), u"not_found"_s);
    EXPECT_TRUE(message(error).contains(u"nope"_s));
    EXPECT_EQ(ok(u"db_get_tasks"_s), QJsonArray {});
}

TEST_P(BridgeTest, SnakeCaseKeysAreAcceptedLikeTauri)
{
    const QString projectId = createProject(u"Work"_s);
    const QJsonObject task = ok(u"db_create_task"_s,
        QJsonObject {{u"title"_s, u"Snake"_s}, {u"priority"_s, u"nit"_s}, {u"tags"_s, QJsonArray {}},
            {u"project_ids"_s, QJsonArray {projectId}}})
                                 .toObject();
    EXPECT_EQ(task.value(u"projectIds"_s), QJsonArray {projectId});
    EXPECT_EQ(ok(u"db_get_project_tasks"_s, QJsonObject {{u"project_id"_s, projectId}}).toArray().size(), 1);
}

// Malformed calls (the BadCalls table and more) live in malformed_calls_test.cpp.

TEST_P(BridgeTest, GetTasksFiltersBySeveralProjectsAndListsEachTaskOnce)
{
    const QString a = createProject(u"A"_s);
    const QString b = createProject(u"B"_s);
    const QString c = createProject(u"C"_s);
    createTask(u"in a and b"_s, {a, b});
    createTask(u"in c"_s, {c});
    createTask(u"nowhere"_s);

    const QJsonArray both = ok(u"db_get_tasks"_s, QJsonObject {{u"projectIds"_s, QJsonArray {a, b}}}).toArray();
    ASSERT_EQ(both.size(), 1);
    EXPECT_EQ(both.at(0).toObject().value(u"title"_s), u"in a and b"_s);
    EXPECT_EQ(ok(u"db_get_tasks"_s, QJsonObject {{u"projectIds"_s, QJsonValue::Null}}).toArray().size(), 3);
    EXPECT_EQ(ok(u"db_get_tasks"_s).toArray().size(), 3);
}

TEST_P(BridgeTest, GetTaskReturnsNullForAMissingTask)
{
    EXPECT_TRUE(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, u"missing"_s}}).isNull());
    const QJsonObject task = createTask(u"Here"_s);
    EXPECT_EQ(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, task.value(u"id"_s)}}).toObject(), task);
}

TEST_P(BridgeTest, UpdateTaskLeavesAbsentKeysAndClearsNullOnes)
{
    // Given
    const QJsonObject task = createTask(u"Patch me"_s, {},
        QJsonObject {{u"description"_s, u"keep?"_s}, {u"complexity"_s, u"hard"_s}, {u"type"_s, u"bug"_s},
            {u"tags"_s, QJsonArray {u"x"_s}}});
    const QString id = task.value(u"id"_s).toString();
    QThread::msleep(5); // so updatedAt can differ at millisecond resolution
    // When: description absent, complexity null, type absent
    const QJsonObject updated = ok(u"db_update_task"_s,
        QJsonObject {{u"task_id"_s, id}, {u"complexity"_s, QJsonValue::Null},
            {u"status"_s,
                u"completed"_s}}).toObject();
    // Then
    EXPECT_EQ(updated.value(u"description"_s), u"keep?"_s);
    EXPECT_TRUE(updated.value(u"complexity"_s).isNull());
    EXPECT_EQ(updated.value(u"type"_s), u"bug"_s);
    EXPECT_EQ(updated.value(u"tags"_s), QJsonArray {u"x"_s});
    EXPECT_EQ(updated.value(u"status"_s), u"completed"_s);
    EXPECT_EQ(updated.value(u"createdAt"_s), task.value(u"createdAt"_s));
    EXPECT_NE(updated.value(u"updatedAt"_s), task.value(u"updatedAt"_s));
    // When: description null clears it
    const QJsonObject cleared
        = ok(u"db_update_task"_s, QJsonObject {{u"taskId"_s, id}, {u"description"_s, QJsonValue::Null}}).toObject();
    EXPECT_TRUE(cleared.value(u"description"_s).isNull());
}

TEST_P(BridgeTest, DeleteTaskRemovesItAndSignalsTheChange)
{
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);
    const QJsonObject task = createTask(u"Doomed"_s);
    EXPECT_TRUE(ok(u"db_delete_task"_s, QJsonObject {{u"taskId"_s, task.value(u"id"_s)}}).isNull());
    EXPECT_EQ(ok(u"db_get_tasks"_s), QJsonArray {});
    EXPECT_EQ(m_client->signalCount(u"tasks"_s, u"tasksChanged"_s), 2);
}

TEST_P(BridgeTest, UpdateAndDeleteFromAnOlderReadAreConflictsThatChangeNothing)
{
    // Given a task read at `seen`, then changed by a save made from that read
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);
    const QJsonObject task = createTask(u"Shared"_s);
    const QJsonValue id = task.value(u"id"_s);
    const QJsonValue seen = task.value(u"updatedAt"_s);
    const QJsonObject saved = ok(u"db_update_task"_s,
        QJsonObject {{u"taskId"_s, id}, {u"title"_s, u"Mine"_s},
            {u"expectedUpdatedAt"_s,
                seen}}).toObject();
    ASSERT_EQ(saved.value(u"title"_s), u"Mine"_s);

    // When another save and a delete are made from the same, older read
    const QJsonObject update = error(u"db_update_task"_s,
        QJsonObject {{u"taskId"_s, id}, {u"title"_s, u"Theirs"_s}, {u"expectedUpdatedAt"_s, seen}});
    const QJsonObject removal
        = error(u"db_delete_task"_s, QJsonObject {{u"taskId"_s, id}, {u"expected_updated_at"_s, seen}});

    // Then both are conflicts naming the task, and it stays as the first save left it
    EXPECT_EQ(update.value(u"code"_s), u"conflict"_s);
    EXPECT_EQ(update.value(u"message"_s).toString(),
        QString(u"Failed to update task: “Mine” was changed elsewhere after it was read (at "_s
            + saved.value(u"updatedAt"_s).toString() + u"); read it again before changing it"_s));
    EXPECT_EQ(removal.value(u"code"_s), u"conflict"_s);
    EXPECT_TRUE(
        removal.value(u"message"_s).toString().startsWith(u"Failed to delete task: “Mine” was changed elsewhere"_s));
    EXPECT_EQ(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, id}}).toObject(), saved);
    EXPECT_EQ(m_client->signalCount(u"tasks"_s, u"tasksChanged"_s), 2) << "the create and the first save only";
    // And a delete from the latest read goes through
    EXPECT_TRUE(
        ok(u"db_delete_task"_s, QJsonObject {{u"taskId"_s, id}, {u"expectedUpdatedAt"_s, saved.value(u"updatedAt"_s)}})
            .isNull());
}

TEST_P(BridgeTest, ExpectedUpdatedAtTakesAnyOffsetOfTheSameInstant)
{
    const QJsonObject task = createTask(u"Anywhere"_s);
    const QDateTime seen = QDateTime::fromString(task.value(u"updatedAt"_s).toString(), Qt::ISODateWithMs);
    ASSERT_TRUE(seen.isValid());
    const QString inParis = seen.toOffsetFromUtc(3600).toString(Qt::ISODateWithMs);
    ASSERT_NE(inParis, task.value(u"updatedAt"_s).toString());

    const QJsonObject saved = ok(u"db_update_task"_s,
        QJsonObject {{u"taskId"_s, task.value(u"id"_s)}, {u"title"_s, u"Here"_s},
            {u"expectedUpdatedAt"_s,
                inParis}}).toObject();
    EXPECT_EQ(saved.value(u"title"_s), u"Here"_s);
}

TEST_P(BridgeTest, EachWriteSignalsWhatChangedWithTheNewRows)
{
    // Given
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);
    const QJsonObject task = createTask(u"Watched"_s);
    const QString id = task.value(u"id"_s).toString();
    const QJsonObject updated
        = ok(u"db_update_task"_s, QJsonObject {{u"taskId"_s, id}, {u"status"_s, u"blocked"_s}}).toObject();
    ok(u"db_delete_task"_s, QJsonObject {{u"taskId"_s, id}});

    // Then one signal per write, each saying what changed
    const QList<QJsonArray> emitted = m_client->signalArguments(u"tasks"_s, u"tasksChanged"_s);
    ASSERT_EQ(emitted.size(), 3);
    EXPECT_EQ(emitted[0].at(0).toObject(),
        (QJsonObject {{u"kind"_s, u"upserted"_s}, {u"ids"_s, QJsonArray {id}}, {u"tasks"_s, QJsonArray {task}}}));
    EXPECT_EQ(emitted[1].at(0).toObject(),
        (QJsonObject {{u"kind"_s, u"upserted"_s}, {u"ids"_s, QJsonArray {id}}, {u"tasks"_s, QJsonArray {updated}}}));
    EXPECT_EQ(emitted[2].at(0).toObject(),
        (QJsonObject {{u"kind"_s, u"deleted"_s}, {u"ids"_s, QJsonArray {id}}, {u"tasks"_s, QJsonArray {}}}));
}

TEST_P(BridgeTest, BulkUpdateChangesEveryTaskInOneCommandWithOneSignal)
{
    // Given three tasks
    const QString a = createTask(u"A"_s).value(u"id"_s).toString();
    const QString b = createTask(u"B"_s).value(u"id"_s).toString();
    const QString c = createTask(u"C"_s).value(u"id"_s).toString();
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);

    // When two are completed at once (snake_case keys as Tauri callers may send)
    const QJsonArray updated
        = ok(u"db_update_tasks"_s, QJsonObject {{u"task_ids"_s, QJsonArray {c, a}}, {u"status"_s, u"completed"_s}})
              .toArray();

    // Then both come back completed, in creation order, announced by one signal carrying them
    ASSERT_EQ(updated.size(), 2);
    EXPECT_EQ(updated[0].toObject().value(u"id"_s), a);
    EXPECT_EQ(updated[1].toObject().value(u"id"_s), c);
    for (const auto &task : updated)
        EXPECT_EQ(task.toObject().value(u"status"_s), u"completed"_s);
    EXPECT_EQ(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, b}}).toObject().value(u"status"_s), u"backlog"_s);
    const QList<QJsonArray> emitted = m_client->signalArguments(u"tasks"_s, u"tasksChanged"_s);
    ASSERT_EQ(emitted.size(), 1);
    EXPECT_EQ(emitted[0].at(0).toObject().value(u"ids"_s), (QJsonArray {a, c}));
    EXPECT_EQ(emitted[0].at(0).toObject().value(u"tasks"_s), updated);
}

TEST_P(BridgeTest, BulkTagAndProjectEditsKeepEachTasksOwnListInOneUndoStep)
{
    // Given two tasks with different tags, one in Home
    const QString home = createProject(u"Home"_s);
    const QString a
        = createTask(u"A"_s, {home}, QJsonObject {{u"tags"_s, QJsonArray {u"errand"_s}}}).value(u"id"_s).toString();
    const QString b
        = createTask(u"B"_s, {}, QJsonObject {{u"tags"_s, QJsonArray {u"call"_s}}}).value(u"id"_s).toString();

    // When a tag is added to both and Home removed from both, in one call
    const QJsonArray updated = ok(u"db_update_tasks"_s,
        QJsonObject {{u"taskIds"_s, QJsonArray {a, b}}, {u"addTags"_s, QJsonArray {u"urgent"_s}},
            {u"removeProjectIds"_s, QJsonArray {home}}})
                                   .toArray();

    // Then each keeps its own tags with the new one after them, none is in Home, and one undo reverts both
    ASSERT_EQ(updated.size(), 2);
    EXPECT_EQ(updated[0].toObject().value(u"tags"_s), (QJsonArray {u"errand"_s, u"urgent"_s}));
    EXPECT_EQ(updated[1].toObject().value(u"tags"_s), (QJsonArray {u"call"_s, u"urgent"_s}));
    EXPECT_EQ(updated[0].toObject().value(u"projectIds"_s), QJsonArray {});
    EXPECT_EQ(ok(u"db_undo"_s).toObject().value(u"label"_s), u"Edit 2 tasks"_s);
    EXPECT_EQ(
        ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, a}}).toObject().value(u"projectIds"_s), QJsonArray {home});
    EXPECT_EQ(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, b}}).toObject().value(u"tags"_s), QJsonArray {u"call"_s});

    // And an edit that also sets the whole list is refused, saying why
    EXPECT_EQ(error(u"db_update_tasks"_s,
                  QJsonObject {{u"taskIds"_s, QJsonArray {a}}, {u"tags"_s, QJsonArray {}},
                      {u"removeTags"_s, QJsonArray {u"errand"_s}}})
                  .value(u"message"_s)
                  .toString()
                  .toStdString(),
        "Failed to update tasks: tags cannot be set and edited at once: give tags, or addTags and removeTags");
}

TEST_P(BridgeTest, BulkDeleteRemovesAllOrNothingWithOneSignal)
{
    const QString a = createTask(u"A"_s).value(u"id"_s).toString();
    const QString b = createTask(u"B"_s).value(u"id"_s).toString();
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);

    EXPECT_EQ(
        code(error(u"db_delete_tasks"_s, QJsonObject {{u"taskIds"_s, QJsonArray {a, u"missing"_s}}})), u"not_found"_s);
    EXPECT_EQ(ok(u"db_get_tasks"_s).toArray().size(), 2);
    EXPECT_EQ(m_client->signalCount(u"tasks"_s, u"tasksChanged"_s), 0);

    EXPECT_TRUE(ok(u"db_delete_tasks"_s, QJsonObject {{u"taskIds"_s, QJsonArray {b, a, b}}}).isNull());
    EXPECT_EQ(ok(u"db_get_tasks"_s), QJsonArray {});
    const QList<QJsonArray> emitted = m_client->signalArguments(u"tasks"_s, u"tasksChanged"_s);
    ASSERT_EQ(emitted.size(), 1);
    EXPECT_EQ(emitted[0].at(0).toObject().value(u"ids"_s), (QJsonArray {b, a}));
}

TEST_P(BridgeTest, FailedWritesDoNotSignalAChange)
{
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);
    error(u"db_delete_task"_s, QJsonObject {{u"taskId"_s, u"missing"_s}});
    error(u"db_create_task"_s, QJsonObject {{u"title"_s, u""_s}});
    EXPECT_EQ(m_client->signalCount(u"tasks"_s, u"tasksChanged"_s), 0);
}

TEST_P(BridgeTest, ProjectCrudRoundTripsAndSignals)
{
    m_client->connectToSignal(u"projects"_s, u"projectsChanged"_s);
    const QJsonObject created
        = ok(u"db_create_project"_s, QJsonObject {{u"name"_s, u" Garden "_s}, {u"description"_s, u"outside"_s}})
              .toObject();
    EXPECT_EQ(created.value(u"name"_s), u"Garden"_s);
    const QString id = created.value(u"id"_s).toString();

    const QJsonObject renamed = ok(u"db_update_project"_s,
        QJsonObject {{u"projectId"_s, id}, {u"name"_s, u"Yard"_s},
            {u"description"_s,
                QJsonValue::Null}}).toObject();
    EXPECT_EQ(renamed.value(u"name"_s), u"Yard"_s);
    EXPECT_TRUE(renamed.value(u"description"_s).isNull());
    EXPECT_EQ(ok(u"db_get_projects"_s).toArray(), QJsonArray {renamed});
    EXPECT_EQ(code(error(u"db_create_project"_s, QJsonObject {{u"name"_s, u" "_s}})), u"invalid_argument"_s);
    EXPECT_EQ(code(error(u"db_update_project"_s, QJsonObject {{u"projectId"_s, u"zz"_s}, {u"name"_s, u"x"_s}})),
        u"not_found"_s);
    EXPECT_EQ(m_client->signalCount(u"projects"_s, u"projectsChanged"_s), 2);
}

TEST_P(BridgeTest, DeletingAProjectUnlinksItsTasksAndSignalsBothLists)
{
    // Given
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);
    m_client->connectToSignal(u"projects"_s, u"projectsChanged"_s);
    const QString a = createProject(u"A"_s);
    const QString b = createProject(u"B"_s);
    const QString id = createTask(u"Shared"_s, {a, b}).value(u"id"_s).toString();
    const int tasksSignalsBefore = m_client->signalCount(u"tasks"_s, u"tasksChanged"_s);
    // When
    EXPECT_TRUE(ok(u"db_delete_project"_s, QJsonObject {{u"projectId"_s, a}}).isNull());
    // Then
    const QJsonObject task = ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, id}}).toObject();
    EXPECT_EQ(task.value(u"projectIds"_s), QJsonArray {b});
    EXPECT_EQ(m_client->signalCount(u"tasks"_s, u"tasksChanged"_s), tasksSignalsBefore + 1);
    EXPECT_EQ(code(error(u"db_delete_project"_s, QJsonObject {{u"projectId"_s, a}})), u"not_found"_s);
}

TEST_P(BridgeTest, PingAnswersPong)
{
    EXPECT_EQ(ok(u"ping"_s), u"pong"_s);
    EXPECT_EQ(ok(u"ping"_s, QJsonValue::Null), u"pong"_s);
}

TEST_P(BridgeTest, ASlowDatabaseJobDoesNotBlockOtherCommands)
{
    // Given: the database thread is busy for a while
    auto slow = m_database->run([](app::Storage &, core::Operation &) -> core::Result<QJsonValue> {
        QThread::msleep(1500);
        return QJsonValue(true);
    });
    // When
    const QJsonValue pong = ok(u"ping"_s);
    // Then: the reply came while the slow job still ran
    EXPECT_EQ(pong, u"pong"_s);
    EXPECT_FALSE(slow.isFinished());
    // And a queued database command still completes afterwards
    const int id = m_client->send(u"tasks"_s, u"db_get_tasks"_s, QJsonArray {QJsonObject {}});
    EXPECT_FALSE(m_client->hasResponse(id));
    const auto reply = m_client->waitForResponse(id);
    ASSERT_TRUE(reply.has_value());
    EXPECT_TRUE(reply->toObject().value(u"ok"_s).toBool());
    EXPECT_TRUE(slow.isFinished());
}

TEST_P(BridgeTest, AListAskedInPartsSendsEachButTheLastAheadOfItsReplyInListOrder)
{
    // Given five tasks, and the page listening for the parts of lists
    for (const QString &title : {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s})
        createTask(title);
    const QJsonArray whole = ok(u"db_get_tasks"_s).toArray();
    m_client->connectToSignal(u"tasks"_s, u"taskListPart"_s);

    // When it asks for them two at a time
    const int id = m_client->send(
        u"tasks"_s, u"db_get_tasks"_s, QJsonArray {QJsonObject {{u"partRows"_s, 2}, {u"requestId"_s, u"list-1"_s}}});
    const auto reply = m_client->waitForResponse(id);

    // Then two parts of two came first, under its requestId, and the reply carries the fifth task
    ASSERT_TRUE(reply.has_value());
    ASSERT_TRUE(reply->toObject().value(u"ok"_s).toBool());
    EXPECT_EQ(m_client->signalsBeforeResponse(id), 2);
    QJsonArray listed;
    for (const QJsonArray &args : m_client->signalArguments(u"tasks"_s, u"taskListPart"_s)) {
        const QJsonObject part = args.at(0).toObject();
        EXPECT_EQ(part.value(u"requestId"_s), u"list-1"_s);
        const QJsonArray rows = taskRowsFromColumns(part.value(u"columns"_s).toString().toUtf8());
        EXPECT_EQ(rows.size(), 2);
        for (const QJsonValue row : rows)
            listed.append(row);
    }
    const QJsonObject last = reply->toObject().value(u"data"_s).toObject();
    EXPECT_EQ(last.value(u"total"_s), 5);
    for (const QJsonValue row : taskRowsFromColumns(last))
        listed.append(row);
    EXPECT_EQ(listed, whole);
}

TEST_P(BridgeTest, AListInPartsNeedsARequestIdAndAtLeastOneRowAPart)
{
    createTask(u"A"_s);
    const QString projectId = createProject(u"Home"_s);

    const QJsonObject withoutId = error(u"db_get_tasks"_s, QJsonObject {{u"partRows"_s, 2}});
    const QJsonObject noRows = error(u"db_get_project_tasks"_s,
        QJsonObject {{u"projectId"_s, projectId}, {u"partRows"_s, 0}, {u"requestId"_s, u"r"_s}});

    EXPECT_EQ(withoutId.value(u"code"_s), u"invalid_argument"_s);
    EXPECT_EQ(
        withoutId.value(u"message"_s), u"Failed to load tasks: partRows needs a requestId to send the parts under"_s);
    EXPECT_EQ(noRows.value(u"code"_s), u"invalid_argument"_s);
    EXPECT_EQ(noRows.value(u"message"_s), u"Failed to load project tasks: partRows must be at least 1"_s);
}

TEST_P(BridgeTest, WritesReachTheDatabase)
{
    createTask(u"Durable"_s);

    DirectConnection reader(m_location.location());
    ASSERT_TRUE(reader.isOpen()) << reader.error().toStdString();
    EXPECT_EQ(reader.value(u"SELECT title FROM tasks"_s).toString(), u"Durable"_s);
}

TEST_P(BridgeTest, AListingShowsWhatAnotherProgramWrote)
{
    // Given a task listed once, then a second task written by another connection, unseen by the bridge
    createTask(u"Before"_s);
    ASSERT_EQ(ok(u"db_get_tasks"_s, QJsonObject {}).toArray().size(), 1);
    DirectConnection writer(m_location.location());
    ASSERT_TRUE(writer.isOpen()) << writer.error().toStdString();
    ASSERT_TRUE(writer.exec(u"INSERT INTO tasks (id, title, created_at, updated_at) VALUES ('"_s
        + QUuid::createUuid().toString(QUuid::WithoutBraces)
        + u"', 'Behind', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')"_s))
        << writer.error().toStdString();

    // When the page lists the tasks again
    const QJsonArray tasks = ok(u"db_get_tasks"_s, QJsonObject {}).toArray();

    // Then it sees both
    ASSERT_EQ(tasks.size(), 2);
    EXPECT_EQ(tasks.at(1).toObject().value(u"title"_s), u"Behind"_s);
}

TEST(BridgeOpenFailure, EveryDatabaseCommandReportsWhyTheDatabaseDidNotOpen)
{
    // Given: the "database" is a folder, so it cannot open
    QTemporaryDir dir;
    app::DatabaseThread database(dir.path());
    app::TaskBridge tasks(database);
    app::ProjectBridge projects(database);
    app::HistoryBridge history(database);
    app::AppBridge appBridge(database);
    app::PlannedFileChooser files;
    app::TransferBridge transfer(database, files);
    QWebChannel channel;
    app::registerBridges(channel, tasks, projects, history, appBridge, transfer);
    ChannelClient client(channel);
    // When
    const QJsonObject reply = client.call(u"tasks"_s, u"db_get_tasks"_s).toObject();
    // Then
    EXPECT_FALSE(reply.value(u"ok"_s).toBool());
    EXPECT_EQ(reply.value(u"error"_s).toObject().value(u"code"_s), u"storage"_s);
    EXPECT_TRUE(
        reply.value(u"error"_s).toObject().value(u"message"_s).toString().startsWith(u"Failed to load tasks: "_s));
    EXPECT_FALSE(database.openResult().has_value());
    // And commands without the database still work
    EXPECT_EQ(client.call(u"app"_s, u"ping"_s).toObject().value(u"data"_s), u"pong"_s);
}

} // namespace
} // namespace quire::test
