// SPDX-License-Identifier: MIT
#include "database_thread.h"

#include "logging.h"

#include <quire/core/database.h>
#include <quire/core/sql_data_transfer.h>
#include <quire/core/sql_history.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>

#include <QElapsedTimer>
#include <QMetaObject>
#include <QMutexLocker>
#include <QObject>
#include <QPromise>
#include <QScopeGuard>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <array>
#include <exception>
#include <future>
#include <mutex>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

// A server that has gone is asked again after 1 s, then twice as long each time, up to 30 s; an
// idle one is asked every 5 s whether it is still there, so the page hears of it without a write.
constexpr int kHealthCheckMs = 5'000;
constexpr int kFirstRetryMs = 1'000;
constexpr int kLongestRetryMs = 30'000;
// Writes that follow each other closer than this are a burst; after it the log is checkpointed.
constexpr int kIdleCheckpointMs = 250;
// The background integrity check waits this long after opening (or until the first write), so it
// does not take a core from Chromium's start and the first listing: the window's first rows at
// 10 001 tasks come about 0.8 s after launch.
constexpr int kIntegrityCheckDelayMs = 1'000;

core::Error unreachableError(const QString &reason)
{
    return {core::ErrorCode::Storage,
        u"the database server cannot be reached (%1); Quire is reconnecting, and shows what the database holds once it is back"_s
            .arg(reason)};
}

QString newConnectionName()
{
    return u"quire-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

core::Result<Storage> openStorage(const QString &path, const QString &password)
{
    // The file is checked in the background (DatabaseThread::BackgroundCheck) unless opening it writes.
    auto database = core::Database::open(path, newConnectionName(), password, core::IntegrityCheck::ByCaller);
    if (!database)
        return std::unexpected(database.error());
    Storage storage;
    storage.tasks = std::make_unique<core::SqlTaskRepository>(**database);
    storage.projects = std::make_unique<core::SqlProjectRepository>(**database);
    storage.history = std::make_unique<core::SqlHistory>(**database, *storage.tasks, *storage.projects);
    storage.transfer = std::make_unique<core::SqlDataTransfer>(**database);
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

/**
 * @brief One job's life: queued, running, done, claimed by exactly one of the database thread
 * (which runs it) and cancel() (which answers it while still queued); and the Operation the job
 * asks whether to stop and tells how far it has come.
 */
class DatabaseThread::Request final : public core::Operation
{
public:
    using Promise = QPromise<core::Result<QJsonValue>>;
    enum class State { Queued, Running, Done };

    Request(QString id, DatabaseThread *owner)
        : m_id(std::move(id))
        , m_owner(owner)
    {
        m_promise.start();
    }

    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] QFuture<core::Result<QJsonValue>> future() { return m_promise.future(); }

    /** @brief Moves from `from` to `to`; false when another thread moved it first. */
    bool claim(State from, State to) { return m_state.compare_exchange_strong(from, to); }

    void cancel() { m_cancelled = true; }
    [[nodiscard]] bool cancelled() const override { return m_cancelled; }

    void progress(qint64 done, qint64 total, QStringView phase) override
    {
        if (m_id.isEmpty())
            return;
        // About ten reports a second reach the page, and always the last one.
        constexpr qint64 kReportIntervalMs = 100;
        if (done < total && m_sinceReport.isValid() && m_sinceReport.elapsed() < kReportIntervalMs)
            return;
        m_sinceReport.start();
        m_owner->reportProgress(m_id, done, total, phase.toString());
    }

    void answer(core::Result<QJsonValue> result)
    {
        m_promise.addResult(std::move(result));
        m_promise.finish();
    }

private:
    QString m_id;
    DatabaseThread *m_owner;
    Promise m_promise;
    std::atomic<State> m_state = State::Queued;
    std::atomic<bool> m_cancelled = false;
    QElapsedTimer m_sinceReport; // used on the database thread only
};

/**
 * @brief The integrity check of an open file that open() left to its caller, on a thread and a
 * connection of its own: the window lists tasks while it reads the whole file (about a second at
 * 100 000 tasks), and a write waits for its verdict, so a damaged file is still never changed.
 */
class DatabaseThread::BackgroundCheck final
{
public:
    /** @brief A check of `path`, not started yet; `done` is called on the check's thread once it has a verdict. */
    BackgroundCheck(QString path, std::function<void()> done)
        : m_path(std::move(path))
        , m_done(std::move(done))
    {
    }

    /** @brief Starts reading the file, unless it has started already. */
    void start()
    {
        if (m_verdict.valid())
            return;
        m_verdict = std::async(std::launch::async, [this] {
            std::optional<core::Error> damage = check(m_path);
            m_done();
            return damage;
        });
    }

    BackgroundCheck(const BackgroundCheck &) = delete;
    BackgroundCheck &operator=(const BackgroundCheck &) = delete;
    BackgroundCheck(BackgroundCheck &&) = delete;
    BackgroundCheck &operator=(BackgroundCheck &&) = delete;

    /** @brief Interrupts a check still reading, and waits for its thread. */
    ~BackgroundCheck()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
            if (m_database)
                m_database->interrupt();
        }
        if (m_verdict.valid())
            m_verdict.wait();
    }

    /** @brief Starts the check if it has not started, and waits for its verdict: the damage found, or nullopt. Once
     * only. */
    [[nodiscard]] std::optional<core::Error> verdict()
    {
        start();
        return m_verdict.get();
    }

