// SPDX-License-Identifier: MIT
#include <quire/core/sqlite_task_repository.h>

#include "normalize.h"
#include "record_sql.h"
#include "statement.h"
#include "timestamp.h"
#include <quire/core/database.h>

#include <QHash>
#include <QUuid>
#include <QVariantList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

/** A constant SQL fragment restricting the tasks aliased `t`, and the values its `?`s take. */
struct TaskFilter {
    QString where;
    QVariantList values;
    /** How many tasks `where` matches, as a scalar subquery taking the same values. */
    QString count = u"(SELECT count(*) FROM tasks)"_s;
};

Result<Statement> prepareFiltered(Database &db, const QString &what, const QString &sql, const TaskFilter &filter)
{
    auto statement = Statement::prepare(db, what, sql);
    if (statement) {
        for (const QVariant &value : filter.values)
            statement->bind(value);
    }
    return statement;
}

/**
 * Three statements whatever the number of tasks: the task rows, then all their tags, then all
 * their project links, joined here by id. One read transaction keeps the three consistent.
 */
Result<QList<Task>> loadTasks(Database &db, const TaskFilter &filter)
{
    return db.transact(TransactionKind::Read, [&]() -> Result<QList<Task>> {
        QList<Task> tasks;
        QHash<QString, qsizetype> indexById;
        {
            static const QString columns = columnList<Task>({}, u"t."_s);
            auto statement = prepareFiltered(db, u"cannot read tasks"_s,
                u"SELECT "_s % columns % u" FROM tasks AS t "_s % filter.where % u" ORDER BY t.created_at, t.rowid"_s,
                filter);
            if (!statement)
                return std::unexpected(std::move(statement.error()));
            if (auto ran = statement->exec(); !ran)
                return std::unexpected(std::move(ran.error()));
            std::optional<Error> invalid;
            auto fetched = statement->forEachRow([&](const Statement &row) {
                if (invalid)
                    return;
                auto task = readColumns<Task>(row);
                if (!task) {
                    invalid = std::move(task.error());
                    return;
                }
                indexById.insert(task->id, tasks.size());
                tasks.append(std::move(*task));
            });
            if (!fetched)
                return std::unexpected(std::move(fetched.error()));
            if (invalid)
                return std::unexpected(std::move(*invalid));
        }
        if (tasks.isEmpty())
            return tasks;

        // Column 1 of each row goes to the list `member` of the task whose id is column 0, at the
        // position in column 2. Rows come unsorted (sorting them in SQL cost more than the read)
        // and are put in order here.
        auto attach = [&](const QString &what, const QString &sql, QStringList Task::*member) -> Result<> {
            auto statement = prepareFiltered(db, what, sql, filter);
            if (!statement)
                return std::unexpected(std::move(statement.error()));
            if (auto ran = statement->exec(); !ran)
                return ran;
            QHash<qsizetype, QList<std::pair<qint64, QString>>> pending;
            auto fetched = statement->forEachRow([&](const Statement &row) {
                const auto found = indexById.constFind(row.text(0));
                if (found != indexById.cend())
                    pending[*found].append({row.value(2).toLongLong(), row.text(1)});
            });
            if (!fetched)
                return fetched;
            for (auto it = pending.begin(); it != pending.end(); ++it) {
                auto &entries = it.value();
                std::stable_sort(
                    entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
                QStringList &list = tasks[it.key()].*member;
                list.reserve(entries.size());
                for (auto &entry : entries)
                    list.append(std::move(entry.second));
            }
            return {};
        };
        // Without a filter every row belongs to a listed task (foreign keys): no join needed.
        const QString joinTasks = filter.where.isEmpty() ? QString() : u" JOIN tasks AS t ON t.id = x.task_id "_s;
        if (auto tags = attach(u"cannot read task tags"_s,
                u"SELECT x.task_id, x.tag, x.position FROM task_tags AS x"_s % joinTasks % filter.where, &Task::tags);
            !tags)
            return std::unexpected(std::move(tags.error()));
        if (auto links = attach(u"cannot read task projects"_s,
                u"SELECT x.task_id, x.project_id, x.position FROM task_projects AS x"_s % joinTasks % filter.where,
                &Task::projectIds);
            !links)
            return std::unexpected(std::move(links.error()));
        return tasks;
    });
}

Result<std::optional<Task>> loadTask(Database &db, const QString &id)
{
    auto tasks = loadTasks(db, TaskFilter {u"WHERE t.id = ?"_s, {id}});
    if (!tasks)
        return std::unexpected(std::move(tasks.error()));
    if (tasks->isEmpty())
        return std::optional<Task>();
    return std::optional<Task>(std::move(tasks->first()));
}

/** NotFound naming the first of `ids` (in the given order) that is not a row of `table`. One statement. */
Result<> requireExisting(Database &db, const QString &table, const QString &what, const QStringList &ids)
{
    if (ids.isEmpty())
        return {};
    auto statement = Statement::prepare(db, u"cannot check "_s % table,
        u"SELECT j.value FROM json_each(?) AS j WHERE NOT EXISTS "
        "(SELECT 1 FROM "_s
            % table % u" AS r WHERE r.id = j.value) ORDER BY j.key LIMIT 1"_s);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    statement->bind(toJsonArray(ids));
    if (auto ran = statement->exec(); !ran)
        return ran;
    auto missing = statement->singleValue();
    if (!missing)
        return std::unexpected(std::move(missing.error()));
    if (const std::optional<QVariant> &id = *missing)
        return fail(ErrorCode::NotFound, what % u' ' % id->toString() % u" not found"_s);
    return {};
}

Result<> requireProjects(Database &db, const QStringList &projectIds)
{
    return requireExisting(db, u"projects"_s, u"project"_s, projectIds);
}

/** Gives each of `taskIds` all of `values` (tags or links) with a single statement; position = list index. */
Result<> insertList(Database &db, const QString &what, const QString &table, const QString &column,
    const QStringList &taskIds, const QStringList &values)
{
    if (values.isEmpty() || taskIds.isEmpty())
        return {};
    auto statement = Statement::prepare(db, what,
        u"INSERT INTO "_s % table % u" (task_id, "_s % column
            % u", position) SELECT t.value, j.value, j.key FROM json_each(?) AS t, json_each(?) AS j"_s);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    statement->bind(toJsonArray(taskIds)).bind(toJsonArray(values));
    return statement->exec();
}

/** Each list field's JSON copy on the task row (`tags_json`, `project_ids_json`), read by listings. */
QString listCopyColumn(std::u16string_view column)
{
    return detail::toQString(column) + u"_json"_s;
}

QStringList listCopyColumns()
{
    QStringList columns;
    forEachField(RecordTraits<Task>::fields, [&](const auto &field) {
        if (field.isList)
            columns.append(listCopyColumn(field.column));
    });
    return columns;
}

void bindListCopies(Statement &statement, const Task &task)
{
    forEachField(RecordTraits<Task>::fields, [&](const auto &field) {
        if constexpr (std::remove_cvref_t<decltype(field)>::isList)
            statement.bind(toJsonArray(task.*field.member));
    });
}

/** The INSERT of a new task: every column, then the list copies. */
QString insertTaskSql()
{
    const QStringList copies = listCopyColumns();
    QString placeholders = columnPlaceholders<Task>();
    for (qsizetype i = 0; i < copies.size(); ++i)
        placeholders += u", ?"_s;
    return u"INSERT INTO tasks ("_s % columnList<Task>() % u", "_s % copies.join(u", "_s) % u") VALUES ("_s
        % placeholders % u")"_s;
}

/** Tasks linked to any of `projectIds` (which travel as one JSON array parameter: no user text is
 * ever spliced into SQL). */
TaskFilter inProjects(const QStringList &projectIds)
{
    // By rowid: the matching rows are then read in file order, not in the random order of their
    // UUIDs, which makes a 10 000-task project list about a fifth faster.
    return {u"WHERE t.rowid IN (SELECT m.rowid FROM tasks AS m WHERE m.id IN (SELECT l.task_id "
            "FROM task_projects AS l WHERE l.project_id IN (SELECT value FROM json_each(?))))"_s,
        {toJsonArray(withoutDuplicates(projectIds))},
        // Links only ever point at existing tasks (foreign keys), so counting them needs no task row.
        u"(SELECT count(DISTINCT l.task_id) FROM task_projects AS l "
        "WHERE l.project_id IN (SELECT value FROM json_each(?)))"_s};
}

Result<> insertTags(Database &db, const QStringList &taskIds, const QStringList &tags)
{
    return insertList(db, u"cannot save task tags"_s, u"task_tags"_s, u"tag"_s, taskIds, tags);
}

Result<> insertLinks(Database &db, const QStringList &taskIds, const QStringList &projectIds)
{
    return insertList(db, u"cannot link task to projects"_s, u"task_projects"_s, u"project_id"_s, taskIds, projectIds);
}

/** Removes the rows of `table` (tags or links) of every task of `taskIds`. */
Result<> deleteFor(Database &db, const QString &what, const QString &table, const QStringList &taskIds)
{
    auto statement = Statement::prepare(
        db, what, u"DELETE FROM "_s % table % u" WHERE task_id IN (SELECT value FROM json_each(?))"_s);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    statement->bind(toJsonArray(taskIds));
    return statement->exec();
}

/** The tasks of `ids`, each once, as a filter (one JSON array parameter). */
TaskFilter withIds(const QStringList &ids)
{
    return {u"WHERE t.id IN (SELECT value FROM json_each(?))"_s, {toJsonArray(ids)}};
}

/**
 * The patch with the repository's rules applied to what it gives: a title trimmed and not empty,
 * a blank description absent, tags trimmed, not blank and each once, project ids each once.
 */
Result<TaskPatch> normalizedPatch(TaskPatch patch)
{
    auto title = requiredTextIfGiven(patch.title, u"title");
    if (!title)
        return std::unexpected(std::move(title.error()));
    patch.title = std::move(*title);
    if (patch.description)
        patch.description = normalizedDescription(*patch.description);
    if (patch.tags)
        patch.tags = normalizedTags(*patch.tags);
    if (patch.projectIds)
        patch.projectIds = withoutDuplicates(*patch.projectIds);
    return patch;
}

/**
 * Each task's next updatedAt, in SQL: the time bound to both `?`s, or 1 ms after the task's own
 * when that is not earlier (nextUpdateTimestamp() per row).
 */
const QString kNextUpdatedAt = u"CASE WHEN updated_at < ? THEN ? "
                               "ELSE strftime('%Y-%m-%dT%H:%M:%fZ', updated_at, '+0.001 seconds') END"_s;

/** The contract's TaskColumns "nullMeansSameAs": sent as null where it equals createdAt. */
constexpr std::u16string_view kSameAsCreatedAt = u"updatedAt";

/** `CASE column WHEN 'name0' THEN 0 ... ELSE 'null' END`: an enum as its index in EnumTraits order. */
template<class E>
QString enumIndexSql(const QString &column)
{
    QString sql = u"CASE "_s % column;
    int index = 0;
    for (const auto &[value, name] : EnumTraits<E>::values)
        sql += u" WHEN '"_s % enumName(value) % u"' THEN "_s % QString::number(index++);
    return sql % u" ELSE 'null' END"_s;
}

/**
 * The SELECT list of listColumnsJson(): one JSON object holding `count`, `total` (the scalar
 * subquery `total`, binding the filter's values), `version` and an array per Task field, written
 * by SQLite in one pass.
 * - The version is Database::changeVersion(): whether two reads saw the same data.
 * - Every element expression is non-NULL (json_quote gives 'null'), because group_concat skips
 *   NULLs and the columns must stay aligned. The arrays follow the rows of the ordered subquery,
 *   all of them the same order as each row feeds every aggregate.
 * - One printf() assembles the object: a chain of || would copy the growing text once per column.
 */
QString columnsSelect(const QString &total)
{
    QString format = u"{\"count\":%d,\"total\":%d,\"version\":\"%d.%d\""_s;
    QString arguments = u"count(*), "_s % total % u", "_s % Database::kChangeVersionParts;
    forEachField(RecordTraits<Task>::fields, [&](const auto &field) {
        using T = typename std::remove_cvref_t<decltype(field)>::Type;
        const QString column = u"t."_s % detail::toQString(field.column);
        QString element;
        if constexpr (std::remove_cvref_t<decltype(field)>::isList)
            element = listCopyColumn(field.column);
        else if constexpr (!std::is_void_v<typename EnumOf<T>::type>)
            element = enumIndexSql<typename EnumOf<T>::type>(column);
        else
            element = u"json_quote("_s % column % u")"_s;
        if (field.key == kSameAsCreatedAt)
            element = u"iif("_s % column % u" = t.created_at, 'null', "_s % element % u")"_s;
        format += u",\""_s % detail::toQString(field.key) % u"\":[%s]"_s;
        arguments += u", coalesce(group_concat("_s % element % u"), '')"_s;
    });
    // As a BLOB the UTF-8 text comes out as it is, without SQLite converting it to UTF-16.
    return u"SELECT CAST(printf('"_s % format % u"}', "_s % arguments % u") AS BLOB)"_s;
}

} // namespace

