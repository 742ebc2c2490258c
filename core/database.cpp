// SPDX-License-Identifier: MIT
#include <quire/core/database.h>

#include "database_p.h"
#include "normalize.h"
#include "statement.h"
#include <quire/core/order_key.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
#include <QUrl>

#include <array>

using namespace Qt::StringLiterals;

namespace quire::core {

// Backups and migrations log at info level: QT_LOGGING_RULES="quire.core.database.info=true" shows them.
Q_LOGGING_CATEGORY(lcDatabase, "quire.core.database", QtWarningMsg)

namespace {

const QString kMemoryPath = u":memory:"_s;

// The characters QString::trimmed() strips (QChar::isSpace), for SQL's trim() in migrations.
constexpr auto kSqlWhitespace
    = "char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, "
      "8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)";

QString openFailure(const QString &path)
{
    return u"cannot open database at "_s % path;
}

// Task data is private: what Quire creates, only its owner may read, whatever the umask. SQLite
// gives the WAL and shared-memory files the mode of their database file.
constexpr QFile::Permissions kPrivateFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kPrivateFolder = kPrivateFile | QFile::ExeOwner;

/** Creates `folder` and its missing parents, each open to its owner only; true when it exists. */
bool makePrivateFolder(const QString &folder)
{
    if (QFileInfo(folder).isDir())
        return true;
    const QString parent = QFileInfo(folder).absolutePath();
    if (parent != folder && !makePrivateFolder(parent))
        return false;
    return QDir().mkdir(folder, kPrivateFolder) || QFileInfo(folder).isDir();
}

/** An empty file at `path`, open to its owner only, for SQLite to fill; an error says why not. */
Result<> createPrivateFile(const QString &path, const QString &failure)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kPrivateFile))
        return fail(ErrorCode::Storage, failure % u": cannot create "_s % path % u": "_s % file.errorString());
    return {};
}

} // namespace

Error newerSchemaError(const QString &location, int found)
{
    return Error {ErrorCode::Storage,
        u"database "_s % location % u" has schema version "_s % QString::number(found)
            % u", newer than this Quire supports ("_s % QString::number(Database::kSchemaVersion)
            % u"); update Quire"_s};
}

Database::Database(std::unique_ptr<Private> dd)
    : d(std::move(dd))
{
}

Database::~Database()
{
    const QString name = d->connectionName;
    d->preparedQueries.clear();
    d->finalizeSqliteStatements();
    d->freeServerCancel();
    d->connection.close();
    // removeDatabase() warns and leaves queries dangling while any QSqlDatabase copy is alive.
    d->connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/quire.db"_s;
}

DatabaseInfo Database::describe(const QString &location)
{
    if (isServerUrl(location)) {
        return {.engine = DatabaseEngine::Postgresql,
            .location = QUrl(location).toString(QUrl::RemovePassword),
            .isDefault = false};
    }
    return {.engine = DatabaseEngine::Sqlite, .location = location, .isDefault = location == defaultPath()};
}

QString Database::path() const
{
    return d->path;
}

QString Database::connectionName() const
{
    return d->connectionName;
}

int Database::schemaVersion() const
{
    return d->schemaVersion;
}

bool Database::isReadOnly() const
{
    return d->readOnly;
}

std::optional<QString> Database::backupPath() const
{
    return d->backupPath;
}

quint64 Database::queryCount() const
{
    return d->queryCount;
}

const SqlDialect &SqlDialect::of(Database &db)
{
    return *db.d->dialect;
}

QString SqlDialect::jsonArrayValues(const QString &array) const
{
    return u"SELECT value FROM "_s % jsonArrayRows(array, u"j"_s);
}

BoundCondition SqlDialect::isOneOf(const QString &column, const QStringList &values) const
{
    return {column % u" IN ("_s % jsonArrayValues(u"?"_s) % u')', toJsonArray(values)};
}

bool Database::isServerUrl(const QString &location)
{
    return location.startsWith(u"postgresql://"_s) || location.startsWith(u"postgres://"_s);
}

Result<QString> Database::changeVersion()
{
    auto version = Statement::queryValue(*this, u"cannot read the database version"_s, d->dialect->changeVersion());
    if (!version)
        return std::unexpected(std::move(version.error()));
    return version->toString();
}