private:
    std::optional<core::Error> check(const QString &path)
    {
        auto database = core::Database::open(path, newConnectionName(), {}, core::IntegrityCheck::ByCaller);
        if (!database) { // the window's own connection is open: this says nothing of the file
            qCWarning(lcDatabase).noquote()
                << "cannot check the database in the background:" << database.error().message;
            return std::nullopt;
        }
        {
            const std::lock_guard lock(m_mutex);
            if (m_stopping)
                return std::nullopt;
            m_database = database->get();
        }
        core::Result<> intact = (*database)->checkIntegrity();
        const std::lock_guard lock(m_mutex);
        m_database = nullptr;
        if (intact || m_stopping) // stopped part way: no verdict
            return std::nullopt;
        return std::move(intact.error());
    }

    QString m_path;
    std::function<void()> m_done;
    std::mutex m_mutex; // guards the two members below
    bool m_stopping = false;
    core::Database *m_database = nullptr; // the check's connection while it reads
    std::future<std::optional<core::Error>> m_verdict; // valid once started
};

struct DatabaseThread::QueuedJob {
    std::shared_ptr<Request> request;
    Job job;
    JobKind kind = JobKind::Write;
    JobLane lane = JobLane::Ordered;
};

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
    transfer.reset();
    history.reset();
    tasks.reset();
    projects.reset();
    database.reset();
}

DatabaseThread::DatabaseThread(const QString &location, const QString &password)
    : DatabaseThread(Opener([location, password] { return openStorage(location, password); }), location)
{
}

DatabaseThread::DatabaseThread(Opener opener)
    : DatabaseThread(std::move(opener), QString())
{
}

