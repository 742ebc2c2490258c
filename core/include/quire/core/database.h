// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/database_info.h>
#include <quire/core/error.h>
#include <quire/core/transaction.h>

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

namespace quire::core {

/**
 * @brief When open() reads a whole SQLite file to refuse a damaged one: always before it returns
 * (OnOpen), or only when it must write to open the file (a migration, a new journal mode), leaving
 * the check to the caller otherwise (ByCaller; see integrityUnchecked()). The check reads every
 * page: about a second at 100 000 tasks, which the window need not wait for.
 */
enum class IntegrityCheck : std::uint8_t { OnOpen, ByCaller };

/** @brief Rows of one kind that another client of a shared database changed. */
struct OtherClientChange {
    enum class Rows : std::uint8_t { Tasks, Projects };
    Rows rows = Rows::Tasks;
    /** @brief The rows created, changed or deleted; nullopt when any of that kind may have changed. */
    std::optional<QStringList> ids = std::nullopt;
};

/**
 * @brief One connection with Quire's schema, opened, configured and migrated by open(): to an
 * SQLite file (the default, embedded) or to a PostgreSQL database that several Quires share.
 *
 * A QSqlDatabase connection belongs to the thread that opened it: open, use and destroy a
 * Database on the same (database) thread. Repositories keep a reference, so the Database must
 * outlive them. No Qt Sql type appears in this header; the repositories talk SQL through
 * Statement (statement.h), and ask SqlDialect (sql_dialect.h) for what differs between engines.
 */
class Database
{
public:
    static constexpr int kSchemaVersion = 9;
    static constexpr int kBusyTimeoutMs = 5000;

    /**
     * @brief Opens (creating it and its parent folder if needed) and migrates a database.
     *
     * @param path a file path, ":memory:" for a private in-memory database, or a PostgreSQL URL
     * (isServerUrl(); see openServer() for what it may hold).
     * @param connectionName a QSqlDatabase connection name not in use yet.
     *
     * Sets and checks journal_mode=WAL (file databases), synchronous=FULL, foreign_keys=ON and
     * busy_timeout. Before migrating an existing database it copies the file to
     * `<path>.v<old>.bak` (see backupPath()). Fails with ErrorCode::Storage, leaving the file
     * untouched, for a file that is not a SQLite database, a damaged one (`PRAGMA quick_check`
     * finds a problem), a database newer than kSchemaVersion, or a non-empty SQLite file that was
     * not written by Quire (user_version 0 with tables). A failed migration step is rolled back.
     *
     * A file this process may not write to (permissions, read-only file system) is opened
     * read-only when it needs no migration: reads work, every write fails with SQLite's
     * "attempt to write a readonly database" (see isReadOnly()). One that needs a migration, or
     * has no schema yet, is refused with a message saying so.
     *
     * @param password for a server that asks for one, when libpq finds none (~/.pgpass,
     * PGPASSWORD); kept by the connection only. A server that asks for a password and gets none,
     * or refuses the one given, fails with ErrorCode::Unauthenticated. Refused for a file.
     */
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &path, const QString &connectionName,
        const QString &password = {}, IntegrityCheck check = IntegrityCheck::OnOpen);

    /** @brief True for a `postgresql://` (or `postgres://`) URL: a database on a PostgreSQL server. */
    [[nodiscard]] static bool isServerUrl(const QString &location);
    /** @brief True for a database on a PostgreSQL server: one that other clients share, and that can go away. */
    [[nodiscard]] bool isServer() const;

    /** @brief QStandardPaths::AppDataLocation + "/quire.db". */
    [[nodiscard]] static QString defaultPath();
    /** @brief What a person is told of `location`: its engine, the path or URL (never with a password), whether it is
     * the default. */
    [[nodiscard]] static DatabaseInfo describe(const QString &location);

