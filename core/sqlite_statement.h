// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: a statement on the SQLite C API of a Database's own connection, for the reads
// whose every row counts (task listings, through SqlDialect::forEachRow()). QSqlQuery wraps each
// value in a QVariant and copies it twice; reading 100 000 tasks through it took about six times
// what SQLite itself spends. Writes and small reads stay on Statement.

#include <quire/core/error.h>

#include <QString>
#include <QUtf8StringView>
#include <QVariant>

#include <optional>

struct sqlite3_stmt;

namespace quire::core {

class Database;

/**
 * @brief A prepared, forward-only SQLite statement whose every failure is an Error
 * ("<what>: <SQLite's message>"). Compiled once per SQL text and connection, and reset for the
 * next user when destroyed. Each first step() counts toward Database::queryCount().
 */
class SqliteStatement
{
public:
    [[nodiscard]] static Result<SqliteStatement> prepare(Database &db, const QString &what, const QString &sql);

    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&) = delete;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    ~SqliteStatement();

    /** @brief Binds the next positional `?`. */
    SqliteStatement &bind(const QString &text);
    SqliteStatement &bind(qint64 number);
    /** @brief NULL, an integer or a text, as the value holds. */
    SqliteStatement &bind(const QVariant &value);

    /** @brief Calls `row(*this)` for each result row; a failure while stepping is an Error. */
    template<class Row>
    [[nodiscard]] Result<> forEachRow(Row &&row)
    {
        for (;;) {
            auto stepped = step();
            if (!stepped)
                return std::unexpected(std::move(stepped.error()));
            if (!*stepped)
                return {};
            row(static_cast<const SqliteStatement &>(*this));
        }
    }

    [[nodiscard]] QString text(int column) const;
    /** @brief The text as SQLite holds it (empty for NULL), valid until the next step. */
    [[nodiscard]] QUtf8StringView utf8(int column) const;
    [[nodiscard]] qint64 number(int column) const;
    /** @brief The text as SQLite holds it, valid until the next step; nullopt for SQL NULL. */
    [[nodiscard]] std::optional<QUtf8StringView> optionalUtf8(int column) const;

private:
    SqliteStatement(Database &db, QString what, sqlite3_stmt *statement);
    /** True with a row, false when done. */
    [[nodiscard]] Result<bool> step();

    Database *m_db; // null once moved from
    QString m_what;
    sqlite3_stmt *m_statement;
    int m_nextParameter = 1;
    bool m_stepped = false;
};

} // namespace quire::core
