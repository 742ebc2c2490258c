// SPDX-License-Identifier: MIT
#include "test_hook_bridge.h"

#include "database_thread.h"
#include "envelope.h"
#include "file_chooser.h"

#include <QThread>
#include <QtGlobal>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace quire::app {

TestHookBridge::TestHookBridge(DatabaseThread &database, PlannedFileChooser *chooser, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_chooser(chooser)
{
}

bool TestHookBridge::enabledByEnvironment()
{
    return qEnvironmentVariable("QUIRE_TEST_HOOKS") == u"1";
}

QJsonDocument TestHookBridge::stall_database(int ms)
{
    const auto duration = static_cast<unsigned long>(std::clamp(ms, 0, 60'000));
    // The future is not awaited: the point is to occupy the thread, not to report back.
    (void)m_database.run([duration](Storage &, core::Operation &) -> core::Result<QJsonValue> {
        QThread::msleep(duration);
        return QJsonValue(true);
    });
    return okEnvelope(QJsonValue(static_cast<qint64>(duration)));
}

QJsonValue TestHookBridge::echo(const QJsonValue &value)
{
    return value;
}

QJsonDocument TestHookBridge::plan_chosen_file(const QString &path)
{
    if (!m_chooser)
        return errorEnvelope({core::ErrorCode::Internal, u"this run uses the system's file dialogs"_s}, u"plan a file");
    m_chooser->plan(path);
    return okEnvelope(QJsonValue(path));
}

} // namespace quire::app
