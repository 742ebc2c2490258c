// SPDX-License-Identifier: MIT
#include <quire/core/sqlite_task_repository.h>

#include "normalize.h"
#include "record_sql.h"
#include "sqlite_statement.h"
#include "statement.h"
#include <quire/core/database.h>
#include <quire/core/timestamp.h>

#include <QUuid>

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

/** A constant SQL fragment restricting the tasks aliased `t`, and the texts its `?`s take. */
struct TaskFilter {
    QString where;
    QStringList values;
    /** How many tasks `where` matches: a query taking the same values. */
    QString count = u"SELECT count(*) FROM tasks"_s;
};

template<class Statement>
void bindAll(Statement &statement, const QStringList &values)
{
    for (const QString &value : values)
        statement.bind(value);
}

/**
 * The position of each task of a listing by its id as SQLite's UTF-8, so that the rows of the list
 * tables find their task without a QString each. Ids are added in listing order, then sealed.
 */
class TaskPositions
{
public:
    void add(QUtf8StringView id)
    {
        m_spans.emplace_back(m_text.size(), static_cast<std::size_t>(id.size()));
        m_text.append(id.data(), static_cast<std::size_t>(id.size()));
    }

    void seal()
    {
        m_sorted.reserve(m_spans.size());
        for (std::size_t i = 0; i < m_spans.size(); ++i)
            m_sorted.emplace_back(std::string_view(m_text).substr(m_spans[i].first, m_spans[i].second), i);
        std::ranges::sort(m_sorted);
    }

    /** The task's position, or nullopt. List rows mostly come in id order: the next entry is tried first. */
    [[nodiscard]] std::optional<std::size_t> find(QUtf8StringView utf8)
    {
        const std::string_view id(utf8.data(), static_cast<std::size_t>(utf8.size()));
        if (m_hint < m_sorted.size() && m_sorted[m_hint].first == id)
            return m_sorted[m_hint].second;
        if (m_hint + 1 < m_sorted.size() && m_sorted[m_hint + 1].first == id)
            return m_sorted[++m_hint].second;
        const auto found = std::ranges::lower_bound(m_sorted, id, {}, &Entry::first);
        if (found == m_sorted.end() || found->first != id)
            return std::nullopt;
        m_hint = static_cast<std::size_t>(found - m_sorted.begin());
        return found->second;
    }

private:
    using Entry = std::pair<std::string_view, std::size_t>;
    std::string m_text;
    std::vector<std::pair<std::size_t, std::size_t>> m_spans;
    std::vector<Entry> m_sorted;
    std::size_t m_hint = 0;
};

/**
 * One QString per distinct text: tags and project ids repeat across tasks, and implicitly shared
 * copies save an allocation each (and the memory of a large listing).
 */
class SharedTexts
{
public:
    [[nodiscard]] QString get(QUtf8StringView utf8)
    {
        const std::string_view key(utf8.data(), static_cast<std::size_t>(utf8.size()));
        if (const auto found = m_texts.find(key); found != m_texts.end())
            return found->second;
        return m_texts.emplace(std::string(key), utf8.toString()).first->second;
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view> {}(text); }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_texts;
};

/**
 * Runs `sql`, whose rows are (task id, value, position), and puts each value in `member` of its
 * task in `tasks`, in position order. Rows of tasks not listed are skipped.
 */
Result<> attachLists(Database &db, const QString &what, const QString &sql, const std::optional<QString> &idsJson,
    TaskPositions &positions, QList<Task> &tasks, QStringList Task::*member)
{
    auto statement = SqliteStatement::prepare(db, what, sql);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    if (idsJson)
        statement->bind(*idsJson);
    struct Entry {
        std::size_t task;
        qint64 position;
        QString value;
    };
    std::vector<Entry> entries;
    entries.reserve(static_cast<std::size_t>(tasks.size()) * 2);
    SharedTexts texts;
    auto read = statement->forEachRow([&](const SqliteStatement &row) {
        if (const auto task = positions.find(row.utf8(0)))
            entries.push_back({*task, row.number(2), texts.get(row.utf8(1))});
    });
    if (!read)
        return read;
    // Rows come in key order, each task's together but not in position order: sorting them in
    // SQL cost more than here.
    std::ranges::stable_sort(entries, {}, &Entry::task);
    for (auto first = entries.begin(); first != entries.end();) {
        const auto last = std::find_if(first, entries.end(), [&](const Entry &e) { return e.task != first->task; });
        std::sort(first, last, [](const Entry &x, const Entry &y) { return x.position < y.position; });
        QStringList &list = tasks[static_cast<qsizetype>(first->task)].*member;
        list.reserve(last - first);
        for (auto it = first; it != last; ++it)
            list.append(std::move(it->value));
        first = last;
    }
    return {};
}

/**
 * The tasks `filter` matches, up to `limit` of them from `offset`, in creation order (ties within a millisecond in
 * insertion order), with their tags and project ids: three statements whatever the number of
 * tasks. Every listing and lookup of tasks goes through here; callers run it inside their
 * transaction, so that the three statements see the same data.
 */