Result<std::unique_ptr<Database>> Database::open(
    const QString &path, const QString &connectionName, const QString &password, IntegrityCheck check)
{
    if (path.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"database path must not be empty"_s);
    if (connectionName.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"connection name must not be empty"_s);
    // addDatabase() would silently replace (and break) the other user's connection.
    if (QSqlDatabase::contains(connectionName))
        return fail(ErrorCode::Internal, u"database connection name "_s % connectionName % u" is already in use"_s);
    if (isServerUrl(path))
        return openServer(path, connectionName, password);
    if (!password.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a password is for a database server; "_s % path % u" is a file"_s);

    if (path != kMemoryPath) {
        const QFileInfo info(path);
        if (info.isDir())
            return fail(ErrorCode::Storage, openFailure(path) % u": it is a folder"_s);
        const QString folder = info.absolutePath();
        if (!makePrivateFolder(folder))
            return fail(ErrorCode::Storage, openFailure(path) % u": cannot create folder "_s % folder);
        // An existing file keeps the mode its owner chose.
        if (!info.exists()) {
            if (auto created = createPrivateFile(path, openFailure(path)); !created)
                return std::unexpected(std::move(created.error()));
        }
    }

    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s))
        return fail(ErrorCode::Storage, openFailure(path) % u": the Qt SQLite driver (QSQLITE) is not installed"_s);

    auto state = std::make_unique<Private>();
    state->path = path;
    state->connectionName = connectionName;
    // access(W_OK) as this process: false for a file without write permission or on a read-only
    // file system. SQLite would silently fall back to read-only too; saying so lets open() decide.
    state->readOnly = path != kMemoryPath && QFileInfo::exists(path) && !QFileInfo(path).isWritable();
    state->connection = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    state->connection.setDatabaseName(path);
    if (state->readOnly)
        state->connection.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    // From here on the destructor closes and removes the connection on every early return.
    std::unique_ptr<Database> db(new Database(std::move(state)));
    if (!db->d->connection.open())
        return std::unexpected(storageError(openFailure(path), db->d->connection.lastError()));
    if (auto ready = db->configureAndMigrate(check); !ready)
        return std::unexpected(std::move(ready.error()));
    db->d->interruptHandle = db->d->sqliteHandle();
    return db;
}

Result<> Database::execute(const QString &what, const QString &sql, const QStringList &values)
{
    if (!values.isEmpty())
        return Statement::execute(*this, what, sql, values);
    return Statement::executeUnprepared(*this, what, sql);
}

Result<> Database::executeAll(const QString &what, const QStringList &statements)
{
    return executeAll(what, std::span(statements.constData(), static_cast<std::size_t>(statements.size())));
}

Result<> Database::executeAll(const QString &what, std::span<const QString> statements)
{
    for (const QString &sql : statements) {
        if (auto done = execute(what, sql); !done)
            return done;
    }
    return {};
}

Result<> Database::checkIntegrity()
{
    if (isServer())
        return {};
    auto check = Statement::queryValue(*this, openFailure(d->path), u"PRAGMA quick_check(1)"_s);
    if (!check)
        return std::unexpected(std::move(check.error()));
    if (check->toString() != u"ok") {
        return fail(ErrorCode::Storage,
            u"database "_s % d->path % u" is damaged ("_s % check->toString().left(200)
                % u"); Quire has not changed it. Restore a backup or repair it with the sqlite3 tool's .recover"_s);
    }
    return {};
}

Result<> Database::checkpoint()
{
    if (isServer() || d->path == kMemoryPath || d->readOnly)
        return {};
    auto copied = Statement::queryValue(
        *this, u"cannot copy the write-ahead log into "_s % d->path, u"PRAGMA wal_checkpoint(PASSIVE)"_s);
    if (!copied)
        return std::unexpected(std::move(copied.error()));
    return {};
}

bool Database::integrityUnchecked() const
{
    return d->integrityUnchecked;
}

