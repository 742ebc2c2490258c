// SPDX-License-Identifier: MIT
#include <quire/core/sql_task_repository.h>

#include "journal.h"
#include "normalize.h"
#include "record_sql.h"
#include "sql_dialect.h"
#include "statement.h"
#include "stored_rows.h"
#include <quire/core/database.h>
#include <quire/core/local_date.h>
#include <quire/core/operation_phase.h>
#include <quire/core/order_key.h>
#include <quire/core/recurrence.h>
#include <quire/core/timestamp.h>

#include <QSet>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

/** A constant SQL fragment restricting the tasks aliased `t`, and the texts its `?`s take. */
struct TaskFilter {
    QString where;
    QStringList values = {};
    /** The listing's order: creation order (ties within a millisecond in insertion order). */
    QString order = {};
    /** The table the rows come from: `tasks AS t`, or that with what `where` needs. */
    QString source = u"tasks AS t"_s;
    /** The values of `source`'s `?`s, bound before those of `where`. */
    QStringList sourceValues = {};
    /** How many tasks `where` matches, taking the same values. */
    QString count = u"SELECT count(*) FROM tasks"_s;

    /** Every value bound, in the order of the `?`s of `SELECT ... FROM source where`. */
    [[nodiscard]] QVariantList boundValues() const
    {
        QVariantList bound;
        for (const QStringList *list : {&sourceValues, &values}) {
            for (const QString &value : *list)
                bound.append(value);
        }
        return bound;
    }
};

/** A filter of the tasks that `where` (a constant fragment; empty for all) selects, in creation order. */
TaskFilter tasksWhere(const SqlDialect &dialect, QString where = {}, QStringList values = {})
{
    // Ties within a millisecond in insertion order.
    return {.where = std::move(where),
        .values = std::move(values),
        .order = u"t.created_at, t."_s % dialect.insertionOrder()};
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
    const QStringList copies = listCopyColumns<Task>();
    QString placeholders = columnPlaceholders<Task>();
    for (qsizetype i = 0; i < copies.size(); ++i)
        placeholders += u", ?"_s;
    return u"INSERT INTO tasks ("_s % columnList<Task>() % u", "_s % copies.join(u", "_s) % u") VALUES ("_s
        % placeholders % u")"_s;
}

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

/** Appends code point `c` to `utf8`; a lone surrogate becomes U+FFFD. */
void appendUtf8(std::string &utf8, char32_t c)
{
    if (c >= 0xd800 && c <= 0xdfff)
        c = 0xfffd;
    if (c < 0x80) {
        utf8 += static_cast<char>(c);
    } else if (c < 0x800) {
        utf8 += static_cast<char>(0xc0 | (c >> 6));
        utf8 += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        utf8 += static_cast<char>(0xe0 | (c >> 12));
        utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        utf8 += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        utf8 += static_cast<char>(0xf0 | (c >> 18));
        utf8 += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        utf8 += static_cast<char>(0x80 | (c & 0x3f));
    }
}

/**
 * The strings of a list copy: a JSON array of strings as json_group_array() and toJsonArray()
 * write it. Parsed here because QJsonDocument per row cost more than reading the row; nullopt when
 * the text is not such an array.
 */
std::optional<QStringList> parseListCopy(QUtf8StringView json, SharedTexts &texts)
{
    const char *at = json.data();
    const char *const end = at + json.size();
    const auto skipSpace = [&] {
        while (at < end && (*at == ' ' || *at == '\n' || *at == '\r' || *at == '\t'))
            ++at;
    };
    const auto hex4 = [&]() -> std::optional<char32_t> {
        if (end - at < 4)
            return std::nullopt;
        char32_t value = 0;
        for (int i = 0; i < 4; ++i, ++at) {
            const char c = *at;
            const int digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f'             ? c - 'a' + 10
                : c >= 'A' && c <= 'F'             ? c - 'A' + 10
                                                   : -1;
            if (digit < 0)
                return std::nullopt;
            value = value * 16 + static_cast<char32_t>(digit);
        }
        return value;
    };
    QStringList list;
    std::string decoded;
    skipSpace();
    if (at == end || *at++ != '[')
        return std::nullopt;
    skipSpace();
    if (at < end && *at == ']')
        return list;
    for (;;) {
        if (at == end || *at++ != '"')
            return std::nullopt;
        const char *const start = at;
        while (at < end && *at != '"' && *at != '\\')
            ++at;
        if (at < end && *at == '"') {
            list.append(texts.get(QUtf8StringView(start, at - start)));
        } else {
            decoded.assign(start, at);
            while (at < end && *at != '"') {
                if (*at != '\\') {
                    decoded += *at++;
                    continue;
                }
                if (++at == end)
                    return std::nullopt;
                switch (const char escape = *at++) {
                case '"':
                case '\\':
                case '/': decoded += escape; break;
                case 'b': decoded += '\b'; break;
                case 'f': decoded += '\f'; break;
                case 'n': decoded += '\n'; break;
                case 'r': decoded += '\r'; break;
                case 't': decoded += '\t'; break;
                case 'u': {
                    auto unit = hex4();
                    if (!unit)
                        return std::nullopt;
                    char32_t c = *unit;
                    if (c >= 0xd800 && c <= 0xdbff && end - at >= 6 && at[0] == '\\' && at[1] == 'u') {
                        const char *const low = at;
                        at += 2;
                        const auto second = hex4();
                        if (second && *second >= 0xdc00 && *second <= 0xdfff)
                            c = 0x10000 + ((c - 0xd800) << 10) + (*second - 0xdc00);
                        else
                            at = low;
                    }
                    appendUtf8(decoded, c);
                    break;
                }
                default: return std::nullopt;
                }
            }
            if (at == end)
                return std::nullopt;
            list.append(texts.get(QUtf8StringView(decoded.data(), static_cast<qsizetype>(decoded.size()))));
        }
        ++at; // the closing quote
        skipSpace();
        if (at == end)
            return std::nullopt;
        if (*at == ']')
            return ++at, skipSpace(), at == end ? std::optional(list) : std::nullopt;
        if (*at++ != ',')
            return std::nullopt;
        skipSpace();
    }
}

