// SPDX-License-Identifier: MIT
#include "database_thread.h"

#include "logging.h"

#include <database.h>
#include <sqlite_project_repository.h>
#include <sqlite_task_repository.h>

#include <QMetaObject>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <QUuid>

#include <exception>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

core::Result<Storage> openSqlite(const QString &path)
{
    const QString connection = u"quire-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto database = core::Database::open(path, connection);
    if (!database)
        return std::unexpected(database.error());
    Storage storage;
    storage.tasks = std::make_unique<core::SqliteTaskRepository>(**database);
    storage.projects = std::make_unique<core::SqliteProjectRepository>(**database);
    storage.database = std::move(*database);
    return storage;
}

core::Error internalError(const char *what)
{
    return {core::ErrorCode::Internal, u"unexpected error: "_s + QString::fromLocal8Bit(what)};
}

} // namespace

Storage::Storage() = default;
Storage::Storage(Storage &&) noexcept = default;
Storage &Storage::operator=(Storage &&) noexcept = default;
Storage::~Storage()
{
    // Repositories hold references into the database: drop them first.
    tasks.reset();
    projects.reset();
    database.reset();
}

DatabaseThread::DatabaseThread(const QString &databasePath)
    : DatabaseThread(Opener([databasePath] { return openSqlite(databasePath); }))
{
}

DatabaseThread::DatabaseThread(Opener opener)
    : m_thread(std::make_unique<QThread>())
    , m_context(std::make_unique<QObject>())
{
    m_thread->setObjectName(u"quire-database"_s);
    m_context->moveToThread(m_thread.get());
    m_thread->start();
    post([this, opener = std::move(opener)] {
        try {
            m_storage = std::make_unique<core::Result<Storage>>(opener());
        } catch (const std::exception &e) {
            m_storage = std::make_unique<core::Result<Storage>>(std::unexpected(internalError(e.what())));
        }
        if (!*m_storage)
            qCCritical(lcDatabase).noquote() << "cannot open the database:" << m_storage->error().message;
    });
}

DatabaseThread::~DatabaseThread()
{
    // The connection must be closed on the thread that opened it.
    QMetaObject::invokeMethod(m_context.get(), [this] { m_storage.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void DatabaseThread::post(std::function<void()> work)
{
    QMetaObject::invokeMethod(m_context.get(), std::move(work), Qt::QueuedConnection);
}

QFuture<core::Result<QJsonValue>> DatabaseThread::run(Job job)
{
    auto promise = std::make_shared<QPromise<core::Result<QJsonValue>>>();
    QFuture<core::Result<QJsonValue>> future = promise->future();
    promise->start();
    post([this, promise, job = std::move(job)] {
        core::Result<QJsonValue> result = std::unexpected(internalError("no result"));
        try {
            result = *m_storage ? job(**m_storage) : std::unexpected(m_storage->error());
        } catch (const std::exception &e) {
            result = std::unexpected(internalError(e.what()));
        } catch (...) {
            result = std::unexpected(internalError("unknown exception"));
        }
        promise->addResult(std::move(result));
        promise->finish();
    });
    return future;
}

core::Result<> DatabaseThread::openResult()
{
    core::Result<> outcome;
    QMetaObject::invokeMethod(
        m_context.get(),
        [this, &outcome] {
            if (!*m_storage)
                outcome = std::unexpected(m_storage->error());
        },
        Qt::BlockingQueuedConnection);
    return outcome;
}

} // namespace quire::app