Result<> Database::configureAndMigrate(IntegrityCheck check)
{
    const QString failure = openFailure(d->path);
    auto pragma = [&](const QString &sql) { return Statement::queryValue(*this, failure, sql); };
    auto expect = [&](const QString &sql, const QVariant &want, const QString &setting) -> Result<> {
        auto got = pragma(sql);
        if (!got)
            return std::unexpected(std::move(got.error()));
        if (got->toString().compare(want.toString(), Qt::CaseInsensitive) != 0) {
            return fail(
                ErrorCode::Storage, failure % u": cannot set "_s % setting % u" (got '"_s % got->toString() % u"')"_s);
        }
        return {};
    };

    // Nothing below may write to the file until the version check has passed: a database from a
    // newer Quire, or a file that is not ours, must be left byte for byte as it was.
    if (auto set
        = expect(u"PRAGMA busy_timeout = "_s + QString::number(kBusyTimeoutMs), kBusyTimeoutMs, u"busy_timeout"_s);
        !set)
        return set;
    auto version = pragma(u"PRAGMA user_version"_s); // the first read: fails for a non-database file
    if (!version)
        return std::unexpected(std::move(version.error()));
    const int from = version->toInt();
    if (from > kSchemaVersion)
        return std::unexpected(newerSchemaError(d->path, from));
    if (from < 0)
        return fail(ErrorCode::Storage, failure % u": invalid schema version "_s % QString::number(from));
    if (from == 0) {
        auto tables = pragma(u"SELECT count(*) FROM sqlite_schema"_s);
        if (!tables)
            return std::unexpected(std::move(tables.error()));
        if (tables->toInt() > 0) {
            return fail(ErrorCode::Storage,
                failure
                    % u": it is an SQLite database that Quire did not create (it has tables but no schema version)"_s);
        }
    }

    // A damaged file is refused before anything writes to it (switching the journal mode or a
    // migration would): the user's copy stays as it is, for a backup or a repair tool.
    const bool inMemory = d->path == kMemoryPath;
    auto journalMode = pragma(u"PRAGMA journal_mode"_s);
    if (!journalMode)
        return std::unexpected(std::move(journalMode.error()));
    const QString wantedJournalMode = inMemory ? u"memory"_s : u"wal"_s;
    const bool writesToOpen = from != kSchemaVersion
        || (!d->readOnly && journalMode->toString().compare(wantedJournalMode, Qt::CaseInsensitive) != 0);
    if (check == IntegrityCheck::OnOpen || writesToOpen) {
        if (auto intact = checkIntegrity(); !intact)
            return intact;
    } else {
        d->integrityUnchecked = true;
    }
    if (d->readOnly && from != kSchemaVersion) {
        return fail(ErrorCode::Storage,
            u"database "_s % d->path % u" is read-only and needs "_s
                % (from == 0 ? u"its schema created"_s
                             : u"upgrading to schema version "_s % QString::number(kSchemaVersion))
                % u"; check the file's permissions and start Quire again"_s);
    }

    if (auto set = pragma(u"PRAGMA foreign_keys = ON"_s); !set) // returns no row: read it back
        return std::unexpected(std::move(set.error()));
    if (auto set = expect(u"PRAGMA foreign_keys"_s, 1, u"foreign_keys=ON"_s); !set)
        return set;
    // Read-only: the journal mode cannot change; whatever it is, reading works.
    if (!d->readOnly) {
        if (auto set = expect(u"PRAGMA journal_mode = WAL"_s, wantedJournalMode, u"journal_mode=WAL"_s); !set)
            return set;
    }
    // A commit that finds this many pages in the log copies them into the file before it returns;
    // DatabaseThread does it as soon as writes pause, so only a long burst of writes waits for it.
    if (auto set = pragma(u"PRAGMA wal_autocheckpoint = 4000"_s); !set)
        return std::unexpected(std::move(set.error()));
    if (auto set = pragma(u"PRAGMA synchronous = FULL"_s); !set)
        return std::unexpected(std::move(set.error()));
    if (auto set = expect(u"PRAGMA synchronous"_s, 2, u"synchronous=FULL"_s); !set)
        return set;
    // A list in another order than its index's (Today, Upcoming, a search) is sorted in a
    // temporary b-tree; in a file, the default, sorting 16 000 tasks wrote and read back about
    // 10 MB and took half again as long (bench/README.md).
    if (auto set = pragma(u"PRAGMA temp_store = MEMORY"_s); !set)
        return std::unexpected(std::move(set.error()));

    if (d->readOnly) {
        d->schemaVersion = from;
        qCWarning(lcDatabase, "%s is read-only: changes cannot be saved", qUtf8Printable(d->path));
        return {};
    }
    if (from >= 1 && from < kSchemaVersion && !inMemory) {
        if (auto saved = backUp(from); !saved)
            return saved;
    }
    if (auto migrated = migrate(from); !migrated)
        return migrated;
    d->schemaVersion = kSchemaVersion;
    return {};
}