/**
 * Gives each list field of `task` its copy, the columns of `row` from `first` on (in field order);
 * a Storage error naming the task and column when one is not a JSON array of strings.
 */
template<class Row>
Result<> readListCopies(const Row &row, int first, Task &task, SharedTexts &texts)
{
    int column = first;
    std::optional<Error> invalid;
    forEachField(RecordTraits<Task>::fields, [&](const auto &field) {
        if constexpr (std::remove_cvref_t<decltype(field)>::isList) {
            detail::withStoredText(row, column++, [&](const std::optional<QAnyStringView> &text) {
                // Borrowed when the row holds UTF-8 already (SQLite), converted otherwise.
                const QByteArray utf8 = text ? detail::utf8Bytes(*text) : QByteArray();
                const QUtf8StringView copy(utf8);
                if (auto list = parseListCopy(copy, texts))
                    task.*field.member = std::move(*list);
                else if (!invalid)
                    invalid = Error {ErrorCode::Storage,
                        u"task "_s % task.id % u" has an invalid "_s % listCopyColumn(field.column) % u" '"_s
                            % copy.toString() % u"' in storage"_s};
            });
        }
    });
    if (invalid)
        return std::unexpected(std::move(*invalid));
    return {};
}

/**
 * The tasks `filter` matches, up to `limit` of them from `offset`, in creation order (ties within
 * a millisecond in insertion order), with their tags and project ids from the copies on their
 * rows: one statement whatever the number of tasks. Every listing and lookup of tasks goes
 * through here, inside its caller's transaction.
 */
/** Each task the filter selects, in its order, handed to `visit` as it is read; `visit`'s error stops the reading. */
Result<> visitTasks(
    Database &db, const TaskFilter &filter, qint64 offset, std::optional<qint64> limit, const TaskVisitor &visit)
{
    static const QString columns = columnList<Task>({}, u"t."_s) % u", t."_s % listCopyColumns<Task>().join(u", t."_s);
    const int firstCopy = static_cast<int>(columnList<Task>().count(u',')) + 1;
    QVariantList values = filter.boundValues();
    QString sql
        = u"SELECT "_s % columns % u" FROM "_s % filter.source % u' ' % filter.where % u" ORDER BY "_s % filter.order;
    // Only when asked: under a LIMIT, SQLite sorts through a b-tree that keeps the first rows, which
    // costs a fifth of a whole listing more than its plain sort.
    if (limit || offset > 0) {
        sql += u" LIMIT ? OFFSET ?"_s;
        values.append(limit ? QVariant(*limit) : SqlDialect::of(db).noLimit());
        values.append(offset);
    }
    SharedTexts texts;
    std::optional<Error> stopped;
    auto read = forEachRow(db, u"cannot read tasks"_s, sql, values, [&](const auto &row) {
        if (stopped)
            return;
        auto task = readColumns<Task>(row);
        if (task) {
            if (auto lists = readListCopies(row, firstCopy, *task, texts); !lists)
                task = std::unexpected(std::move(lists.error()));
        }
        if (!task) {
            stopped = std::move(task.error());
            return;
        }
        if (auto goOn = visit(std::move(*task)); !goOn)
            stopped = std::move(goOn.error());
    });
    if (!read)
        return std::unexpected(std::move(read.error()));
    if (stopped)
        return std::unexpected(std::move(*stopped));
    return {};
}

Result<QList<Task>> loadTasks(
    Database &db, const TaskFilter &filter, qint64 offset = 0, std::optional<qint64> limit = {})
{
    QList<Task> tasks;
    auto read = visitTasks(db, filter, offset, limit, [&](Task &&task) -> Result<> {
        tasks.append(std::move(task));
        return {};
    });
    if (!read)
        return std::unexpected(std::move(read.error()));
    return tasks;
}

Result<std::optional<Task>> loadTask(Database &db, const QString &id)
{
    auto tasks = db.transact(TransactionKind::Read,
        [&] { return loadTasks(db, tasksWhere(SqlDialect::of(db), u"WHERE t.id = ?"_s, {id})); });
    if (!tasks)
        return std::unexpected(std::move(tasks.error()));
    if (tasks->isEmpty())
        return std::optional<Task>();
    return std::optional<Task>(std::move(tasks->first()));
}

