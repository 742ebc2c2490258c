// SPDX-License-Identifier: MIT
#include "task_bridge.h"

#include "change_events.h"
#include "command_dispatch.h"
#include "task_columns.h"
#include <quire/exchange/record_json.h>

#include <quire/core/database.h>

#include <QJsonObject>
#include <memory>

using namespace Qt::StringLiterals;

namespace quire::app {
using exchange::toJson;
namespace {

template<class T>
core::Result<QJsonValue> asJson(const core::Result<T> &result)
{
    if (!result)
        return std::unexpected(result.error());
    return QJsonValue(toJson(*result));
}

const QString kRows = u"tasks"_s;

// A search answers a person typing: a first screen of the best matches, never the whole database.
constexpr qint64 kSearchLimit = 50;
constexpr qint64 kLargestSearchLimit = 500;

/** tasksChanged's payload after a create or an update: the rows the reply carries, and `more`. */
QJsonDocument upsertedFrom(const QJsonValue &data, const QJsonArray &more = {})
{
    QJsonArray rows = data.isArray() ? data.toArray() : QJsonArray {data};
    for (const auto &row : more)
        rows.append(row);
    return change_events::upserted(kRows, rows);
}

/**
 * The tasks of `projectIds` (all without) that the call's filters keep, in the part the page
 * asked for with `offset` and `limit`.
 */
core::TaskQuery taskQuery(const Arguments &a, std::optional<QStringList> projectIds)
{
    const auto day = [&](const QString &key) -> std::optional<QDate> {
        if (const auto date = a.optionalLocalDate(key))
            return date->date;
        return std::nullopt;
    };
    return {.projectIds = std::move(projectIds),
        .completed = a.optionalBool(u"completed"_s),
        .dueFrom = day(u"dueFrom"_s),
        .dueUntil = day(u"dueUntil"_s),
        .offset = a.optionalCount(u"offset"_s).value_or(0),
        .limit = a.optionalCount(u"limit"_s)};
}

/**
 * Runs `update` on the database thread and signals what it wrote: the updated tasks (the reply,
 * one task or a list as `reply` makes it) and the next occurrences it created (the event only).
 */
QFuture<QJsonDocument> updateTasks(TaskBridge *bridge, DatabaseThread &database, QStringView command,
    const QJsonValue &args,
    std::function<core::Result<core::TaskUpdate>(const Arguments &, Storage &, core::Operation &)> update,
    std::function<QJsonValue(const QList<core::Task> &)> reply)
{
    // Written on the database thread before the reply, read on the bridge's after it.
    auto created = std::make_shared<QJsonArray>();
    return dispatchOperation(
        bridge, database, command, args,
        [update = std::move(update), reply = std::move(reply), created](
            const Arguments &a, Storage &s, core::Operation &operation) -> core::Result<QJsonValue> {
            auto updated = update(a, s, operation);
            if (!updated)
                return std::unexpected(std::move(updated.error()));
            *created = toJson(updated->nextOccurrences);
            return reply(updated->tasks);
        },
        [bridge, created](
            const Arguments &, const QJsonValue &data) { Q_EMIT bridge->tasksChanged(upsertedFrom(data, *created)); });
}

/** The updatedAt the caller last read of the task it names (expectedUpdatedAt), when it gave one. */
core::SeenVersions seenVersionsFrom(const Arguments &a)
{
    core::SeenVersions seen;
    if (const auto expected = a.optionalTimestamp(u"expectedUpdatedAt"_s))
        seen.insert(a.string(u"taskId"_s), *expected);
    return seen;
}

/** db_update_tasks' addTags, removeTags, addProjectIds and removeProjectIds (each empty when absent). */
core::TaskListEdits listEditsFrom(const Arguments &a)
{
    const auto list = [&](const QString &key) { return a.contains(key) ? a.stringList(key) : QStringList(); };
    return {.addTags = list(u"addTags"_s),
        .removeTags = list(u"removeTags"_s),
        .addProjectIds = list(u"addProjectIds"_s),
        .removeProjectIds = list(u"removeProjectIds"_s)};
}

/**
 * The listing of `query` in columns: whole, or, when the call gives partRows, in parts of that
 * many rows as they are read, each but the last sent ahead of the reply, which carries the last.
 */
core::Result<QByteArray> listColumns(
    const Arguments &a, Storage &s, const core::TaskQuery &query, const SendPart &sendPart)
{
    const std::optional<qint64> partRows = a.optionalCount(u"partRows"_s);
    if (partRows && *partRows == 0)
        return core::fail(core::ErrorCode::InvalidArgument, u"partRows must be at least 1"_s);
    if (partRows && !sendPart)
        return core::fail(core::ErrorCode::InvalidArgument, u"partRows needs a requestId to send the parts under"_s);
    auto listing = partRows ? s.tasks->list(query, static_cast<qsizetype>(*partRows),
                       [&](const core::TaskListing &part) -> core::Result<> {
                           sendPart(taskColumnsJson(part));
                           return {};
                       })
                            : s.tasks->list(query);
    if (!listing)
        return std::unexpected(std::move(listing.error()));
    return taskColumnsJson(*listing);
}

} // namespace

TaskBridge::TaskBridge(DatabaseThread &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

QFuture<QString> TaskBridge::db_get_tasks(const QJsonValue &args)
{
    return dispatchTextCommand(
        this, m_database, u"db_get_tasks", args,
        [](const Arguments &a, Storage &s, const SendPart &sendPart) -> core::Result<QByteArray> {
            return listColumns(a, s, taskQuery(a, a.optionalStringList(u"projectIds"_s)), sendPart);
        },
        sendListPart());
}

QFuture<QString> TaskBridge::db_get_project_tasks(const QJsonValue &args)
{
    return dispatchTextCommand(
        this, m_database, u"db_get_project_tasks", args,
        [](const Arguments &a, Storage &s, const SendPart &sendPart) -> core::Result<QByteArray> {
            const QString projectId = a.string(u"projectId"_s);
            auto project = s.projects->findById(projectId);
            if (!project)
                return std::unexpected(project.error());
            if (!*project)
                return core::fail(core::ErrorCode::NotFound, u"project %1 not found"_s.arg(projectId));
            return listColumns(a, s, taskQuery(a, QStringList {projectId}), sendPart);
        },
        sendListPart());
}

PartHandler TaskBridge::sendListPart()
{
    return [this](const QString &requestId, const QString &columns) {
        Q_EMIT taskListPart(QJsonDocument(QJsonObject {{u"requestId"_s, requestId}, {u"columns"_s, columns}}));
    };
}

QFuture<QJsonDocument> TaskBridge::db_get_task(const QJsonValue &args)
{
    return dispatchCommand(
        this, m_database, u"db_get_task", args, [](const Arguments &a, Storage &s) -> core::Result<QJsonValue> {
            auto task = s.tasks->findById(a.string(u"taskId"_s));
            if (!task)
                return std::unexpected(task.error());
            return *task ? QJsonValue(toJson(**task)) : QJsonValue(QJsonValue::Null);
        });
}

QFuture<QJsonDocument> TaskBridge::db_search_tasks(const QJsonValue &args)
{
    return dispatchCommand(
        this, m_database, u"db_search_tasks", args, [](const Arguments &a, Storage &s) -> core::Result<QJsonValue> {
            auto found = s.tasks->list({.text = a.string(u"query"_s),
                .limit = std::min(a.optionalCount(u"limit"_s).value_or(kSearchLimit), kLargestSearchLimit)});
            if (!found)
                return std::unexpected(std::move(found.error()));
            return QJsonValue(toJson(found->tasks));
        });
}

QFuture<QJsonDocument> TaskBridge::db_create_task(const QJsonValue &args)
{
    return dispatchCommand(
        this, m_database, u"db_create_task", args,
        [](const Arguments &a, Storage &s) { return asJson(s.tasks->create(draftFrom<core::Task>(a))); },
        [this](const Arguments &, const QJsonValue &task) { Q_EMIT tasksChanged(upsertedFrom(task)); });
}

QFuture<QJsonDocument> TaskBridge::db_update_task(const QJsonValue &args)
{
    return updateTasks(
        this, m_database, u"db_update_task", args,
        [](const Arguments &a, Storage &s, core::Operation &operation) {
            return s.tasks->updateMany(
                {a.string(u"taskId"_s)}, patchFrom<core::Task>(a), {}, seenVersionsFrom(a), operation);
        },
        [](const QList<core::Task> &tasks) { return QJsonValue(toJson(tasks.first())); });
}

QFuture<QJsonDocument> TaskBridge::db_update_tasks(const QJsonValue &args)
{
    return updateTasks(
        this, m_database, u"db_update_tasks", args,
        [](const Arguments &a, Storage &s, core::Operation &operation) {
            return s.tasks->updateMany(
                a.stringList(u"taskIds"_s), patchFrom<core::Task>(a), listEditsFrom(a), {}, operation);
        },
        [](const QList<core::Task> &tasks) { return QJsonValue(toJson(tasks)); });
}

QFuture<QJsonDocument> TaskBridge::db_move_task(const QJsonValue &args)
{
    return dispatchCommand(
        this, m_database, u"db_move_task", args,
        [](const Arguments &a, Storage &s) {
            const std::optional<QString> after
                = a.contains(u"afterTaskId"_s) ? std::optional(a.string(u"afterTaskId"_s)) : std::nullopt;
            return asJson(s.tasks->move(a.string(u"taskId"_s), after));
        },
        [this](const Arguments &, const QJsonValue &task) { Q_EMIT tasksChanged(upsertedFrom(task)); });
}

QFuture<QJsonDocument> TaskBridge::db_delete_task(const QJsonValue &args)
{
    return deleteTasks(u"db_delete_task", args);
}

QFuture<QJsonDocument> TaskBridge::db_delete_tasks(const QJsonValue &args)
{
    return deleteTasks(u"db_delete_tasks", args);
}

QFuture<QJsonDocument> TaskBridge::deleteTasks(QStringView command, const QJsonValue &args)
{
    // db_delete_task names one task (taskId), db_delete_tasks several (taskIds).
    const auto idsOf = [](const Arguments &a) {
        QStringList ids = a.contains(u"taskIds"_s) ? a.stringList(u"taskIds"_s) : QStringList {a.string(u"taskId"_s)};
        ids.removeDuplicates();
        return ids;
    };
    return dispatchOperation(
        this, m_database, command, args,
        [idsOf](const Arguments &a, Storage &s, core::Operation &operation) -> core::Result<QJsonValue> {
            if (auto removed = s.tasks->removeMany(idsOf(a), seenVersionsFrom(a), operation); !removed)
                return std::unexpected(removed.error());
            return QJsonValue(QJsonValue::Null);
        },
        [this, idsOf](
            const Arguments &a, const QJsonValue &) { Q_EMIT tasksChanged(change_events::deleted(kRows, idsOf(a))); });
}

void TaskBridge::refreshChangedElsewhere(const std::optional<QStringList> &ids)
{
    if (!ids) {
        Q_EMIT tasksChanged(change_events::reset(kRows));
        return;
    }
    auto read = [ids = *ids](Storage &s, core::Operation &) -> core::Result<QJsonValue> {
        auto listing = s.tasks->list({.ids = ids});
        if (!listing)
            return std::unexpected(std::move(listing.error()));
        return QJsonValue(toJson(listing->tasks));
    };
    m_database.run(std::move(read), JobKind::Read).then(this, [this, ids = *ids](const core::Result<QJsonValue> &rows) {
        if (!rows) { // the page then reads its lists again, and meets the error there if it lasts
            Q_EMIT tasksChanged(change_events::reset(kRows));
            return;
        }
        const QJsonArray found = rows->toArray();
        QStringList gone = ids;
        for (const QJsonValue row : found)
            gone.removeAll(row.toObject().value(u"id"_s).toString());
        if (!found.isEmpty())
            Q_EMIT tasksChanged(change_events::upserted(kRows, found));
        if (!gone.isEmpty())
            Q_EMIT tasksChanged(change_events::deleted(kRows, gone));
    });
}

} // namespace quire::app
