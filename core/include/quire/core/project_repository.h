// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/core/project.h>

#include <QList>
#include <QString>

#include <optional>

namespace quire::core {

/** @brief Storage-independent access to projects. Every method is a single transaction. */
class ProjectRepository
{
public:
    virtual ~ProjectRepository() = default;

    /** @brief Every project, by name (case-insensitive). */
    [[nodiscard]] virtual Result<QList<Project>> findAll() = 0;
    [[nodiscard]] virtual Result<std::optional<Project>> findById(const QString &id) = 0;
    [[nodiscard]] virtual Result<Project> create(const ProjectDraft &draft) = 0;
    [[nodiscard]] virtual Result<Project> update(const QString &id, const ProjectPatch &patch) = 0;
    /** @brief Deletes the project and unlinks its tasks; the tasks themselves stay. */
    [[nodiscard]] virtual Result<> remove(const QString &id) = 0;

protected:
    ProjectRepository() = default;
    ProjectRepository(const ProjectRepository &) = default;
    ProjectRepository &operator=(const ProjectRepository &) = default;
};

} // namespace quire::core
