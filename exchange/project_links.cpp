// SPDX-License-Identifier: MIT
#include "project_links.h"

#include <QUuid>

namespace quire::exchange {

ProjectLinks::ProjectLinks(QList<core::Project> &projects)
    : m_projects(projects)
{
    for (const core::Project &project : projects) {
        m_ids.insert(project.id);
        m_idsByName.insert(project.name.toCaseFolded(), project.id);
    }
}

QString ProjectLinks::withId(const QString &id, const QString &name)
{
    if (!m_ids.contains(id))
        add(id, name.isEmpty() ? id : name);
    return id;
}

QString ProjectLinks::named(const QString &name)
{
    if (const auto found = m_idsByName.constFind(name.toCaseFolded()); found != m_idsByName.constEnd())
        return *found;
    return add(QUuid::createUuid().toString(QUuid::WithoutBraces), name);
}

QString ProjectLinks::add(const QString &id, const QString &name)
{
    core::Project project;
    project.id = id;
    project.name = name;
    m_projects.append(std::move(project));
    m_ids.insert(id);
    m_idsByName.insert(name.toCaseFolded(), id);
    return id;
}

} // namespace quire::exchange
