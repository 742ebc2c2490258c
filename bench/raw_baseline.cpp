// SPDX-License-Identifier: MIT
// quire_bench_raw: the raw SQLite baselines bench/run.mjs divides the app's figures by. Written
// straight against the sqlite3 C API (no quire_core, no Qt SQL), on the databases bench/run seeds.
// Only the table names "tasks" and "projects" are assumed; columns, keys and the tables hanging off
// a task (its tags, its project links: every table with a foreign key to tasks) are read from the
// file's own schema, so the baseline follows the schema wherever it goes.
//
//   quire_bench_raw lookup <db> <n> [ids]                 one task by id: its row, then the rows of
//                                                         every table referring to it; n random ids
//   quire_bench_raw commit <db> <n> [ids]                 durable inserts (WAL, synchronous=FULL,
//                                                         foreign_keys=ON like the app), one
//                                                         transaction per task: a copy of an existing
//                                                         task's row and its child rows under a new
//                                                         id, into a scratch copy of <db>
//   quire_bench_raw bulk <db> <rounds> <size> [ids]      durable updates of `size` tasks at once, as
//                                                         completing them does (status, and every
//                                                         *_at column but created_at), one
//                                                         transaction each, into a scratch copy of
//                                                         <db>; a warm-up round first, on the ids
//                                                         after those of the measured rounds
//   quire_bench_raw read <db> <projectId|all> <reps>      every column of the project's (or all)
//                                                         tasks and of their child rows, stepping
//                                                         the statements and touching every value
//   quire_bench_raw read-due <db> <name> <from> <before> <reps>
//                                                         the same for the open tasks due on or
//                                                         after <from> and before <before> (text
//                                                         bounds on due_date, "-" for none): what
//                                                         Today and Upcoming list
//   quire_bench_raw pages <db> <page size> <reps>         every task row in listing order: by one
//                                                         statement, by OFFSET pages, by key pages
// [ids]: a file of task ids, one a line, to use in that order instead of random ones (the ones
// the page used, so both sides touch the same tasks); sample i uses line i % lines, and the
// warm-up the lines after the first n.
// Each prints one JSON line {"name", "median_ms", "p99_ms", "rows"} (rows: tasks per sample).
#include "bench_stats.h"

#include <sqlite3.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;
using quire::bench::report;
using quire::bench::Stats;
using quire::bench::statsOf;

namespace {

struct Failure {
    std::string message;
};

[[noreturn]] void fail(sqlite3 *db, const std::string &what)
{
    throw Failure {what + (db ? std::string(": ") + sqlite3_errmsg(db) : std::string())};
}

struct DatabaseCloser {
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using DatabaseHandle = std::unique_ptr<sqlite3, DatabaseCloser>;

DatabaseHandle open(const std::string &path, int flags)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    DatabaseHandle db(raw);
    if (rc != SQLITE_OK)
        fail(raw, "cannot open " + path);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

void exec(sqlite3 *db, const std::string &sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "?";
        sqlite3_free(error);
        throw Failure {sql + ": " + message};
    }
}

/** A prepared statement, reset before each use. */
class Statement
{
public:
    Statement(sqlite3 *db, const std::string &sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) != SQLITE_OK)
            fail(db, "cannot prepare " + sql);
    }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement() { sqlite3_finalize(m_statement); }

    sqlite3_stmt *get() const { return m_statement; }
    void reset()
    {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    void bindText(int index, const std::string &text)
    {
        if (sqlite3_bind_text(m_statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT)
            != SQLITE_OK)
            fail(m_db, "cannot bind");
    }
    bool step()
    {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            fail(m_db, std::string("cannot step ") + sqlite3_sql(m_statement));
        return false;
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
};

/** Everything read is folded in here, so no read can be optimised away. */
std::uint64_t g_sink = 0;

/** Reads every column of the current row, as the app's serialiser would have to. */
void touchRow(sqlite3_stmt *statement)
{
    const int columns = sqlite3_column_count(statement);
    for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(statement, c)) {
        case SQLITE_INTEGER: g_sink += static_cast<std::uint64_t>(sqlite3_column_int64(statement, c)); break;
        case SQLITE_FLOAT: g_sink += static_cast<std::uint64_t>(sqlite3_column_double(statement, c)); break;
        case SQLITE_TEXT: {
            const auto *text = sqlite3_column_text(statement, c);
            const int bytes = sqlite3_column_bytes(statement, c);
            g_sink += static_cast<std::uint64_t>(bytes);
            if (bytes > 0)
                g_sink += static_cast<std::uint64_t>(text[0]) + static_cast<std::uint64_t>(text[bytes - 1]);
            break;
        }
        case SQLITE_BLOB: {
            const auto *blob = static_cast<const unsigned char *>(sqlite3_column_blob(statement, c));
            const int bytes = sqlite3_column_bytes(statement, c);
            g_sink += static_cast<std::uint64_t>(bytes);
            if (bytes > 0)
                g_sink += blob[0];
            break;
        }
        default: ++g_sink;
        }
    }
}

