// SPDX-License-Identifier: MIT
#pragma once

#include "command_table.h"

#include <QString>

class QWebChannel;

namespace quire::app {

class AppBridge;
class DatabaseThread;
class HistoryBridge;
class ProjectBridge;
class TaskBridge;
class TransferBridge;

/** @brief Names of the objects on the page's QWebChannel: the contract's, and the test hooks. */
struct ChannelObjects : contract::Objects {
#ifdef QUIRE_WITH_TEST_HOOKS
    /** Only in a build with -DQUIRE_TEST_HOOKS=ON, run with QUIRE_TEST_HOOKS=1; not part of the contract. */
    static inline const QString testHooks = QStringLiteral("testHooks");
#endif
};

/**
 * @brief Hands what another client of a shared database commits to the bridges, which tell the
 * page as they tell it of their own writes. The bridges must outlive the database's connection
 * (DatabaseThread::shutdown() ends it).
 */
void forwardOtherClientChanges(DatabaseThread &database, TaskBridge &tasks, ProjectBridge &projects);

/**
 * @brief The one place where bridge objects are put on a channel, and where the signals one
 * bridge sends about another's rows are forwarded to the object the page listens to.
 */
void registerBridges(QWebChannel &channel, TaskBridge &tasks, ProjectBridge &projects, HistoryBridge &history,
    AppBridge &app, TransferBridge &transfer);

#ifdef QUIRE_WITH_TEST_HOOKS
class TestHookBridge;

/** @brief Adds the test hooks; only the composition root calls it, and only when they are enabled. */
void registerTestHooks(QWebChannel &channel, TestHookBridge &hooks);
#endif

} // namespace quire::app
