// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/core/history.h>
#include <quire/core/project_repository.h>
#include <quire/core/task_repository.h>

#include <QByteArray>
#include <QFuture>
#include <QJsonValue>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThread;
class QObject;

namespace quire::core {
class Database;
}

namespace quire::app {

/** @brief What database jobs get: the repositories, all living on the database thread. */
struct Storage {
    std::unique_ptr<core::Database> database;
    std::unique_ptr<core::TaskRepository> tasks;
    std::unique_ptr<core::ProjectRepository> projects;
    std::unique_ptr<core::History> history;
    Storage();
    Storage(Storage &&) noexcept;
    Storage &operator=(Storage &&) noexcept;
    ~Storage();
};

/**
 * @brief Adds what a person can do about a Storage error to SQLite's terse reason: a read-only
 * file, a database locked by another program, a full disk, an I/O error, a damaged file.
 * `path` names the file in the explanation; other errors are returned unchanged.
 */
[[nodiscard]] core::Error explainStorageError(core::Error error, const QString &path);

/**
 * @brief What shutdown() does with a job still queued: a read is answered without running (nobody
 * is left to look at its rows), a write still runs (a person asked for it).
 */
enum class JobKind { Write, Read };

/** @brief The error a job gets when the database has stopped taking work (ErrorCode::Storage). */
[[nodiscard]] core::Error closingError();

/**
 * @brief One dedicated thread that owns the SQLite connection (QSqlDatabase connections are
 * per-thread). Jobs run there in submission order, so the GUI thread never waits on SQL.
 */
class DatabaseThread final
{
public:
    using Job = std::function<core::Result<QJsonValue>(Storage &)>;
    using Opener = std::function<core::Result<Storage>()>;

    /** @brief Opens `databasePath` (a file or ":memory:") with the SQLite repositories. */
    explicit DatabaseThread(const QString &databasePath);
    /** @brief Runs `opener` on the new thread; lets tests supply their own storage. */
    explicit DatabaseThread(Opener opener);
    ~DatabaseThread();

    DatabaseThread(const DatabaseThread &) = delete;
    DatabaseThread &operator=(const DatabaseThread &) = delete;

    /**
     * @brief Queues `job`. If the database failed to open, the future carries that error; an
     * exception escaping the job becomes an Internal error instead of crossing the event loop.
     * Every future finishes: after shutdown() began, with closingError().
     */
    [[nodiscard]] QFuture<core::Result<QJsonValue>> run(Job job, JobKind kind = JobKind::Write);

    /** @brief Waits for the open to finish and returns its outcome (for start-up reporting). */
    [[nodiscard]] core::Result<> openResult();

    /**
     * @brief Stops taking work and closes the connection on its thread, then stops the thread.
     * The running job finishes; queued writes run, queued reads are answered with closingError().
     * Returns when the connection is closed (the WAL checkpointed). Idempotent; the destructor
     * calls it. Call it from the thread that owns this object.
     */
    void shutdown();

private:
    DatabaseThread(Opener opener, QString path);
    void post(std::function<void()> work);

    QString m_path; // for error explanations; empty when an Opener was given
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QObject> m_context; // lives on m_thread: queued work runs there
    std::unique_ptr<core::Result<Storage>> m_storage; // touched only on m_thread
    std::atomic<bool> m_closing = false; // set by shutdown(); read on m_thread by queued reads
};

} // namespace quire::app
