// SPDX-License-Identifier: MIT
#include <quire/core/sql_data_transfer.h>

#include "journal.h"
#include "normalize.h"
#include "sql_dialect.h"
#include "statement.h"
#include "stored_rows.h"
#include <quire/core/database.h>
#include <quire/core/local_date.h>
#include <quire/core/operation_phase.h>
#include <quire/core/order_key.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/timestamp.h>

#include <QHash>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

QString displayName(const Project &project)
{
    return project.name;
}

QString displayName(const Task &task)
{
    return task.title;
}

/** "task 12 “Buy milk”": a record as errors name it, by its 1-based place in the snapshot and its name if any. */
template<class Record>
QString recordLabel(const Record &record, qsizetype index)
{
    const QString place = QStringView(RecordTraits<Record>::name) % u' ' % QString::number(index + 1);
    const QString name = displayName(record);
    return name.trimmed().isEmpty() ? place : QString(place % u' ' % quotedName(name));
}

template<class Record>
Error aboutRecord(const Record &record, qsizetype index, const Error &error)
{
    return Error {error.code, recordLabel(record, index) % u": "_s % error.message};
}

/** What the record lacks, as create() would give it: a new id, creation now, last change at creation. */
template<class Record>
void fillIdentity(Record &record, const QDateTime &now)
{
    if (record.id.isEmpty())
        record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!record.createdAt.isValid())
        record.createdAt = now;
    if (!record.updatedAt.isValid())
        record.updatedAt = record.createdAt;
}

Result<Project> normalized(Project project, const QDateTime &now)
{
    auto name = requiredText(project.name, u"name");
    if (!name)
        return std::unexpected(std::move(name.error()));
    project.name = std::move(*name);
    project.description = normalizedDescription(project.description);
    fillIdentity(project, now);
    return project;
}

/** completedAt set exactly when the task is completed, as the repository keeps it. */
void settleCompletion(Task &task)
{
    if (task.status != Status::Completed)
        task.completedAt.reset();
    else if (!task.completedAt || !task.completedAt->isValid())
        task.completedAt = task.updatedAt;
}

/** The task by create()'s rules, keeping what create() would decide itself (id, times, order key) when given. */
Result<Task> normalized(Task task, const QDateTime &now)
{
    auto title = requiredText(task.title, u"title");
    if (!title)
        return std::unexpected(std::move(title.error()));
    auto recurrence = normalizedRecurrence(task.recurrence);
    if (!recurrence)
        return std::unexpected(std::move(recurrence.error()));
    // Storage reads back only what formatLocalDate() and isValidOrderKey() accept.
    if (task.dueDate && formatLocalDate(*task.dueDate).isEmpty())
        return fail(ErrorCode::InvalidArgument, u"dueDate is not a valid date"_s);
    if (!task.sortKey.isEmpty() && !isValidOrderKey(task.sortKey))
        return fail(ErrorCode::InvalidArgument, u"sortKey '"_s % task.sortKey % u"' is not an order key"_s);
    task.title = std::move(*title);
    task.description = normalizedDescription(task.description);
    task.recurrence = std::move(*recurrence);
    task.tags = normalizedTags(task.tags);
    task.projectIds = withoutDuplicates(task.projectIds);
    task.checklist = normalizedChecklist(std::move(task.checklist));
    fillIdentity(task, now);
    settleCompletion(task);
    return task;
}

/** Every record normalised, in order; InvalidArgument naming the first that is not valid. */
template<class Record>
Result<QList<Record>> normalizedAll(const QList<Record> &records, const QDateTime &now, OperationPhase &checking)
{
    QList<Record> checked;
    checked.reserve(records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (auto goOn = checking.advance(); !goOn)
            return std::unexpected(std::move(goOn.error()));
        auto record = normalized(records.at(i), now);
        if (!record)
            return std::unexpected(aboutRecord(records.at(i), i, record.error()));
        checked.append(std::move(*record));
    }
    return checked;
}

Result<Snapshot> checkedSnapshot(const Snapshot &snapshot, Operation &operation)
{
    const QDateTime now = currentTimestamp();
    OperationPhase checking(operation, u"checking", snapshot.projects.size() + snapshot.tasks.size());
    Snapshot checked;
    auto projects = normalizedAll(snapshot.projects, now, checking);
    if (!projects)
        return std::unexpected(std::move(projects.error()));
    checked.projects = std::move(*projects);
    auto tasks = normalizedAll(snapshot.tasks, now, checking);
    if (!tasks)
        return std::unexpected(std::move(tasks.error()));
    checked.tasks = std::move(*tasks);
    return checked;
}

/** What an import adds (indexes into the checked snapshot's lists, in order), and what it reports. */
struct Plan {
    QList<qsizetype> projects;
    QList<qsizetype> tasks;
    ImportReport report;
};

