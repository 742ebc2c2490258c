// SPDX-License-Identifier: MIT
#include "app_bridge.h"

#include "command_dispatch.h"
#include "database_thread.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace quire::app {

AppBridge::AppBridge(DatabaseThread &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    // Reports come on the database thread; the signal goes out on this object's thread. An event
    // still posted when this object dies is dropped with it.
    m_database.setProgressListener([this](const QString &requestId, qint64 done, qint64 total, const QString &phase) {
        const QJsonObject report {
            {u"requestId"_s, requestId}, {u"done"_s, done}, {u"total"_s, total}, {u"phase"_s, phase}};
        QMetaObject::invokeMethod(
            this, [this, report] { Q_EMIT progress(report); }, Qt::QueuedConnection);
    });
    m_database.setConnectionListener([this](bool connected, const QString &reason) {
        const QJsonObject state {
            {u"connected"_s, connected}, {u"message"_s, connected ? QJsonValue() : QJsonValue(reason)}};
        QMetaObject::invokeMethod(
            this, [this, state] { Q_EMIT connectionChanged(state); }, Qt::QueuedConnection);
    });
}

AppBridge::~AppBridge()
{
    m_database.setProgressListener({});
    m_database.setConnectionListener({});
}

void AppBridge::requestAction(const QString &action)
{
    Q_EMIT actionRequested(QJsonObject {{u"action"_s, action}});
}

QJsonObject AppBridge::ping(const QJsonValue &args)
{
    return dispatchLocal(
        u"ping", args, [](const Arguments &) -> core::Result<QJsonValue> { return QJsonValue(u"pong"_s); });
}

QJsonObject AppBridge::cancel_request(const QJsonValue &args)
{
    return dispatchLocal(u"cancel_request", args, [this](const Arguments &arguments) -> core::Result<QJsonValue> {
        return QJsonValue(m_database.cancel(arguments.string(u"requestId"_s)));
    });
}

} // namespace quire::app
