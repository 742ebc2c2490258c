// SPDX-License-Identifier: MIT
#include <quire/exchange/csv.h>

#include "csv_table.h"
#include "field_text.h"
#include "project_links.h"

#include <quire/core/local_date.h>
#include <quire/core/operation_phase.h>
#include <quire/core/recurrence.h>
#include <quire/core/timestamp.h>

#include <QHash>
#include <QStringDecoder>

#include <array>

using namespace Qt::StringLiterals;

namespace quire::exchange {
namespace {

constexpr QStringView listSeparator = u"; ";
constexpr QStringView doneMark = u"[x] ";
constexpr QStringView openMark = u"[ ] ";
/** The Title column's place in columns(): the one column an import needs. */
constexpr qsizetype titleColumn = 1;

/** A task as read from one row, with its project columns kept apart until the projects are resolved. */
struct RowTask {
    core::Task task;
    QStringList projectNames;
    QStringList projectIds;
};

/** Project names by id, for the Projects column. */
using ProjectNames = QHash<QString, QString>;

using CellReader = Parsed<void> (*)(QStringView cell, RowTask &row);
using CellWriter = QString (*)(const core::Task &task, const ProjectNames &names);

/** One column: its header, the other spellings an import accepts, and how a task goes in and out. */
struct Column {
    QStringView header;
    std::array<QStringView, 2> aliases;
    CellWriter write;
    CellReader read;
};

// ---- Cells out ---------------------------------------------------------------

template<class T, class Format>
QString optionalCell(const std::optional<T> &value, Format format)
{
    return value ? format(*value) : QString();
}

QString timestampCell(const QDateTime &timestamp)
{
    return timestamp.isValid() ? core::formatTimestamp(timestamp) : QString();
}

QString checklistCell(const QList<core::ChecklistItem> &items)
{
    QStringList lines;
    lines.reserve(items.size());
    for (const core::ChecklistItem &item : items)
        lines.append((item.done ? doneMark : openMark) + item.title);
    return lines.join(u'\n');
}

/** splitList()'s inverse. */
QString listCell(const QStringList &items)
{
    QStringList escaped;
    escaped.reserve(items.size());
    for (const QString &item : items)
        escaped.append(QString(item).replace(u";"_s, u";;"_s));
    return escaped.join(listSeparator);
}

QString projectNamesCell(const QStringList &ids, const ProjectNames &names)
{
    QStringList named;
    named.reserve(ids.size());
    for (const QString &id : ids)
        named.append(names.value(id, id));
    return listCell(named);
}

// ---- Cells in ----------------------------------------------------------------

/**
 * The items of a list cell: separated by ';', a ';' within an item doubled (as a quote is within
 * a quoted field), so that names holding one read back whole.
 */
QStringList splitList(QStringView cell)
{
    QStringList items;
    QString item;
    const auto flush = [&] {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
        item.clear();
    };
    for (qsizetype i = 0; i < cell.size(); ++i) {
        if (cell[i] != u';')
            item.append(cell[i]);
        else if (i + 1 < cell.size() && cell[i + 1] == u';')
            item.append(cell[++i]);
        else
            flush();
    }
    flush();
    return items;
}

/** Spreadsheets write "2026-03-29 09:00" or add ":00" seconds; the stored form has neither. */
Parsed<core::LocalDate> dueFromCell(QStringView cell)
{
    QString text = cell.trimmed().toString();
    if (text.size() > 10 && text.at(10) == u' ')
        text[10] = u'T';
    if (text.size() == 19 && text.endsWith(u":00"))
        text.chop(3);
    return localDateFromText(text);
}

Parsed<QList<core::ChecklistItem>> checklistFromCell(QStringView cell)
{
    QList<core::ChecklistItem> items;
    for (QStringView line : cell.split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        core::ChecklistItem item;
        const bool done = line.startsWith(u"[x]", Qt::CaseInsensitive);
        if (done || line.startsWith(u"[ ]") || line.startsWith(u"[]"))
            line = line.sliced(line.indexOf(u']') + 1).trimmed();
        item.title = line.toString();
        item.done = done;
        items.append(std::move(item));
    }
    return items;
}

/** Stores `parse`'s value of a non-blank cell in `target`; a blank cell leaves the default. */
template<class T, class Parse>
Parsed<void> readInto(QStringView cell, T &target, Parse parse)
{
    if (cell.trimmed().isEmpty())
        return {};
    auto value = parse(cell.trimmed());
    if (!value)
        return std::unexpected(std::move(value.error()));
    target = std::move(*value);
    return {};
}

Parsed<QString> recurrenceFromCell(QStringView cell)
{
    auto rule = core::parseRecurrence(cell);
    if (!rule) {
        // parseRecurrence's messages start with "recurrence: ", which the column name already says.
        QString reason = rule.error().message;
        return std::unexpected(reason.startsWith(u"recurrence: "_s) ? reason.mid(12) : reason);
    }
    return core::formatRecurrence(*rule);
}

Parsed<QString> textFromCell(QStringView cell)
{
    return cell.toString();
}

// ---- The columns -------------------------------------------------------------

const std::array<Column, 17> &columns()
{
    static const std::array<Column, 17> table {{
        {u"ID", {}, [](const core::Task &t, const ProjectNames &) { return t.id; },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.id, textFromCell); }},
        {u"Title", {u"summary", u"name"}, [](const core::Task &t, const ProjectNames &) { return t.title; },
            [](QStringView c, RowTask &r) -> Parsed<void> {
                if (c.trimmed().isEmpty())
                    return std::unexpected(u"must not be empty"_s);
                r.task.title = c.toString();
                return {};
            }},
        {u"Description", {u"notes"},
            [](const core::Task &t, const ProjectNames &) { return t.description.value_or(QString()); },
            [](QStringView c, RowTask &r) {
                if (!c.trimmed().isEmpty())
                    r.task.description = c.toString();
                return Parsed<void>();
            }},
        {u"Status", {}, [](const core::Task &t, const ProjectNames &) { return core::enumName(t.status); },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.status, enumFromLooseText<core::Status>); }},
        {u"Priority", {}, [](const core::Task &t, const ProjectNames &) { return core::enumName(t.priority); },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.priority, enumFromLooseText<core::Priority>); }},
        {u"Complexity", {},
            [](const core::Task &t, const ProjectNames &) {
                return optionalCell(t.complexity, core::enumName<core::Complexity>);
            },
            [](QStringView c, RowTask &r) {
                return readInto(c, r.task.complexity, enumFromLooseText<core::Complexity>);
            }},
        {u"Type", {},
            [](const core::Task &t, const ProjectNames &) {
                return optionalCell(t.type, core::enumName<core::TaskType>);
            },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.type, enumFromLooseText<core::TaskType>); }},
        {u"Due", {u"due date"},
            [](const core::Task &t, const ProjectNames &) { return optionalCell(t.dueDate, core::formatLocalDate); },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.dueDate, dueFromCell); }},
        {u"Recurrence", {u"rrule"},
            [](const core::Task &t, const ProjectNames &) { return t.recurrence.value_or(QString()); },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.recurrence, recurrenceFromCell); }},
        {u"Tags", {u"categories"}, [](const core::Task &t, const ProjectNames &) { return listCell(t.tags); },
            [](QStringView c, RowTask &r) {
                r.task.tags = splitList(c);
                return Parsed<void>();
            }},
        {u"Projects", {u"project"},
            [](const core::Task &t, const ProjectNames &names) { return projectNamesCell(t.projectIds, names); },
            [](QStringView c, RowTask &r) {
                r.projectNames = splitList(c);
                return Parsed<void>();
            }},
        {u"Project IDs", {}, [](const core::Task &t, const ProjectNames &) { return listCell(t.projectIds); },
            [](QStringView c, RowTask &r) {
                r.projectIds = splitList(c);
                return Parsed<void>();
            }},
        {u"Checklist", {}, [](const core::Task &t, const ProjectNames &) { return checklistCell(t.checklist); },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.checklist, checklistFromCell); }},
        {u"Created", {u"created at"},
            [](const core::Task &t, const ProjectNames &) { return timestampCell(t.createdAt); },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.createdAt, timestampFromText); }},
        {u"Updated", {u"updated at"},
            [](const core::Task &t, const ProjectNames &) { return timestampCell(t.updatedAt); },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.updatedAt, timestampFromText); }},
        {u"Completed", {u"completed at"},
            [](const core::Task &t, const ProjectNames &) { return optionalCell(t.completedAt, timestampCell); },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.completedAt, timestampFromText); }},
        {u"Sort Key", {}, [](const core::Task &t, const ProjectNames &) { return t.sortKey; },
            [](QStringView c, RowTask &r) { return readInto(c, r.task.sortKey, textFromCell); }},
    }};
    return table;
}