/** The ids of `records` that are rows of `table`: one statement, however many records. */
template<class Record>
Result<QSet<QString>> storedIds(Database &db, const QString &table, const QList<Record> &records)
{
    QStringList ids;
    ids.reserve(records.size());
    for (const Record &record : records)
        ids.append(record.id);
    auto statement = Statement::run(db, u"cannot check "_s % table,
        u"SELECT j.value FROM "_s % SqlDialect::of(db).jsonArrayRows(u"?"_s, u"j"_s)
            % u" WHERE EXISTS (SELECT 1 FROM "_s % table % u" AS r WHERE r.id = j.value)"_s,
        QStringList {toJsonArray(ids)});
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    auto stored = statement->texts();
    if (!stored)
        return std::unexpected(std::move(stored.error()));
    return QSet<QString>(stored->cbegin(), stored->cend());
}

/** The indexes of the records whose id neither `table` nor an earlier record has; the others' ids go to `skipped`. */
template<class Record>
Result<QList<qsizetype>> newRecords(
    Database &db, const QString &table, const QList<Record> &records, QStringList &skipped)
{
    auto stored = storedIds(db, table, records);
    if (!stored)
        return std::unexpected(std::move(stored.error()));
    QSet<QString> seen = std::move(*stored);
    QList<qsizetype> added;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QString &id = records.at(i).id;
        if (seen.contains(id)) {
            skipped.append(id);
            continue;
        }
        seen.insert(id);
        added.append(i);
    }
    return added;
}

/**
 * NotFound naming the first added task linked to a project that neither the snapshot nor storage
 * holds. Only added tasks count: a skipped one writes no link.
 */
Result<> requireLinkedProjects(Database &db, const Snapshot &checked, const QList<qsizetype> &added)
{
    QSet<QString> listed;
    for (const Project &project : checked.projects)
        listed.insert(project.id);
    // In order of first mention, so that the first missing one is in the first task that names one.
    QStringList unknown;
    for (const qsizetype index : added) {
        for (const QString &projectId : checked.tasks.at(index).projectIds) {
            if (!listed.contains(projectId)) {
                listed.insert(projectId);
                unknown.append(projectId);
            }
        }
    }
    auto missing = firstMissing(db, u"projects"_s, unknown);
    if (!missing)
        return std::unexpected(std::move(missing.error()));
    const std::optional<QString> &gone = *missing;
    if (!gone)
        return {};
    const QString &projectId = *gone;
    const auto linking = std::find_if(added.cbegin(), added.cend(),
        [&](qsizetype index) { return checked.tasks.at(index).projectIds.contains(projectId); });
    const qsizetype index = linking == added.cend() ? 0 : *linking;
    return std::unexpected(aboutRecord(
        checked.tasks.at(index), index, Error {ErrorCode::NotFound, u"project "_s % projectId % u" does not exist"_s}));
}

/**
 * Gives each added task without an order key one after every other key, stored or imported, in
 * snapshot order: last, as create() puts a new task.
 */
Result<> giveOrderKeys(Database &db, QList<Task> &tasks, const QList<qsizetype> &added)
{
    auto last = lastOrderKey(db);
    if (!last)
        return std::unexpected(std::move(last.error()));
    QString key = std::move(*last);
    // Keys are ASCII, so QString's order is the byte order storage sorts them by.
    for (const qsizetype index : added)
        key = std::max(key, tasks.at(index).sortKey);
    for (const qsizetype index : added) {
        QString &sortKey = tasks[index].sortKey;
        if (!sortKey.isEmpty())
            continue;
        auto next = storedKeyBetween(key, {});
        if (!next)
            return std::unexpected(std::move(next.error()));
        key = std::move(*next);
        sortKey = key;
    }
    return {};
}

/**
 * Makes a project of the snapshot whose id is new but whose name the database (or an earlier
 * project of the snapshot) already has into that project: it takes its id, and so do its tasks'
 * links. A CSV or iCalendar file names projects, and "Home" must land in the "Home" that exists.
 */
Result<> joinSameNamedProjects(Database &db, Snapshot &checked)
{
    auto statement = Statement::run(db, u"cannot read the projects"_s, u"SELECT id, name FROM projects"_s);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    QHash<QString, QString> idByName;
    QSet<QString> storedIds;
    auto read = statement->forEachRow([&](const Statement &row) {
        storedIds.insert(row.text(0));
        idByName.insert(projectNameKey(row.text(1)), row.text(0));
    });
    if (!read)
        return read;
    QHash<QString, QString> joined; // the snapshot's id -> the id it becomes
    for (Project &project : checked.projects) {
        if (storedIds.contains(project.id))
            continue;
        const auto known = idByName.constFind(projectNameKey(project.name));
        if (known == idByName.cend()) {
            idByName.insert(projectNameKey(project.name), project.id);
            continue;
        }
        if (*known != project.id)
            joined.insert(std::exchange(project.id, *known), *known);
    }
    if (joined.isEmpty())
        return {};
    for (Task &task : checked.tasks) {
        for (QString &projectId : task.projectIds)
            projectId = joined.value(projectId, projectId);
        task.projectIds = withoutDuplicates(task.projectIds);
    }
    return {};
}

