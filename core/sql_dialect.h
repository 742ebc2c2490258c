// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: the SQL that differs between the engines Quire stores its data in (SQLite,
// PostgreSQL). The repositories, the journal and the history write each statement once, asking
// the Database's dialect for the parts that differ; nothing else in core names an engine.

#include "sqlite_statement.h"
#include "statement.h"
#include <quire/core/error.h>
#include <quire/core/transaction.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <utility>

namespace quire::core {

class Database;

/** @brief Takes each result row of SqlDialect::forEachRow(), whichever statement type the engine reads it with. */
class RowSink
{
public:
    virtual void row(const Statement &row) = 0;
    virtual void row(const SqliteStatement &row) = 0;

protected:
    RowSink() = default;
    ~RowSink() = default;
    RowSink(const RowSink &) = default;
    RowSink &operator=(const RowSink &) = default;
};

/** @brief The parts of a task listing that find tasks by the words they hold, best matches first. */
struct TextSearchSql {
    /** @brief The FROM item of the tasks, aliased `t`, with what the search needs beside them. */
    QString source;
    /** @brief The values of `source`'s `?`s, which come before the WHERE clause's. */
    QStringList sourceValues;
    /** @brief The WHERE condition: the task holds every word. */
    QString condition;
    QStringList conditionValues;
    /** @brief ORDER BY: best match first (a word in the title counts most, then tags and project names). */
    QString order;
};

/** @brief A condition with one `?` and the text to bind to it. */
struct BoundCondition {
    QString sql;
    QString value;
};

/** @brief One (name, SQL expression) member of a JSON object. */
using JsonMember = std::pair<QString, QString>;

class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    /** @brief The dialect of the engine `db` runs on. */
    [[nodiscard]] static const SqlDialect &of(Database &db);

    /**
     * @brief A FROM item whose rows are the elements of the JSON array text `array` (a `?` or a
     * column), named `alias`, with columns `value` (the element as text) and `key` (a number that
     * orders them as the array does).
     */
    [[nodiscard]] virtual QString jsonArrayRows(const QString &array, const QString &alias) const = 0;
    /** @brief "SELECT value FROM <jsonArrayRows>": the elements of `array`, for `x IN (...)`. */
    [[nodiscard]] QString jsonArrayValues(const QString &array) const;
    /**
     * @brief "`column` is one of `values`", for the filters a listing's plan depends on: `x IN`
     * the elements of a JSON array by default. The server's planner counts on 100 elements for
     * any set of them, and so reads a whole table for a project's tasks; it counts an array's.
     */
    [[nodiscard]] virtual BoundCondition isOneOf(const QString &column, const QStringList &values) const;
    /** @brief The text of member `key` of the JSON object text `object`; NULL when it is absent or null. */
    [[nodiscard]] virtual QString jsonMember(const QString &object, const QString &key) const = 0;
    /** @brief jsonMember() as an integer. */
    [[nodiscard]] virtual QString jsonMemberInteger(const QString &object, const QString &key) const = 0;
    /** @brief The text of a JSON object of `members`: the same values always make the same text. */
    [[nodiscard]] virtual QString jsonObject(const QList<JsonMember> &members) const = 0;
    /** @brief The JSON array text `array` without the elements equal to the text bound to its one `?`, the rest in
     * order. */
    [[nodiscard]] virtual QString jsonArrayWithout(const QString &array) const = 0;

    /** @brief The column numbering a table's rows in insertion order (SQLite's rowid). */
    [[nodiscard]] virtual QString insertionOrder() const = 0;
    /**
     * @brief The condition keeping the tasks (alias `t`) whose id the subquery `ids` selects. SQLite
     * goes through the rowid, so that the rows are read in file order rather than in the random
     * order of their UUIDs (a 10 000-task project list about a fifth faster); PostgreSQL's planner
     * joins on the id directly, and the detour through seq there quadrupled the time of that list.
     */
    [[nodiscard]] virtual QString taskIdIn(const QString &ids) const = 0;
    /** @brief The RFC 3339 timestamp text one millisecond after the timestamp text `column`. */
    [[nodiscard]] virtual QString oneMillisecondAfter(const QString &column) const = 0;
    /** @brief The value that makes `LIMIT ?` no limit. */
    [[nodiscard]] virtual QVariant noLimit() const = 0;
    /** @brief The FROM item of the tasks (aliased `t`) for a listing that filters on due dates. */
    [[nodiscard]] virtual QString tasksByDueDate() const = 0;
    /**
     * @brief The search for the tasks holding every word of what a person typed (each word as a
     * prefix, ignoring case and accents); nullopt when it holds no word, which matches nothing.
     */
    [[nodiscard]] virtual std::optional<TextSearchSql> textSearch(const QString &text) const = 0;
    /** @brief A query of one text value that differs whenever the data does, whoever changed it. */
    [[nodiscard]] virtual QString changeVersion() const = 0;
    /** @brief The channel on which other clients announce their changes; nullopt where there are none. */
    [[nodiscard]] virtual std::optional<QString> changeChannel() const = 0;
    /** @brief The statements that start an outermost transaction of `kind`, in order. */
    [[nodiscard]] virtual QStringList begin(TransactionKind kind) const = 0;

    /** @brief Runs `sql`, `values` bound to its `?`s in order, and hands each row to `sink`. */
    [[nodiscard]] virtual Result<> forEachRow(
        Database &db, const QString &what, const QString &sql, const QVariantList &values, RowSink &sink) const = 0;

protected:
    SqlDialect() = default;
    SqlDialect(const SqlDialect &) = default;
    SqlDialect &operator=(const SqlDialect &) = default;
};

[[nodiscard]] const SqlDialect &sqliteDialect();
[[nodiscard]] const SqlDialect &postgresDialect();

namespace detail {

template<class Row>
class RowSinkFor final : public RowSink
{
public:
    explicit RowSinkFor(Row &use)
        : m_use(use)
    {
    }
    void row(const Statement &row) override { m_use(row); }
    void row(const SqliteStatement &row) override { m_use(row); }

private:
    Row &m_use;
};

} // namespace detail

/**
 * @brief Runs `sql` on `db` and calls `row(r)` for each result row, `r` a Statement or a
 * SqliteStatement as the engine reads it: `row` is generic over both (readColumns() is).
 */
template<class Row>
[[nodiscard]] Result<> forEachRow(
    Database &db, const QString &what, const QString &sql, const QVariantList &values, Row &&row)
{
    detail::RowSinkFor<std::remove_reference_t<Row>> sink(row);
    return SqlDialect::of(db).forEachRow(db, what, sql, values, sink);
}

} // namespace quire::core