/** NotFound naming the first of `ids` (in the given order) that is not a row of `table`. One statement. */
Result<> requireExisting(Database &db, const QString &table, const QString &what, const QStringList &ids)
{
    auto missing = firstMissing(db, table, ids);
    if (!missing)
        return std::unexpected(std::move(missing.error()));
    if (const std::optional<QString> &id = *missing)
        return fail(ErrorCode::NotFound, what % u' ' % *id % u" not found"_s);
    return {};
}

Result<> requireProjects(Database &db, const QStringList &projectIds)
{
    return requireExisting(db, u"projects"_s, u"project"_s, projectIds);
}

/**
 * Conflict naming the first task of `seen` (in creation order) whose updatedAt is no longer the
 * one its client read: someone changed it since. Compared as stored text, which is canonical.
 */
Result<> requireUnchanged(Database &db, const SeenVersions &seen)
{
    if (seen.isEmpty())
        return {};
    const SqlDialect &dialect = SqlDialect::of(db);
    std::optional<Error> changed;
    auto read = forEachRow(db, u"cannot check for changes by others"_s,
        u"SELECT id, title, updated_at FROM tasks WHERE id IN ("_s % dialect.jsonArrayValues(u"?"_s)
            % u") ORDER BY created_at, "_s % dialect.insertionOrder(),
        {toJsonArray(seen.keys())}, [&](const auto &row) {
            if (changed || row.text(2) == formatTimestamp(seen.value(row.text(0))))
                return;
            changed = Error {ErrorCode::Conflict,
                u"“"_s % row.text(1) % u"” was changed elsewhere after it was read (at "_s % row.text(2)
                    % u"); read it again before changing it"_s};
        });
    if (!read)
        return read;
    if (changed)
        return std::unexpected(std::move(*changed));
    return {};
}

/** Gives each of `taskIds` all of `values` (tags or links) with a single statement; position = list index. */
Result<> insertList(Database &db, const QString &what, const QString &table, const QString &column,
    const QStringList &taskIds, const QStringList &values)
{
    if (values.isEmpty() || taskIds.isEmpty())
        return {};
    const SqlDialect &dialect = SqlDialect::of(db);
    auto statement = Statement::prepare(db, what,
        u"INSERT INTO "_s % table % u" (task_id, "_s % column % u", position) SELECT t.value, j.value, j.key FROM "_s
            % dialect.jsonArrayRows(u"?"_s, u"t"_s) % u", "_s % dialect.jsonArrayRows(u"?"_s, u"j"_s));
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    statement->bind(toJsonArray(taskIds)).bind(toJsonArray(values));
    return statement->exec();
}

/** Tasks linked to any of `projectIds` (which travel as one JSON array parameter: no user text is
 * ever spliced into SQL). */
TaskFilter inProjects(const SqlDialect &dialect, const QStringList &projectIds)
{
    const BoundCondition inProject = dialect.isOneOf(u"l.project_id"_s, withoutDuplicates(projectIds));
    TaskFilter filter = tasksWhere(dialect,
        u"WHERE "_s % dialect.taskIdIn(u"SELECT l.task_id FROM task_projects AS l WHERE "_s % inProject.sql),
        {inProject.value});
    // Links only ever point at existing tasks (foreign keys), so counting them needs no task row.
    filter.count = u"SELECT count(DISTINCT l.task_id) FROM task_projects AS l WHERE "_s % inProject.sql;
    return filter;
}

/** The tasks `query` asks for, as one filter: its conditions joined with AND. */
TaskFilter filterOf(const SqlDialect &dialect, const TaskQuery &query)
{
    TaskFilter filter = query.projectIds ? inProjects(dialect, *query.projectIds) : tasksWhere(dialect);
    QStringList conditions;
    QStringList values;
    if (query.ids) {
        const BoundCondition isListed = dialect.isOneOf(u"t.id"_s, *query.ids);
        conditions.append(isListed.sql);
        values.append(isListed.value);
    }
    const std::optional<TextSearchSql> search = query.text ? dialect.textSearch(*query.text) : std::nullopt;
    if (query.text && !search)
        conditions.append(u"1 = 0"_s); // no word: nothing matches
    if (search) {
        conditions.append(search->condition);
        values.append(search->conditionValues);
    }
    if (query.completed) {
        // The status spelled out, not bound: SQLite uses a partial index only for the very terms
        // its WHERE names, and tasks_open_by_creation / tasks_done_by_creation hold the open and
        // the completed tasks in listing order (a page then skips index entries, not table rows).
        const QString completed = u"'"_s % enumName(Status::Completed) % u"'"_s;
        conditions.append((*query.completed ? u"t.status = "_s : u"t.status <> "_s) % completed);
    }
    // Due dates are text that sorts in time order, a day before its timed entries: a day's
    // range is [day, next day).
    if (query.dueFrom) {
        conditions.append(u"t.due_date >= ?"_s);
        values.append(formatLocalDate(LocalDate {*query.dueFrom, std::nullopt}));
    }
    if (query.dueUntil) {
        conditions.append(u"t.due_date < ?"_s);
        values.append(formatDayAfter(*query.dueUntil));
    }
    if (conditions.isEmpty())
        return filter;
    if (search) {
        filter.source = search->source;
        filter.sourceValues = search->sourceValues;
        filter.order = search->order;
    } else if (query.dueFrom || query.dueUntil) {
        filter.source = dialect.tasksByDueDate();
    }
    const QString joined = conditions.join(u" AND "_s);
    filter.where = filter.where.isEmpty() ? QString(u"WHERE "_s % joined) : QString(filter.where % u" AND "_s % joined);
    filter.values.append(values);
    filter.count = u"SELECT count(*) FROM "_s % filter.source % u' ' % filter.where;
    return filter;
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
    auto statement = Statement::prepare(db, what,
        u"DELETE FROM "_s % table % u" WHERE task_id IN ("_s % SqlDialect::of(db).jsonArrayValues(u"?"_s) % u')');
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    statement->bind(toJsonArray(taskIds));
    return statement->exec();
}

