// SPDX-License-Identifier: MIT
#include "project_bridge.h"

#include "change_events.h"
#include "command_dispatch.h"
#include <quire/exchange/record_json.h>

using namespace Qt::StringLiterals;

namespace quire::app {
using exchange::toJson;
namespace {

const QString kRows = u"projects"_s;

void emitUpserted(ProjectBridge *bridge, const QJsonValue &project)
{
    Q_EMIT bridge->projectsChanged(change_events::upserted(kRows, QJsonArray {project}));
}

core::Result<QJsonValue> asJson(const core::Result<core::Project> &result)
{
    if (!result)
        return std::unexpected(result.error());
    return QJsonValue(toJson(*result));
}

} // namespace

ProjectBridge::ProjectBridge(DatabaseThread &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
}

QFuture<QJsonDocument> ProjectBridge::db_get_projects(const QJsonValue &args)
{
    return dispatchCommand(
        this, m_database, u"db_get_projects", args, [](const Arguments &, Storage &s) -> core::Result<QJsonValue> {
            auto projects = s.projects->findAll();
            if (!projects)
                return std::unexpected(projects.error());
            return QJsonValue(toJson(*projects));
        });
}

QFuture<QJsonDocument> ProjectBridge::db_create_project(const QJsonValue &args)
{
    return dispatchCommand(
        this, m_database, u"db_create_project", args,
        [](const Arguments &a, Storage &s) { return asJson(s.projects->create(draftFrom<core::Project>(a))); },
        [this](const Arguments &, const QJsonValue &project) { emitUpserted(this, project); });
}

QFuture<QJsonDocument> ProjectBridge::db_update_project(const QJsonValue &args)
{
    return dispatchCommand(
        this, m_database, u"db_update_project", args,
        [](const Arguments &a, Storage &s) {
            return asJson(s.projects->update(a.string(u"projectId"_s), patchFrom<core::Project>(a)));
        },
        [this](const Arguments &, const QJsonValue &project) { emitUpserted(this, project); });
}

QFuture<QJsonDocument> ProjectBridge::db_delete_project(const QJsonValue &args)
{
    return dispatchCommand(
        this, m_database, u"db_delete_project", args,
        [](const Arguments &a, Storage &s) -> core::Result<QJsonValue> {
            if (auto removed = s.projects->remove(a.string(u"projectId"_s)); !removed)
                return std::unexpected(removed.error());
            return QJsonValue(QJsonValue::Null);
        },
        [this](const Arguments &a, const QJsonValue &) {
            Q_EMIT projectsChanged(change_events::deleted(kRows, {a.string(u"projectId"_s)}));
            Q_EMIT tasksUnlinked(change_events::reset(u"tasks"_s));
        });
}

void ProjectBridge::refreshChangedElsewhere()
{
    Q_EMIT projectsChanged(change_events::reset(kRows));
}

} // namespace quire::app
