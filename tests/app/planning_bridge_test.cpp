// SPDX-License-Identifier: MIT
// Due dates, recurrence and the filtered lists, through the real bridge on a real QWebChannel.
#include "bridge_fixture.h"

#include <QDate>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

QStringList titles(const QJsonValue &tasks)
{
    QStringList result;
    for (const auto &task : tasks.toArray())
        result.append(task.toObject().value(u"title"_s).toString());
    return result;
}

QString dayText(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

TEST_P(BridgeTest, ADueDateAndARecurrenceTravelAsTextAndCompletionSetsCompletedAt)
{
    const QJsonObject task = createTask(u"Pay rent"_s, {},
        QJsonObject {{u"dueDate"_s, u"2026-12-01T09:30"_s}, {u"recurrence"_s, u"freq=monthly;bymonthday=1"_s}});
    EXPECT_EQ(task.value(u"dueDate"_s), u"2026-12-01T09:30"_s);
    EXPECT_EQ(task.value(u"recurrence"_s), u"FREQ=MONTHLY;BYMONTHDAY=1"_s);
    EXPECT_TRUE(task.value(u"completedAt"_s).isNull());

    // snake_case spelling, and null clears
    const QJsonObject undated = ok(u"db_update_task"_s,
        QJsonObject {{u"taskId"_s, task.value(u"id"_s)}, {u"due_date"_s, QJsonValue::Null},
            {u"recurrence"_s, QJsonValue::Null},
            {u"status"_s,
                u"completed"_s}}).toObject();
    EXPECT_TRUE(undated.value(u"dueDate"_s).isNull());
    EXPECT_TRUE(undated.value(u"recurrence"_s).isNull());
    EXPECT_EQ(undated.value(u"completedAt"_s), undated.value(u"updatedAt"_s));
}

TEST_P(BridgeTest, GetTasksKeepsOpenOrCompletedTasksAndADueRange)
{
    const QDate today = QDate::currentDate();
    createTask(u"overdue"_s, {}, QJsonObject {{u"dueDate"_s, dayText(today.addDays(-3))}});
    createTask(u"today late"_s, {}, QJsonObject {{u"dueDate"_s, QString(dayText(today) + u"T23:00"_s)}});
    createTask(u"tomorrow"_s, {}, QJsonObject {{u"dueDate"_s, dayText(today.addDays(1))}});
    createTask(u"done today"_s, {}, QJsonObject {{u"dueDate"_s, dayText(today)}, {u"status"_s, u"completed"_s}});
    createTask(u"undated"_s);

    const QJsonObject todayView {{u"completed"_s, false}, {u"dueUntil"_s, dayText(today)}};
    const QJsonObject upcoming {{u"completed"_s, false}, {u"due_from"_s, dayText(today.addDays(1))}};
    EXPECT_EQ(titles(ok(u"db_get_tasks"_s, todayView)), (QStringList {u"overdue"_s, u"today late"_s}));
    EXPECT_EQ(titles(ok(u"db_get_tasks"_s, upcoming)), QStringList {u"tomorrow"_s});
    EXPECT_EQ(titles(ok(u"db_get_tasks"_s, QJsonObject {{u"completed"_s, true}})), QStringList {u"done today"_s});
    EXPECT_EQ(ok(u"db_get_tasks"_s, QJsonObject {{u"completed"_s, QJsonValue::Null}}).toArray().size(), 5);
}

TEST_P(BridgeTest, CompletingARecurringTaskRepliesWithItAndSignalsItWithItsNextOccurrence)
{
    // Given a daily task due today
    const QDate today = QDate::currentDate();
    const QJsonObject task = createTask(
        u"Stretch"_s, {}, QJsonObject {{u"dueDate"_s, dayText(today)}, {u"recurrence"_s, u"FREQ=DAILY"_s}});
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);

    // When it is completed
    const QJsonObject done
        = ok(u"db_update_task"_s, QJsonObject {{u"taskId"_s, task.value(u"id"_s)}, {u"status"_s, u"completed"_s}})
              .toObject();

    // Then the reply is the task, as before; the one signal carries it and tomorrow's occurrence
    EXPECT_EQ(done.value(u"id"_s), task.value(u"id"_s));
    EXPECT_EQ(done.value(u"status"_s), u"completed"_s);
    const QList<QJsonArray> emitted = m_client->signalArguments(u"tasks"_s, u"tasksChanged"_s);
    ASSERT_EQ(emitted.size(), 1);
    const QJsonObject change = emitted[0].at(0).toObject();
    const QJsonArray rows = change.value(u"tasks"_s).toArray();
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows[0].toObject(), done);
    const QJsonObject next = rows[1].toObject();
    EXPECT_EQ(next.value(u"title"_s), u"Stretch"_s);
    EXPECT_EQ(next.value(u"status"_s), u"backlog"_s);
    EXPECT_EQ(next.value(u"dueDate"_s), dayText(today.addDays(1)));
    EXPECT_EQ(change.value(u"ids"_s), (QJsonArray {done.value(u"id"_s), next.value(u"id"_s)}));
    EXPECT_EQ(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, next.value(u"id"_s)}}).toObject(), next);
}