/** Where one of a task's lists lives: its rows' table and the task's JSON copy of them. */
struct StoredList {
    QString what;
    QString table;
    QString copyColumn;
    Result<> (*insert)(Database &, const QStringList &, const QStringList &);
};

const StoredList &storedTags()
{
    static const StoredList tags {u"cannot save task tags"_s, u"task_tags"_s, listCopyColumn(u"tags"), &insertTags};
    return tags;
}

const StoredList &storedLinks()
{
    static const StoredList links {
        u"cannot link task to projects"_s, u"task_projects"_s, listCopyColumn(u"project_ids"), &insertLinks};
    return links;
}

/** Gives every task of `taskIds` the list `items` (its rows and its JSON copy). */
Result<> replaceList(Database &db, const StoredList &list, const QStringList &taskIds, const QStringList &items)
{
    auto copy = Statement::prepare(db, list.what,
        u"UPDATE tasks SET "_s % list.copyColumn % u" = ? WHERE id IN ("_s % SqlDialect::of(db).jsonArrayValues(u"?"_s)
            % u')');
    if (!copy)
        return std::unexpected(std::move(copy.error()));
    copy->bind(toJsonArray(items)).bind(toJsonArray(taskIds));
    if (auto saved = copy->exec(); !saved)
        return saved;
    if (auto cleared = deleteFor(db, list.what, list.table, taskIds); !cleared)
        return cleared;
    return list.insert(db, taskIds, items);
}

/** `items` without `removed`, then `added` after them, each once. */
QStringList editedList(const QStringList &items, const QStringList &added, const QStringList &removed)
{
    QStringList result;
    for (const QString &item : items) {
        if (!removed.contains(item))
            result.append(item);
    }
    for (const QString &item : added) {
        if (!result.contains(item))
            result.append(item);
    }
    return result;
}

/**
 * Makes `edits` to the tags and project links of each task of `taskIds`: the tasks that end with
 * the same list share one replaceList(), and a task whose list does not change is not written.
 */
Result<> applyListEdits(Database &db, const QStringList &taskIds, const TaskListEdits &edits)
{
    auto tasks = loadTasks(db, filterOf(SqlDialect::of(db), {.ids = taskIds}));
    if (!tasks)
        return std::unexpected(std::move(tasks.error()));
    QHash<QStringList, QStringList> byTags;
    QHash<QStringList, QStringList> byProjects;
    for (const Task &task : std::as_const(*tasks)) {
        if (QStringList tags = editedList(task.tags, edits.addTags, edits.removeTags); tags != task.tags)
            byTags[tags].append(task.id);
        if (QStringList projects = editedList(task.projectIds, edits.addProjectIds, edits.removeProjectIds);
            projects != task.projectIds)
            byProjects[projects].append(task.id);
    }
    for (const auto &[list, groups] : {std::pair {&storedTags(), &byTags}, std::pair {&storedLinks(), &byProjects}}) {
        for (auto group = groups->cbegin(); group != groups->cend(); ++group) {
            if (auto replaced = replaceList(db, *list, group.value(), group.key()); !replaced)
                return replaced;
        }
    }
    return {};
}

/**
 * `edits` with the rules of a patch's lists (tags trimmed, not blank, each once; ids each once);
 * InvalidArgument when `patch` also sets a list that `edits` edits, or an item is both added and
 * removed.
 */
Result<TaskListEdits> normalizedEdits(TaskListEdits edits, const TaskPatch &patch)
{
    edits.addTags = normalizedTags(edits.addTags);
    edits.removeTags = normalizedTags(edits.removeTags);
    edits.addProjectIds = withoutDuplicates(edits.addProjectIds);
    edits.removeProjectIds = withoutDuplicates(edits.removeProjectIds);
    if (patch.tags && edits.editsTags())
        return fail(ErrorCode::InvalidArgument,
            u"tags cannot be set and edited at once: give tags, or addTags and removeTags"_s);
    if (patch.projectIds && edits.editsProjects())
        return fail(ErrorCode::InvalidArgument,
            u"projectIds cannot be set and edited at once: give projectIds, or addProjectIds and removeProjectIds"_s);
    for (const auto &[added, removed, what] : {std::tuple {&edits.addTags, &edits.removeTags, u"tag"_s},
             std::tuple {&edits.addProjectIds, &edits.removeProjectIds, u"project"_s}}) {
        for (const QString &item : *added) {
            if (removed->contains(item))
                return fail(
                    ErrorCode::InvalidArgument, what % u" “"_s % item % u"” cannot be both added and removed"_s);
        }
    }
    return edits;
}