Result<> Database::backUp(int from)
{
    const QString base = d->path % u".v"_s % QString::number(from);
    QString target = base % u".bak"_s;
    // Never overwrite an earlier backup: it may be the only copy of older data.
    if (QFileInfo::exists(target)) {
        const QString stamped = base % u"."_s % QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
        target = stamped % u".bak"_s;
        for (int n = 2; QFileInfo::exists(target); ++n)
            target = stamped % u"-"_s % QString::number(n) % u".bak"_s;
    }
    const QString failure = u"cannot back up database to "_s % target;
    // VACUUM INTO fills an empty file, which is created private like the database.
    if (auto created = createPrivateFile(target, failure); !created)
        return created;
    // VACUUM INTO reads through this connection, so pages still in the WAL are included.
    if (auto copied = execute(failure, u"VACUUM INTO ?"_s, {target}); !copied) {
        QFile::remove(target); // not a backup: empty, or cut short
        return copied;
    }
    d->backupPath = target;
    qCInfo(lcDatabase, "backed up %s (schema version %d) to %s", qUtf8Printable(d->path), from, qUtf8Printable(target));
    return {};
}

Result<> Database::migrate(int from)
{
    using Step = Result<> (Database::*)();
    static constexpr std::array<Step, kSchemaVersion> steps {&Database::migrateTo1, &Database::migrateTo2,
        &Database::migrateTo3, &Database::migrateTo4, &Database::migrateTo5, &Database::migrateTo6,
        &Database::migrateTo7, &Database::migrateTo8, &Database::migrateTo9};
    for (int to = from + 1; to <= kSchemaVersion; ++to) {
        auto migrated = transact([&]() -> Result<> {
            if (auto done = (this->*steps[static_cast<std::size_t>(to - 1)])(); !done)
                return done;
            return execute(u"cannot record schema version"_s, u"PRAGMA user_version = "_s + QString::number(to));
        });
        if (!migrated) {
            return fail(ErrorCode::Storage,
                u"cannot migrate database "_s % d->path % u" to schema version "_s % QString::number(to) % u": "_s
                    % migrated.error().message);
        }
        qCInfo(lcDatabase, "migrated %s to schema version %d", qUtf8Printable(d->path), to);
    }
    return {};
}

// Migration steps are frozen history: never edit one that has shipped, add migrateToN+1 instead.

Result<> Database::migrateTo1()
{
    const std::array sql {
        uR"(CREATE TABLE projects (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                description TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL))"_s,
        uR"(CREATE TABLE tasks (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                description TEXT,
                priority TEXT NOT NULL DEFAULT 'standard'
                    CHECK (priority IN ('pinned', 'high', 'standard', 'long term', 'nit')),
                status TEXT NOT NULL DEFAULT 'backlog'
                    CHECK (status IN ('backlog', 'in_progress', 'completed', 'blocked')),
                complexity TEXT CHECK (complexity IN ('easy', 'hard', 'deep dive')),
                type TEXT CHECK (type IN ('bug', 'investigation', 'feature', 'cleanup', 'optimization', 'chore')),
                tags TEXT NOT NULL DEFAULT '[]',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL))"_s,
        u"CREATE INDEX tasks_by_creation ON tasks (created_at)"_s,
        uR"(CREATE TABLE task_projects (
                task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
                project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                position INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (task_id, project_id)) WITHOUT ROWID)"_s,
        u"CREATE INDEX task_projects_by_project ON task_projects (project_id, task_id)"_s,
    };
    return executeAll(u"cannot create schema version 1"_s, sql);
}

Result<> Database::migrateTo2()
{
    // Tags move from a JSON text column to rows, so that filtering by tag uses an index. Legacy
    // values are normalised like new ones: trimmed, blanks and non-strings dropped, the first of
    // duplicates kept (its array index becomes its position). Malformed JSON fails the step.
    const QString trimmedValue = u"trim(j.value, "_s % QLatin1StringView(kSqlWhitespace) % u")"_s;
    const std::array<QString, 4> sql {
        uR"(CREATE TABLE task_tags (
                task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
                tag TEXT NOT NULL CHECK (length(tag) > 0),
                position INTEGER NOT NULL,
                PRIMARY KEY (task_id, tag)) WITHOUT ROWID)"_s,
        u"CREATE INDEX task_tags_by_tag ON task_tags (tag, task_id)"_s,
        u"INSERT INTO task_tags (task_id, tag, position) SELECT t.id, "_s % trimmedValue
            % u", min(j.key) FROM tasks AS t, json_each(t.tags) AS j WHERE j.type = 'text' AND "_s % trimmedValue
            % u" <> '' GROUP BY t.id, "_s % trimmedValue,
        u"ALTER TABLE tasks DROP COLUMN tags"_s,
    };
    return executeAll(u"cannot move tags to their own table"_s, sql);
}

