// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QWebChannel;

namespace quire::app {

class AppBridge;
class ProjectBridge;
class TaskBridge;
class TestHookBridge;

/**
 * @brief Names of the objects on the page's QWebChannel.
 * Also defined in resources/ipc-contract.json ("objects"), read by frontend/src/ipc.
 */
struct ChannelObjects {
    static inline const QString tasks = QStringLiteral("tasks");
    static inline const QString projects = QStringLiteral("projects");
    static inline const QString app = QStringLiteral("app");
    /** Only with QUIRE_TEST_HOOKS=1; not part of the contract. */
    static inline const QString testHooks = QStringLiteral("testHooks");
};

/** @brief The one place where bridge objects are put on a channel. */
void registerBridges(QWebChannel &channel, TaskBridge &tasks, ProjectBridge &projects, AppBridge &app);

/** @brief Adds the test hooks; only the composition root calls it, and only when they are enabled. */
void registerTestHooks(QWebChannel &channel, TestHookBridge &hooks);

} // namespace quire::app
