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
    : m_location(fileName)
{
    if (m_location.unavailable())
        return;
    if (m_location.error()) {
        m_openError = Error {ErrorCode::Internal, *m_location.error()};
        return;
    }
    auto db = Database::open(m_location.location(), quire::test::uniqueConnectionName(u"store"_s));
    if (!db) {
        m_openError = db.error();
        return;
    }
    m_db = std::move(*db);
    m_tasks = std::make_unique<SqlTaskRepository>(*m_db);
    m_projects = std::make_unique<SqlProjectRepository>(*m_db);
    m_history = std::make_unique<SqlHistory>(*m_db, *m_tasks, *m_projects);
}

TestStore::~TestStore()
{
    m_history.reset();
    m_projects.reset();
    m_tasks.reset();
    m_db.reset();
}

bool TestStore::isOpen() const
{
    return m_db != nullptr;
}

const std::optional<Error> &TestStore::openError() const
{
    return m_openError;
}

const std::optional<QString> &TestStore::unavailable() const
{
    return m_location.unavailable();
}

Engine TestStore::engine() const
{
    return m_location.engine();
}

QString TestStore::path() const
{
    return m_location.location();
}

Database &TestStore::db()
{
    return *m_db;
}

SqlTaskRepository &TestStore::tasks()
{
    return *m_tasks;
}

SqlProjectRepository &TestStore::projects()
{
    return *m_projects;
}

SqlHistory &TestStore::history()
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
    return Statement::executeUnprepared(db, u"test statement"_s, sql);
}

namespace {

QString refusalTrigger(const QString &event, const QString &table)
{
    return u"refuse_"_s % event.toLower() % u'_' % table;
}

} // namespace

Result<> TestStore::refuse(const QString &event, const QString &table, const QString &message)
{
    const QString trigger = refusalTrigger(event, table);
    if (engine() == Engine::Sqlite) {
        return exec(db(),
            u"CREATE TEMP TRIGGER "_s % trigger % u" BEFORE "_s % event % u" ON "_s % table
                % u" BEGIN SELECT RAISE(ABORT, '"_s % message % u"'); END"_s);
    }
    if (auto made = exec(db(),
            u"CREATE OR REPLACE FUNCTION quire_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$"_s);
        !made)
        return made;
    return exec(db(),
        u"CREATE TRIGGER "_s % trigger % u" BEFORE "_s % event % u" ON "_s % table
            % u" FOR EACH ROW EXECUTE FUNCTION quire_test_refuse('"_s % message % u"')"_s);
}

Result<> TestStore::stopRefusing(const QString &event, const QString &table)
{
    return exec(db(),
        u"DROP TRIGGER "_s % refusalTrigger(event, table)
            % (engine() == Engine::Sqlite ? QString() : QString(u" ON "_s % table)));
}

Result<> TestStore::allowInvalidValues()
{
    if (engine() == Engine::Sqlite)
        return exec(db(), u"PRAGMA ignore_check_constraints = ON"_s);
    return exec(db(),
        u"DO $$ DECLARE c record; BEGIN FOR c IN SELECT conname FROM pg_constraint "
        "WHERE conrelid = 'tasks'::regclass AND contype = 'c' LOOP "
        "EXECUTE format('ALTER TABLE tasks DROP CONSTRAINT %I', c.conname); END LOOP; END $$"_s);
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