Result<> Database::migrateTo3()
{
    // Each task's tags and project ids also as JSON arrays on its row, in stored order, so the
    // listing (SqlTaskRepository::list) needs no lookup per task. task_tags and
    // task_projects stay the source for filtering and foreign keys; writers keep both in step
    // within one transaction.
    // SQLite does not promise that an aggregate reads a subquery's rows in the subquery's order
    // (json_group_array(x ORDER BY y) needs 3.44; Debian 12 has 3.40), but an aggregate used as a
    // window function does read its frame in the window's ORDER BY.
    const auto copyList = [](QStringView table, QStringView column, QStringView jsonColumn) -> QString {
        return u"UPDATE tasks SET "_s % jsonColumn % u" = lists.list FROM (SELECT DISTINCT task_id, json_group_array("_s
            % column
            % u") OVER (PARTITION BY task_id ORDER BY position ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED "
              "FOLLOWING) AS list FROM "_s
            % table % u") AS lists WHERE lists.task_id = tasks.id"_s;
    };
    const std::array<QString, 4> sql {
        u"ALTER TABLE tasks ADD COLUMN tags_json TEXT NOT NULL DEFAULT '[]'"_s,
        u"ALTER TABLE tasks ADD COLUMN project_ids_json TEXT NOT NULL DEFAULT '[]'"_s,
        copyList(u"task_tags", u"tag", u"tags_json"),
        copyList(u"task_projects", u"project_id", u"project_ids_json"),
    };
    return executeAll(u"cannot store tags and project ids beside their tasks"_s, sql);
}

Result<> Database::migrateTo4()
{
    // Planning: a due day (with an optional time) as sortable text, so that "due on or before D"
    // is a range on an index; an RRULE; and when a task was completed. Tasks completed before
    // this version get their last change as the best known completion time.
    const std::array<QString, 6> sql {
        u"ALTER TABLE tasks ADD COLUMN due_date TEXT"_s,
        u"ALTER TABLE tasks ADD COLUMN recurrence TEXT"_s,
        u"ALTER TABLE tasks ADD COLUMN completed_at TEXT"_s,
        u"UPDATE tasks SET completed_at = updated_at WHERE status = 'completed'"_s,
        u"CREATE INDEX tasks_by_due_date ON tasks (due_date) WHERE due_date IS NOT NULL"_s,
        u"CREATE INDEX tasks_by_completion ON tasks (completed_at) WHERE completed_at IS NOT NULL"_s,
    };
    return executeAll(u"cannot add due dates, recurrence and completion times"_s, sql);
}

Result<> Database::migrateTo5()
{
    // The user's own order: a key per task that compares as bytes (order_key.h), so that a move
    // writes one row. Existing tasks get keys in creation order, the order lists showed until now.
    const QString what = u"cannot add the manual order"_s;
    if (auto added = execute(what, u"ALTER TABLE tasks ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''"_s); !added)
        return added;
    auto rows = Statement::prepare(*this, what, u"SELECT rowid FROM tasks ORDER BY created_at, rowid"_s);
    if (!rows)
        return std::unexpected(std::move(rows.error()));
    if (auto ran = rows->exec(); !ran)
        return ran;
    QList<qint64> rowids;
    if (auto read = rows->forEachRow([&](const Statement &row) { rowids.append(row.value(0).toLongLong()); }); !read)
        return read;
    rows->finish();
    QString key;
    for (const qint64 rowid : std::as_const(rowids)) {
        auto next = orderKeyBetween(key, {});
        if (!next)
            return std::unexpected(std::move(next.error()));
        key = std::move(*next);
        auto update = Statement::prepare(*this, what, u"UPDATE tasks SET sort_key = ? WHERE rowid = ?"_s);
        if (!update)
            return std::unexpected(std::move(update.error()));
        update->bind(key).bind(QVariant(rowid));
        if (auto saved = update->exec(); !saved)
            return saved;
    }
    return execute(what, u"CREATE INDEX tasks_by_sort_key ON tasks (sort_key)"_s);
}

Result<> Database::migrateTo6()
{
    // The open tasks and the completed ones, each in listing order: every list but the Logbook
    // keeps only open tasks, and without these a page of them reads (and skips) table rows.
    const std::array<QString, 2> sql {
        u"CREATE INDEX tasks_open_by_creation ON tasks (created_at) WHERE status <> 'completed'"_s,
        u"CREATE INDEX tasks_done_by_creation ON tasks (created_at) WHERE status = 'completed'"_s,
    };
    return executeAll(u"cannot index open and completed tasks"_s, sql);
}

