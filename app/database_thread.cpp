// SPDX-License-Identifier: MIT
#include "database_thread.h"

#include "logging.h"

#include <quire/core/database.h>
#include <quire/core/sqlite_history.h>
#include <quire/core/sqlite_project_repository.h>
#include <quire/core/sqlite_task_repository.h>

#include <QMetaObject>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <QUuid>

#include <array>
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
    storage.history = std::make_unique<core::SqliteHistory>(**database, *storage.tasks, *storage.projects);
    storage.database = std::move(*database);
    return storage;
}

core::Error internalError(const char *what)
{
    return {core::ErrorCode::Internal, u"unexpected error: "_s + QString::fromLocal8Bit(what)};
}

struct Explanation {
    QLatin1StringView sqliteText; // SQLite's own wording, stable across versions
    QString hint; // %1: the file
};

} // namespace

core::Error explainStorageError(core::Error error, const QString &path)
{
    if (error.code != core::ErrorCode::Storage)
        return error;
    const QString file = path.isEmpty() ? u"the database file"_s : path;
    static const std::array<Explanation, 6> explanations {{
        {QLatin1StringView("attempt to write a readonly database"),
            u"%1 is read-only, so changes cannot be saved; check its permissions"_s},
        {QLatin1StringView("database is locked"),
            u"another program is using %1 (another Quire, or a tool with it open); nothing was changed, try again when it has finished"_s},
        {QLatin1StringView("database or disk is full"),
            u"the disk holding %1 is full; nothing was changed, free some space and try again"_s},
        {QLatin1StringView("disk I/O error"),
            u"the disk reported an error reading or writing %1; nothing was changed"_s},
        {QLatin1StringView("file is not a database"),
            u"%1 is damaged or is not a Quire database; Quire has not changed it"_s},
        {QLatin1StringView("database disk image is malformed"),
            u"%1 is damaged; Quire has not changed it. Restore a backup or repair it with the sqlite3 tool's .recover"_s},
    }};
    for (const Explanation &explanation : explanations) {
        if (error.message.contains(explanation.sqliteText, Qt::CaseInsensitive)) {
            error.message += u" ("_s + explanation.hint.arg(file) + u')';
            break;
        }
    }
    return error;
}

core::Error closingError()
{
    return {core::ErrorCode::Storage, u"Quire is closing"_s};
}

Storage::Storage() = default;
Storage::Storage(Storage &&) noexcept = default;
Storage &Storage::operator=(Storage &&) noexcept = default;
Storage::~Storage()
{
    // Repositories hold references into the database, and history into them: drop them first.
    history.reset();
    tasks.reset();
    projects.reset();
    database.reset();
}

DatabaseThread::DatabaseThread(const QString &databasePath)
    : DatabaseThread(Opener([databasePath] { return openSqlite(databasePath); }), databasePath)
{
}

DatabaseThread::DatabaseThread(Opener opener)
    : DatabaseThread(std::move(opener), QString())
{
}

DatabaseThread::DatabaseThread(Opener opener, QString path)
    : m_path(std::move(path))
    , m_thread(std::make_unique<QThread>())
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
        if (!*m_storage) {
            m_storage = std::make_unique<core::Result<Storage>>(
                std::unexpected(explainStorageError(m_storage->error(), m_path)));
            qCCritical(lcDatabase).noquote() << "cannot open the database:" << m_storage->error().message;
        } else if ((*m_storage)->database && (*m_storage)->database->isReadOnly()) {
            qCWarning(lcDatabase).noquote() << "the database is read-only: changes cannot be saved";
        }
    });
}

DatabaseThread::~DatabaseThread()
{
    shutdown();
}

void DatabaseThread::shutdown()
{
    if (m_closing.exchange(true))
        return;
    // Queued after every job already submitted, so those are answered first; the connection must
    // be closed on the thread that opened it.
    QMetaObject::invokeMethod(
        m_context.get(), [this] { m_storage.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void DatabaseThread::post(std::function<void()> work)
{
    QMetaObject::invokeMethod(m_context.get(), std::move(work), Qt::QueuedConnection);
}

QFuture<core::Result<QJsonValue>> DatabaseThread::run(Job job, JobKind kind)
{
    // The thread no longer runs queued work: a job posted now would wait forever.
    if (m_closing)
        return QtFuture::makeReadyFuture(core::Result<QJsonValue>(std::unexpected(closingError())));
    auto promise = std::make_shared<QPromise<core::Result<QJsonValue>>>();
    QFuture<core::Result<QJsonValue>> future = promise->future();
    promise->start();
    post([this, promise, kind, job = std::move(job)] {
        core::Result<QJsonValue> result = std::unexpected(internalError("no result"));
        try {
            if (!m_storage || (kind == JobKind::Read && m_closing)) {
                result = std::unexpected(closingError());
            } else if (*m_storage) {
                result = job(**m_storage);
                if (!result)
                    result = std::unexpected(explainStorageError(std::move(result.error()), m_path));
            } else {
                result = std::unexpected(m_storage->error()); // explained when the open failed
            }
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
    if (m_closing)
        return std::unexpected(closingError());
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
