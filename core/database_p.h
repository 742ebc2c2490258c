// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: Database's state, shared with Statement and Transaction.

#include <quire/core/database.h>
#include <quire/core/error.h>

#include "sql_dialect.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <atomic>
#include <optional>

class QSqlError;
struct sqlite3;
struct sqlite3_stmt;
struct pg_cancel;
struct pg_conn;

namespace quire::core {

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

struct Database::Private {
    /** The file path, or the server URL. */
    QString path;
    const SqlDialect *dialect = &sqliteDialect();
    QString connectionName;
    QSqlDatabase connection;
    std::optional<QString> backupPath;
    int schemaVersion = 0;
    bool readOnly = false;
    bool integrityUnchecked = false;
    int transactionDepth = 0;
    /** A savepoint's rollback failed inside the open transaction, which therefore may not commit. */
    bool savepointRollbackFailed = false;
    quint64 queryCount = 0;
    /** Finished queries by SQL text, reused by Statement::prepare(); emptied before the connection closes. */
    QHash<QString, QSqlQuery> preparedQueries;
    /** Compiled statements of SqliteStatement by SQL text; finalized before the connection closes. */
    QHash<QString, sqlite3_stmt *> sqliteStatements;
    sqlite3 *handle = nullptr;
    /** The handle interrupt() may use from another thread: set once open, cleared before closing. */
    std::atomic<sqlite3 *> interruptHandle = nullptr;
    /**
     * Set by interrupt(), cleared by resume(): a statement asked to start meanwhile fails with
     * Cancelled. SQLite and PostgreSQL both forget an interrupt that comes between two statements.
     */
    std::atomic<bool> interrupted = false;
    /** On a server: what interrupt() cancels the running statement with; made once open, freed on closing. */
    std::atomic<pg_cancel *> serverCancel = nullptr;

    /** The connection's sqlite3 handle (SqliteStatement); null when it is not open. */
    sqlite3 *sqliteHandle();
    /**
     * False once SQLite has left the transaction by itself: an interrupted write, or some I/O
     * errors, roll the whole transaction back. True when it cannot tell (no handle).
     */
    bool inTransaction();
    void finalizeSqliteStatements();
    /** Makes serverCancel for the open server connection. */
    void prepareServerCancel();
    /** Asks the server to cancel the statement this connection runs, if any (any thread). */
    void cancelServerStatement();
    void freeServerCancel();
    /** The server connection's PGconn (QPSQL's handle); null for SQLite or when it is not open. */
    [[nodiscard]] pg_conn *serverHandle() const;
};

/** @brief "<what>: <driver text>", Conflict for a UNIQUE/PRIMARY KEY violation, Storage otherwise. */
[[nodiscard]] Error storageError(const QString &what, const QSqlError &error);

/** @brief The refusal of a database at `location` whose schema version `found` is newer than kSchemaVersion. */
[[nodiscard]] Error newerSchemaError(const QString &location, int found);

} // namespace quire::core