/** Steps to the end, touching every value; returns the number of rows. */
std::int64_t drain(Statement &statement)
{
    std::int64_t rows = 0;
    while (statement.step()) {
        touchRow(statement.get());
        ++rows;
    }
    return rows;
}

std::string quoted(const std::string &name)
{
    std::string out = "\"";
    for (const char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

// ---- The schema, as the file describes it ---------------------------------------------------------

struct Column {
    std::string name;
    std::string type;
    bool primaryKey = false;
};

struct ChildTable {
    std::string name;
    std::string taskColumn; // its column referring to tasks
    std::string projectColumn; // its column referring to projects, if any
    std::vector<Column> columns;
};

struct Schema {
    std::vector<Column> taskColumns;
    std::string taskKey; // the column children refer to (the primary key)
    std::vector<ChildTable> children;
    std::optional<std::size_t> projectLinks; // the child table that also refers to projects
    bool hasRowid = true;
};

std::vector<Column> columnsOf(sqlite3 *db, const std::string &table)
{
    Statement info(db, "SELECT name, type, pk FROM pragma_table_info(?)");
    info.bindText(1, table);
    std::vector<Column> columns;
    while (info.step()) {
        columns.push_back({reinterpret_cast<const char *>(sqlite3_column_text(info.get(), 0)),
            reinterpret_cast<const char *>(sqlite3_column_text(info.get(), 1)), sqlite3_column_int(info.get(), 2) > 0});
    }
    return columns;
}

Schema readSchema(sqlite3 *db)
{
    Schema schema;
    schema.taskColumns = columnsOf(db, "tasks");
    if (schema.taskColumns.empty())
        throw Failure {"no table named tasks: seed the database first (quire_bench_core seed)"};
    for (const Column &column : schema.taskColumns) {
        if (column.primaryKey)
            schema.taskKey = column.name;
    }
    {
        Statement rowid(db,
            "SELECT 1 FROM pragma_index_list('tasks') WHERE origin = 'pk' AND "
            "(SELECT sql FROM sqlite_master WHERE name = 'tasks') LIKE '%WITHOUT ROWID%'");
        schema.hasRowid = !rowid.step();
    }
    Statement tables(db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'tasks' ORDER BY name");
    while (tables.step()) {
        const std::string table = reinterpret_cast<const char *>(sqlite3_column_text(tables.get(), 0));
        Statement keys(db, R"(SELECT "table", "from", "to" FROM pragma_foreign_key_list(?))");
        keys.bindText(1, table);
        ChildTable child {table, {}, {}, {}};
        while (keys.step()) {
            const std::string parent = reinterpret_cast<const char *>(sqlite3_column_text(keys.get(), 0));
            const std::string from = reinterpret_cast<const char *>(sqlite3_column_text(keys.get(), 1));
            if (parent == "tasks") {
                child.taskColumn = from;
                if (const auto *to = sqlite3_column_text(keys.get(), 2))
                    schema.taskKey = reinterpret_cast<const char *>(to);
            } else if (parent == "projects") {
                child.projectColumn = from;
            }
        }
        if (child.taskColumn.empty())
            continue;
        child.columns = columnsOf(db, table);
        schema.children.push_back(std::move(child));
    }
    for (std::size_t i = 0; i < schema.children.size(); ++i) {
        if (!schema.children[i].projectColumn.empty())
            schema.projectLinks = i;
    }
    if (schema.taskKey.empty())
        throw Failure {"tasks has no primary key"};
    return schema;
}

std::vector<std::string> taskIds(sqlite3 *db, const Schema &schema)
{
    Statement all(db, "SELECT " + quoted(schema.taskKey) + " FROM tasks");
    std::vector<std::string> ids;
    while (all.step())
        ids.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(all.get(), 0)));
    if (ids.empty())
        throw Failure {"no tasks: seed the database first"};
    return ids;
}

/** The ids in `idsFile`, or all ids of the file in a random order. */
std::vector<std::string> chosenIds(sqlite3 *db, const Schema &schema, const QString &idsFile, std::uint64_t seed)
{
    if (idsFile.isEmpty()) {
        std::vector<std::string> ids = taskIds(db, schema);
        std::mt19937_64 random(seed);
        std::shuffle(ids.begin(), ids.end(), random);
        return ids;
    }
    QFile file(idsFile);
    if (!file.open(QIODevice::ReadOnly))
        throw Failure {"cannot read " + idsFile.toStdString()};
    std::vector<std::string> ids;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            ids.push_back(line.trimmed().toStdString());
    }
    if (ids.empty())
        throw Failure {idsFile.toStdString() + " holds no ids"};
    return ids;
}

