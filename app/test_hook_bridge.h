// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonDocument>
#include <QJsonValue>
#include <QObject>

namespace quire::app {

class DatabaseThread;
class PlannedFileChooser;

/**
 * @brief Hooks for end-to-end tests and benchmarks (object "testHooks"). Compiled only in a build
 * configured with -DQUIRE_TEST_HOOKS=ON, and registered only when the environment sets
 * QUIRE_TEST_HOOKS=1, so a normal run exposes nothing beyond the contract.
 */
class TestHookBridge final : public QObject
{
    Q_OBJECT

public:
    /** @brief `chooser`: where plan_chosen_file() puts its paths (null: nowhere, the hook fails). */
    TestHookBridge(DatabaseThread &database, PlannedFileChooser *chooser, QObject *parent = nullptr);

    /** @brief True when QUIRE_TEST_HOOKS=1. */
    [[nodiscard]] static bool enabledByEnvironment();

public Q_SLOTS:
    // Called by tests/e2e: keeps the database thread busy for `ms` milliseconds (at most 60 s), so
    // the commands queued behind it time out in the UI.
    QJsonDocument stall_database(int ms);
    // Called by bench/: a bare echo through QWebChannel, the baseline the IPC benchmark compares
    // the full invoke('ping') stack against.
    QJsonValue echo(const QJsonValue &value);
    // Called by tests/e2e: the path the next file dialog answers with, as if a person picked it.
    QJsonDocument plan_chosen_file(const QString &path);

private:
    DatabaseThread &m_database;
    PlannedFileChooser *m_chooser;
};

} // namespace quire::app