SqliteTaskRepository::SqliteTaskRepository(Database &db)
    : m_db(db)
{
}

Result<QList<Task>> SqliteTaskRepository::findAll()
{
    return loadTasks(m_db, TaskFilter {});
}

Result<QList<Task>> SqliteTaskRepository::findByProjects(const QStringList &projectIds)
{
    if (projectIds.isEmpty())
        return QList<Task>();
    return loadTasks(m_db, inProjects(projectIds));
}

Result<QByteArray> SqliteTaskRepository::listColumnsJson(
    const std::optional<QStringList> &projectIds, const ListingWindow &window)
{
    const TaskFilter filter = projectIds ? inProjects(*projectIds) : TaskFilter {};
    // The filter's values are bound twice: for `total`, then for the rows themselves.
    auto statement = prepareFiltered(m_db, u"cannot read tasks"_s,
        columnsSelect(filter.count) % u" FROM (SELECT * FROM tasks AS t "_s % filter.where
            % u" ORDER BY t.created_at, t.rowid LIMIT ? OFFSET ?) AS t"_s,
        filter);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    for (const QVariant &value : filter.values)
        statement->bind(value);
    statement->bind(QVariant(window.limit.value_or(-1))).bind(QVariant(window.offset));
    if (auto ran = statement->exec(); !ran)
        return std::unexpected(std::move(ran.error()));
    auto json = statement->singleValue();
    if (!json)
        return std::unexpected(std::move(json.error()));
    const std::optional<QVariant> &listing = *json;
    if (!listing)
        return std::unexpected(Error {ErrorCode::Internal, u"cannot read tasks: the listing came back empty"_s});
    return listing->toByteArray();
}