DatabaseThread::DatabaseThread(Opener opener, QString path)
    : m_path(std::move(path))
    , m_opener(std::move(opener))
    , m_thread(std::make_unique<QThread>())
    , m_context(std::make_unique<QObject>())
{
    m_thread->setObjectName(u"quire-database"_s);
    m_context->moveToThread(m_thread.get());
    m_thread->start();
    post([this] {
        m_storage = std::make_unique<core::Result<Storage>>(openWithOpener());
        if (!*m_storage) {
            m_storage = std::make_unique<core::Result<Storage>>(
                std::unexpected(explainStorageError(m_storage->error(), m_path)));
            qCCritical(lcDatabase).noquote() << "cannot open the database:" << m_storage->error().message;
        } else if ((*m_storage)->database && (*m_storage)->database->isReadOnly()) {
            qCWarning(lcDatabase).noquote() << "the database is read-only: changes cannot be saved";
        }
        if (*m_storage && (*m_storage)->database) {
            core::Database &database = *(*m_storage)->database;
            listenToOtherClients(database);
            if (database.isServer())
                watchConnection();
            else
                checkpointWhenIdle();
            if (database.integrityUnchecked())
                checkIntegrityLater(database.path());
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
        m_context.get(),
        [this] {
            m_integrityCheck.reset(); // stops it: its verdict no longer matters
            m_idleCheckpoint.reset(); // closing the connection checkpoints
            m_healthCheck.reset();
            m_retry.reset();
            m_storage.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void DatabaseThread::post(std::function<void()> work)
{
    QMetaObject::invokeMethod(m_context.get(), std::move(work), Qt::QueuedConnection);
}

QFuture<core::Result<QJsonValue>> DatabaseThread::run(Job job, JobKind kind)
{
    return run(std::move(job), kind, QString());
}

QFuture<core::Result<QJsonValue>> DatabaseThread::run(Job job, JobKind kind, const QString &requestId, JobLane lane)
{
    // The thread no longer runs queued work: a job posted now would wait forever.
    if (m_closing)
        return QtFuture::makeReadyFuture(core::Result<QJsonValue>(std::unexpected(closingError())));
    auto request = std::make_shared<Request>(requestId, this);
    if (!requestId.isEmpty()) {
        const QMutexLocker lock(&m_requestsMutex);
        if (m_requests.contains(requestId)) {
            return QtFuture::makeReadyFuture(core::Result<QJsonValue>(core::fail(core::ErrorCode::InvalidArgument,
                u"requestId '%1' names a call that is still running; give each call its own"_s.arg(requestId))));
        }
        m_requests.insert(requestId, request);
    }
    QFuture<core::Result<QJsonValue>> future = request->future();
    {
        const QMutexLocker lock(&m_queueMutex);
        m_queue.push_back({request, std::move(job), kind, lane});
    }
    // One runNext() per job, posted behind everything already posted, so shutdown()'s close still
    // comes after every job submitted before it.
    post([this] { runNext(); });
    return future;
}

void DatabaseThread::runNext()
{
    QueuedJob next;
    {
        const QMutexLocker lock(&m_queueMutex);
        if (m_queue.empty())
            return;
        auto chosen = m_queue.begin();
        // An interactive read goes ahead of the background reads before it, never ahead of a write.
        if (chosen->lane == JobLane::BackgroundRead) {
            const auto stop = std::find_if(m_queue.begin(), m_queue.end(),
                [](const QueuedJob &job) { return job.lane != JobLane::BackgroundRead; });
            if (stop != m_queue.end() && stop->lane == JobLane::InteractiveRead)
                chosen = stop;
        }
        next = std::move(*chosen);
        m_queue.erase(chosen);
    }
    execute(next.request, next.job, next.kind);
}

void DatabaseThread::execute(const std::shared_ptr<Request> &request, const Job &job, JobKind kind)
{
    if (!request->claim(Request::State::Queued, Request::State::Running))
        return; // cancel() has answered it
    if (kind == JobKind::Write)
        applyIntegrityCheck(); // nothing is written to a file before it is known to be intact
    core::Result<QJsonValue> result = std::unexpected(internalError("no result"));
    try {
        if (!m_storage || (kind == JobKind::Read && m_closing)) {
            result = std::unexpected(closingError());
        } else if (*m_storage) {
            result = runAsCancellable(*request, job);
            // A write that committed before the cancel came answers as usual; any failure after a
            // cancel is the cancel's doing (an interrupted statement, a job that stopped).
            if (!result && request->cancelled())
                result = std::unexpected(core::cancelledError());
            else if (!result && result.error().code == core::ErrorCode::Storage
                && !stillConnected(result.error().message))
                result = std::unexpected(m_storage->error());
            else if (!result)
                result = std::unexpected(explainStorageError(std::move(result.error()), m_path));
        } else {
            result = std::unexpected(m_storage->error()); // explained when the open failed
        }
    } catch (const std::exception &e) {
        result = std::unexpected(internalError(e.what()));
    } catch (...) {
        result = std::unexpected(internalError("unknown exception"));
    }
    forget(request);
    request->claim(Request::State::Running, Request::State::Done);
    request->answer(std::move(result));
    if (kind == JobKind::Write && m_idleCheckpoint)
        m_idleCheckpoint->start(); // restarted by every write: runs once they pause
}

core::Result<QJsonValue> DatabaseThread::runAsCancellable(Request &request, const Job &job)
{
    {
        const QMutexLocker lock(&m_requestsMutex);
        m_running = &request;
        m_runningDatabase = (*m_storage)->database.get();
    }
    // Cleared however the job ends, before the connection could go: cancel() interrupts only a live
    // one. Under the lock, no cancel of this job can interrupt the connection after it resumes.
    const auto notRunning
        = qScopeGuard([&mutex = m_requestsMutex, &running = m_running, &database = m_runningDatabase] {
              const QMutexLocker lock(&mutex);
              if (database != nullptr)
                  database->resume();
              running = nullptr;
              database = nullptr;
          });
    return job(**m_storage, request);
}

void DatabaseThread::forget(const std::shared_ptr<Request> &request)
{
    if (request->id().isEmpty())
        return;
    const QMutexLocker lock(&m_requestsMutex);
    if (auto known = m_requests.constFind(request->id()); known != m_requests.cend() && known->get() == request.get())
        m_requests.erase(known);
}

bool DatabaseThread::cancel(const QString &requestId)
{
    std::shared_ptr<Request> queued;
    {
        const QMutexLocker lock(&m_requestsMutex);
        const auto known = m_requests.constFind(requestId);
        if (known == m_requests.cend())
            return false;
        Request &request = **known;
        request.cancel();
        if (request.claim(Request::State::Queued, Request::State::Done)) {
            queued = *known; // kept past erase(), to be answered outside the lock
            m_requests.erase(known);
        } else if (m_running == &request && m_runningDatabase) {
            m_runningDatabase->interrupt(); // alive: the job that uses it has not returned
        }
    }
    if (queued)
        queued->answer(std::unexpected(core::cancelledError()));
    return true;
}

void DatabaseThread::setProgressListener(ProgressListener listener)
{
    const QMutexLocker lock(&m_listenerMutex);
    m_progressListener = std::move(listener);
}

void DatabaseThread::listenToOtherClients(core::Database &database)
{
    auto watched = database.watchOtherClients(
        [this](const core::OtherClientChange &change) { reportOtherClientChange(change); });
    if (!watched) // the window still works; it shows others' changes when it next reads
        qCWarning(lcDatabase).noquote() << watched.error().message;
}

void DatabaseThread::setOtherClientListener(OtherClientListener listener)
{
    const QMutexLocker lock(&m_listenerMutex);
    m_otherClientListener = std::move(listener);
}

void DatabaseThread::reportOtherClientChange(const core::OtherClientChange &change)
{
    const QMutexLocker lock(&m_listenerMutex);
    if (m_otherClientListener)
        m_otherClientListener(change);
}

void DatabaseThread::reportProgress(const QString &requestId, qint64 done, qint64 total, const QString &phase)
{
    const QMutexLocker lock(&m_listenerMutex);
    if (m_progressListener)
        m_progressListener(requestId, done, total, phase);
}

void DatabaseThread::checkIntegrityLater(const QString &path)
{
    m_integrityCheck = std::make_unique<BackgroundCheck>(path, [this] { post([this] { applyIntegrityCheck(); }); });
    QTimer::singleShot(kIntegrityCheckDelayMs, m_context.get(), [this] {
        if (m_integrityCheck) // a write may have had its verdict already
            m_integrityCheck->start();
    });
}

void DatabaseThread::checkpointWhenIdle()
{
    m_idleCheckpoint = std::make_unique<QTimer>();
    m_idleCheckpoint->setSingleShot(true);
    m_idleCheckpoint->setInterval(kIdleCheckpointMs);
    QObject::connect(m_idleCheckpoint.get(), &QTimer::timeout, m_context.get(), [this] {
        if (!m_storage || !*m_storage || !(*m_storage)->database)
            return;
        // A failure costs nothing but time: the next commit, or closing, checkpoints instead.
        if (auto copied = (*m_storage)->database->checkpoint(); !copied)
            qCWarning(lcDatabase).noquote() << copied.error().message;
    });
}

void DatabaseThread::watchConnection()
{
    m_healthCheck = std::make_unique<QTimer>();
    m_healthCheck->setInterval(kHealthCheckMs);
    QObject::connect(m_healthCheck.get(), &QTimer::timeout, m_context.get(),
        [this] { (void)stillConnected(u"the server stopped answering"_s); });
    m_healthCheck->start();
    m_retry = std::make_unique<QTimer>();
    m_retry->setSingleShot(true);
    QObject::connect(m_retry.get(), &QTimer::timeout, m_context.get(), [this] { reconnect(); });
}

bool DatabaseThread::stillConnected(const QString &reason)
{
    core::Database *database = m_storage && *m_storage ? (*m_storage)->database.get() : nullptr;
    if (!database || database->isConnected())
        return true;
    qCWarning(lcDatabase).noquote() << "lost the database server:" << reason;
    m_healthCheck->stop();
    // The connection is of no more use; the repositories go with it and come back on reconnecting.
    m_storage = std::make_unique<core::Result<Storage>>(std::unexpected(unreachableError(reason)));
    reportConnection(false, reason);
    m_retryDelayMs = kFirstRetryMs;
    m_retry->start(m_retryDelayMs);
    return false;
}

void DatabaseThread::reconnect()
{
    if (m_closing)
        return;
    core::Result<Storage> opened = openWithOpener();
    if (!opened) {
        m_storage = std::make_unique<core::Result<Storage>>(std::unexpected(unreachableError(opened.error().message)));
        reportConnection(false, opened.error().message);
        m_retryDelayMs = std::min(m_retryDelayMs * 2, kLongestRetryMs);
        m_retry->start(m_retryDelayMs);
        return;
    }
    m_storage = std::make_unique<core::Result<Storage>>(std::move(opened));
    listenToOtherClients(*(*m_storage)->database);
    m_healthCheck->start();
    qCInfo(lcDatabase) << "reconnected to the database server";
    reportConnection(true, QString());
}

core::Result<Storage> DatabaseThread::openWithOpener()
{
    try {
        return m_opener();
    } catch (const std::exception &e) {
        return std::unexpected(internalError(e.what()));
    }
}

void DatabaseThread::setConnectionListener(ConnectionListener listener)
{
    const QMutexLocker lock(&m_listenerMutex);
    m_connectionListener = std::move(listener);
}

void DatabaseThread::reportConnection(bool connected, const QString &reason)
{
    const QMutexLocker lock(&m_listenerMutex);
    if (m_connectionListener)
        m_connectionListener(connected, reason);
}

void DatabaseThread::applyIntegrityCheck()
{
    if (!m_integrityCheck)
        return;
    const std::optional<core::Error> damage = m_integrityCheck->verdict();
    m_integrityCheck.reset();
    if (!damage)
        return;
    qCCritical(lcDatabase).noquote() << damage->message;
    // Every call now answers with the damage, as when it is found on opening; the page reads its
    // lists again and shows it.
    m_storage = std::make_unique<core::Result<Storage>>(std::unexpected(explainStorageError(*damage, m_path)));
    reportOtherClientChange({.rows = core::OtherClientChange::Rows::Tasks});
    reportOtherClientChange({.rows = core::OtherClientChange::Rows::Projects});
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