/**
 * The patch with the repository's rules applied to what it gives: a title trimmed and not empty,
 * a blank description or recurrence absent, a recurrence canonical, tags trimmed, not blank and
 * each once, project ids each once, checklist items trimmed and not blank.
 */
Result<TaskPatch> normalizedPatch(TaskPatch patch)
{
    auto title = requiredTextIfGiven(patch.title, u"title");
    if (!title)
        return std::unexpected(std::move(title.error()));
    patch.title = std::move(*title);
    if (patch.description)
        patch.description = normalizedDescription(*patch.description);
    if (patch.recurrence) {
        auto recurrence = normalizedRecurrence(*patch.recurrence);
        if (!recurrence)
            return std::unexpected(std::move(recurrence.error()));
        patch.recurrence = std::move(*recurrence);
    }
    if (patch.tags)
        patch.tags = normalizedTags(*patch.tags);
    if (patch.projectIds)
        patch.projectIds = withoutDuplicates(*patch.projectIds);
    if (patch.checklist)
        patch.checklist = normalizedChecklist(*patch.checklist);
    return patch;
}

/** One text value of `sql` (taking `values`), or an empty text when there is no row or it is NULL. */
Result<QString> textValue(Database &db, const QString &what, const QString &sql, const QStringList &values)
{
    auto value = Statement::queryValue(db, what, sql, values);
    if (!value)
        return std::unexpected(std::move(value.error()));
    return value->toString();
}

/** The smallest order key after `key` (every key when empty) of a task other than `exceptId`. */
Result<QString> nextOrderKey(Database &db, const QString &key, const QString &exceptId)
{
    return textValue(db, u"cannot read the task order"_s,
        u"SELECT min(sort_key) FROM tasks WHERE sort_key > ? AND id <> ?"_s, {key, exceptId});
}

/**
 * The occurrence that follows `task` (as it is once completed) under its recurrence: the first
 * date of the rule after `today`, counted from the task's due date (or `today`); nullopt when the
 * rule has ended. The occurrences skipped to reach it count against the rule's COUNT.
 */
Result<std::optional<Task>> nextOccurrenceOf(const Task &task, const QDate &today, const QDateTime &now)
{
    auto rule = parseRecurrence(task.recurrence.value_or(QString()));
    if (!rule)
        return fail(ErrorCode::Storage,
            u"task "_s % task.id % u" has an invalid recurrence '"_s % task.recurrence.value_or(QString())
                % u"' in storage"_s);
    std::optional<Occurrence> next {
        Occurrence {.due = task.dueDate.value_or(LocalDate {today, std::nullopt}), .rule = *rule}};
    // Bounded: a daily task overdue for decades steps a few ten thousand times.
    for (int step = 0; next && (step == 0 || next->due.date <= today); ++step) {
        if (step == 100'000)
            return std::optional<Task>();
        next = nextOccurrence(next->rule, next->due);
    }
    if (!next)
        return std::optional<Task>();
    Task occurrence = task;
    occurrence.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    occurrence.status = Status::Backlog;
    occurrence.completedAt.reset();
    occurrence.dueDate = next->due;
    occurrence.recurrence = formatRecurrence(next->rule);
    // A call, not a loop here: a loop among this function's optionals took clang-tidy's
    // bugprone-unchecked-optional-access from seconds to over ten minutes.
    occurrence.checklist = untickedChecklist(occurrence.checklist);
    occurrence.createdAt = now;
    occurrence.updatedAt = now;
    return std::optional<Task>(std::move(occurrence));
}

/** Tasks per statement of a bulk change: each group is reported done, and a cancel is heard between groups. */
constexpr qsizetype kTasksPerStep = 500;

/**
 * Each task's next updatedAt, in SQL: the time bound to both `?`s, or 1 ms after the task's own
 * when that is not earlier (nextUpdateTimestamp() per row).
 */
QString nextUpdatedAt(Database &db)
{
    return u"CASE WHEN updated_at < CAST(? AS text) THEN CAST(? AS text) ELSE "_s
        % SqlDialect::of(db).oneMillisecondAfter(u"updated_at"_s) % u" END"_s;
}

} // namespace

// Shared through stored_rows.h with SqlDataTransfer.

Result<> forEachStoredTask(Database &db, const TaskVisitor &visit)
{
    return visitTasks(db, tasksWhere(SqlDialect::of(db)), 0, std::nullopt, visit);
}

Result<> insertTask(Database &db, const Task &task)
{
    static const QString sql = insertTaskSql();
    auto insert = Statement::prepare(db, u"cannot save task"_s, sql);
    if (!insert)
        return std::unexpected(std::move(insert.error()));
    bindColumns(*insert, task);
    bindListCopies(*insert, task);
    if (auto saved = insert->exec(); !saved)
        return saved;
    if (auto tags = insertTags(db, {task.id}, task.tags); !tags)
        return tags;
    return insertLinks(db, {task.id}, task.projectIds);
}

