// SPDX-License-Identifier: MIT
#include <quire/core/sql_project_repository.h>

#include "journal.h"
#include "normalize.h"
#include "record_sql.h"
#include "sql_dialect.h"
#include "statement.h"
#include "stored_rows.h"
#include <quire/core/database.h>
#include <quire/core/timestamp.h>

#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

/** Every project matching `where` (a constant fragment), with `values` bound to its `?`s. One statement. */
Result<QList<Project>> loadProjects(Database &db, const QString &where, const QStringList &values)
{
    static const QString columns = columnList<Project>();
    auto statement
        = Statement::prepare(db, u"cannot read projects"_s, u"SELECT "_s % columns % u" FROM projects "_s % where);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    for (const QString &value : values)
        statement->bind(value);
    if (auto ran = statement->exec(); !ran)
        return std::unexpected(std::move(ran.error()));
    QList<Project> projects;
    std::optional<Error> invalid;
    auto fetched = statement->forEachRow([&](const Statement &row) {
        if (invalid)
            return;
        auto project = readColumns<Project>(row);
        if (project)
            projects.append(std::move(*project));
        else
            invalid = std::move(project.error());
    });
    if (!fetched)
        return std::unexpected(std::move(fetched.error()));
    if (invalid)
        return std::unexpected(std::move(*invalid));
    return projects;
}

Result<std::optional<Project>> loadProject(Database &db, const QString &id)
{
    auto projects = loadProjects(db, u"WHERE id = ?"_s, {id});
    if (!projects)
        return std::unexpected(std::move(projects.error()));
    if (projects->isEmpty())
        return std::optional<Project>();
    return std::optional<Project>(std::move(projects->first()));
}

/** The ids of the tasks linked to the project. */
Result<QStringList> linkedTaskIds(Database &db, const QString &projectId)
{
    auto statement = Statement::run(db, u"cannot read the project's tasks"_s,
        u"SELECT task_id FROM task_projects WHERE project_id = ?"_s, QStringList {projectId});
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    return statement->texts();
}

/** What an update never rewrites. */
constexpr FieldKeys kFixedFields = {u"id", u"createdAt"};

Error projectNotFound(const QString &id)
{
    return Error {ErrorCode::NotFound, u"project "_s % id % u" not found"_s};
}

} // namespace

// Shared through stored_rows.h with SqlDataTransfer.
Result<> insertProject(Database &db, const Project &project)
{
    static const QString sql = u"INSERT INTO projects ("_s % columnList<Project>() % u") VALUES ("_s
        % columnPlaceholders<Project>() % u")"_s;
    auto statement = Statement::prepare(db, u"cannot save project"_s, sql);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    bindColumns(*statement, project);
    return statement->exec();
}

SqlProjectRepository::SqlProjectRepository(Database &db)
    : m_db(db)
{
}

Result<QList<Project>> SqlProjectRepository::findAll()
{
    // In the order they were added (an imported project keeps its older createdAt).
    auto projects = loadProjects(m_db, u"ORDER BY "_s % SqlDialect::of(m_db).insertionOrder(), {});
    if (!projects)
        return projects;
    // In C++ rather than COLLATE NOCASE, which folds ASCII letters only.
    std::stable_sort(projects->begin(), projects->end(), [](const Project &a, const Project &b) {
        if (const int byName = a.name.compare(b.name, Qt::CaseInsensitive); byName != 0)
            return byName < 0;
        return a.id < b.id;
    });
    return projects;
}

Result<std::optional<Project>> SqlProjectRepository::findById(const QString &id)
{
    return loadProject(m_db, id);
}

namespace {

/** @brief Conflict naming the other project when one besides `id` is called `name` already (ignoring case). */
Result<> requireNameFree(Database &db, const QString &name, const QString &id)
{
    auto statement = Statement::run(
        db, u"cannot read the projects"_s, u"SELECT name FROM projects WHERE id <> ?"_s, QStringList {id});
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    auto names = statement->texts();
    if (!names)
        return std::unexpected(std::move(names.error()));
    const QString key = projectNameKey(name);
    for (const QString &other : std::as_const(*names)) {
        if (projectNameKey(other) == key)
            return fail(ErrorCode::Conflict, u"a project named “"_s % other % u"” already exists"_s);
    }
    return {};
}

} // namespace