// ---- Timing -------------------------------------------------------------------------------------

Stats measure(int repetitions, const std::function<void(int)> &work)
{
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(repetitions));
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        work(i);
        samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return statsOf(samples);
}

// ---- lookup -------------------------------------------------------------------------------------

int lookup(const std::string &path, int count, const QString &idsFile)
{
    DatabaseHandle db = open(path, SQLITE_OPEN_READWRITE);
    const Schema schema = readSchema(db.get());
    const std::vector<std::string> ids = chosenIds(db.get(), schema, idsFile, 20261125);

    Statement task(db.get(), "SELECT * FROM tasks WHERE " + quoted(schema.taskKey) + " = ?");
    std::vector<std::unique_ptr<Statement>> children;
    children.reserve(schema.children.size());
    for (const ChildTable &child : schema.children) {
        children.push_back(std::make_unique<Statement>(
            db.get(), "SELECT * FROM " + quoted(child.name) + " WHERE " + quoted(child.taskColumn) + " = ?"));
    }
    const auto once = [&](int i) {
        const std::string &id = ids[static_cast<std::size_t>(i) % ids.size()];
        task.reset();
        task.bindText(1, id);
        if (drain(task) != 1)
            throw Failure {"task " + id + " not found"};
        for (auto &child : children) {
            child->reset();
            child->bindText(1, id);
            drain(*child);
        }
    };
    for (int i = 0; i < 50; ++i) // warm-up on other ids than the ones measured
        once(count + i);
    report("raw_lookup", measure(count, once), 1);
    return 0;
}

// ---- scratch copies of the seeded file, for the baselines that write ----------------------------

/**
 * A scratch copy of the whole file at `path` + `suffix` (so the indexes are as large as the app's),
 * made through the backup API, which includes whatever is still in the WAL; removed with this object.
 */