Result<std::optional<QString>> firstMissing(Database &db, const QString &table, const QStringList &ids)
{
    if (ids.isEmpty())
        return std::optional<QString>();
    auto statement = Statement::prepare(db, u"cannot check "_s % table,
        u"SELECT j.value FROM "_s % SqlDialect::of(db).jsonArrayRows(u"?"_s, u"j"_s)
            % u" WHERE NOT EXISTS (SELECT 1 FROM "_s % table % u" AS r WHERE r.id = j.value) ORDER BY j.key LIMIT 1"_s);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    statement->bind(toJsonArray(ids));
    if (auto ran = statement->exec(); !ran)
        return std::unexpected(std::move(ran.error()));
    auto value = statement->singleValue();
    if (!value)
        return std::unexpected(std::move(value.error()));
    const std::optional<QVariant> &missing = *value;
    if (!missing)
        return std::optional<QString>();
    return std::optional<QString>(missing->toString());
}

Result<QString> lastOrderKey(Database &db)
{
    return textValue(db, u"cannot read the task order"_s, u"SELECT max(sort_key) FROM tasks"_s, {});
}

Result<QString> storedKeyBetween(const QString &before, const QString &after)
{
    auto key = orderKeyBetween(before, after);
    if (!key)
        return fail(ErrorCode::Storage, u"the task order is damaged: "_s % key.error().message);
    return key;
}

SqlTaskRepository::SqlTaskRepository(Database &db)
    : m_db(db)
{
}

Result<TaskListing> SqlTaskRepository::list(const TaskQuery &query)
{
    return list(query, 0, {});
}

Result<TaskListing> SqlTaskRepository::list(const TaskQuery &query, qsizetype partRows, const PartSink &onPart)
{
    const TaskFilter filter = filterOf(SqlDialect::of(m_db), query);
    return m_db.transact(TransactionKind::Read, [&]() -> Result<TaskListing> {
        auto version = m_db.changeVersion();
        if (!version)
            return std::unexpected(std::move(version.error()));
        TaskListing listing {.tasks = {}, .total = 0, .version = std::move(*version)};
        qint64 read = 0;
        auto visited = visitTasks(m_db, filter, query.offset, query.limit, [&](Task &&task) -> Result<> {
            // A full part goes once a row after it shows it is not the last.
            if (partRows > 0 && listing.tasks.size() == partRows) {
                listing.total = query.offset + read;
                if (auto sent = onPart(listing); !sent)
                    return sent;
                listing.tasks.clear();
            }
            listing.tasks.append(std::move(task));
            ++read;
            return {};
        });
        if (!visited)
            return std::unexpected(std::move(visited.error()));
        if (query.offset == 0 && (!query.limit || read < *query.limit)) {
            listing.total = read;
        } else {
            auto counted = forEachRow(m_db, u"cannot count tasks"_s, filter.count, filter.boundValues(),
                [&](const auto &row) { listing.total = row.text(0).toLongLong(); });
            if (!counted)
                return std::unexpected(std::move(counted.error()));
        }
        return listing;
    });
}

Result<std::optional<Task>> SqlTaskRepository::findById(const QString &id)
{
    return loadTask(m_db, id);
}

Result<Task> SqlTaskRepository::create(const TaskDraft &draft)
{
    auto title = requiredText(draft.title, u"title");
    if (!title)
        return std::unexpected(std::move(title.error()));
    auto recurrence = normalizedRecurrence(draft.recurrence);
    if (!recurrence)
        return std::unexpected(std::move(recurrence.error()));

    Task task = recordFromDraft<Task>(draft);
    task.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    task.title = std::move(*title);
    task.description = normalizedDescription(draft.description);
    task.recurrence = std::move(*recurrence);
    task.tags = normalizedTags(draft.tags);
    task.projectIds = withoutDuplicates(draft.projectIds);
    task.checklist = normalizedChecklist(draft.checklist);
    task.createdAt = currentTimestamp();
    task.updatedAt = task.createdAt;
    if (task.status == Status::Completed)
        task.completedAt = task.createdAt;

    return m_db.transact([&]() -> Result<Task> {
        if (auto known = requireProjects(m_db, task.projectIds); !known)
            return std::unexpected(std::move(known.error()));
        auto last = lastOrderKey(m_db);
        if (!last)
            return std::unexpected(std::move(last.error()));
        auto key = storedKeyBetween(*last, {});
        if (!key)
            return std::unexpected(std::move(key.error()));
        task.sortKey = std::move(*key);
        auto entry = JournalEntry::begin(m_db);
        if (!entry)
            return std::unexpected(std::move(entry.error()));
        if (auto captured = entry->captureBefore(JournalRowKind::Task, {task.id}); !captured)
            return std::unexpected(std::move(captured.error()));
        if (auto saved = insertTask(m_db, task); !saved)
            return std::unexpected(std::move(saved.error()));
        if (auto recorded = entry->finish(u"Add"_s, JournalRowKind::Task, {task.id}); !recorded)
            return std::unexpected(std::move(recorded.error()));
        return task;
    });
}