Result<std::optional<Task>> SqliteTaskRepository::findById(const QString &id)
{
    return loadTask(m_db, id);
}

Result<Task> SqliteTaskRepository::create(const TaskDraft &draft)
{
    auto title = requiredText(draft.title, u"title");
    if (!title)
        return std::unexpected(std::move(title.error()));

    Task task = recordFromDraft<Task>(draft);
    task.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    task.title = std::move(*title);
    task.description = normalizedDescription(draft.description);
    task.tags = normalizedTags(draft.tags);
    task.projectIds = withoutDuplicates(draft.projectIds);
    task.createdAt = currentTimestamp();
    task.updatedAt = task.createdAt;

    return m_db.transact([&]() -> Result<Task> {
        if (auto known = requireProjects(m_db, task.projectIds); !known)
            return std::unexpected(std::move(known.error()));
        static const QString sql = insertTaskSql();
        auto insert = Statement::prepare(m_db, u"cannot save task"_s, sql);
        if (!insert)
            return std::unexpected(std::move(insert.error()));
        bindColumns(*insert, task);
        bindListCopies(*insert, task);
        if (auto saved = insert->exec(); !saved)
            return std::unexpected(std::move(saved.error()));
        if (auto tags = insertTags(m_db, {task.id}, task.tags); !tags)
            return std::unexpected(std::move(tags.error()));
        if (auto links = insertLinks(m_db, {task.id}, task.projectIds); !links)
            return std::unexpected(std::move(links.error()));
        return task;
    });
}