Result<Project> SqlProjectRepository::create(const ProjectDraft &draft)
{
    auto name = requiredText(draft.name, u"name");
    if (!name)
        return std::unexpected(std::move(name.error()));
    Project project = recordFromDraft<Project>(draft);
    project.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    project.name = std::move(*name);
    project.description = normalizedDescription(draft.description);
    project.createdAt = currentTimestamp();
    project.updatedAt = project.createdAt;

    return m_db.transact([&]() -> Result<Project> {
        if (auto free = requireNameFree(m_db, project.name, project.id); !free)
            return std::unexpected(std::move(free.error()));
        auto entry = JournalEntry::begin(m_db);
        if (!entry)
            return std::unexpected(std::move(entry.error()));
        if (auto captured = entry->captureBefore(JournalRowKind::Project, {project.id}); !captured)
            return std::unexpected(std::move(captured.error()));
        if (auto saved = insertProject(m_db, project); !saved)
            return std::unexpected(std::move(saved.error()));
        if (auto recorded = entry->finish(u"Add"_s, JournalRowKind::Project, {project.id}); !recorded)
            return std::unexpected(std::move(recorded.error()));
        return project;
    });
}

Result<Project> SqlProjectRepository::update(const QString &id, const ProjectPatch &patch)
{
    const auto name = requiredTextIfGiven(patch.name, u"name");
    if (!name)
        return std::unexpected(name.error());
    return m_db.transact([&]() -> Result<Project> {
        auto existing = loadProject(m_db, id);
        if (!existing)
            return std::unexpected(std::move(existing.error()));
        if (!*existing)
            return std::unexpected(projectNotFound(id));
        Project project = std::move(**existing);
        // A rename must not take another project's name; keeping one's own name is always fine.
        if (*name && projectNameKey(**name) != projectNameKey(project.name)) {
            if (auto free = requireNameFree(m_db, **name, id); !free)
                return std::unexpected(std::move(free.error()));
        }
        applyPatch(project, patch);
        // Only what the patch gives is normalised: a field it leaves alone is written back as stored.
        if (*name)
            project.name = **name;
        if (patch.description)
            project.description = normalizedDescription(*patch.description);
        project.updatedAt = nextUpdateTimestamp(project.updatedAt);

        static const QString sql = u"UPDATE projects SET ("_s % columnList<Project>(kFixedFields) % u") = ("_s
            % columnPlaceholders<Project>(kFixedFields) % u") WHERE id = ?"_s;
        auto entry = JournalEntry::begin(m_db);
        if (!entry)
            return std::unexpected(std::move(entry.error()));
        if (auto captured = entry->captureBefore(JournalRowKind::Project, {id}); !captured)
            return std::unexpected(std::move(captured.error()));
        auto statement = Statement::prepare(m_db, u"cannot save project"_s, sql);
        if (!statement)
            return std::unexpected(std::move(statement.error()));
        bindColumns(*statement, project, kFixedFields);
        statement->bind(project.id);
        if (auto saved = statement->exec(); !saved)
            return std::unexpected(std::move(saved.error()));
        if (auto recorded = entry->finish(u"Edit"_s, JournalRowKind::Project, {id}); !recorded)
            return std::unexpected(std::move(recorded.error()));
        return project;
    });
}

Result<> SqlProjectRepository::remove(const QString &id)
{
    return m_db.transact([&]() -> Result<> {
        auto entry = JournalEntry::begin(m_db);
        if (!entry)
            return std::unexpected(std::move(entry.error()));
        auto linked = linkedTaskIds(m_db, id);
        if (!linked)
            return std::unexpected(std::move(linked.error()));
        if (auto captured = entry->captureBefore(JournalRowKind::Project, {id}); !captured)
            return captured;
        if (auto captured = entry->captureBefore(JournalRowKind::Task, *linked); !captured)
            return captured;
        // The tasks stay but their project list changes: mark them updated, and drop the project
        // from their JSON copy of the list, before the links go.
        auto touch = Statement::prepare(m_db, u"cannot delete project"_s,
            u"UPDATE tasks SET updated_at = ?, project_ids_json = "_s
                % SqlDialect::of(m_db).jsonArrayWithout(u"tasks.project_ids_json"_s)
                % u" WHERE id IN (SELECT task_id FROM task_projects WHERE project_id = ?)"_s);
        if (!touch)
            return std::unexpected(std::move(touch.error()));
        touch->bind(formatTimestamp(currentTimestamp())).bind(id).bind(id);
        if (auto touched = touch->exec(); !touched)
            return touched;

        // Links go with the project (ON DELETE CASCADE).
        auto statement = Statement::prepare(m_db, u"cannot delete project"_s, u"DELETE FROM projects WHERE id = ?"_s);
        if (!statement)
            return std::unexpected(std::move(statement.error()));
        statement->bind(id);
        if (auto deleted = statement->exec(); !deleted)
            return deleted;
        if (statement->rowsAffected() == 0)
            return std::unexpected(projectNotFound(id));
        return entry->finish(u"Delete"_s, JournalRowKind::Project, {id});
    });
}

} // namespace quire::core