/** Everything a commit decides before it writes: what it adds, what it skips, the new order keys. */
Result<Plan> planImport(Database &db, Snapshot &checked)
{
    Plan plan;
    if (auto joinedByName = joinSameNamedProjects(db, checked); !joinedByName)
        return std::unexpected(std::move(joinedByName.error()));
    auto projects = newRecords(db, u"projects"_s, checked.projects, plan.report.projectsSkipped);
    if (!projects)
        return std::unexpected(std::move(projects.error()));
    plan.projects = std::move(*projects);
    auto tasks = newRecords(db, u"tasks"_s, checked.tasks, plan.report.tasksSkipped);
    if (!tasks)
        return std::unexpected(std::move(tasks.error()));
    plan.tasks = std::move(*tasks);
    if (auto linked = requireLinkedProjects(db, checked, plan.tasks); !linked)
        return std::unexpected(std::move(linked.error()));
    if (auto keyed = giveOrderKeys(db, checked.tasks, plan.tasks); !keyed)
        return std::unexpected(std::move(keyed.error()));
    plan.report.projectsAdded = plan.projects.size();
    plan.report.tasksAdded = plan.tasks.size();
    return plan;
}

template<class Record>
QStringList idsOf(const QList<Record> &records, const QList<qsizetype> &indexes)
{
    QStringList ids;
    ids.reserve(indexes.size());
    for (const qsizetype index : indexes)
        ids.append(records.at(index).id);
    return ids;
}

template<class Record>
Result<> insertEach(Database &db, const QList<Record> &records, const QList<qsizetype> &indexes,
    Result<> (*insert)(Database &, const Record &), OperationPhase &writing)
{
    for (const qsizetype index : indexes) {
        if (auto goOn = writing.advance(); !goOn)
            return goOn;
        if (auto saved = insert(db, records.at(index)); !saved)
            return saved;
    }
    return {};
}

/** Writes the plan as one journal step, projects first (the tasks link to them). */
Result<> writePlan(Database &db, const Snapshot &checked, const Plan &plan, Operation &operation)
{
    const QStringList projectIds = idsOf(checked.projects, plan.projects);
    const QStringList taskIds = idsOf(checked.tasks, plan.tasks);
    auto entry = JournalEntry::begin(db);
    if (!entry)
        return std::unexpected(std::move(entry.error()));
    if (auto captured = entry->captureBefore(JournalRowKind::Project, projectIds); !captured)
        return captured;
    if (auto captured = entry->captureBefore(JournalRowKind::Task, taskIds); !captured)
        return captured;
    OperationPhase writing(operation, u"writing", projectIds.size() + taskIds.size());
    if (auto saved = insertEach(db, checked.projects, plan.projects, &insertProject, writing); !saved)
        return saved;
    if (auto saved = insertEach(db, checked.tasks, plan.tasks, &insertTask, writing); !saved)
        return saved;
    // Named by its tasks ("Import 312 tasks"), or by its projects when it adds none.
    return taskIds.isEmpty() ? entry->finish(u"Import"_s, JournalRowKind::Project, projectIds)
                             : entry->finish(u"Import"_s, JournalRowKind::Task, taskIds);
}

} // namespace

SqlDataTransfer::SqlDataTransfer(Database &db)
    : m_db(db)
{
}

Result<> SqlDataTransfer::exportTo(SnapshotSink &sink, Operation &operation)
{
    return m_db.transact(TransactionKind::Read, [&]() -> Result<> {
        auto projects = SqlProjectRepository(m_db).findAll();
        if (!projects)
            return std::unexpected(std::move(projects.error()));
        auto total = Statement::queryValue(m_db, u"cannot count tasks"_s, u"SELECT count(*) FROM tasks"_s);
        if (!total)
            return std::unexpected(std::move(total.error()));
        if (auto added = sink.addProjects(*projects, total->toLongLong()); !added)
            return added;
        OperationPhase reading(operation, u"reading", total->toLongLong());
        return forEachStoredTask(m_db, [&](Task &&task) -> Result<> {
            if (auto goOn = reading.advance(); !goOn)
                return goOn;
            return sink.addTask(std::move(task));
        });
    });
}

Result<ImportReport> SqlDataTransfer::import(const Snapshot &snapshot, ImportMode mode, Operation &operation)
{
    auto checked = checkedSnapshot(snapshot, operation);
    if (!checked)
        return std::unexpected(std::move(checked.error()));
    // A preview stops where the writing would begin: every check, count and skip of a commit is
    // decided before it, so it reports the same figures without writing 100 000 rows to roll them
    // back, and without taking the write lock.
    const TransactionKind kind = mode == ImportMode::Commit ? TransactionKind::Write : TransactionKind::Read;
    return m_db.transact(kind, [&]() -> Result<ImportReport> {
        auto plan = planImport(m_db, *checked);
        if (!plan)
            return std::unexpected(std::move(plan.error()));
        if (mode == ImportMode::Preview || (plan->projects.isEmpty() && plan->tasks.isEmpty()))
            return plan->report;
        if (auto written = writePlan(m_db, *checked, *plan, operation); !written)
            return std::unexpected(std::move(written.error()));
        if (operation.cancelled())
            return std::unexpected(cancelledError());
        return plan->report;
    });
}

} // namespace quire::core
