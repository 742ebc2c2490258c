// SPDX-License-Identifier: MIT
#include "bridge_registry.h"

#include "app_bridge.h"
#include "project_bridge.h"
#include "task_bridge.h"
#ifdef QUIRE_WITH_TEST_HOOKS
#include "test_hook_bridge.h"
#endif

#include <QWebChannel>

namespace quire::app {

void registerBridges(QWebChannel &channel, TaskBridge &tasks, ProjectBridge &projects, AppBridge &app)
{
    channel.registerObject(ChannelObjects::tasks, &tasks);
    channel.registerObject(ChannelObjects::projects, &projects);
    channel.registerObject(ChannelObjects::app, &app);
}

#ifdef QUIRE_WITH_TEST_HOOKS
void registerTestHooks(QWebChannel &channel, TestHookBridge &hooks)
{
    channel.registerObject(ChannelObjects::testHooks, &hooks);
}
#endif

} // namespace quire::app
