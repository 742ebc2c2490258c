// SPDX-License-Identifier: MIT
// Undo and redo through the real bridge on a real QWebChannel: the reply names the step, and the
// page hears what changed on the objects it already listens to.
#include "bridge_fixture.h"
#include "direct_connection.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

TEST_P(BridgeTest, UndoOfADeleteRepliesWithTheStepAndSignalsTheTaskBack)
{
    // Given a task in a project, deleted
    const QString projectId = createProject(u"Home"_s);
    const QJsonObject task = createTask(u"Buy milk"_s, {projectId});
    ok(u"db_delete_task"_s, QJsonObject {{u"taskId"_s, task.value(u"id"_s)}});
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);

    // When the page undoes
    const QJsonValue step = ok(u"db_undo"_s);

    // Then the reply says what was undone and what comes next; tasksChanged brings the task back whole
    EXPECT_EQ(step.toObject(),
        (QJsonObject {{u"label"_s, u"Delete “Buy milk”"_s}, {u"undo"_s, u"Add “Buy milk”"_s},
            {u"redo"_s, u"Delete “Buy milk”"_s}}));
    const QList<QJsonArray> emitted = m_client->signalArguments(u"tasks"_s, u"tasksChanged"_s);
    ASSERT_EQ(emitted.size(), 1);
    const QJsonObject change = emitted[0].at(0).toObject();
    EXPECT_EQ(change.value(u"kind"_s), u"upserted"_s);
    EXPECT_EQ(change.value(u"tasks"_s).toArray(), QJsonArray {task});
    EXPECT_EQ(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, task.value(u"id"_s)}}).toObject(), task);
}

TEST_P(BridgeTest, RedoOfACreateSignalsTheTaskAndUndoSignalsItsDeletion)
{
    const QJsonObject task = createTask(u"Call Ana"_s);
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);

    ok(u"db_undo"_s);
    ok(u"db_redo"_s);

    const QList<QJsonArray> emitted = m_client->signalArguments(u"tasks"_s, u"tasksChanged"_s);
    ASSERT_EQ(emitted.size(), 2);
    EXPECT_EQ(emitted[0].at(0).toObject().value(u"kind"_s), u"deleted"_s);
    EXPECT_EQ(emitted[0].at(0).toObject().value(u"ids"_s), QJsonArray {task.value(u"id"_s)});
    EXPECT_EQ(emitted[1].at(0).toObject().value(u"tasks"_s).toArray(), QJsonArray {task});
}

TEST_P(BridgeTest, UndoOfAProjectDeleteSignalsTheProjectOnTheProjectsObject)
{
    const QString projectId = createProject(u"Home"_s);
    ok(u"db_delete_project"_s, QJsonObject {{u"projectId"_s, projectId}});
    m_client->connectToSignal(u"projects"_s, u"projectsChanged"_s);

    EXPECT_EQ(ok(u"db_undo"_s).toObject().value(u"label"_s), u"Delete project “Home”"_s);

    const QList<QJsonArray> emitted = m_client->signalArguments(u"projects"_s, u"projectsChanged"_s);
    ASSERT_EQ(emitted.size(), 1);
    EXPECT_EQ(emitted[0].at(0).toObject().value(u"ids"_s), QJsonArray {projectId});
}

TEST_P(BridgeTest, UndoAndRedoWithNothingToDoReplyNull)
{
    EXPECT_EQ(ok(u"db_undo"_s), QJsonValue(QJsonValue::Null));
    EXPECT_EQ(ok(u"db_redo"_s), QJsonValue(QJsonValue::Null));
    EXPECT_EQ(ok(u"db_get_history"_s).toObject(),
        (QJsonObject {{u"undo"_s, QJsonValue::Null}, {u"redo"_s, QJsonValue::Null}}));
}

TEST_P(BridgeTest, UndoOfAStepWhoseTaskChangedSinceIsAConflictThatChangesNothing)
{
    // Given a task renamed, then changed by another program (a write the journal does not know)
    const QJsonObject task = createTask(u"Draft"_s);
    ok(u"db_update_task"_s, QJsonObject {{u"taskId"_s, task.value(u"id"_s)}, {u"title"_s, u"Renamed"_s}});
    {
        DirectConnection other(m_location.location());
        ASSERT_TRUE(other.isOpen()) << other.error().toStdString();
        ASSERT_TRUE(other.exec(u"UPDATE tasks SET title = 'Elsewhere'"_s)) << other.error().toStdString();
    }

    // When the page undoes the rename
    const QJsonObject refused = error(u"db_undo"_s);

    // Then it is refused with a reason a person can act on, and the other change stays
    EXPECT_EQ(refused.value(u"code"_s), u"conflict"_s);
    EXPECT_EQ(
        refused.value(u"message"_s), u"Failed to undo: the task “Renamed” has changed since; nothing was undone"_s);
    EXPECT_EQ(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, task.value(u"id"_s)}}).toObject().value(u"title"_s),
        u"Elsewhere"_s);
}

TEST_P(BridgeTest, UndoRefusesArguments)
{
    const QJsonObject refused = error(u"db_undo"_s, QJsonObject {{u"steps"_s, 2}});
    EXPECT_EQ(refused.value(u"code"_s), u"invalid_argument"_s);
}

} // namespace
} // namespace quire::test