/** How a header is matched: letters and digits only, lower case ("Sort Key", "sort_key" and "sortKey" alike). */
QString headerKey(QStringView header)
{
    QString key;
    for (const QChar c : header) {
        if (c.isLetterOrNumber())
            key.append(c.toLower());
    }
    return key;
}

/** Which column of the table each field of the header is; -1 for unknown ones. */
struct HeaderMap {
    QList<qsizetype> columnOfField;
    QStringList unknown;
};

core::Result<HeaderMap> mapHeader(const CsvRow &header)
{
    QHash<QString, qsizetype> byKey;
    for (qsizetype i = 0; i < static_cast<qsizetype>(columns().size()); ++i) {
        const Column &column = columns()[static_cast<std::size_t>(i)];
        byKey.insert(headerKey(column.header), i);
        for (const QStringView alias : column.aliases) {
            if (!alias.isEmpty())
                byKey.insert(headerKey(alias), i);
        }
    }
    HeaderMap map;
    QList<qsizetype> seen;
    for (const QString &field : header.fields) {
        const qsizetype column = byKey.value(headerKey(field), -1);
        if (column >= 0 && seen.contains(column))
            return core::fail(core::ErrorCode::InvalidArgument,
                u"line %1: two columns are %2"_s.arg(header.line)
                    .arg(columns()[static_cast<std::size_t>(column)].header));
        if (column >= 0)
            seen.append(column);
        else if (!field.trimmed().isEmpty())
            map.unknown.append(field.trimmed());
        map.columnOfField.append(column);
    }
    if (!seen.contains(titleColumn))
        return core::fail(core::ErrorCode::InvalidArgument,
            u"line %1: no Title column (the one column a task needs)"_s.arg(header.line));
    return map;
}