class ScratchCopy
{
public:
    ScratchCopy(const std::string &path, const std::string &suffix)
        : m_path(path + suffix)
    {
        remove();
        DatabaseHandle source = open(path, SQLITE_OPEN_READONLY);
        DatabaseHandle target = open(m_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        sqlite3_backup *backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
        if (!backup)
            fail(target.get(), "cannot copy " + path);
        sqlite3_backup_step(backup, -1);
        if (sqlite3_backup_finish(backup) != SQLITE_OK)
            fail(target.get(), "cannot copy " + path);
    }
    ScratchCopy(const ScratchCopy &) = delete;
    ScratchCopy &operator=(const ScratchCopy &) = delete;
    ~ScratchCopy() { remove(); }

    /** The copy opened as the app opens its file: WAL, synchronous=FULL, foreign_keys=ON. */
    [[nodiscard]] DatabaseHandle openDurable() const
    {
        DatabaseHandle db = open(m_path, SQLITE_OPEN_READWRITE);
        exec(db.get(), "PRAGMA foreign_keys = ON");
        exec(db.get(), "PRAGMA journal_mode = WAL");
        exec(db.get(), "PRAGMA synchronous = FULL");
        return db;
    }

private:
    void remove() const
    {
        for (const char *end : {"", "-wal", "-shm"})
            QFile::remove(QString::fromStdString(m_path + end));
    }

    std::string m_path;
};

// ---- commit -------------------------------------------------------------------------------------

int commit(const std::string &path, int count, const QString &idsFile)
{
    const ScratchCopy scratch(path, ".raw-commit.db"); // declared before the connection: removed after it closes
    DatabaseHandle db = scratch.openDurable();
    const Schema schema = readSchema(db.get());
    const std::vector<std::string> templates = chosenIds(db.get(), schema, idsFile, 20261126);

    // INSERT INTO t (c1, c2, ...) SELECT <new id, or now, or c1>, ... FROM t WHERE key = template.
    // Timestamps (columns named *_at) get the time of the insert, as a new task's would.
    const auto copyStatement
        = [&](const std::string &table, const std::vector<Column> &columns, const std::string &keyColumn) {
              std::string names;
              std::string values;
              for (const Column &column : columns) {
                  names += (names.empty() ? "" : ", ") + quoted(column.name);
                  values += values.empty() ? "" : ", ";
                  if (column.name == keyColumn)
                      values += "?1";
                  else if (column.name.size() > 3 && column.name.ends_with("_at"))
                      values += "?3";
                  else
                      values += quoted(column.name);
              }
              return std::make_unique<Statement>(db.get(),
                  "INSERT INTO " + quoted(table) + " (" + names + ") SELECT " + values + " FROM " + quoted(table)
                      + " WHERE " + quoted(keyColumn) + " = ?2");
          };
    std::vector<std::unique_ptr<Statement>> inserts; // the task row first, then its children
    inserts.push_back(copyStatement("tasks", schema.taskColumns, schema.taskKey));
    for (const ChildTable &child : schema.children)
        inserts.push_back(copyStatement(child.name, child.columns, child.taskColumn));
    Statement begin(db.get(), "BEGIN IMMEDIATE");
    Statement end(db.get(), "COMMIT");

    std::int64_t childRows = 0;
    const auto once = [&](int i) {
        const std::string id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        const std::string now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
        const std::string &from = templates[static_cast<std::size_t>(i) % templates.size()];
        begin.reset();
        begin.step();
        for (std::size_t s = 0; s < inserts.size(); ++s) {
            Statement &insert = *inserts[s];
            insert.reset();
            insert.bindText(1, id);
            insert.bindText(2, from);
            if (sqlite3_bind_parameter_count(insert.get()) >= 3)
                insert.bindText(3, now);
            insert.step();
            if (s > 0)
                childRows += sqlite3_changes(db.get());
        }
        end.reset();
        end.step();
    };
    for (int i = 0; i < 20; ++i) // warm-up, on other templates than the ones measured
        once(count + i);
    childRows = 0;
    report("raw_commit", measure(count, once), 1);
    std::string names;
    for (const ChildTable &child : schema.children)
        names += (names.empty() ? "" : ", ") + child.name;
    std::fprintf(stderr, "quire_bench_raw commit: %.2f child rows per task (%s)\n",
        static_cast<double>(childRows) / count, names.c_str());
    return 0;
}

// ---- bulk ---------------------------------------------------------------------------------------

int bulk(const std::string &path, int rounds, int size, const QString &idsFile)
{
    const ScratchCopy scratch(path, ".raw-bulk.db");
    DatabaseHandle db = scratch.openDurable();
    const Schema schema = readSchema(db.get());
    const std::vector<std::string> ids = chosenIds(db.get(), schema, idsFile, 20261203);
    if (ids.size() < static_cast<std::size_t>(rounds + 1) * static_cast<std::size_t>(size))
        throw Failure {"bulk: fewer ids than " + std::to_string(rounds + 1) + " rounds of " + std::to_string(size)};

    // What completing a task changes: its status, and its timestamps but the creation's.
    std::string assignments = quoted("status") + " = 'completed'";
    for (const Column &column : schema.taskColumns) {
        if (column.name.size() > 3 && column.name.ends_with("_at") && column.name != "created_at")
            assignments += ", " + quoted(column.name) + " = ?1";
    }
    Statement update(db.get(),
        "UPDATE tasks SET " + assignments + " WHERE " + quoted(schema.taskKey)
            + " IN (SELECT value FROM json_each(?2))");
    Statement begin(db.get(), "BEGIN IMMEDIATE");
    Statement end(db.get(), "COMMIT");
    // Round i: ids [i * size, (i + 1) * size) as a JSON array; the warm-up (round `rounds`) takes the next ones.
    std::vector<std::string> groups;
    for (std::size_t round = 0; round <= static_cast<std::size_t>(rounds); ++round) {
        std::string group = "[";
        for (std::size_t k = 0; k < static_cast<std::size_t>(size); ++k)
            group += (k == 0 ? "\"" : ",\"") + ids[round * static_cast<std::size_t>(size) + k] + "\"";
        groups.push_back(group + "]");
    }
    const auto once = [&](int round) {
        const std::string now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
        begin.reset();
        begin.step();
        update.reset();
        update.bindText(1, now);
        update.bindText(2, groups[static_cast<std::size_t>(round)]);
        update.step();
        if (sqlite3_changes(db.get()) != size)
            throw Failure {"bulk: the update changed " + std::to_string(sqlite3_changes(db.get())) + " rows, not "
                + std::to_string(size)};
        end.reset();
        end.step();
    };
    once(rounds);
    report("raw_bulk_update", measure(rounds, once), size);
    return 0;
}

// ---- read ---------------------------------------------------------------------------------------

int read(const std::string &path, const std::string &projectId, int repetitions)
{
    DatabaseHandle db = open(path, SQLITE_OPEN_READWRITE);
    const Schema schema = readSchema(db.get());
    const bool all = projectId == "all";
    if (!all && !schema.projectLinks)
        throw Failure {"no table links tasks to projects"};

    std::unique_ptr<Statement> tasks;
    std::vector<std::unique_ptr<Statement>> children;
    if (all) {
        tasks = std::make_unique<Statement>(db.get(), "SELECT * FROM tasks");
        for (const ChildTable &child : schema.children)
            children.push_back(std::make_unique<Statement>(db.get(), "SELECT * FROM " + quoted(child.name)));
    } else {
        // The project's tasks through its links, then every child row of those tasks.
        const ChildTable &links = schema.children[*schema.projectLinks];
        const std::string chosen = "SELECT " + quoted(links.taskColumn) + " FROM " + quoted(links.name) + " WHERE "
            + quoted(links.projectColumn) + " = ?1";
        // By rowid where tasks has one, so the rows are read in file order rather than in key order.
        const std::string byKey = quoted(schema.taskKey) + " IN (" + chosen + ")";
        tasks = std::make_unique<Statement>(db.get(),
            schema.hasRowid ? "SELECT * FROM tasks WHERE rowid IN (SELECT rowid FROM tasks WHERE " + byKey + ")"
                            : "SELECT * FROM tasks WHERE " + byKey);
        for (const ChildTable &child : schema.children) {
            children.push_back(std::make_unique<Statement>(db.get(),
                "SELECT * FROM " + quoted(child.name) + " WHERE " + quoted(child.taskColumn) + " IN (" + chosen + ")"));
        }
    }
    std::int64_t rows = 0;
    const auto once = [&](int) {
        tasks->reset();
        if (!all)
            tasks->bindText(1, projectId);
        rows = drain(*tasks);
        for (auto &child : children) {
            child->reset();
            if (!all)
                child->bindText(1, projectId);
            drain(*child);
        }
    };
    once(0); // warm-up: the page cache, as the app's own first listing warms it
    if (rows == 0)
        throw Failure {"no tasks in " + projectId};
    report(all ? "raw_read_all" : "raw_read_project", measure(repetitions, once), rows);
    // For reference: the task rows alone (what a listing needed when a task's row carried copies
    // of its tags and links, as schema version 3 did).
    const auto taskRowsOnly = [&](int) {
        tasks->reset();
        if (!all)
            tasks->bindText(1, projectId);
        drain(*tasks);
    };
    report(all ? "raw_read_all_task_rows" : "raw_read_project_task_rows", measure(repetitions, taskRowsOnly), rows);
    return 0;
}

/**
 * The open tasks whose due date falls in [from, before) — Today's or Upcoming's rows — with their
 * child rows, as `read` reads a project's; reported as raw_read_<name>.
 */
int readDue(const std::string &path, const std::string &name, const std::string &from, const std::string &before,
    int repetitions)
{
    DatabaseHandle db = open(path, SQLITE_OPEN_READWRITE);
    const Schema schema = readSchema(db.get());
    // Text bounds on the sortable due dates; "-" is no bound (every text is >= '' and < '\x7f').
    const std::string where = "status <> 'completed' AND due_date >= ?1 AND due_date < ?2";
    Statement tasks(db.get(), "SELECT * FROM tasks WHERE " + where);
    std::vector<std::unique_ptr<Statement>> children;
    children.reserve(schema.children.size());
    for (const ChildTable &child : schema.children) {
        children.push_back(std::make_unique<Statement>(db.get(),
            "SELECT * FROM " + quoted(child.name) + " WHERE " + quoted(child.taskColumn) + " IN (SELECT "
                + quoted(schema.taskKey) + " FROM tasks WHERE " + where + ")"));
    }
    const std::string low = from == "-" ? std::string() : from;
    const std::string high = before == "-" ? std::string("\x7f") : before;
    std::int64_t rows = 0;
    const auto bind = [&](Statement &statement) {
        statement.reset();
        statement.bindText(1, low);
        statement.bindText(2, high);
    };
    const auto once = [&](int) {
        bind(tasks);
        rows = drain(tasks);
        for (auto &child : children) {
            bind(*child);
            drain(*child);
        }
    };
    once(0);
    if (rows == 0)
        throw Failure {"no open task due in [" + low + ", " + before + ")"};
    report(("raw_read_" + name).c_str(), measure(repetitions, once), rows);
    return 0;
}

/**
 * A full-text search as the app runs it (schema 9's task_search): the best `limit` tasks for the
 * FTS5 query `match`, ranked as the repository ranks them, with their task rows (whose JSON copies
 * carry tags and links); reported as raw_search_<name>, rows being how many matched in all.
 */
int search(const std::string &path, const std::string &name, const std::string &match, int limit, int repetitions)
{
    DatabaseHandle db = open(path, SQLITE_OPEN_READWRITE);
    Statement best(db.get(),
        "SELECT t.* FROM task_search JOIN tasks AS t ON t.rowid = task_search.rowid WHERE task_search MATCH ?1 "
        "ORDER BY bm25(task_search, 10.0, 2.0, 4.0, 2.0, 3.0) LIMIT "
            + std::to_string(limit));
    Statement count(db.get(), "SELECT count(*) FROM task_search WHERE task_search MATCH ?1");
    count.bindText(1, match);
    const std::int64_t matched = count.step() ? sqlite3_column_int64(count.get(), 0) : 0;
    const auto once = [&](int) {
        best.reset();
        best.bindText(1, match);
        drain(best);
    };
    once(0);
    if (matched == 0)
        throw Failure {"no task matches " + match};
    report(("raw_search_" + name).c_str(), measure(repetitions, once), matched);
    return 0;
}

// ---- pages --------------------------------------------------------------------------------------

/**
 * The SQLite side of the three ways to fetch a whole list in the listing's order (created_at, then
 * rowid): one statement, pages by OFFSET (each page skips the rows before it), pages by key (each
 * page starts after the last row of the one before, so pages must come one after another). The
 * task rows only: the child rows of a page cost the same whichever way the page was found.
 */
int pages(const std::string &path, int pageSize, int repetitions)
{
    DatabaseHandle db = open(path, SQLITE_OPEN_READWRITE);
    const std::string order = " ORDER BY created_at, rowid";
    Statement one(db.get(), "SELECT * FROM tasks" + order);
    Statement byOffset(db.get(), "SELECT * FROM tasks" + order + " LIMIT ?1 OFFSET ?2");
    Statement byKey(
        db.get(), "SELECT *, created_at, rowid FROM tasks WHERE (created_at, rowid) > (?1, ?2)" + order + " LIMIT ?3");
    std::int64_t rows = 0;
    const auto whole = [&](int) {
        one.reset();
        rows = drain(one);
    };
    const auto offsetPages = [&](int) {
        for (std::int64_t offset = 0;; offset += pageSize) {
            byOffset.reset();
            sqlite3_bind_int(byOffset.get(), 1, pageSize);
            sqlite3_bind_int64(byOffset.get(), 2, offset);
            if (drain(byOffset) < pageSize)
                break;
        }
    };
    const auto keyPages = [&](int) {
        std::string lastCreated;
        std::int64_t lastRowid = -1;
        for (;;) {
            byKey.reset();
            sqlite3_bind_text(
                byKey.get(), 1, lastCreated.data(), static_cast<int>(lastCreated.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(byKey.get(), 2, lastRowid);
            sqlite3_bind_int(byKey.get(), 3, pageSize);
            int read = 0;
            const int columns = sqlite3_column_count(byKey.get());
            while (byKey.step()) {
                touchRow(byKey.get());
                lastCreated = reinterpret_cast<const char *>(sqlite3_column_text(byKey.get(), columns - 2));
                lastRowid = sqlite3_column_int64(byKey.get(), columns - 1);
                ++read;
            }
            if (read < pageSize)
                break;
        }
    };
    whole(0); // warm-up
    report("raw_pages_one_statement", measure(repetitions, whole), rows);
    report("raw_pages_by_offset", measure(repetitions, offsetPages), rows);
    report("raw_pages_by_key", measure(repetitions, keyPages), rows);
    return 0;
}

int usage()
{
    std::fprintf(stderr,
        "usage: quire_bench_raw lookup <db> <n> [ids] | commit <db> <n> [ids] | bulk <db> <rounds> <size> [ids] | read "
        "<db> <projectId|all> "
        "<repetitions> | read-due <db> <name> <from|-> <before|-> <repetitions> | pages <db> <page size> "
        "<repetitions> | search <db> <name> <fts5 query> <limit> <repetitions>\n");
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4)
        return usage();
    const std::string command = args.at(1).toStdString();
    const std::string path = args.at(2).toStdString();
    try {
        int status = 0;
        if (command == "lookup")
            status = lookup(path, std::max(1, args.at(3).toInt()), args.value(4));
        else if (command == "commit")
            status = commit(path, std::max(1, args.at(3).toInt()), args.value(4));
        else if (command == "bulk" && args.size() >= 5)
            status = bulk(path, std::max(1, args.at(3).toInt()), std::max(1, args.at(4).toInt()), args.value(5));
        else if (command == "pages" && args.size() >= 5)
            status = pages(path, std::max(1, args.at(3).toInt()), std::max(1, args.at(4).toInt()));
        else if (command == "read-due" && args.size() >= 7)
            status = readDue(path, args.at(3).toStdString(), args.at(4).toStdString(), args.at(5).toStdString(),
                std::max(1, args.at(6).toInt()));
        else if (command == "search" && args.size() >= 7)
            status = search(path, args.at(3).toStdString(), args.at(4).toStdString(), std::max(1, args.at(5).toInt()),
                std::max(1, args.at(6).toInt()));
        else if (command == "read" && args.size() >= 5)
            status = read(path, args.at(3).toStdString(), std::max(1, args.at(4).toInt()));
        else
            return usage();
        std::fprintf(stderr, "quire_bench_raw: checksum %llu\n", static_cast<unsigned long long>(g_sink));
        return status;
    } catch (const Failure &failure) {
        std::fprintf(stderr, "quire_bench_raw %s: %s\n", command.c_str(), failure.message.c_str());
        return 1;
    }
}
