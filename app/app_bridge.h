// SPDX-License-Identifier: MIT
#pragma once

#include "argument_decoder.h"

#include <QFuture>
#include <QJsonDocument>
#include <QJsonValue>
#include <QObject>

#include <functional>

namespace quire::app {

class DatabaseSwitch;
class DatabaseThread;

/** @brief Commands that need no database (object "app"), and the control of long calls: cancel and progress. */
class AppBridge final : public QObject
{
    Q_OBJECT

public:
    /**
     * @brief Sends `database`'s progress reports to the page as the `progress` signal, until
     * destroyed; `databases` opens another database (none: the app_*_database commands say
     * this window cannot).
     */
    explicit AppBridge(DatabaseThread &database, DatabaseSwitch *databases = nullptr, QObject *parent = nullptr);
    ~AppBridge() override;

    /** @brief Asks the page to run one of its actions by id (a menu item was chosen). */
    void requestAction(const QString &action);

    AppBridge(const AppBridge &) = delete;
    AppBridge &operator=(const AppBridge &) = delete;

public Q_SLOTS:
    // Called by the page and the benchmarks: the cheapest full round trip, answered "pong".
    QJsonDocument ping(const QJsonValue &args);
    // Called by the page's invoke() when a call's AbortSignal fires or its timeout passes.
    QJsonDocument cancel_request(const QJsonValue &args);
    // Called by the page's Open database dialog (File ▸ Open database…).
    QJsonDocument app_get_database(const QJsonValue &args);
    QFuture<QJsonDocument> app_open_database(const QJsonValue &args);
    QFuture<QJsonDocument> app_choose_database_file(const QJsonValue &args);

Q_SIGNALS:
    /** @brief How far a call that reports progress has come: {requestId, done, total, phase}. */
    void progress(const QJsonDocument &report);
    /** @brief Run the page action with this id: {action}. */
    void actionRequested(const QJsonDocument &request);
    /**
     * @brief A server database stopped being reachable ({connected: false, message: the error
     * that showed it, or the last attempt's}) or is
     * back ({connected: true, message: null}); the page then reads what it shows again.
     */
    void connectionChanged(const QJsonDocument &state);

private:
    /** The reply to `command` once `opening` has finished; no DatabaseSwitch: an error at once. */
    QFuture<QJsonDocument> replyWhenOpened(QStringView command, const QJsonValue &args,
        const std::function<QFuture<core::Result<QJsonValue>>(const Arguments &)> &opening);

    DatabaseThread &m_database;
    DatabaseSwitch *m_databases;
};

} // namespace quire::app
