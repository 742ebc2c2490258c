// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/project_repository.h>

namespace quire::core {

class Database;

/**
 * @brief ProjectRepository on Quire's schema, in SQLite or PostgreSQL.
 *
 * Names are trimmed and must not be empty (they need not be unique). A description is stored as
 * given, except that an empty or all-whitespace one is stored as absent. findAll() sorts by name
 * with Unicode case folding, then by id. remove() unlinks the project's tasks (and bumps their
 * updatedAt) but keeps them.
 *
 * Use it on the thread that opened `db`; `db` must outlive the repository.
 */
class SqlProjectRepository final : public ProjectRepository
{
public:
    explicit SqlProjectRepository(Database &db);

    [[nodiscard]] Result<QList<Project>> findAll() override;
    [[nodiscard]] Result<std::optional<Project>> findById(const QString &id) override;
    [[nodiscard]] Result<Project> create(const ProjectDraft &draft) override;
    [[nodiscard]] Result<Project> update(const QString &id, const ProjectPatch &patch) override;
    [[nodiscard]] Result<> remove(const QString &id) override;

private:
    Database &m_db;
};

} // namespace quire::core
