// SPDX-License-Identifier: MIT
#include <quire/core/sql_history.h>

#include "journal.h"
#include "record_sql.h"
#include "sql_dialect.h"
#include "statement.h"
#include <quire/core/database.h>
#include <quire/core/project_repository.h>
#include <quire/core/task_repository.h>

#include <functional>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

const QString kWhat = u"cannot undo"_s;

/** Which way a step goes: the state it leaves, the image rows must match, the image written back. */
struct Way {
    /** The end of a refusal's message: "nothing was undone". */
    QString nothingDone;
    QString from;
    QString to;
    /** journal_changes' column the rows must still equal, and the one written back. */
    QString expected;
    QString restored;
    /** Which step of `from` comes first. */
    QString order;
};

Result<> run(Database &db, const QString &sql, const QVariantList &values)
{
    return Statement::execute(db, kWhat, sql, values);
}

/** The first row of `sql` as texts (empty when there is none). */
Result<QStringList> firstRow(Database &db, const QString &sql, const QVariantList &values, int columns)
{
    auto statement = Statement::run(db, kWhat, sql, values);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    QStringList row;
    auto read = statement->forEachRow([&](const Statement &r) {
        if (!row.isEmpty())
            return;
        for (int column = 0; column < columns; ++column)
            row.append(r.text(column));
    });
    if (!read)
        return std::unexpected(std::move(read.error()));
    return row;
}

/** "the step's rows of `table` whose `image` is (or is not) NULL", as SQL taking the entry id. */
QString changedRows(const JournalTable &table, const QString &image, bool exists)
{
    return u"SELECT row_id FROM journal_changes WHERE entry_id = ? AND kind = '"_s % table.kindName % u"' AND "_s
        % image % (exists ? u" IS NOT NULL"_s : u" IS NULL"_s);
}

/** Refuses the step when a row of `table` it wrote is no longer as the step left it. */
Result<> requireUnchanged(Database &db, const Way &way, qint64 entry, const JournalTable &table)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    auto changed = firstRow(db,
        u"SELECT "_s % dialect.jsonMember(u"coalesce(c.after, c.before)"_s, table.nameColumn)
            % u" FROM journal_changes AS c WHERE c.entry_id = ? AND c.kind = '"_s % table.kindName % u"' AND (SELECT "_s
            % rowImageSql(dialect, table, u"r"_s) % u" FROM "_s % table.table
            % u" AS r WHERE r.id = c.row_id) IS DISTINCT FROM c."_s % way.expected % u" LIMIT 1"_s,
        {entry}, 1);
    if (!changed)
        return std::unexpected(std::move(changed.error()));
    if (changed->isEmpty())
        return {};
    return fail(ErrorCode::Conflict,
        u"the "_s % table.kindName % u" “"_s % changed->first() % u"” has changed since; "_s % way.nothingDone);
}

/** Writes the step's images of `table` back over its rows, inserting the rows that are gone. */
Result<> restoreRows(Database &db, const Way &way, qint64 entry, const JournalTable &table)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    const QString image = u"c."_s % way.restored;
    const QStringList columns = imageColumns(dialect, table);
    QStringList values {dialect.jsonMemberInteger(image, dialect.insertionOrder())};
    QStringList updates;
    for (const QString &column : table.columns) {
        values.append(dialect.jsonMember(image, column));
        if (column != u"id")
            updates.append(column % u" = excluded."_s % column);
    }
    // An upsert, not a REPLACE, which would delete the row (and with it, by cascade, its links).
    return run(db,
        u"INSERT INTO "_s % table.table % u" ("_s % columns.join(u", "_s) % u") SELECT "_s % values.join(u", "_s)
            % u" FROM journal_changes AS c WHERE c.entry_id = ? AND c.kind = '"_s % table.kindName % u"' AND c."_s
            % way.restored % u" IS NOT NULL ON CONFLICT (id) DO UPDATE SET "_s % updates.join(u", "_s),
        {entry});
}