Result<TaskUpdate> SqlTaskRepository::updateMany(const QStringList &ids, const TaskPatch &patch,
    const TaskListEdits &edits, const SeenVersions &seen, Operation &operation)
{
    auto normalized = normalizedPatch(patch);
    if (!normalized)
        return std::unexpected(std::move(normalized.error()));
    auto listEdits = normalizedEdits(edits, *normalized);
    if (!listEdits)
        return std::unexpected(std::move(listEdits.error()));
    const QStringList taskIds = withoutDuplicates(ids);
    const bool completes = normalized->status == Status::Completed;

    return m_db.transact([&]() -> Result<TaskUpdate> {
        if (auto known = requireExisting(m_db, u"tasks"_s, u"task"_s, taskIds); !known)
            return std::unexpected(std::move(known.error()));
        if (auto unchanged = requireUnchanged(m_db, seen); !unchanged)
            return std::unexpected(std::move(unchanged.error()));
        if (auto known
            = requireProjects(m_db, normalized->projectIds.value_or(QStringList()) + listEdits->addProjectIds);
            !known)
            return std::unexpected(std::move(known.error()));
        auto entry = JournalEntry::begin(m_db);
        if (!entry)
            return std::unexpected(std::move(entry.error()));
        // The recurring tasks this update completes, read before it marks them completed: their
        // ids only, since the tasks themselves are read once, after the update.
        QSet<QString> recurring;
        if (completes) {
            auto repeating = Statement::prepare(m_db, u"cannot read recurring tasks"_s,
                u"SELECT id FROM tasks WHERE id IN ("_s % SqlDialect::of(m_db).jsonArrayValues(u"?"_s)
                    % u") AND recurrence IS NOT NULL AND status <> ?"_s);
            if (!repeating)
                return std::unexpected(std::move(repeating.error()));
            repeating->bind(toJsonArray(taskIds)).bind(enumName(Status::Completed));
            if (auto ran = repeating->exec(); !ran)
                return std::unexpected(std::move(ran.error()));
            if (auto read = repeating->forEachRow([&](const Statement &row) { recurring.insert(row.text(0)); }); !read)
                return std::unexpected(std::move(read.error()));
        }
        const QDateTime now = currentTimestamp();
        const QString nowText = formatTimestamp(now);
        // Only the columns the patch gives are written: the others stay exactly as stored.
        QStringList assignments = patchAssignments<Task>(*normalized);
        QStringList values;
        if (completes) {
            // Completed by this change: at its updatedAt (which may be 1 ms past the clock).
            assignments.append(
                u"completed_at = CASE WHEN status = ? THEN completed_at ELSE "_s % nextUpdatedAt(m_db) % u" END"_s);
            values.append({enumName(Status::Completed), nowText, nowText});
        } else if (normalized->status) {
            assignments.append(u"completed_at = NULL"_s);
        }
        assignments.append(u"updated_at = "_s % nextUpdatedAt(m_db));
        values.append({nowText, nowText});
        const QString sql = u"UPDATE tasks SET "_s % assignments.join(u", "_s) % u" WHERE id IN ("_s
            % SqlDialect::of(m_db).jsonArrayValues(u"?"_s) % u')';
        // A group of tasks at a time, each reported done: a bulk change of thousands shows how far it is.
        OperationPhase saving(operation, u"saving", taskIds.size());
        for (qsizetype from = 0; from < taskIds.size(); from += kTasksPerStep) {
            if (auto goOn = saving.checkCancelled(); !goOn)
                return std::unexpected(std::move(goOn.error()));
            const QStringList group = taskIds.mid(from, kTasksPerStep);
            if (auto captured = entry->captureBefore(JournalRowKind::Task, group); !captured)
                return std::unexpected(std::move(captured.error()));
            auto statement = Statement::prepare(m_db, u"cannot save task"_s, sql);
            if (!statement)
                return std::unexpected(std::move(statement.error()));
            bindPatch<Task>(*statement, *normalized);
            for (const QString &value : values)
                statement->bind(value);
            statement->bind(toJsonArray(group));
            if (auto saved = statement->exec(); !saved)
                return std::unexpected(std::move(saved.error()));
            for (const auto &[list, items] :
                {std::pair {&storedTags(), &normalized->tags}, std::pair {&storedLinks(), &normalized->projectIds}}) {
                if (!*items)
                    continue;
                if (auto replaced = replaceList(m_db, *list, group, **items); !replaced)
                    return std::unexpected(std::move(replaced.error()));
            }
            if (listEdits->editsTags() || listEdits->editsProjects()) {
                if (auto edited = applyListEdits(m_db, group, *listEdits); !edited)
                    return std::unexpected(std::move(edited.error()));
            }
            saving.advanceBy(group.size());
        }
        TaskUpdate update;
        auto tasks = loadTasks(m_db, filterOf(SqlDialect::of(m_db), {.ids = taskIds}));
        if (!tasks)
            return std::unexpected(std::move(tasks.error()));
        update.tasks = std::move(*tasks);
        for (const Task &task : std::as_const(update.tasks)) {
            // A task this update stops repeating has no next occurrence.
            if (!recurring.contains(task.id) || !task.recurrence)
                continue;
            auto next = nextOccurrenceOf(task, QDate::currentDate(), now);
            if (!next)
                return std::unexpected(std::move(next.error()));
            if (!*next)
                continue;
            // Where the completed task was, in the user's own order: right after it.
            auto following = nextOrderKey(m_db, task.sortKey, task.id);
            if (!following)
                return std::unexpected(std::move(following.error()));
            auto key = storedKeyBetween(task.sortKey, *following);
            if (!key)
                return std::unexpected(std::move(key.error()));
            (*next)->sortKey = std::move(*key);
            if (auto captured = entry->captureBefore(JournalRowKind::Task, {(*next)->id}); !captured)
                return std::unexpected(std::move(captured.error()));
            if (auto saved = insertTask(m_db, **next); !saved)
                return std::unexpected(std::move(saved.error()));
            update.nextOccurrences.append(std::move(**next));
        }
        if (auto recorded = entry->finish(completes ? u"Complete"_s : u"Edit"_s, JournalRowKind::Task, taskIds);
            !recorded)
            return std::unexpected(std::move(recorded.error()));
        return update;
    });
}

