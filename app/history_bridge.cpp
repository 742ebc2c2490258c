// SPDX-License-Identifier: MIT
#include "history_bridge.h"

#include "change_events.h"
#include "command_dispatch.h"
#include <quire/exchange/record_json.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace quire::app {
using exchange::toJson;

HistoryBridge::HistoryBridge(DatabaseThread &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

QFuture<QJsonDocument> HistoryBridge::db_undo(const QJsonValue &args)
{
    return step(u"db_undo", args, true);
}

QFuture<QJsonDocument> HistoryBridge::db_redo(const QJsonValue &args)
{
    return step(u"db_redo", args, false);
}

QFuture<QJsonDocument> HistoryBridge::db_get_history(const QJsonValue &args)
{
    return dispatchCommand(
        this, m_database, u"db_get_history", args, [](const Arguments &, Storage &s) -> core::Result<QJsonValue> {
            auto state = s.history->state();
            if (!state)
                return std::unexpected(std::move(state.error()));
            return QJsonValue(toJson(*state));
        });
}

QFuture<QJsonDocument> HistoryBridge::step(QStringView command, const QJsonValue &args, bool undo)
{
    // Written on the database thread before the reply, read on the bridge's after it.
    auto changed = std::make_shared<core::HistoryChange>();
    return dispatchCommand(
        this, m_database, command, args,
        [undo, changed](const Arguments &, Storage &s) -> core::Result<QJsonValue> {
            auto done = undo ? s.history->undo() : s.history->redo();
            if (!done)
                return std::unexpected(std::move(done.error()));
            if (!*done)
                return QJsonValue(QJsonValue::Null);
            *changed = std::move(**done);
            return QJsonValue(toJson(changed->step));
        },
        [this, changed](const Arguments &, const QJsonValue &) {
            // One signal per kind of change, as the writes themselves send them.
            if (!changed->tasks.isEmpty())
                Q_EMIT tasksChanged(change_events::upserted(u"tasks"_s, toJson(changed->tasks)));
            if (!changed->deletedTaskIds.isEmpty())
                Q_EMIT tasksChanged(change_events::deleted(u"tasks"_s, changed->deletedTaskIds));
            if (!changed->projects.isEmpty())
                Q_EMIT projectsChanged(change_events::upserted(u"projects"_s, toJson(changed->projects)));
            if (!changed->deletedProjectIds.isEmpty())
                Q_EMIT projectsChanged(change_events::deleted(u"projects"_s, changed->deletedProjectIds));
        });
}

} // namespace quire::app
