// SPDX-License-Identifier: MIT
#include "sql_dialect.h"

#include "statement.h"

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

/**
 * What a person typed as a tsquery: each run of letters and digits a quoted prefix ('caf':*
 * finds Café through the unaccent dictionary), all of them required. Nothing else a person
 * types reaches the query's syntax.
 */
QString tsQuery(const QString &text)
{
    QStringList words;
    QString word;
    const auto endWord = [&] {
        if (!word.isEmpty())
            words.append(u'\'' % word % u"':*"_s);
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            word.append(c);
        else
            endWord();
    }
    endWord();
    return words.join(u" & "_s);
}

class PostgresDialect final : public SqlDialect
{
public:
    QString jsonArrayRows(const QString &array, const QString &alias) const override
    {
        return u"json_array_elements_text(CAST("_s % array % u" AS json)) WITH ORDINALITY AS "_s % alias
            % u" (value, key)"_s;
    }

    BoundCondition isOneOf(const QString &column, const QStringList &values) const override
    {
        // An array literal: each element quoted, its quotes and backslashes escaped.
        QStringList elements;
        elements.reserve(values.size());
        for (QString value : values)
            elements.append(u'"' % value.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s) % u'"');
        return {column % u" = ANY(CAST(? AS text[]))"_s, u'{' % elements.join(u',') % u'}'};
    }

    QString jsonMember(const QString &object, const QString &key) const override
    {
        return u"(CAST("_s % object % u" AS json) ->> '"_s % key % u"')"_s;
    }

    QString jsonMemberInteger(const QString &object, const QString &key) const override
    {
        return u"CAST("_s % jsonMember(object, key) % u" AS bigint)"_s;
    }

    QString jsonObject(const QList<JsonMember> &members) const override
    {
        QStringList pairs;
        for (const auto &[name, value] : members)
            pairs.append(u"'"_s % name % u"', "_s % value);
        return u"CAST(json_build_object("_s % pairs.join(u", "_s) % u") AS text)"_s;
    }

    QString jsonArrayWithout(const QString &array) const override
    {
        return u"(SELECT coalesce(CAST(json_agg(e.value ORDER BY e.key) AS text), '[]') FROM "_s
            % jsonArrayRows(array, u"e"_s) % u" WHERE e.value <> CAST(? AS text))"_s;
    }

    QString insertionOrder() const override { return u"seq"_s; }

    QString taskIdIn(const QString &ids) const override { return u"t.id IN ("_s % ids % u')'; }

    QString oneMillisecondAfter(const QString &column) const override
    {
        return u"to_char((CAST("_s % column
            % u" AS timestamptz) + interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"_s;
    }

    QVariant noLimit() const override { return {}; } // LIMIT NULL

    QString tasksByDueDate() const override { return u"tasks AS t"_s; }

    std::optional<TextSearchSql> textSearch(const QString &text) const override
    {
        const QString query = tsQuery(text);
        if (query.isEmpty())
            return std::nullopt;
        // The weights (title A, tags and project names B, description and checklist C) are set
        // where the search column is written (PostgresSchema).
        return TextSearchSql {
            .source = u"tasks AS t CROSS JOIN to_tsquery('quire_search', CAST(? AS text)) AS q"_s,
            .sourceValues = {query},
            .condition = u"t.search @@ q"_s,
            .conditionValues = {},
            .order = u"ts_rank(t.search, q) DESC, t.created_at, t.seq"_s,
        };
    }

    QString changeVersion() const override { return u"SELECT CAST(counter AS text) FROM quire_changes"_s; }

    std::optional<QString> changeChannel() const override { return u"quire_changes"_s; } // the schema's triggers

    QStringList begin(TransactionKind kind) const override
    {
        // A read sees one snapshot of the database across its statements, as on SQLite. A write
        // first takes the one row of quire_changes, as SQLite's BEGIN IMMEDIATE takes the write
        // lock: writers from every client go one at a time (lock_timeout bounds the wait), so two
        // never deadlock on each other's rows, and the counter changeVersion() reads moves on.
        if (kind == TransactionKind::Read)
            return {u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s};
        return {u"BEGIN"_s, u"UPDATE quire_changes SET counter = counter + 1"_s};
    }

    Result<> forEachRow(
        Database &db, const QString &what, const QString &sql, const QVariantList &values, RowSink &sink) const override
    {
        auto statement = Statement::run(db, what, sql, values);
        if (!statement)
            return std::unexpected(std::move(statement.error()));
        return statement->forEachRow([&](const Statement &row) { sink.row(row); });
    }
};

} // namespace

const SqlDialect &postgresDialect()
{
    static const PostgresDialect dialect;
    return dialect;
}

} // namespace quire::core
