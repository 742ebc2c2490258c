// SPDX-License-Identifier: MIT
#include "test_store.h"

#include "statement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace quire::core_test {

using namespace quire::core;

TestStore::TestStore(const QString &fileName)
    : m_path(fileName == u":memory:"_s ? fileName : m_folder.filePath(fileName))
{
    if (!m_folder.isValid()) {
        m_openError = Error {ErrorCode::Internal, u"cannot create a temporary folder"_s};
        return;
    }
    auto db = Database::open(m_path, quire::test::uniqueConnectionName(u"store"_s));
    if (!db) {
        m_openError = db.error();
        return;
    }
    m_db = std::move(*db);
    m_tasks = std::make_unique<SqliteTaskRepository>(*m_db);
    m_projects = std::make_unique<SqliteProjectRepository>(*m_db);
    m_history = std::make_unique<SqliteHistory>(*m_db, *m_tasks, *m_projects);
}

TestStore::~TestStore() = default;

bool TestStore::isOpen() const
{
    return m_db != nullptr;
}

const std::optional<Error> &TestStore::openError() const
{
    return m_openError;
}

QString TestStore::path() const
{
    return m_path;
}

Database &TestStore::db()
{
    return *m_db;
}

SqliteTaskRepository &TestStore::tasks()
{
    return *m_tasks;
}

SqliteProjectRepository &TestStore::projects()
{
    return *m_projects;
}

SqliteHistory &TestStore::history()
{
    return *m_history;
}

QVariant scalar(Database &db, const QString &sql)
{
    auto statement = Statement::prepare(db, u"test query"_s, sql);
    if (!statement) {
        ADD_FAILURE() << statement.error().message.toStdString();
        return {};
    }
    if (auto ran = statement->exec(); !ran) {
        ADD_FAILURE() << ran.error().message.toStdString();
        return {};
    }
    auto value = statement->singleValue();
    if (!value) {
        ADD_FAILURE() << value.error().message.toStdString();
        return {};
    }
    return value->value_or(QVariant());
}

Result<> exec(Database &db, const QString &sql)
{
    auto statement = Statement::prepare(db, u"test statement"_s, sql);
    if (!statement)
        return std::unexpected(statement.error());
    return statement->exec();
}

namespace {

template<class Work>
auto withFileConnection(const QString &path, Work &&work) -> std::invoke_result_t<Work, QSqlDatabase &>
{
    const QString name = quire::test::uniqueConnectionName(u"raw"_s);
    std::invoke_result_t<Work, QSqlDatabase &> result;
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        connection.setDatabaseName(path);
        if (connection.open())
            result = work(connection);
        else
            result = fail(ErrorCode::Storage, connection.lastError().text());
        connection.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

Result<> execOnFile(const QString &path, const QStringList &sql)
{
    return withFileConnection(path, [&](QSqlDatabase &connection) -> Result<> {
        for (const QString &statement : sql) {
            QSqlQuery query(connection);
            if (!query.exec(statement))
                return fail(ErrorCode::Storage, statement % u": "_s % query.lastError().text());
        }
        return {};
    });
}

Result<QVariant> scalarOnFile(const QString &path, const QString &sql)
{
    return withFileConnection(path, [&](QSqlDatabase &connection) -> Result<QVariant> {
        QSqlQuery query(connection);
        if (!query.exec(sql))
            return fail(ErrorCode::Storage, sql % u": "_s % query.lastError().text());
        if (!query.next())
            return QVariant();
        return query.value(0);
    });
}

Result<QList<Task>> listedTasks(TaskRepository &tasks, const TaskQuery &query)
{
    auto listing = tasks.list(query);
    if (!listing)
        return std::unexpected(std::move(listing.error()));
    return std::move(listing->tasks);
}

Result<QList<Task>> tasksOfProjects(TaskRepository &tasks, const QStringList &projectIds)
{
    return listedTasks(tasks, TaskQuery {.projectIds = projectIds});
}

Result<QList<Task>> updatedTasks(TaskRepository &tasks, const QStringList &ids, const TaskPatch &patch)
{
    auto update = tasks.updateMany(ids, patch);
    if (!update)
        return std::unexpected(std::move(update.error()));
    return std::move(update->tasks);
}

Result<Task> updatedTask(TaskRepository &tasks, const QString &id, const TaskPatch &patch)
{
    auto updated = updatedTasks(tasks, {id}, patch);
    if (!updated)
        return std::unexpected(std::move(updated.error()));
    return std::move(updated->first());
}

} // namespace quire::core_test