/** Refuses the step when a task it puts back was in a project that is gone since. */
Result<> requireLinkedProjects(Database &db, const Way &way, qint64 entry)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    const QString image = u"c."_s % way.restored;
    auto orphan = firstRow(db,
        u"SELECT "_s % dialect.jsonMember(image, u"title"_s) % u" FROM journal_changes AS c, "_s
            % dialect.jsonArrayRows(dialect.jsonMember(image, listCopyColumn(u"project_ids")), u"l"_s)
            % u" WHERE c.entry_id = ? AND c.kind = 'task' AND NOT EXISTS (SELECT 1 FROM projects AS p "
              "WHERE p.id = l.value) LIMIT 1"_s,
        {entry}, 1);
    if (!orphan)
        return std::unexpected(std::move(orphan.error()));
    if (orphan->isEmpty())
        return {};
    return fail(ErrorCode::Conflict,
        u"a project of the task “"_s % orphan->first() % u"” has been deleted since; "_s % way.nothingDone);
}

/** Gives the step's restored tasks the tag and link rows their JSON copies list. */
Result<> rebuildListRows(Database &db, const Way &way, qint64 entry)
{
    const QString restored = changedRows(journalTable(JournalRowKind::Task), way.restored, true);
    for (const TaskListRows &list : taskListRows()) {
        if (auto cleared
            = run(db, u"DELETE FROM "_s % list.table % u" WHERE task_id IN ("_s % restored % u')', {entry});
            !cleared)
            return cleared;
        auto filled = run(db,
            u"INSERT INTO "_s % list.table % u" (task_id, "_s % list.column
                % u", position) SELECT t.id, j.value, j.key FROM tasks AS t, "_s
                % SqlDialect::of(db).jsonArrayRows(u"t."_s % list.copyColumn, u"j"_s) % u" WHERE t.id IN ("_s % restored
                % u')',
            {entry});
        if (!filled)
            return filled;
    }
    return {};
}

/** Deletes the rows of `table` that the step's images say did not exist. */
Result<> deleteRows(Database &db, const Way &way, qint64 entry, const JournalTable &table)
{
    return run(db,
        u"DELETE FROM "_s % table.table % u" WHERE id IN ("_s % changedRows(table, way.restored, false) % u')',
        {entry});
}

/** Refuses to delete a project that tasks outside the step have been linked to since. */
Result<> requireUnlinked(Database &db, const Way &way, qint64 entry)
{
    auto linked = firstRow(db,
        u"SELECT "_s % SqlDialect::of(db).jsonMember(u"c."_s % way.expected, u"name"_s)
            % u" FROM journal_changes AS c WHERE c.entry_id = ? AND c.kind = 'project' AND c."_s % way.restored
            % u" IS NULL AND EXISTS (SELECT 1 FROM task_projects AS l WHERE l.project_id = c.row_id) LIMIT 1"_s,
        {entry}, 1);
    if (!linked)
        return std::unexpected(std::move(linked.error()));
    if (linked->isEmpty())
        return {};
    return fail(ErrorCode::Conflict,
        u"tasks have been added to the project “"_s % linked->first() % u"” since; "_s % way.nothingDone);
}

/** The ids of the step's rows of `table` that exist after it (`exists`) or not. */
Result<QStringList> stepRowIds(Database &db, const Way &way, qint64 entry, const JournalTable &table, bool exists)
{
    auto statement = Statement::run(db, kWhat, changedRows(table, way.restored, exists), QVariantList {entry});
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    return statement->texts();
}

} // namespace

SqlHistory::SqlHistory(Database &db, TaskRepository &tasks, ProjectRepository &projects)
    : m_db(db)
    , m_tasks(tasks)
    , m_projects(projects)
{
}

Result<std::optional<HistoryChange>> SqlHistory::undo()
{
    return step(Direction::Undo);
}

Result<std::optional<HistoryChange>> SqlHistory::redo()
{
    return step(Direction::Redo);
}

