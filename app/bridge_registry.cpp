// SPDX-License-Identifier: MIT
#include "bridge_registry.h"

#include "app_bridge.h"
#include "project_bridge.h"
#include "task_bridge.h"
#include "test_hook_bridge.h"

#include <QWebChannel>

namespace quire::app {

void registerBridges(QWebChannel &channel, TaskBridge &tasks, ProjectBridge &projects, AppBridge &app)
{
    channel.registerObject(ChannelObjects::tasks, &tasks);
    channel.registerObject(ChannelObjects::projects, &projects);
    channel.registerObject(ChannelObjects::app, &app);
}

void registerTestHooks(QWebChannel &channel, TestHookBridge &hooks)
{
    channel.registerObject(ChannelObjects::testHooks, &hooks);
}

} // namespace quire::app
