// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/project.h>

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace quire::exchange {

/**
 * @brief The projects a file's tasks name, gathered into a snapshot as the reader meets them: one
 * project per id (the first name given for it wins), or, named without an id, one per name
 * (case-insensitive, as Quire's project names are unique), with a new id.
 */
class ProjectLinks
{
public:
    explicit ProjectLinks(QList<core::Project> &projects);

    /** @brief `id`, adding a project `name` with that id unless the snapshot has it. */
    QString withId(const QString &id, const QString &name);

    /** @brief The id of the project called `name`, added with a new id unless the snapshot has one. */
    QString named(const QString &name);

private:
    QString add(const QString &id, const QString &name);

    QList<core::Project> &m_projects;
    QSet<QString> m_ids;
    QHash<QString, QString> m_idsByName;
};

} // namespace quire::exchange