/** The ids of the projects a row names, made into projects of the snapshot as they first appear. */
core::Result<QStringList> projectIdsOf(const RowTask &row, qsizetype line, ProjectLinks &links)
{
    if (!row.projectIds.isEmpty() && !row.projectNames.isEmpty() && row.projectIds.size() != row.projectNames.size())
        return core::fail(core::ErrorCode::InvalidArgument,
            u"line %1: Project IDs: %2 ids for %3 project names"_s.arg(line)
                .arg(row.projectIds.size())
                .arg(row.projectNames.size()));
    QStringList ids;
    if (!row.projectIds.isEmpty()) {
        for (qsizetype i = 0; i < row.projectIds.size(); ++i)
            ids.append(links.withId(row.projectIds.at(i), row.projectNames.value(i)));
    } else {
        for (const QString &name : row.projectNames)
            ids.append(links.named(name));
    }
    return ids;
}

core::Result<RowTask> taskFromRow(const CsvRow &row, const HeaderMap &header)
{
    if (row.fields.size() > header.columnOfField.size())
        return core::fail(core::ErrorCode::InvalidArgument,
            u"line %1: %2 fields, but the header names %3"_s.arg(row.line)
                .arg(row.fields.size())
                .arg(header.columnOfField.size()));
    RowTask task;
    for (qsizetype i = 0; i < row.fields.size(); ++i) {
        const qsizetype index = header.columnOfField.at(i);
        if (index < 0)
            continue;
        const Column &column = columns()[static_cast<std::size_t>(index)];
        if (auto read = column.read(row.fields.at(i), task); !read)
            return core::fail(core::ErrorCode::InvalidArgument,
                u"line %1: %2: %3"_s.arg(row.line).arg(column.header).arg(read.error()));
    }
    if (task.task.title.isEmpty())
        return core::fail(core::ErrorCode::InvalidArgument, u"line %1: Title: must not be empty"_s.arg(row.line));
    return task;
}

QString decodeUtf8(QByteArrayView bytes, bool &ok)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    ok = !decoder.hasError();
    return text;
}

} // namespace

core::Result<QByteArray> writeCsv(const core::Snapshot &snapshot, core::Operation &operation)
{
    ProjectNames names;
    for (const core::Project &project : snapshot.projects)
        names.insert(project.id, project.name);
    QStringList header;
    for (const Column &column : columns())
        header.append(column.header.toString());
    QString text;
    appendCsvRow(text, header);

    core::OperationPhase phase(operation, u"writing", snapshot.tasks.size());
    QStringList fields;
    for (const core::Task &task : snapshot.tasks) {
        if (auto step = phase.advance(); !step)
            return std::unexpected(std::move(step.error()));
        fields.clear();
        for (const Column &column : columns())
            fields.append(column.write(task, names));
        appendCsvRow(text, fields);
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

core::Result<ParsedFile> readCsv(QByteArrayView bytes, core::Operation &operation)
{
    bool utf8 = true;
    const QString text = decodeUtf8(bytes, utf8);
    if (!utf8)
        return core::fail(core::ErrorCode::InvalidArgument,
            u"the file is not UTF-8 text: save it as CSV with the character set UTF-8"_s);
    auto rows = parseCsv(text);
    if (!rows)
        return std::unexpected(std::move(rows.error()));
    if (rows->isEmpty())
        return core::fail(core::ErrorCode::InvalidArgument, u"the file is empty: a header row is needed"_s);
    auto header = mapHeader(rows->front());
    if (!header)
        return std::unexpected(std::move(header.error()));

    ParsedFile parsed;
    if (!header->unknown.isEmpty())
        parsed.notes.append(u"unknown columns ignored: "_s + header->unknown.join(u", "));
    ProjectLinks links(parsed.snapshot.projects);
    core::OperationPhase phase(operation, u"reading", rows->size() - 1);
    for (qsizetype i = 1; i < rows->size(); ++i) {
        if (auto step = phase.advance(); !step)
            return std::unexpected(std::move(step.error()));
        const CsvRow &row = rows->at(i);
        auto task = taskFromRow(row, *header);
        if (!task)
            return std::unexpected(std::move(task.error()));
        auto projectIds = projectIdsOf(*task, row.line, links);
        if (!projectIds)
            return std::unexpected(std::move(projectIds.error()));
        task->task.projectIds = std::move(*projectIds);
        parsed.snapshot.tasks.append(std::move(task->task));
    }
    return parsed;
}

} // namespace quire::exchange
