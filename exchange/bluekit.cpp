// SPDX-License-Identifier: MIT
#include <quire/exchange/bluekit.h>

#include "field_text.h"

#include <quire/core/operation_phase.h>

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace quire::exchange {
namespace {

core::Error invalid(const QString &reason)
{
    return {core::ErrorCode::InvalidArgument, reason};
}

/** A read-only connection of its own, removed when done (QSqlDatabase::removeDatabase needs every handle gone). */
class ReadOnlyConnection
{
public:
    explicit ReadOnlyConnection(const QString &path)
        : m_name(u"quire-bluekit-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        m_opened = db.open();
        if (!m_opened)
            m_error = db.lastError().text();
    }
    ~ReadOnlyConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    ReadOnlyConnection(const ReadOnlyConnection &) = delete;
    ReadOnlyConnection &operator=(const ReadOnlyConnection &) = delete;

    [[nodiscard]] bool isOpen() const { return m_opened; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_opened = false;
    QString m_error;
};

core::Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return std::unexpected(invalid(u"not a BlueKit database: "_s + query.lastError().databaseText()));
    return query;
}

core::Result<void> checkTables(const QSqlDatabase &db)
{
    const QStringList tables = db.tables();
    for (const QString &table : {u"tasks"_s, u"projects"_s, u"task_projects"_s}) {
        if (!tables.contains(table))
            return std::unexpected(invalid(u"not a BlueKit database: it has no table “%1”"_s.arg(table)));
    }
    return {};
}

/** created_at / updated_at as BlueKit writes them: RFC 3339 / ISO 8601 text, SQLite's "YYYY-MM-DD HH:MM:SS" (UTC), or
 * milliseconds. */
Parsed<QDateTime> timestampFrom(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    bool isNumber = false;
    const qint64 ms = value.toLongLong(&isNumber);
    if (isNumber)
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const QString text = value.toString().trimmed();
    if (auto parsed = timestampFromText(text))
        return parsed;
    QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dateTime.isValid())
        dateTime = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm:ss"_s);
    if (!dateTime.isValid())
        return std::unexpected(quoted(text) + u" is not a date and time"_s);
    if (dateTime.timeSpec() == Qt::LocalTime)
        dateTime.setTimeSpec(Qt::UTC); // no offset: BlueKit, like SQLite, writes UTC
    return dateTime.toUTC();
}

/** A nullable enum column: NULL or blank is none. */
template<class E>
Parsed<std::optional<E>> optionalEnum(const QVariant &value)
{
    const QString text = value.toString();
    if (value.isNull() || text.trimmed().isEmpty())
        return std::optional<E>();
    auto parsed = enumFromLooseText<E>(text);
    if (!parsed)
        return std::unexpected(std::move(parsed.error()));
    return std::optional<E>(*parsed);
}

/** A required enum column: NULL or blank takes Quire's default. */
template<class E>
Parsed<E> enumOr(const QVariant &value, E fallback)
{
    auto parsed = optionalEnum<E>(value);
    if (!parsed)
        return std::unexpected(std::move(parsed.error()));
    return parsed->value_or(fallback);
}

Parsed<QStringList> tagsFrom(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    if (value.isNull() || text.isEmpty())
        return QStringList();
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isArray())
        return std::unexpected(quoted(text) + u" is not a JSON array of tags"_s);
    QStringList tags;
    for (const auto &tag : document.array()) {
        if (!tag.isString())
            return std::unexpected(quoted(text) + u" is not a JSON array of tags"_s);
        tags.append(tag.toString());
    }
    return tags;
}

/** Stores a column's parsed value, or says which column of which record was bad. */
template<class T>
core::Result<void> store(T &target, Parsed<T> value, const QString &record, QStringView column)
{
    if (!value)
        return std::unexpected(invalid(record + u": "_s + column + u": "_s + value.error()));
    target = std::move(*value);
    return {};
}

core::Result<QList<core::Project>> readProjects(const QSqlDatabase &db)
{
    auto query = run(db, u"SELECT id, name, description, created_at, updated_at FROM projects ORDER BY name"_s);
    if (!query)
        return std::unexpected(std::move(query.error()));
    QList<core::Project> projects;
    while (query->next()) {
        core::Project project;
        project.id = query->value(0).toString();
        project.name = query->value(1).toString();
        if (!query->value(2).isNull() && !query->value(2).toString().trimmed().isEmpty())
            project.description = query->value(2).toString();
        const QString record = u"project %1 “%2”"_s.arg(project.id, project.name);
        if (auto ok = store(project.createdAt, timestampFrom(query->value(3)), record, u"created_at"); !ok)
            return std::unexpected(std::move(ok.error()));
        if (auto ok = store(project.updatedAt, timestampFrom(query->value(4)), record, u"updated_at"); !ok)
            return std::unexpected(std::move(ok.error()));
        projects.append(std::move(project));
    }
    return projects;
}