Result<> Database::migrateTo7()
{
    // A task's checklist: JSON text in its row (NULL when it has none), read and written with the
    // task, so that a list page needs no second query and a change to it is one row.
    return execute(u"cannot add checklists"_s, u"ALTER TABLE tasks ADD COLUMN checklist TEXT"_s);
}

Result<> Database::migrateTo8()
{
    // The undo journal: each write is one step (journal), holding an image of every row it
    // touched before and after it (journal_changes; NULL where the row did not exist), as
    // json_object() text of the row's columns. Written in the write's own transaction.
    const std::array<QString, 2> sql {
        uR"(CREATE TABLE journal (
                id INTEGER PRIMARY KEY,
                label TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('done', 'undone')),
                created_at TEXT NOT NULL))"_s,
        uR"(CREATE TABLE journal_changes (
                entry_id INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('task', 'project')),
                row_id TEXT NOT NULL,
                before TEXT,
                after TEXT,
                PRIMARY KEY (entry_id, kind, row_id)) WITHOUT ROWID)"_s,
    };
    return executeAll(u"cannot add the undo journal"_s, sql);
}

Result<> Database::migrateTo9()
{
    // Full-text search: one FTS5 row per task (rowid = the task's rowid), kept by triggers, so
    // every writer (repositories, undo, a migration) keeps it in step in its own transaction.
    // unicode61 with remove_diacritics 2 makes "cafe" match "Café". A task's row holds its
    // title, description, tags, checklist items and the names of its projects; renaming a
    // project rewrites its tasks' rows (by touching their project list).
    // The values of one task's search row, `row` being the task ("new" in a trigger). A damaged
    // JSON copy reads as empty here: the listing reports it, and a write must not fail on it.
    const auto searchValues = [](const QString &row) -> QString {
        const auto array = [&](const QString &column) -> QString {
            return u"json_each(CASE WHEN json_valid("_s % row % u'.' % column % u") THEN "_s % row % u'.' % column
                % u" ELSE '[]' END)"_s;
        };
        return row % u".rowid, "_s % row % u".title, coalesce("_s % row
            % u".description, ''), coalesce((SELECT group_concat(value, ' ') FROM "_s % array(u"tags_json"_s)
            % u"), ''), coalesce((SELECT group_concat(json_extract(value, '$.title'), ' ') FROM "_s
            % array(u"checklist"_s)
            % u" WHERE type = 'object'), ''), coalesce((SELECT group_concat(p.name, ' ') FROM "_s
            % array(u"project_ids_json"_s) % u" AS j JOIN projects AS p ON p.id = j.value), '')"_s;
    };
    const QString columns = u"task_search (rowid, title, description, tags, checklist, projects)"_s;
    const QString insertNew = u"INSERT INTO "_s % columns % u" VALUES ("_s % searchValues(u"new"_s) % u");"_s;
    const std::array<QString, 6> sql {
        uR"(CREATE VIRTUAL TABLE task_search USING fts5(
                title, description, tags, checklist, projects,
                tokenize = 'unicode61 remove_diacritics 2'))"_s,
        u"CREATE TRIGGER tasks_search_insert AFTER INSERT ON tasks BEGIN "_s % insertNew % u" END"_s,
        u"CREATE TRIGGER tasks_search_update AFTER UPDATE OF title, description, tags_json, checklist, "
        "project_ids_json ON tasks BEGIN DELETE FROM task_search WHERE rowid = old.rowid; "_s
            % insertNew % u" END"_s,
        u"CREATE TRIGGER tasks_search_delete AFTER DELETE ON tasks BEGIN "
        "DELETE FROM task_search WHERE rowid = old.rowid; END"_s,
        u"CREATE TRIGGER projects_search_rename AFTER UPDATE OF name ON projects BEGIN "
        "UPDATE tasks SET project_ids_json = project_ids_json "
        "WHERE id IN (SELECT task_id FROM task_projects WHERE project_id = new.id); END"_s,
        u"INSERT INTO "_s % columns % u" SELECT "_s % searchValues(u"t"_s) % u" FROM tasks AS t"_s,
    };
    return executeAll(u"cannot add full-text search"_s, sql);
}

} // namespace quire::core
