// SPDX-License-Identifier: MIT
#include "app_bridge.h"

#include "command_dispatch.h"
#include "command_specs.h"
#include "database_switch.h"
#include "database_thread.h"
#include "envelope.h"

#include <quire/core/database.h>

#include <QJsonObject>
#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

core::Result<QJsonValue> noSwitchError()
{
    return core::fail(core::ErrorCode::Internal, u"this window cannot open another database"_s);
}

QFuture<core::Result<QJsonValue>> readyResult(core::Result<QJsonValue> result)
{
    return QtFuture::makeReadyFuture(std::move(result));
}

} // namespace

AppBridge::AppBridge(DatabaseThread &database, DatabaseSwitch *databases, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_databases(databases)
{
    // Reports come on the database thread; the signal goes out on this object's thread. An event
    // still posted when this object dies is dropped with it.
    m_database.setProgressListener([this](const QString &requestId, qint64 done, qint64 total, const QString &phase) {
        const QJsonDocument report(
            QJsonObject {{u"requestId"_s, requestId}, {u"done"_s, done}, {u"total"_s, total}, {u"phase"_s, phase}});
        QMetaObject::invokeMethod(
            this, [this, report] { Q_EMIT progress(report); }, Qt::QueuedConnection);
    });
    m_database.setConnectionListener([this](bool connected, const QString &reason) {
        const QJsonDocument state(
            QJsonObject {{u"connected"_s, connected}, {u"message"_s, connected ? QJsonValue() : QJsonValue(reason)}});
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
    Q_EMIT actionRequested(QJsonDocument(QJsonObject {{u"action"_s, action}}));
}

QJsonDocument AppBridge::ping(const QJsonValue &args)
{
    return dispatchLocal(
        u"ping", args, [](const Arguments &) -> core::Result<QJsonValue> { return QJsonValue(u"pong"_s); });
}

QJsonDocument AppBridge::cancel_request(const QJsonValue &args)
{
    return dispatchLocal(u"cancel_request", args, [this](const Arguments &arguments) -> core::Result<QJsonValue> {
        return QJsonValue(m_database.cancel(arguments.string(u"requestId"_s)));
    });
}

QJsonDocument AppBridge::app_get_database(const QJsonValue &args)
{
    return dispatchLocal(u"app_get_database", args, [this](const Arguments &) -> core::Result<QJsonValue> {
        if (!m_databases)
            return noSwitchError();
        return m_databases->info();
    });
}

QFuture<QJsonDocument> AppBridge::app_open_database(const QJsonValue &args)
{
    return replyWhenOpened(u"app_open_database", args, [this](const Arguments &arguments) {
        const auto url = arguments.as<std::optional<QString>>(u"url"_s);
        const QString password = arguments.as<std::optional<QString>>(u"password"_s).value_or(QString());
        if (url && !core::Database::isServerUrl(*url)) {
            return readyResult(core::fail(core::ErrorCode::InvalidArgument,
                u"url: '%1' is not a postgresql:// URL (open a file with Open a file…)"_s.arg(*url)));
        }
        if (!url && !password.isEmpty()) {
            return readyResult(core::fail(core::ErrorCode::InvalidArgument,
                u"password: the default database is a file, which has no password"_s));
        }
        return m_databases->open(url.value_or(core::Database::defaultPath()), password);
    });
}

QFuture<QJsonDocument> AppBridge::app_choose_database_file(const QJsonValue &args)
{
    return replyWhenOpened(
        u"app_choose_database_file", args, [this](const Arguments &) { return m_databases->chooseFileAndOpen(); });
}

QFuture<QJsonDocument> AppBridge::replyWhenOpened(QStringView command, const QJsonValue &args,
    const std::function<QFuture<core::Result<QJsonValue>>(const Arguments &)> &opening)
{
    const CommandSpec &spec = commandSpec(command);
    auto arguments = decodeArguments(spec, args);
    if (arguments && !m_databases)
        arguments = std::unexpected(noSwitchError().error());
    if (!arguments)
        return QtFuture::makeReadyFuture(errorEnvelope(arguments.error(), spec.action));
    return opening(*arguments).then(this, [action = spec.action](const core::Result<QJsonValue> &result) {
        return toEnvelope(result, action);
    });
}

} // namespace quire::app
