// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: the one place where QSqlQuery is used. Repository headers never include it.

#include <quire/core/error.h>

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <concepts>
#include <optional>

namespace quire::core {

class Database;

/**
 * @brief A prepared, forward-only statement on a Database whose every failure is an Error.
 *
 * Storage errors read "<what>: <driver text>", e.g. "cannot insert task: disk I/O error";
 * a UNIQUE/PRIMARY KEY violation is ErrorCode::Conflict. Each exec() counts toward
 * Database::queryCount().
 */
class Statement
{
public:
    /** @brief `what` names the operation for messages, e.g. u"cannot insert task"_s. */
    [[nodiscard]] static Result<Statement> prepare(Database &db, const QString &what, const QString &sql);
    /**
     * @brief prepare(), `values` (QStrings or QVariants, bound as bind() binds them) bound to its
     * `?`s in order, and exec(): a statement whose rows are ready to read.
     */
    template<class Values = QVariantList>
    [[nodiscard]] static Result<Statement> run(
        Database &db, const QString &what, const QString &sql, const Values &values = {})
    {
        auto statement = prepare(db, what, sql);
        if (!statement)
            return statement;
        for (const auto &value : values)
            statement->bind(value);
        if (auto ran = statement->exec(); !ran)
            return std::unexpected(std::move(ran.error()));
        return statement;
    }
    /** @brief run() for a statement with no rows to read. */
    template<class Values = QVariantList>
    [[nodiscard]] static Result<> execute(
        Database &db, const QString &what, const QString &sql, const Values &values = {})
    {
        if (auto ran = run(db, what, sql, values); !ran)
            return std::unexpected(std::move(ran.error()));
        return {};
    }
    /**
     * @brief Runs one statement with no parameters and no rows without preparing it: PostgreSQL
     * prepares no BEGIN, COMMIT, SAVEPOINT, SET or CREATE (and compiling one of these costs
     * SQLite next to nothing).
     */
    [[nodiscard]] static Result<> executeUnprepared(Database &db, const QString &what, const QString &sql);
    /**
     * @brief Runs `sql` with `values` bound to its `?`s in order, and gives the first column of its
     * first row (an invalid QVariant when there is none): pragmas and other one-value queries.
     */
    [[nodiscard]] static Result<QVariant> queryValue(
        Database &db, const QString &what, const QString &sql, const QStringList &values = {});

    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    /** @brief Finishes the query and hands it back to the Database for the next prepare() of the same SQL. */
    ~Statement();

    /** @brief Binds the next positional `?`. */
    Statement &bind(const QVariant &value);
    Statement &bind(const QString &value);
    /** @brief Binds NULL for nullopt. */
    Statement &bind(const std::optional<QString> &value);

    [[nodiscard]] Result<> exec();

    /** @brief Calls `row(*this)` for each result row; a failure while stepping is an Error. */
    template<class Row>
    requires std::invocable<Row &, const Statement &>
    [[nodiscard]] Result<> forEachRow(Row &&row)
    {
        while (m_query.next())
            row(static_cast<const Statement &>(*this));
        return checkFetch();
    }

    /** @brief Column `column` of every row, as text. */
    [[nodiscard]] Result<QStringList> texts(int column = 0);

    /** @brief The first row's column `column`, or nullopt when there is no row. */
    [[nodiscard]] Result<std::optional<QVariant>> singleValue(int column = 0);

    [[nodiscard]] QVariant value(int column) const;
    [[nodiscard]] QString text(int column) const;
    /** @brief nullopt for SQL NULL. */
    [[nodiscard]] std::optional<QString> optionalText(int column) const;
    [[nodiscard]] int rowsAffected() const;
    /** @brief Releases the statement's read cursor (also done on destruction). */
    void finish();

private:
    Statement(Database &db, QString what, QString sql, QSqlQuery query);
    [[nodiscard]] Result<> checkFetch() const;
    void recycle();

    Database *m_db; // null once moved from
    QString m_what;
    QString m_sql;
    QSqlQuery m_query;
    // QSqlQuery keeps values bound to a query that never ran (refused after a cancel, or left
    // before exec()), and the next use's values would follow them ("Parameter count mismatch"):
    // such a query is not reused.
    bool m_valuesUnsent = false;
};

} // namespace quire::core