Result<UndoState> SqlHistory::state()
{
    auto labels = firstRow(m_db,
        u"SELECT (SELECT label FROM journal WHERE state = 'done' ORDER BY id DESC LIMIT 1), "
        "(SELECT label FROM journal WHERE state = 'undone' ORDER BY id LIMIT 1), "
        "CASE WHEN EXISTS (SELECT 1 FROM journal WHERE state = 'done') THEN 1 ELSE 0 END, "
        "CASE WHEN EXISTS (SELECT 1 FROM journal WHERE state = 'undone') THEN 1 ELSE 0 END"_s,
        {}, 4);
    if (!labels)
        return std::unexpected(std::move(labels.error()));
    UndoState state;
    if (labels->value(2) == u"1")
        state.undo = labels->at(0);
    if (labels->value(3) == u"1")
        state.redo = labels->at(1);
    return state;
}

Result<std::optional<HistoryChange>> SqlHistory::step(Direction direction)
{
    const Way way = direction == Direction::Undo
        ? Way {u"nothing was undone"_s, u"done"_s, u"undone"_s, u"after"_s, u"before"_s, u"DESC"_s}
        : Way {u"nothing was redone"_s, u"undone"_s, u"done"_s, u"before"_s, u"after"_s, u"ASC"_s};
    return m_db.transact([&]() -> Result<std::optional<HistoryChange>> {
        auto found = firstRow(m_db,
            u"SELECT id, label FROM journal WHERE state = ? ORDER BY id "_s % way.order % u" LIMIT 1"_s, {way.from}, 2);
        if (!found)
            return std::unexpected(std::move(found.error()));
        if (found->isEmpty())
            return std::optional<HistoryChange>();
        const qint64 entry = found->at(0).toLongLong();
        const QString label = found->at(1);
        const JournalTable &tasks = journalTable(JournalRowKind::Task);
        const JournalTable &projects = journalTable(JournalRowKind::Project);

        for (const JournalTable &table : journalTables()) {
            if (auto unchanged = requireUnchanged(m_db, way, entry, table); !unchanged)
                return std::unexpected(std::move(unchanged.error()));
        }
        // Projects first, so that the tasks put back find the projects they link to; projects
        // that go, last, once no task put back links to them.
        const std::function<Result<>()> steps[] {
            [&] { return restoreRows(m_db, way, entry, projects); },
            [&] { return requireLinkedProjects(m_db, way, entry); },
            [&] { return restoreRows(m_db, way, entry, tasks); },
            [&] { return deleteRows(m_db, way, entry, tasks); },
            [&] { return rebuildListRows(m_db, way, entry); },
            [&] { return requireUnlinked(m_db, way, entry); },
            [&] { return deleteRows(m_db, way, entry, projects); },
            [&] {
                return run(m_db, u"UPDATE journal SET state = ? WHERE id = ?"_s, {way.to, entry});
            },
        };
        for (const auto &next : steps) {
            if (auto done = next(); !done)
                return std::unexpected(std::move(done.error()));
        }

        HistoryChange change;
        auto taskIds = stepRowIds(m_db, way, entry, tasks, true);
        auto deletedTasks = stepRowIds(m_db, way, entry, tasks, false);
        auto projectIds = stepRowIds(m_db, way, entry, projects, true);
        auto deletedProjects = stepRowIds(m_db, way, entry, projects, false);
        for (const auto *ids : {&taskIds, &deletedTasks, &projectIds, &deletedProjects}) {
            if (!*ids)
                return std::unexpected(ids->error());
        }
        change.deletedTaskIds = std::move(*deletedTasks);
        change.deletedProjectIds = std::move(*deletedProjects);
        if (!taskIds->isEmpty()) {
            auto listing = m_tasks.list({.ids = *taskIds});
            if (!listing)
                return std::unexpected(std::move(listing.error()));
            change.tasks = std::move(listing->tasks);
        }
        for (const QString &id : std::as_const(*projectIds)) {
            auto project = m_projects.findById(id);
            if (!project)
                return std::unexpected(std::move(project.error()));
            if (*project)
                change.projects.append(std::move(**project));
        }
        auto next = state();
        if (!next)
            return std::unexpected(std::move(next.error()));
        change.step = UndoStep {.label = label, .undo = next->undo, .redo = next->redo};
        return std::optional<HistoryChange>(std::move(change));
    });
}

} // namespace quire::core