core::Result<QHash<QString, QStringList>> readLinks(const QSqlDatabase &db)
{
    auto query = run(db, u"SELECT task_id, project_id FROM task_projects ORDER BY id"_s);
    if (!query)
        return std::unexpected(std::move(query.error()));
    QHash<QString, QStringList> links;
    while (query->next()) {
        QStringList &ids = links[query->value(0).toString()];
        const QString projectId = query->value(1).toString();
        if (!ids.contains(projectId))
            ids.append(projectId);
    }
    return links;
}

/** One row of BlueKit's tasks (id, title, description, priority, tags, created_at, updated_at, status, complexity,
 * type). */
core::Result<core::Task> taskFrom(const QSqlQuery &row)
{
    core::Task task;
    task.id = row.value(0).toString();
    task.title = row.value(1).toString();
    if (!row.value(2).isNull() && !row.value(2).toString().trimmed().isEmpty())
        task.description = row.value(2).toString();
    const QString record = u"task %1 “%2”"_s.arg(task.id, task.title);
    core::Result<void> ok = store(task.priority, enumOr(row.value(3), core::Priority::Standard), record, u"priority");
    if (ok)
        ok = store(task.tags, tagsFrom(row.value(4)), record, u"tags");
    if (ok)
        ok = store(task.createdAt, timestampFrom(row.value(5)), record, u"created_at");
    if (ok)
        ok = store(task.updatedAt, timestampFrom(row.value(6)), record, u"updated_at");
    if (ok)
        ok = store(task.status, enumOr(row.value(7), core::Status::Backlog), record, u"status");
    if (ok)
        ok = store(task.complexity, optionalEnum<core::Complexity>(row.value(8)), record, u"complexity");
    if (ok)
        ok = store(task.type, optionalEnum<core::TaskType>(row.value(9)), record, u"type");
    if (!ok)
        return std::unexpected(std::move(ok.error()));
    return task;
}

core::Result<QList<core::Task>> readTasks(
    const QSqlDatabase &db, const QHash<QString, QStringList> &links, core::Operation &operation)
{
    auto count = run(db, u"SELECT count(*) FROM tasks"_s);
    if (!count)
        return std::unexpected(std::move(count.error()));
    const qint64 total = count->next() ? count->value(0).toLongLong() : 0;
    auto query = run(db,
        u"SELECT id, title, description, priority, tags, created_at, updated_at, status, complexity, type "
        "FROM tasks ORDER BY created_at, rowid"_s);
    if (!query)
        return std::unexpected(std::move(query.error()));
    core::OperationPhase phase(operation, u"reading", total);
    QList<core::Task> tasks;
    tasks.reserve(total);
    while (query->next()) {
        if (auto step = phase.advance(); !step)
            return std::unexpected(std::move(step.error()));
        auto task = taskFrom(*query);
        if (!task)
            return std::unexpected(std::move(task.error()));
        task->projectIds = links.value(task->id);
        tasks.append(std::move(*task));
    }
    return tasks;
}

} // namespace

QString defaultBlueKitPath()
{
    return QDir::home().filePath(u".bluekit/bluekit.db"_s);
}

core::Result<ParsedFile> readBlueKit(const QString &sqlitePath, core::Operation &operation)
{
    if (!QFileInfo(sqlitePath).isFile())
        return core::fail(core::ErrorCode::NotFound, u"no BlueKit database at %1"_s.arg(sqlitePath));
    const ReadOnlyConnection connection(sqlitePath);
    if (!connection.isOpen())
        return core::fail(core::ErrorCode::InvalidArgument,
            u"cannot open %1 as a database: %2"_s.arg(sqlitePath, connection.error()));
    const QSqlDatabase db = connection.database();
    if (auto tables = checkTables(db); !tables)
        return std::unexpected(std::move(tables.error()));
    ParsedFile parsed;
    auto projects = readProjects(db);
    if (!projects)
        return std::unexpected(std::move(projects.error()));
    auto links = readLinks(db);
    if (!links)
        return std::unexpected(std::move(links.error()));
    auto tasks = readTasks(db, *links, operation);
    if (!tasks)
        return std::unexpected(std::move(tasks.error()));
    parsed.snapshot.projects = std::move(*projects);
    parsed.snapshot.tasks = std::move(*tasks);
    return parsed;
}

} // namespace quire::exchange
