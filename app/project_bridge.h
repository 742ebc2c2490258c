// SPDX-License-Identifier: MIT
#pragma once

#include <QFuture>
#include <QJsonDocument>
#include <QJsonValue>
#include <QObject>

namespace quire::app {

class DatabaseThread;

/** @brief The project commands on the web channel (object "projects"). */
class ProjectBridge final : public QObject
{
    Q_OBJECT

public:
    explicit ProjectBridge(DatabaseThread &database, QObject *parent = nullptr);

    /** @brief Another client of the shared database changed projects: the page loads them again. Not a slot. */
    void refreshChangedElsewhere();

public Q_SLOTS:
    // Called by the page: frontend/src/ipc (invokeDbGetProjects and friends).
    QFuture<QJsonDocument> db_get_projects(const QJsonValue &args);
    QFuture<QJsonDocument> db_create_project(const QJsonValue &args);
    QFuture<QJsonDocument> db_update_project(const QJsonValue &args);
    QFuture<QJsonDocument> db_delete_project(const QJsonValue &args);

Q_SIGNALS:
    /** @brief After any project write, once per command: what changed (change_events.h). */
    void projectsChanged(const QJsonDocument &change);
    /**
     * @brief A deleted project unlinked its tasks: a reset of task lists, which the composition
     * root forwards to TaskBridge::tasksChanged.
     */
    void tasksUnlinked(const QJsonDocument &change);

private:
    DatabaseThread &m_database;
};

} // namespace quire::app
