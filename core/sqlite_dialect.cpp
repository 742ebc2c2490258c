// SPDX-License-Identifier: MIT
#include "sql_dialect.h"

#include "sqlite_statement.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

/**
 * What a person typed as an FTS5 query: each word a quoted prefix ("caf"* finds Café), all of
 * them required. Quoting makes every character text (no operators, columns or syntax errors);
 * words without a letter or digit are dropped, since the tokenizer would find nothing in them.
 */
QString ftsQuery(const QString &text)
{
    QStringList words;
    for (const QString &word : text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts)) {
        if (std::any_of(word.begin(), word.end(), [](QChar c) { return c.isLetterOrNumber(); }))
            words.append(u'"' % QString(word).replace(u'"', u"\"\""_s) % u"\"*"_s);
    }
    return words.join(u' ');
}

class SqliteDialect final : public SqlDialect
{
public:
    QString jsonArrayRows(const QString &array, const QString &alias) const override
    {
        return u"json_each("_s % array % u") AS "_s % alias;
    }

    QString jsonMember(const QString &object, const QString &key) const override
    {
        return u"json_extract("_s % object % u", '$."_s % key % u"')"_s;
    }

    QString jsonMemberInteger(const QString &object, const QString &key) const override
    {
        return jsonMember(object, key); // json_extract() gives a JSON number as an integer
    }

    QString jsonObject(const QList<JsonMember> &members) const override
    {
        QStringList pairs;
        for (const auto &[name, value] : members)
            pairs.append(u"'"_s % name % u"', "_s % value);
        return u"json_object("_s % pairs.join(u", "_s) % u')';
    }

    QString jsonArrayWithout(const QString &array) const override
    {
        // json_remove() at the element's index keeps the others in their order, which an
        // aggregate over json_each() would not promise.
        return u"json_remove("_s % array % u", (SELECT '$[' || key || ']' FROM json_each("_s % array
            % u") WHERE value = ?))"_s;
    }

    QString insertionOrder() const override { return u"rowid"_s; }

    QString taskIdIn(const QString &ids) const override
    {
        return u"t.rowid IN (SELECT m.rowid FROM tasks AS m WHERE m.id IN ("_s % ids % u"))"_s;
    }

    QString oneMillisecondAfter(const QString &column) const override
    {
        return u"strftime('%Y-%m-%dT%H:%M:%fZ', "_s % column % u", '+0.001 seconds')"_s;
    }

    QVariant noLimit() const override { return QVariant(qint64(-1)); }

    QString tasksByDueDate() const override
    {
        // Left to itself, SQLite reads the whole list in creation order (the order asked for) and
        // tests each row's due date; through the due-date index it reads only the days asked for
        // and sorts those: 100 000 rows against a few hundred.
        return u"tasks AS t INDEXED BY tasks_by_due_date"_s;
    }

    std::optional<TextSearchSql> textSearch(const QString &text) const override
    {
        const QString match = ftsQuery(text);
        if (match.isEmpty())
            return std::nullopt;
        return TextSearchSql {
            .source = u"task_search JOIN tasks AS t ON t.rowid = task_search.rowid"_s,
            .sourceValues = {},
            .condition = u"task_search MATCH ?"_s,
            .conditionValues = {match},
            // Weights of title, description, tags, checklist, projects (migrateTo9's columns).
            .order = u"bm25(task_search, 10.0, 2.0, 4.0, 2.0, 3.0), t.created_at, t.rowid"_s,
        };
    }

    QString changeVersion() const override
    {
        // data_version changes when another connection commits, total_changes() when this one does.
        return u"SELECT printf('%d.%d', (SELECT data_version FROM pragma_data_version()), total_changes())"_s;
    }

    std::optional<QString> changeChannel() const override { return std::nullopt; }

    QStringList begin(TransactionKind kind) const override
    {
        // IMMEDIATE takes the write lock up front, so busy_timeout applies instead of a deadlock
        // on lock upgrade; a deferred read gives its SELECTs one snapshot.
        return {kind == TransactionKind::Write ? u"BEGIN IMMEDIATE"_s : u"BEGIN DEFERRED"_s};
    }

    Result<> forEachRow(
        Database &db, const QString &what, const QString &sql, const QVariantList &values, RowSink &sink) const override
    {
        // SQLite's own API: QSqlQuery wraps each value in a QVariant and copies it twice, which
        // took listings to about six times what SQLite itself spends.
        auto statement = SqliteStatement::prepare(db, what, sql);
        if (!statement)
            return std::unexpected(std::move(statement.error()));
        for (const QVariant &value : values)
            statement->bind(value);
        return statement->forEachRow([&](const SqliteStatement &row) { sink.row(row); });
    }
};

} // namespace

const SqlDialect &sqliteDialect()
{
    static const SqliteDialect dialect;
    return dialect;
}

} // namespace quire::core