Result<QList<Task>> loadTasks(
    Database &db, const TaskFilter &filter, qint64 offset = 0, std::optional<qint64> limit = {})
{
    QList<Task> tasks;
    TaskPositions positions;
    {
        static const QString columns = columnList<Task>({}, u"t."_s);
        auto statement = SqliteStatement::prepare(db, u"cannot read tasks"_s,
            u"SELECT "_s % columns % u" FROM tasks AS t "_s % filter.where
                % u" ORDER BY t.created_at, t.rowid LIMIT ? OFFSET ?"_s);
        if (!statement)
            return std::unexpected(std::move(statement.error()));
        bindAll(*statement, filter.values);
        statement->bind(limit.value_or(-1)).bind(offset);
        std::optional<Error> invalid;
        auto read = statement->forEachRow([&](const SqliteStatement &row) {
            if (invalid)
                return;
            auto task = readColumns<Task>(row);
            if (!task) {
                invalid = std::move(task.error());
                return;
            }
            positions.add(row.utf8(0));
            tasks.append(std::move(*task));
        });
        if (!read)
            return std::unexpected(std::move(read.error()));
        if (invalid)
            return std::unexpected(std::move(*invalid));
    }
    if (tasks.isEmpty())
        return tasks;
    positions.seal();

    // Every task: read the whole tables in key order, the cheapest. Otherwise the rows of the
    // tasks read, one index seek each.
    const bool everyTask = filter.where.isEmpty() && offset == 0 && !limit;
    std::optional<QString> idsJson;
    QString ofTasks;
    if (!everyTask) {
        QStringList ids;
        ids.reserve(tasks.size());
        for (const Task &task : std::as_const(tasks))
            ids.append(task.id);
        idsJson = toJsonArray(ids);
        ofTasks = u" WHERE x.task_id IN (SELECT value FROM json_each(?))"_s;
    }
    if (auto tags = attachLists(db, u"cannot read task tags"_s,
            u"SELECT x.task_id, x.tag, x.position FROM task_tags AS x"_s % ofTasks, idsJson, positions, tasks,
            &Task::tags);
        !tags)
        return std::unexpected(std::move(tags.error()));
    if (auto links = attachLists(db, u"cannot read task projects"_s,
            u"SELECT x.task_id, x.project_id, x.position FROM task_projects AS x"_s % ofTasks, idsJson, positions,
            tasks, &Task::projectIds);
        !links)
        return std::unexpected(std::move(links.error()));
    return tasks;
}

Result<std::optional<Task>> loadTask(Database &db, const QString &id)
{
    auto tasks = db.transact(TransactionKind::Read,
        [&] { return loadTasks(db, TaskFilter {.where = u"WHERE t.id = ?"_s, .values = {id}}); });
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
        u"SELECT count(DISTINCT l.task_id) FROM task_projects AS l "
        "WHERE l.project_id IN (SELECT value FROM json_each(?))"_s};
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

} // namespace

SqliteTaskRepository::SqliteTaskRepository(Database &db)
    : m_db(db)
{
}

Result<TaskListing> SqliteTaskRepository::list(const TaskQuery &query)
{
    const TaskFilter filter = query.projectIds ? inProjects(*query.projectIds) : TaskFilter {};
    return m_db.transact(TransactionKind::Read, [&]() -> Result<TaskListing> {
        TaskListing listing;
        auto tasks = loadTasks(m_db, filter, query.offset, query.limit);
        if (!tasks)
            return std::unexpected(std::move(tasks.error()));
        listing.tasks = std::move(*tasks);
        const auto read = static_cast<qint64>(listing.tasks.size());
        if (query.offset == 0 && (!query.limit || read < *query.limit)) {
            listing.total = read;
        } else {
            auto count = SqliteStatement::prepare(m_db, u"cannot count tasks"_s, filter.count);
            if (!count)
                return std::unexpected(std::move(count.error()));
            bindAll(*count, filter.values);
            auto total = count->singleNumber();
            if (!total)
                return std::unexpected(std::move(total.error()));
            listing.total = total->value_or(0);
        }
        auto version = m_db.changeVersion();
        if (!version)
            return std::unexpected(std::move(version.error()));
        listing.version = std::move(*version);
        return listing;
    });
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
        static const QString sql
            = u"INSERT INTO tasks ("_s % columnList<Task>() % u") VALUES ("_s % columnPlaceholders<Task>() % u")"_s;
        auto insert = Statement::prepare(m_db, u"cannot save task"_s, sql);
        if (!insert)
            return std::unexpected(std::move(insert.error()));
        bindColumns(*insert, task);
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
        assignments.append(u"updated_at = "_s % kNextUpdatedAt);
        auto statement = Statement::prepare(m_db, u"cannot save task"_s,
            u"UPDATE tasks SET "_s % assignments.join(u", "_s) % u" WHERE id IN (SELECT value FROM json_each(?))"_s);
        if (!statement)
            return std::unexpected(std::move(statement.error()));
        bindPatch<Task>(*statement, *normalized);
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
