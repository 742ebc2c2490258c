// SPDX-License-Identifier: MIT
#pragma once

#include <QFuture>
#include <QJsonDocument>
#include <QJsonValue>
#include <QObject>

namespace quire::app {

class DatabaseThread;

/**
 * @brief Undo and redo on the web channel (object "history"), over the journal every write
 * keeps in the database (core::History). An undo or redo signals what it changed as the write
 * did; the composition root forwards these signals to the tasks and projects objects, where
 * the page listens.
 */
class HistoryBridge final : public QObject
{
    Q_OBJECT

public:
    explicit HistoryBridge(DatabaseThread &database, QObject *parent = nullptr);

public Q_SLOTS:
    // Called by the page: frontend/src/ipc (invokeDbUndo and friends).
    QFuture<QJsonDocument> db_undo(const QJsonValue &args);
    QFuture<QJsonDocument> db_redo(const QJsonValue &args);
    QFuture<QJsonDocument> db_get_history(const QJsonValue &args);

Q_SIGNALS:
    /** @brief The tasks an undo or redo changed: forwarded to TaskBridge::tasksChanged. */
    void tasksChanged(const QJsonDocument &change);
    /** @brief The projects an undo or redo changed: forwarded to ProjectBridge::projectsChanged. */
    void projectsChanged(const QJsonDocument &change);

private:
    /** @brief db_undo and db_redo: one step of the history, one signal per kind of row it changed. */
    QFuture<QJsonDocument> step(QStringView command, const QJsonValue &args, bool undo);

    DatabaseThread &m_database;
};

} // namespace quire::app