    /** @brief Closes the connection and removes it from QSqlDatabase's registry. */
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&) = delete;
    Database &operator=(Database &&) = delete;

    [[nodiscard]] QString path() const;
    [[nodiscard]] QString connectionName() const;
    /** @brief The schema version after open(): always kSchemaVersion. */
    [[nodiscard]] int schemaVersion() const;
    /** @brief True when open() found the file not writable and opened it read-only. */
    [[nodiscard]] bool isReadOnly() const;
    /** @brief The copy made before migrating, if open() made one. */
    [[nodiscard]] std::optional<QString> backupPath() const;
    /** @brief True when open() was told IntegrityCheck::ByCaller and wrote nothing, so did not check the file. */
    [[nodiscard]] bool integrityUnchecked() const;
    /**
     * @brief Reads the whole file (SQLite's quick_check): a Storage error saying it is damaged and
     * how to repair it when it is, success otherwise (and for a server, which checks itself).
     */
    [[nodiscard]] Result<> checkIntegrity();
    /**
     * @brief Copies what the write-ahead log holds into the file, as far as no reader still needs
     * it (SQLite's PASSIVE checkpoint), so that the next commit need not: DatabaseThread calls it
     * once writes pause. Nothing to do for a server or an in-memory database.
     */
    [[nodiscard]] Result<> checkpoint();
    /** @brief Statements executed through this Database (including pragmas and BEGIN/COMMIT). */
    [[nodiscard]] quint64 queryCount() const;

    /**
     * @brief Text that changes whenever the database does, whoever commits: another connection or
     * process (SQLite's data_version) or this one (total_changes()). Two reads that saw the same
     * version saw the same data.
     */
    [[nodiscard]] Result<QString> changeVersion();

    /**
     * @brief On a server database: calls `listener` once another client (another connection,
     * here or elsewhere) has committed a change of tasks or projects, on this Database's thread
     * from its event loop. An SQLite file has no other client to hear from: nothing happens.
     */
    [[nodiscard]] Result<> watchOtherClients(std::function<void(const OtherClientChange &)> listener);

    /**
     * @brief Stops the SQL statement running on this connection, from any thread, and every one
     * asked to start after it until resume(): each fails with ErrorCode::Cancelled, so the work
     * stops and its transaction rolls back (ending a transaction, Database::execute() without
     * values, is never stopped). The caller makes sure the Database lives until interrupt()
     * returns (DatabaseThread calls it only while one of its jobs runs), and calls resume() once
     * the interrupted work has returned.
     */
    void interrupt();
    /** @brief Lets statements run again after interrupt(). */
    void resume();

    /**
     * @brief Whether the connection still works. On a server, asks it (one round trip, outside any
     * transaction): false once it cannot be reached or has ended this session, which no later
     * statement on this connection can undo (open a new Database). An SQLite file: always true.
     */
    [[nodiscard]] bool isConnected();

    /**
     * @brief Starts a transaction, or a savepoint when one is already open on this connection.
     *
     * A write transaction is `BEGIN IMMEDIATE` (takes the write lock up front, so busy_timeout
     * applies instead of a deadlock on lock upgrade); a read one is a deferred `BEGIN`, giving
     * several SELECTs one consistent snapshot.
     */
    [[nodiscard]] Result<Transaction> begin(TransactionKind kind = TransactionKind::Write);

    /**
     * @brief Runs `work` (returning Result<T>) in one transaction: commits on a value, rolls back
     * on an error (or if the commit itself fails) and returns the error.
     */
    template<class Work>
    [[nodiscard]] auto transact(TransactionKind kind, Work &&work) -> std::invoke_result_t<Work>
    {
        auto transaction = begin(kind);
        if (!transaction)
            return std::unexpected(std::move(transaction.error()));
        auto result = std::forward<Work>(work)();
        if (!result)
            return result; // ~Transaction rolls back
        if (auto committed = transaction->commit(); !committed)
            return std::unexpected(std::move(committed.error()));
        return result;
    }

    template<class Work>
    [[nodiscard]] auto transact(Work &&work) -> std::invoke_result_t<Work>
    {
        return transact(TransactionKind::Write, std::forward<Work>(work));
    }

private:
    friend class SqlDialect;
    friend class Statement;
    friend class SqliteStatement;
    friend class Transaction;
    struct Private;

    explicit Database(std::unique_ptr<Private> d);
    /**
     * @brief open() of a PostgreSQL URL: `postgresql://[user@][host][:port][/dbname][?param=value&...]`,
     * the parameters being libpq's (sslmode, sslrootcert, connect_timeout, ...). A password is
     * refused in the URL (it would be stored with it): libpq finds it in ~/.pgpass or PGPASSWORD.
     */
    [[nodiscard]] static Result<std::unique_ptr<Database>> openServer(
        const QString &url, const QString &connectionName, const QString &password);
    /** @brief Creates the schema on an empty server database, or checks the one it has, under an advisory lock. */
    Result<> prepareServerSchema();
    /** @brief Rolls back what a failed ROLLBACK left open, before an outermost begin(). */
    Result<> endUnfinishedTransaction();
    Result<> configureAndMigrate(IntegrityCheck check);
    Result<> migrate(int from);
    Result<> migrateTo1();
    Result<> migrateTo2();
    Result<> migrateTo3();
    Result<> migrateTo4();
    Result<> migrateTo5();
    Result<> migrateTo6();
    Result<> migrateTo7();
    Result<> migrateTo8();
    Result<> migrateTo9();
    Result<> backUp(int from);
    /** @brief Executes one statement with no result rows, `values` bound to its `?`s in order. */
    Result<> execute(const QString &what, const QString &sql, const QStringList &values = {});
    /** @brief execute() for each statement in turn, stopping at the first failure. */
    Result<> executeAll(const QString &what, std::span<const QString> statements);
    Result<> executeAll(const QString &what, const QStringList &statements);

    std::unique_ptr<Private> d;
};

} // namespace quire::core
