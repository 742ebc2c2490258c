// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: the undo journal's writing side. Every write of a repository is one journal
// entry, recorded in the write's own transaction: the image of each row it touches before and
// after (JSON of the row's columns, NULL where the row does not exist). SqlHistory reads it.

#include <quire/core/error.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace quire::core {

class Database;
class SqlDialect;

/** @brief The kinds of rows the journal holds, one per table. */
enum class JournalRowKind : std::uint8_t { Task, Project };

/**
 * @brief One undoable step being written, inside its write's transaction: begin(), then
 * captureBefore() for each row before it changes (or before it is created), then finish().
 */
class JournalEntry
{
public:
    /** @brief Opens an entry; a new step drops the steps that were undone (no redo after it). */
    [[nodiscard]] static Result<JournalEntry> begin(Database &db);

    /** @brief Records the rows of `ids` as they are now: a row that does not exist yet is created by the step. */
    [[nodiscard]] Result<> captureBefore(JournalRowKind kind, const QStringList &ids);

    /**
     * @brief Records every captured row as it now is, and names the step for people:
     * "<verb> “<title>”" for one subject row, "<verb> N tasks" for several.
     */
    [[nodiscard]] Result<> finish(const QString &verb, JournalRowKind subjectKind, const QStringList &subjectIds);

private:
    JournalEntry(Database &db, qint64 id);

    Database *m_db;
    qint64 m_id;
};

/** @brief Where the journal finds one kind of row. */
struct JournalTable {
    JournalRowKind kind;
    /** @brief journal_changes.kind: 'task', 'project'. */
    QString kindName;
    QString table;
    /** @brief Every column of a row; an image holds these and the row's insertion order (imageColumns()). */
    QStringList columns;
    /** @brief The column that names a row for people: title, name. */
    QString nameColumn;
};

[[nodiscard]] const JournalTable &journalTable(JournalRowKind kind);

/** @brief Both tables, projects first: a restored task's links need its projects. */
[[nodiscard]] const QList<JournalTable> &journalTables();

/**
 * @brief The columns of an image of a row of `table`: its insertion order (so that a row put back
 * keeps its place among rows created in the same millisecond), then every column.
 */
[[nodiscard]] QStringList imageColumns(const SqlDialect &dialect, const JournalTable &table);

/**
 * @brief SQL giving the image of the row of `table` aliased `alias`: a JSON object of
 * imageColumns(), which the same values always make as the same text, so two images compare as text.
 */
[[nodiscard]] QString rowImageSql(const SqlDialect &dialect, const JournalTable &table, const QString &alias);

/** @brief A list field of tasks kept as rows of its own table, beside its JSON copy on the task row. */
struct TaskListRows {
    QString table;
    QString column;
    QString copyColumn;
};

/** @brief Tags (task_tags) and project links (task_projects). */
[[nodiscard]] const QList<TaskListRows> &taskListRows();

/** @brief A row's name as a step's label (or a message) shows it: quoted, and short enough for a menu. */
[[nodiscard]] QString quotedName(const QString &name);

/** @brief How many steps the journal keeps: the oldest go as new ones come. */
inline constexpr qint64 kJournalLength = 200;

} // namespace quire::core
