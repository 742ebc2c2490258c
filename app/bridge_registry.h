// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QWebChannel;

namespace quire::app {

class AppBridge;
class ProjectBridge;
class TaskBridge;

/**
 * @brief Names of the objects on the page's QWebChannel.
 * Also defined in resources/ipc-contract.json ("objects"), read by frontend/src/ipc.
 */
struct ChannelObjects {
    static inline const QString tasks = QStringLiteral("tasks");
    static inline const QString projects = QStringLiteral("projects");
    static inline const QString app = QStringLiteral("app");
};

/** @brief The one place where bridge objects are put on a channel. */
void registerBridges(QWebChannel &channel, TaskBridge &tasks, ProjectBridge &projects, AppBridge &app);

} // namespace quire::app
