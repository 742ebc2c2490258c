// SPDX-License-Identifier: MIT
#include "journal.h"

#include "normalize.h"
#include "record_sql.h"
#include "sql_dialect.h"
#include "statement.h"
#include <quire/core/database.h>
#include <quire/core/project.h>
#include <quire/core/task.h>
#include <quire/core/timestamp.h>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

const QString kWhat = u"cannot record the change for undo"_s;

Result<> run(Database &db, const QString &sql, const QVariantList &values)
{
    return Statement::execute(db, kWhat, sql, values);
}

} // namespace

QString quotedName(const QString &name)
{
    constexpr qsizetype kLongest = 40;
    const QString shown = name.size() > kLongest ? QString(name.left(kLongest - 1).trimmed() % u'…') : name;
    return u'“' % shown % u'”';
}

const QList<JournalTable> &journalTables()
{
    static const QList<JournalTable> tables {
        {JournalRowKind::Project, u"project"_s, u"projects"_s, rowColumns<Project>(), u"name"_s},
        {JournalRowKind::Task, u"task"_s, u"tasks"_s, rowColumns<Task>(), u"title"_s},
    };
    return tables;
}

const JournalTable &journalTable(JournalRowKind kind)
{
    return journalTables().at(kind == JournalRowKind::Project ? 0 : 1);
}

const QList<TaskListRows> &taskListRows()
{
    static const QList<TaskListRows> lists {
        {u"task_tags"_s, u"tag"_s, listCopyColumn(u"tags")},
        {u"task_projects"_s, u"project_id"_s, listCopyColumn(u"project_ids")},
    };
    return lists;
}

QStringList imageColumns(const SqlDialect &dialect, const JournalTable &table)
{
    return QStringList {dialect.insertionOrder()} + table.columns;
}

QString rowImageSql(const SqlDialect &dialect, const JournalTable &table, const QString &alias)
{
    QList<JsonMember> members;
    for (const QString &column : imageColumns(dialect, table))
        members.append({column, alias % u'.' % column});
    return dialect.jsonObject(members);
}

JournalEntry::JournalEntry(Database &db, qint64 id)
    : m_db(&db)
    , m_id(id)
{
}

Result<JournalEntry> JournalEntry::begin(Database &db)
{
    // A new step ends what could be redone; the steps' rows go with them (ON DELETE CASCADE).
    if (auto dropped = run(db, u"DELETE FROM journal WHERE state = 'undone'"_s, {}); !dropped)
        return std::unexpected(std::move(dropped.error()));
    auto id = Statement::queryValue(db, kWhat,
        u"INSERT INTO journal (label, state, created_at) VALUES ('', 'done', CAST(? AS text)) RETURNING id"_s,
        {formatTimestamp(currentTimestamp())});
    if (!id)
        return std::unexpected(std::move(id.error()));
    const qint64 entry = id->toLongLong();
    if (auto trimmed = run(db, u"DELETE FROM journal WHERE id <= CAST(? AS bigint)"_s, {entry - kJournalLength});
        !trimmed)
        return std::unexpected(std::move(trimmed.error()));
    return JournalEntry(db, entry);
}

Result<> JournalEntry::captureBefore(JournalRowKind kind, const QStringList &ids)
{
    const JournalTable &table = journalTable(kind);
    const SqlDialect &dialect = SqlDialect::of(*m_db);
    // DO NOTHING: a row captured twice keeps its first image, the one from before the step. (The
    // WHERE tells SQLite's parser that ON CONFLICT is not a join's ON.)
    return run(*m_db,
        u"INSERT INTO journal_changes (entry_id, kind, row_id, before) SELECT CAST(? AS bigint), CAST(? AS text), "
        "j.value, (SELECT "_s
            % rowImageSql(dialect, table, u"r"_s) % u" FROM "_s % table.table % u" AS r WHERE r.id = j.value) FROM "_s
            % dialect.jsonArrayRows(u"?"_s, u"j"_s) % u" WHERE true ON CONFLICT DO NOTHING"_s,
        {m_id, table.kindName, toJsonArray(ids)});
}

Result<> JournalEntry::finish(const QString &verb, JournalRowKind subjectKind, const QStringList &subjectIds)
{
    const SqlDialect &dialect = SqlDialect::of(*m_db);
    QString images;
    for (const JournalTable &table : journalTables()) {
        images += u" WHEN '"_s % table.kindName % u"' THEN (SELECT "_s % rowImageSql(dialect, table, u"r"_s)
            % u" FROM "_s % table.table % u" AS r WHERE r.id = journal_changes.row_id)"_s;
    }
    if (auto after = run(*m_db,
            u"UPDATE journal_changes SET after = CASE kind"_s % images % u" END WHERE entry_id = CAST(? AS bigint)"_s,
            {m_id});
        !after)
        return after;

    const JournalTable &subject = journalTable(subjectKind);
    QString label;
    if (subjectIds.size() == 1) {
        auto name = Statement::queryValue(*m_db, kWhat,
            u"SELECT "_s % dialect.jsonMember(u"coalesce(after, before)"_s, subject.nameColumn)
                % u" FROM journal_changes WHERE entry_id = CAST(? AS bigint) AND kind = ? AND row_id = ?"_s,
            {QString::number(m_id), subject.kindName, subjectIds.first()});
        if (!name)
            return std::unexpected(std::move(name.error()));
        label
            = verb % (subjectKind == JournalRowKind::Project ? u" project "_s : u" "_s) % quotedName(name->toString());
    } else {
        label = verb % u' ' % QString::number(subjectIds.size()) % u' ' % subject.table;
    }
    return run(*m_db, u"UPDATE journal SET label = ? WHERE id = CAST(? AS bigint)"_s, {label, m_id});
}

} // namespace quire::core