TEST_P(BridgeTest, MoveTaskRepliesWithTheMovedTaskAndSignalsIt)
{
    const QJsonObject a = createTask(u"A"_s);
    const QJsonObject b = createTask(u"B"_s);
    const QJsonObject c = createTask(u"C"_s);
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);

    const QJsonObject moved
        = ok(u"db_move_task"_s, QJsonObject {{u"task_id"_s, c.value(u"id"_s)}, {u"afterTaskId"_s, a.value(u"id"_s)}})
              .toObject();
    const QJsonObject first
        = ok(u"db_move_task"_s, QJsonObject {{u"taskId"_s, b.value(u"id"_s)}, {u"afterTaskId"_s, QJsonValue::Null}})
              .toObject();

    EXPECT_GT(moved.value(u"sortKey"_s).toString(), a.value(u"sortKey"_s).toString());
    EXPECT_LT(moved.value(u"sortKey"_s).toString(), b.value(u"sortKey"_s).toString());
    EXPECT_LT(first.value(u"sortKey"_s).toString(), a.value(u"sortKey"_s).toString());
    const QList<QJsonArray> emitted = m_client->signalArguments(u"tasks"_s, u"tasksChanged"_s);
    ASSERT_EQ(emitted.size(), 2);
    EXPECT_EQ(emitted[0].at(0).toObject().value(u"tasks"_s), QJsonArray {moved});
    EXPECT_EQ(emitted[1].at(0).toObject().value(u"tasks"_s), QJsonArray {first});
}

TEST_P(BridgeTest, AChecklistTravelsAsObjectsInTheReplyTheListAndTheChangeEvent)
{
    // Given a task created with a checklist, one of its items blank
    const QJsonArray given {QJsonObject {{u"title"_s, u" passport "_s}, {u"done"_s, true}},
        QJsonObject {{u"title"_s, u"charger"_s}, {u"done"_s, false}},
        QJsonObject {{u"title"_s, u""_s}, {u"done"_s, false}}};
    const QJsonObject task = createTask(u"Pack"_s, {}, QJsonObject {{u"checklist"_s, given}});
    const QJsonArray expected {QJsonObject {{u"title"_s, u"passport"_s}, {u"done"_s, true}},
        QJsonObject {{u"title"_s, u"charger"_s}, {u"done"_s, false}}};
    EXPECT_EQ(task.value(u"checklist"_s), expected);

    // Then the list (the TaskColumns wire form) and db_get_task carry the same items
    const QJsonArray listed = ok(u"db_get_tasks"_s, QJsonObject {}).toArray();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed.at(0).toObject(), task);
    EXPECT_EQ(ok(u"db_get_task"_s, QJsonObject {{u"taskId"_s, task.value(u"id"_s)}}).toObject(), task);

    // And ticking an item is an update that replaces the checklist, announced with the new row
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);
    const QJsonArray ticked {QJsonObject {{u"title"_s, u"passport"_s}, {u"done"_s, true}},
        QJsonObject {{u"title"_s, u"charger"_s}, {u"done"_s, true}}};
    const QJsonObject updated
        = ok(u"db_update_task"_s, QJsonObject {{u"taskId"_s, task.value(u"id"_s)}, {u"checklist"_s, ticked}})
              .toObject();
    EXPECT_EQ(updated.value(u"checklist"_s), ticked);
    const QList<QJsonArray> emitted = m_client->signalArguments(u"tasks"_s, u"tasksChanged"_s);
    ASSERT_EQ(emitted.size(), 1);
    EXPECT_EQ(emitted[0].at(0).toObject().value(u"tasks"_s), QJsonArray {updated});
}

TEST_P(BridgeTest, ATaskWithoutAChecklistHasAnEmptyOne)
{
    const QJsonObject task = createTask(u"Plain"_s);
    EXPECT_EQ(task.value(u"checklist"_s), QJsonArray {});
    EXPECT_EQ(ok(u"db_get_tasks"_s, QJsonObject {}).toArray().at(0).toObject().value(u"checklist"_s), QJsonArray {});
}

} // namespace
} // namespace quire::test