Result<Task> SqliteTaskRepository::update(const QString &id, const TaskPatch &patch)
{
    auto updated = updateMany({id}, patch);
    if (!updated)
        return std::unexpected(std::move(updated.error()));
    return std::move(updated->first());
}

Result<QList<Task>> SqliteTaskRepository::updateMany(const QStringList &ids, const TaskPatch &patch)
{
    auto normalized = normalizedPatch(patch);
    if (!normalized)
        return std::unexpected(std::move(normalized.error()));
    const QStringList taskIds = withoutDuplicates(ids);

    return m_db.transact([&]() -> Result<QList<Task>> {
        if (auto known = requireExisting(m_db, u"tasks"_s, u"task"_s, taskIds); !known)
            return std::unexpected(std::move(known.error()));
        if (normalized->projectIds) {
            if (auto known = requireProjects(m_db, *normalized->projectIds); !known)
                return std::unexpected(std::move(known.error()));
        }
        // Only the columns the patch gives are written: the others stay exactly as stored.
        QStringList assignments = patchAssignments<Task>(*normalized);
        if (normalized->tags)
            assignments.append(listCopyColumn(u"tags") % u" = ?"_s);
        if (normalized->projectIds)
            assignments.append(listCopyColumn(u"project_ids") % u" = ?"_s);
        assignments.append(u"updated_at = "_s % kNextUpdatedAt);
        auto statement = Statement::prepare(m_db, u"cannot save task"_s,
            u"UPDATE tasks SET "_s % assignments.join(u", "_s) % u" WHERE id IN (SELECT value FROM json_each(?))"_s);
        if (!statement)
            return std::unexpected(std::move(statement.error()));
        bindPatch<Task>(*statement, *normalized);
        if (normalized->tags)
            statement->bind(toJsonArray(*normalized->tags));
        if (normalized->projectIds)
            statement->bind(toJsonArray(*normalized->projectIds));
        const QString now = formatTimestamp(currentTimestamp());
        statement->bind(now).bind(now).bind(toJsonArray(taskIds));
        if (auto saved = statement->exec(); !saved)
            return std::unexpected(std::move(saved.error()));
        if (normalized->tags) {
            if (auto cleared = deleteFor(m_db, u"cannot save task tags"_s, u"task_tags"_s, taskIds); !cleared)
                return std::unexpected(std::move(cleared.error()));
            if (auto tags = insertTags(m_db, taskIds, *normalized->tags); !tags)
                return std::unexpected(std::move(tags.error()));
        }
        if (normalized->projectIds) {
            if (auto cleared = deleteFor(m_db, u"cannot link task to projects"_s, u"task_projects"_s, taskIds);
                !cleared)
                return std::unexpected(std::move(cleared.error()));
            if (auto links = insertLinks(m_db, taskIds, *normalized->projectIds); !links)
                return std::unexpected(std::move(links.error()));
        }
        return loadTasks(m_db, withIds(taskIds));
    });
}

Result<> SqliteTaskRepository::remove(const QString &id)
{
    return removeMany({id});
}

Result<> SqliteTaskRepository::removeMany(const QStringList &ids)
{
    const QStringList taskIds = withoutDuplicates(ids);
    return m_db.transact([&]() -> Result<> {
        if (auto known = requireExisting(m_db, u"tasks"_s, u"task"_s, taskIds); !known)
            return known;
        // Tags and project links go with the rows (ON DELETE CASCADE).
        auto statement = Statement::prepare(
            m_db, u"cannot delete task"_s, u"DELETE FROM tasks WHERE id IN (SELECT value FROM json_each(?))"_s);
        if (!statement)
            return std::unexpected(std::move(statement.error()));
        statement->bind(toJsonArray(taskIds));
        return statement->exec();
    });
}

} // namespace quire::core