Result<Task> SqlTaskRepository::move(const QString &id, const std::optional<QString> &afterId)
{
    if (afterId == id)
        return fail(ErrorCode::InvalidArgument, u"task "_s % id % u" cannot be moved after itself"_s);
    return m_db.transact([&]() -> Result<Task> {
        QStringList known {id};
        if (afterId)
            known.append(*afterId);
        if (auto exists = requireExisting(m_db, u"tasks"_s, u"task"_s, known); !exists)
            return std::unexpected(std::move(exists.error()));
        QString before;
        if (afterId) {
            auto key = textValue(
                m_db, u"cannot read the task order"_s, u"SELECT sort_key FROM tasks WHERE id = ?"_s, {*afterId});
            if (!key)
                return std::unexpected(std::move(key.error()));
            before = std::move(*key);
        }
        // Between the task it follows and the one after that in the whole order: a list filtered
        // by project or date is part of that order, so the move reads the same in it.
        auto after = nextOrderKey(m_db, before, id);
        if (!after)
            return std::unexpected(std::move(after.error()));
        auto key = storedKeyBetween(before, *after);
        if (!key)
            return std::unexpected(std::move(key.error()));
        auto entry = JournalEntry::begin(m_db);
        if (!entry)
            return std::unexpected(std::move(entry.error()));
        if (auto captured = entry->captureBefore(JournalRowKind::Task, {id}); !captured)
            return std::unexpected(std::move(captured.error()));
        auto statement = Statement::prepare(m_db, u"cannot move task"_s,
            u"UPDATE tasks SET sort_key = ?, updated_at = "_s % nextUpdatedAt(m_db) % u" WHERE id = ?"_s);
        if (!statement)
            return std::unexpected(std::move(statement.error()));
        const QString now = formatTimestamp(currentTimestamp());
        statement->bind(*key).bind(now).bind(now).bind(id);
        if (auto saved = statement->exec(); !saved)
            return std::unexpected(std::move(saved.error()));
        if (auto recorded = entry->finish(u"Move"_s, JournalRowKind::Task, {id}); !recorded)
            return std::unexpected(std::move(recorded.error()));
        auto moved = loadTasks(m_db, filterOf(SqlDialect::of(m_db), {.ids = QStringList {id}}));
        if (!moved)
            return std::unexpected(std::move(moved.error()));
        return moved->first();
    });
}

Result<> SqlTaskRepository::removeMany(const QStringList &ids, const SeenVersions &seen, Operation &operation)
{
    const QStringList taskIds = withoutDuplicates(ids);
    return m_db.transact([&]() -> Result<> {
        if (auto known = requireExisting(m_db, u"tasks"_s, u"task"_s, taskIds); !known)
            return known;
        if (auto unchanged = requireUnchanged(m_db, seen); !unchanged)
            return unchanged;
        auto entry = JournalEntry::begin(m_db);
        if (!entry)
            return std::unexpected(std::move(entry.error()));
        OperationPhase deleting(operation, u"deleting", taskIds.size());
        for (qsizetype from = 0; from < taskIds.size(); from += kTasksPerStep) {
            if (auto goOn = deleting.checkCancelled(); !goOn)
                return goOn;
            const QStringList group = taskIds.mid(from, kTasksPerStep);
            if (auto captured = entry->captureBefore(JournalRowKind::Task, group); !captured)
                return captured;
            // Tags and project links go with the rows (ON DELETE CASCADE).
            auto statement = Statement::prepare(m_db, u"cannot delete task"_s,
                u"DELETE FROM tasks WHERE id IN ("_s % SqlDialect::of(m_db).jsonArrayValues(u"?"_s) % u')');
            if (!statement)
                return std::unexpected(std::move(statement.error()));
            statement->bind(toJsonArray(group));
            if (auto deleted = statement->exec(); !deleted)
                return deleted;
            deleting.advanceBy(group.size());
        }
        return entry->finish(u"Delete"_s, JournalRowKind::Task, taskIds);
    });
}

} // namespace quire::core
