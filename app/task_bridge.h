// SPDX-License-Identifier: MIT
#pragma once

#include "command_dispatch.h"

#include <QFuture>
#include <QJsonDocument>
#include <QJsonValue>
#include <QObject>
#include <QString>
#include <QStringView>

namespace quire::app {

class DatabaseThread;

/**
 * @brief The task commands on the web channel (object "tasks"). Each slot takes one JSON object of
 * arguments and replies with an envelope; the work runs on the database thread.
 */
class TaskBridge final : public QObject
{
    Q_OBJECT

public:
    explicit TaskBridge(DatabaseThread &database, QObject *parent = nullptr);

    /**
     * @brief Another client of the shared database changed the tasks of `ids` (any task when
     * nullopt): tells the page as tasksChanged does for its own writes, the rows read afresh.
     * Not a slot: the page cannot call it.
     */
    void refreshChangedElsewhere(const std::optional<QStringList> &ids);

public Q_SLOTS:
    // Called by the page: frontend/src/ipc (invokeDbGetTasks and friends).
    // The list commands reply with the envelope as one JSON string (dispatchTextCommand), their
    // tasks in columns (taskColumnsJson): the frontend parses it with JSON.parse,
    // far faster than a QJsonObject tree for 10 000+ rows.
    QFuture<QString> db_get_tasks(const QJsonValue &args);
    QFuture<QString> db_get_project_tasks(const QJsonValue &args);
    QFuture<QJsonDocument> db_get_task(const QJsonValue &args);
    QFuture<QJsonDocument> db_search_tasks(const QJsonValue &args);
    QFuture<QJsonDocument> db_create_task(const QJsonValue &args);
    QFuture<QJsonDocument> db_update_task(const QJsonValue &args);
    QFuture<QJsonDocument> db_update_tasks(const QJsonValue &args);
    QFuture<QJsonDocument> db_move_task(const QJsonValue &args);
    QFuture<QJsonDocument> db_delete_task(const QJsonValue &args);
    QFuture<QJsonDocument> db_delete_tasks(const QJsonValue &args);

Q_SIGNALS:
    /**
     * @brief After any task write, from any caller, once per command: what changed
     * (change_events.h), so that every open view patches its lists.
     */
    void tasksChanged(const QJsonDocument &change);

    /**
     * @brief One part of a list asked for in parts (partRows): {requestId, columns}, the columns
     * as TaskColumns JSON text. The parts of a call come in list order, before its reply.
     */
    void taskListPart(const QJsonDocument &part);

private:
    /** @brief How the list commands' parts reach the page: as taskListPart. */
    PartHandler sendListPart();

    /** @brief The delete commands: one task or several, one transaction, one signal. */
    QFuture<QJsonDocument> deleteTasks(QStringView command, const QJsonValue &args);

    DatabaseThread &m_database;
};

} // namespace quire::app
