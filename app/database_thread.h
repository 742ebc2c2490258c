// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/data_transfer.h>
#include <quire/core/error.h>
#include <quire/core/history.h>
#include <quire/core/operation.h>
#include <quire/core/project_repository.h>
#include <quire/core/task_repository.h>

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QJsonValue>
#include <QMutex>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QThread;
class QObject;
class QTimer;

namespace quire::core {
class Database;
struct OtherClientChange;
} // namespace quire::core

namespace quire::app {

/** @brief What database jobs get: the repositories, all living on the database thread. */
struct Storage {
    std::unique_ptr<core::Database> database;
    std::unique_ptr<core::TaskRepository> tasks;
    std::unique_ptr<core::ProjectRepository> projects;
    std::unique_ptr<core::History> history;
    std::unique_ptr<core::DataTransfer> transfer;
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

/**
 * @brief Which queued jobs a job may go ahead of. Jobs run in the order they were submitted,
 * except that an interactive read (one task, a search, the history: a person waits for it) runs
 * before the background reads queued ahead of it (lists, exports, the reading of a file to
 * import), so that it does not wait behind a burst of refetches. Reads do not change what other
 * reads see, and nothing goes ahead of a write, so a read still sees every write submitted
 * before it (read-your-writes) and writes keep their order.
 */
enum class JobLane { Ordered, InteractiveRead, BackgroundRead };

/** @brief The error a job gets when the database has stopped taking work (ErrorCode::Storage). */
[[nodiscard]] core::Error closingError();

/**
 * @brief One dedicated thread that owns the SQLite connection (QSqlDatabase connections are
 * per-thread). Jobs run there in submission order, so the GUI thread never waits on SQL.
 */
class DatabaseThread final
{
public:
    /** @brief A job gets the storage and its Operation: whether it was cancelled, where to report progress. */
    using Job = std::function<core::Result<QJsonValue>(Storage &, core::Operation &)>;
    using Opener = std::function<core::Result<Storage>()>;
    /** @brief Told on the database thread how far the request `requestId` has come (throttled). */
    using ProgressListener
        = std::function<void(const QString &requestId, qint64 done, qint64 total, const QString &phase)>;

    /**
     * @brief Opens `location` (a file, ":memory:" or a postgresql:// URL) with the repositories;
     * `password`, for a server that asks for one, as core::Database::open() takes it, and again on
     * each reconnection (it is kept in memory only).
     */
    explicit DatabaseThread(const QString &location, const QString &password = {});
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

    /**
     * @brief run() under a request id that cancel() can stop (none when empty), and that the job's
     * progress reports carry, in `lane`. InvalidArgument, without running, when a job still queued
     * or running has that id.
     */
    [[nodiscard]] QFuture<core::Result<QJsonValue>> run(
        Job job, JobKind kind, const QString &requestId, JobLane lane = JobLane::Ordered);

    /**
     * @brief From the thread that owns this object: stops the job of `requestId`. A queued one is
     * answered Cancelled at once and never runs; a running one sees Operation::cancelled() and has
     * its SQL statement interrupted, so it fails with Cancelled and rolls back. Returns false when
     * no queued or running job has that id (finished already, or never was).
     */
    bool cancel(const QString &requestId);

    /** @brief Where jobs' progress goes from now on; an empty one stops it (from any thread). */
    void setProgressListener(ProgressListener listener);

    /** @brief Takes, on the database thread, what another client of a shared database changed. */
    using OtherClientListener = std::function<void(const core::OtherClientChange &)>;
    /** @brief Where other clients' changes go from now on; an empty one stops them (from any thread). */
    void setOtherClientListener(OtherClientListener listener);

    /**
     * @brief Told, on the database thread, when a server database stops being reachable (false,
     * and the error that showed it, then that of each failed attempt) and when it is back (true): meanwhile every job
     * fails at once with that reason, and the thread reconnects by itself, waiting 1 s, then twice as long after each
     * failed attempt, up to 30 s. A file database never goes away.
     */
    using ConnectionListener = std::function<void(bool connected, const QString &reason)>;
    /** @brief Where connection changes go from now on; an empty one stops them (from any thread). */
    void setConnectionListener(ConnectionListener listener);

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
    class Request;
    struct QueuedJob;
    class BackgroundCheck;

    DatabaseThread(Opener opener, QString path);
    void post(std::function<void()> work);
    /** @brief On the database thread: takes the job that goes next (see JobLane) and executes it. */
    void runNext();
    /** @brief On the database thread: runs the job of `request` unless it was cancelled while queued. */
    void execute(const std::shared_ptr<Request> &request, const Job &job, JobKind kind);
    /** @brief Runs `job` as the request cancel() may interrupt. */
    core::Result<QJsonValue> runAsCancellable(Request &request, const Job &job);
    void forget(const std::shared_ptr<Request> &request);
    /** On the database thread, once open: other clients' changes go to the listener. */
    void listenToOtherClients(core::Database &database);
    void reportOtherClientChange(const core::OtherClientChange &change);
    void reportProgress(const QString &requestId, qint64 done, qint64 total, const QString &phase);
    /** On the database thread, once open on a file: the log is checkpointed when writes pause. */
    void checkpointWhenIdle();
    /** On the database thread, once open on a server: the checks that notice it has gone. */
    void watchConnection();
    /** On the database thread: false, and the storage dropped for a reconnect, when the server has gone. */
    bool stillConnected(const QString &reason);
    void reconnect();
    /** On the database thread: m_opener's outcome, an exception escaping it as an Internal error. */
    core::Result<Storage> openWithOpener();
    void reportConnection(bool connected, const QString &reason);
    /**
     * On the database thread: waits for the background integrity check (if one runs) and, when
     * it found the file damaged, ends the storage with that error and has the page read again.
     */
    void applyIntegrityCheck();
    /** On the database thread: the background integrity check of `path`, started after a delay or by the first write.
     */
    void checkIntegrityLater(const QString &path);

    QString m_path; // for error explanations; empty when an Opener was given
    Opener m_opener; // kept to reconnect to a server
    std::unique_ptr<QTimer> m_healthCheck; // on m_thread: asks an idle server whether it is still there
    std::unique_ptr<QTimer> m_retry; // on m_thread: the next reconnection attempt
    std::unique_ptr<QTimer> m_idleCheckpoint; // on m_thread: a file's log copied into it once writes pause
    int m_retryDelayMs = 0; // on m_thread
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QObject> m_context; // lives on m_thread: queued work runs there
    std::unique_ptr<core::Result<Storage>> m_storage; // touched only on m_thread
    std::unique_ptr<BackgroundCheck> m_integrityCheck; // on m_thread: the open file's check, until applied
    std::atomic<bool> m_closing = false; // set by shutdown(); read on m_thread by queued reads

    QMutex m_queueMutex; // guards m_queue
    std::deque<QueuedJob> m_queue; // submitted, not yet taken by runNext(); one posted runNext() each

    QMutex m_requestsMutex; // guards the three members below
    QHash<QString, std::shared_ptr<Request>> m_requests; // queued or running, by request id
    Request *m_running = nullptr; // the request whose job runs now
    core::Database *m_runningDatabase = nullptr; // its connection, alive while it runs
    QMutex m_listenerMutex; // a listener is never called after setProgressListener() replaced it
    ProgressListener m_progressListener;
    OtherClientListener m_otherClientListener;
    ConnectionListener m_connectionListener;
};

} // namespace quire::app
