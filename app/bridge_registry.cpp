// SPDX-License-Identifier: MIT
#include "bridge_registry.h"

#include "app_bridge.h"
#include "database_thread.h"
#include "history_bridge.h"
#include "project_bridge.h"
#include "task_bridge.h"
#include "transfer_bridge.h"
#ifdef QUIRE_WITH_TEST_HOOKS
#include "test_hook_bridge.h"
#endif

#include <quire/core/database.h>

#include <QMetaObject>
#include <QWebChannel>

namespace quire::app {

void forwardOtherClientChanges(DatabaseThread &database, TaskBridge &tasks, ProjectBridge &projects)
{
    // Called on the database thread; the bridges work on their own.
    database.setOtherClientListener([tasks = &tasks, projects = &projects](const core::OtherClientChange &change) {
        if (change.rows == core::OtherClientChange::Rows::Tasks) {
            QMetaObject::invokeMethod(
                tasks, [tasks, ids = change.ids] { tasks->refreshChangedElsewhere(ids); }, Qt::QueuedConnection);
        } else {
            QMetaObject::invokeMethod(
                projects, [projects] { projects->refreshChangedElsewhere(); }, Qt::QueuedConnection);
        }
    });
}

void registerBridges(QWebChannel &channel, TaskBridge &tasks, ProjectBridge &projects, HistoryBridge &history,
    AppBridge &app, TransferBridge &transfer)
{
    // Changes that one bridge makes to another's rows reach the page where it listens for them.
    QObject::connect(&projects, &ProjectBridge::tasksUnlinked, &tasks, &TaskBridge::tasksChanged);
    QObject::connect(&history, &HistoryBridge::tasksChanged, &tasks, &TaskBridge::tasksChanged);
    QObject::connect(&history, &HistoryBridge::projectsChanged, &projects, &ProjectBridge::projectsChanged);
    QObject::connect(&transfer, &TransferBridge::tasksChanged, &tasks, &TaskBridge::tasksChanged);
    QObject::connect(&transfer, &TransferBridge::projectsChanged, &projects, &ProjectBridge::projectsChanged);
    channel.registerObject(ChannelObjects::tasks, &tasks);
    channel.registerObject(ChannelObjects::projects, &projects);
    channel.registerObject(ChannelObjects::history, &history);
    channel.registerObject(ChannelObjects::app, &app);
    channel.registerObject(ChannelObjects::transfer, &transfer);
}

#ifdef QUIRE_WITH_TEST_HOOKS
void registerTestHooks(QWebChannel &channel, TestHookBridge &hooks)
{
    channel.registerObject(ChannelObjects::testHooks, &hooks);
}
#endif

} // namespace quire::app
