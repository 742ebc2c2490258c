// SPDX-License-Identifier: MIT
// quire_bench_transfer <dir> [tasks]   times export to Quire JSON and import of that file, each next
// to its raw baseline of the same run, and prints one JSON line per figure:
//   export: exportToFile(), the JSON file written as the rows are read, and synced, against the raw
//           read of the same rows (sqlite3 C API, every column copied out) plus writing and syncing
//           the same bytes; the medians of 5 turns each, taken in alternation;
//   import: the file read, parsed and imported in one transaction (a journal step, the search
//           index kept), against a raw insert of the same rows in one transaction on sqlite3.
//   cancel: the longest time from a cancel (the flag and Database::interrupt(), from another
//           thread, as DatabaseThread::cancel does) to the export or import returning Cancelled,
//           asked half way through the export's reading, and half way through and at the very
//           end of the import's writing (its journal step and commit still to come).
// The database is seeded first (not timed): `tasks` tasks (default 100 000) over 50 projects.
#include "bench_stats.h"

#include <memory_reuse.h>
#include <quire/core/database.h>
#include <quire/core/local_date.h>
#include <quire/core/sql_data_transfer.h>
#include <quire/core/timestamp.h>
#include <quire/exchange/transfer_file.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace quire;

namespace {

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "quire_bench_transfer: %s\n", qUtf8Printable(what));
    std::exit(1);
}

template<class T>
T valueOr(core::Result<T> result, const char *what)
{
    if (!result)
        fail(QString::fromUtf8(what) + u": "_s + result.error().message);
    return std::move(*result);
}

/** Success or the error, whatever the value (libstdc++ 12 has no std::expected::transform). */
template<class T>
core::Result<> withoutValue(const core::Result<T> &result)
{
    if (!result)
        return std::unexpected(result.error());
    return {};
}

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

/** @brief Tasks shaped like the other benchmarks' seed: tags, a project, some due, some with a checklist. */
core::Snapshot generated(int taskCount)
{
    core::Snapshot snapshot;
    const QDateTime start(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < 50; ++i) {
        snapshot.projects.append(core::Project {.id = QUuid::createUuid().toString(QUuid::WithoutBraces),
            .name = u"Project %1"_s.arg(i + 1),
            .description = std::nullopt,
            .createdAt = start,
            .updatedAt = start});
    }
    for (int i = 0; i < taskCount; ++i) {
        core::Task task;
        task.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        task.title = u"Task %1: check the \"quoted\" edge cases of the list view"_s.arg(i + 1);
        if (i % 3 == 0)
            task.description = u"Line one of a description\nline two, with some more words in it"_s;
        task.tags = {u"tag-%1"_s.arg(i % 50), u"area-%1"_s.arg(i % 7)};
        task.projectIds = {snapshot.projects.at(i % 50).id};
        if (i % 3 == 0)
            task.dueDate = core::LocalDate {QDate(2026, 2, 1).addDays(i % 90), std::nullopt};
        if (i % 5 == 1)
            task.checklist
                = {{.title = u"Gather what it needs"_s, .done = true}, {.title = u"Check it"_s, .done = false}};
        if (i % 4 == 0)
            task.status = core::Status::Completed;
        task.createdAt = start.addMSecs(i);
        task.updatedAt = task.createdAt;
        snapshot.tasks.append(task);
    }
    return snapshot;
}

struct RawDatabase {
    sqlite3 *handle = nullptr;

    explicit RawDatabase(const QString &path)
    {
        if (sqlite3_open(path.toUtf8().constData(), &handle) != SQLITE_OK)
            fail(u"cannot open "_s + path);
        for (const char *pragma :
            {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"})
            exec(pragma);
    }
    ~RawDatabase() { sqlite3_close(handle); }
    RawDatabase(const RawDatabase &) = delete;
    RawDatabase &operator=(const RawDatabase &) = delete;

    void exec(const char *sql) const
    {
        if (sqlite3_exec(handle, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            fail(QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    [[nodiscard]] sqlite3_stmt *prepare(const char *sql) const
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK)
            fail(QString::fromUtf8(sqlite3_errmsg(handle)));
        return statement;
    }
    void step(sqlite3_stmt *statement) const
    {
        if (sqlite3_step(statement) != SQLITE_DONE)
            fail(QString::fromUtf8(sqlite3_errmsg(handle)) + u" in "_s
                + QString::fromUtf8(sqlite3_expanded_sql(statement)));
        sqlite3_reset(statement);
    }
};

/** @brief Every column of every task and project, copied out: what an export must read at least. */
std::size_t rawRead(const QString &path)
{
    const RawDatabase db(path);
    std::size_t bytes = 0;
    for (const char *sql : {"SELECT * FROM projects", "SELECT * FROM tasks"}) {
        sqlite3_stmt *statement = db.prepare(sql);
        std::string copy;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            for (int column = 0; column < sqlite3_column_count(statement); ++column) {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
                copy.assign(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
                bytes += copy.size();
            }
        }
        sqlite3_finalize(statement);
    }
    return bytes;
}

/** @brief `bytes` written to `path` and synced: what an export must write at least. */
void rawWrite(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
        fail(u"cannot write "_s + path);
    ::fsync(file.handle());
}

/** @brief A row of `tasks` as its columns' text, prepared before the clock starts. */
struct RawTask {
    std::vector<std::optional<std::string>> columns;
    std::vector<std::string> tags;
    std::vector<std::string> projects;
};

std::optional<std::string> text(const std::optional<QString> &value)
{
    return value ? std::optional(value->toStdString()) : std::nullopt;
}

std::string jsonList(const QStringList &values)
{
    return QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact).toStdString();
}

RawTask rawTask(const core::Task &task)
{
    QJsonArray checklist;
    for (const core::ChecklistItem &item : task.checklist)
        checklist.append(QJsonObject {{u"title"_s, item.title}, {u"done"_s, item.done}});
    RawTask row;
    row.columns = {task.id.toStdString(), task.title.toStdString(), text(task.description),
        core::enumName(task.priority).toStdString(), core::enumName(task.status).toStdString(),
        task.complexity ? std::optional(core::enumName(*task.complexity).toStdString()) : std::nullopt,
        task.type ? std::optional(core::enumName(*task.type).toStdString()) : std::nullopt,
        task.dueDate ? std::optional(core::formatLocalDate(*task.dueDate).toStdString()) : std::nullopt,
        text(task.recurrence),
        checklist.isEmpty() ? std::nullopt
                            : std::optional(QJsonDocument(checklist).toJson(QJsonDocument::Compact).toStdString()),
        core::formatTimestamp(task.createdAt).toStdString(), core::formatTimestamp(task.updatedAt).toStdString(),
        task.completedAt ? std::optional(core::formatTimestamp(*task.completedAt).toStdString()) : std::nullopt,
        task.sortKey.toStdString(), jsonList(task.tags), jsonList(task.projectIds)};
    for (const QString &tag : task.tags)
        row.tags.push_back(tag.toStdString());
    for (const QString &project : task.projectIds)
        row.projects.push_back(project.toStdString());
    return row;
}

/** @brief Binds text that outlives the statement's next step (SQLITE_STATIC: no copy, as fast as it gets). */
void bindText(sqlite3_stmt *statement, int index, const std::string &value)
{
    sqlite3_bind_text(statement, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
}

void bindText(sqlite3_stmt *statement, int index, const std::optional<std::string> &value)
{
    if (value)
        bindText(statement, index, *value);
    else
        sqlite3_bind_null(statement, index);
}

/** @brief The same rows inserted into Quire's schema (its indexes and search triggers) in one transaction. */
double rawInsert(const QString &path, const core::Snapshot &snapshot)
{
    {
        auto schema = core::Database::open(path, u"bench-raw-schema"_s); // Quire's tables, empty
        valueOr(std::move(schema), "create the raw database");
    }
    std::vector<RawTask> rows;
    for (const core::Task &task : snapshot.tasks)
        rows.push_back(rawTask(task));
    const RawDatabase db(path);
    sqlite3_stmt *insertTask
        = db.prepare("INSERT INTO tasks (id, title, description, priority, status, complexity, type, due_date, "
                     "recurrence, checklist, "
                     "created_at, updated_at, completed_at, sort_key, tags_json, project_ids_json) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *insertTag = db.prepare("INSERT INTO task_tags (task_id, tag, position) VALUES (?,?,?)");
    sqlite3_stmt *insertLink = db.prepare("INSERT INTO task_projects (task_id, project_id, position) VALUES (?,?,?)");
    sqlite3_stmt *insertProject
        = db.prepare("INSERT INTO projects (id, name, description, created_at, updated_at) VALUES (?,?,?,?,?)");
    QElapsedTimer timer;
    timer.start();
    db.exec("BEGIN IMMEDIATE");
    for (const core::Project &project : snapshot.projects) {
        const std::optional<std::string> values[] = {project.id.toStdString(), project.name.toStdString(),
            text(project.description), core::formatTimestamp(project.createdAt).toStdString(),
            core::formatTimestamp(project.updatedAt).toStdString()};
        for (int i = 0; i < 5; ++i)
            bindText(insertProject, i + 1, values[i]);
        db.step(insertProject);
    }
    for (const RawTask &row : rows) {
        for (int i = 0; i < static_cast<int>(row.columns.size()); ++i)
            bindText(insertTask, i + 1, row.columns[static_cast<std::size_t>(i)]);
        db.step(insertTask);
        for (auto [statement, values] : {std::pair {insertTag, &row.tags}, std::pair {insertLink, &row.projects}}) {
            for (std::size_t k = 0; k < values->size(); ++k) {
                bindText(statement, 1, *row.columns.front());
                bindText(statement, 2, (*values)[k]);
                sqlite3_bind_int(statement, 3, static_cast<int>(k));
                db.step(statement);
            }
        }
    }
    db.exec("COMMIT");
    const double ms = elapsedMs(timer);
    for (sqlite3_stmt *statement : {insertTask, insertTag, insertLink, insertProject})
        sqlite3_finalize(statement);
    return ms;
}

/** An Operation another thread cancels once the work has come to a given point of a given phase. */
class CancelledPartWay final : public core::Operation
{
public:
    CancelledPartWay(core::Database &db, QString phase, double fraction)
        : m_db(db)
        , m_phase(std::move(phase))
        , m_fraction(fraction)
    {
    }

    [[nodiscard]] bool cancelled() const override { return m_cancelled.load(); }
    void progress(qint64 done, qint64 total, QStringView phase) override
    {
        if (phase != m_phase || total <= 0 || static_cast<double>(done) < m_fraction * static_cast<double>(total))
            return;
        std::unique_lock lock(m_mutex);
        if (m_stage != Stage::Working)
            return;
        m_stage = Stage::Reached;
        m_changed.notify_all();
        // The work waits here until the other thread has cancelled it: otherwise a cancel at 100 %
        // raced the end of the work, which sometimes finished first (then there was no figure).
        m_changed.wait(lock, [&] { return m_stage == Stage::Cancelled; });
    }

    /** Runs `work` on this thread while another cancels it at the point; ms from the cancel to its return. */
    double latencyMs(const std::function<core::Result<>()> &work)
    {
        qint64 cancelledAt = 0; // written by the canceller, read once it has been joined
        std::thread canceller([&] {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stage != Stage::Working; });
            if (m_stage == Stage::Finished)
                return;
            cancelledAt = std::chrono::steady_clock::now().time_since_epoch().count();
            m_cancelled.store(true);
            m_db.interrupt();
            m_stage = Stage::Cancelled;
            m_changed.notify_all();
        });
        const core::Result<> result = work();
        const qint64 returnedAt = std::chrono::steady_clock::now().time_since_epoch().count();
        {
            const std::lock_guard lock(m_mutex);
            if (m_stage == Stage::Working)
                m_stage = Stage::Finished;
        }
        m_changed.notify_all();
        canceller.join();
        m_db.resume();
        if (cancelledAt == 0) {
            fail(u"the work ended before it reached %1 of '%2': %3"_s.arg(m_fraction)
                     .arg(m_phase)
                     .arg(result ? u"done"_s : result.error().message));
        }
        if (result)
            fail(u"the work cancelled at %1 of '%2' succeeded"_s.arg(m_fraction).arg(m_phase));
        if (result.error().code != core::ErrorCode::Cancelled) {
            fail(u"the work cancelled at %1 of '%2' failed otherwise: %3"_s.arg(m_fraction)
                     .arg(m_phase)
                     .arg(result.error().message));
        }
        return static_cast<double>(returnedAt - cancelledAt) / 1e6;
    }

private:
    /** Where the work is, as the two threads hand it over: the point reached, then the cancel landed. */
    enum class Stage { Working, Reached, Cancelled, Finished };

    core::Database &m_db;
    QString m_phase;
    double m_fraction;
    std::atomic<bool> m_cancelled = false;
    std::mutex m_mutex; // guards m_stage
    std::condition_variable m_changed;
    Stage m_stage = Stage::Working;
};

/** How many times the export and its raw baseline each run, taking turns; medians are reported. */
constexpr int kExportRounds = 5;

void report(const char *name, double ms, qsizetype rows, const char *baseline, double baselineMs, double goal)
{
    std::printf("{\"name\":\"%s\",\"ms\":%.1f,\"rows\":%lld,\"baseline\":\"%s\",\"baseline_ms\":%.1f,\"goal\":%.1f}\n",
        name, ms, static_cast<long long>(rows), baseline, baselineMs, goal);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    app::reuseFreedMemory(); // as the app's main() does: the cancel figure includes freeing the import's copy
    const QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool countGiven = true;
    const int taskCount = args.size() >= 3 ? args.at(2).toInt(&countGiven) : 100'000;
    // An existing folder only: `--help` once became a folder of half a gigabyte of databases.
    if (args.size() < 2 || args.size() > 3 || !QFileInfo(args.at(1)).isDir() || !countGiven || taskCount < 1) {
        std::fprintf(stderr, "usage: quire_bench_transfer <existing empty dir> [tasks, 1 or more]\n");
        return 2;
    }
    const QDir dir(args.at(1));
    core::UnwatchedOperation operation;

    // Seed (not timed): the generated tasks, imported.
    const QString source = dir.filePath(u"source.db"_s);
    auto sourceDb = valueOr(core::Database::open(source, u"bench-source"_s), "open the source database");
    core::SqlDataTransfer sourceTransfer(*sourceDb);
    valueOr(sourceTransfer.import(generated(taskCount), core::ImportMode::Commit, operation), "seed");

    // Export, and its raw baseline: the same rows read, the same bytes written. Each ends with an
    // fsync of some 50 MB, whose time depends on what the disk is still writing back (the seed's
    // checkpoint among it): one sample of each moved the ratio from 1.2 to 2.7 between runs. So
    // the two take turns, each going first every other round, and the medians are compared.
    const QString file = dir.filePath(u"tasks.json"_s);
    std::vector<double> exportSamples;
    std::vector<double> rawSamples;
    core::TransferSummary summary;
    const auto exportOnce = [&] {
        QElapsedTimer timer;
        timer.start();
        summary
            = valueOr(exchange::exportToFile(sourceTransfer, file, exchange::Format::QuireJson, operation), "export");
        exportSamples.push_back(elapsedMs(timer));
    };
    exportOnce(); // the raw side writes what the export wrote, the same bytes every time
    QFile exportedFile(file);
    if (!exportedFile.open(QIODevice::ReadOnly))
        fail(u"cannot read "_s + file);
    const QByteArray bytes = exportedFile.readAll();
    exportedFile.close();
    const auto rawOnce = [&] {
        QElapsedTimer timer;
        timer.start();
        (void)rawRead(source);
        rawWrite(dir.filePath(u"raw.json"_s), bytes);
        rawSamples.push_back(elapsedMs(timer));
    };
    for (int round = 0; round < kExportRounds; ++round) {
        if (round % 2 == 0) {
            rawOnce();
            exportOnce();
        } else {
            exportOnce();
            rawOnce();
        }
    }
    exportSamples.erase(exportSamples.begin()); // the first, which the raw side had no turn beside
    for (std::size_t i = 0; i < rawSamples.size(); ++i)
        std::fprintf(stderr, "quire_bench_transfer: export round %zu: quire %.1f ms, raw %.1f ms\n", i + 1,
            exportSamples[i], rawSamples[i]);
    report("export_json", bench::quantile(exportSamples, 0.5), summary.tasks, "raw read + write",
        bench::quantile(rawSamples, 0.5), 2);

    // Import into an empty database, and its raw baseline: the same rows inserted in one transaction.
    const double rawImportMs
        = rawInsert(dir.filePath(u"raw.db"_s), valueOr(sourceTransfer.exportAll(operation), "read the rows back"));
    auto targetDb = valueOr(core::Database::open(dir.filePath(u"target.db"_s), u"bench-target"_s), "open the target");
    core::SqlDataTransfer targetTransfer(*targetDb);
    QElapsedTimer timer;
    timer.start();
    const exchange::FileToImport read = valueOr(exchange::readFileToImport(file, operation), "read the file");
    const core::ImportReport imported
        = valueOr(targetTransfer.import(read.parsed.snapshot, core::ImportMode::Commit, operation), "import");
    const double importMs = elapsedMs(timer);
    report("import_json", importMs, imported.tasksAdded, "raw insert", rawImportMs, 3);

    // Cancels part way: the export of the source, the import of the same file into a fresh database.
    double longestMs = 0;
    const auto cancelAt = [&](core::Database &db, const QString &phase, double fraction,
                              const std::function<core::Result<>(core::Operation &)> &work) {
        CancelledPartWay cancelling(db, phase, fraction);
        const double ms = cancelling.latencyMs([&] { return work(cancelling); });
        std::fprintf(stderr, "quire_bench_transfer: cancelled at %.0f %% of %s: %.1f ms\n", fraction * 100,
            qUtf8Printable(phase), ms);
        longestMs = std::max(longestMs, ms);
    };
    cancelAt(*sourceDb, u"reading"_s, 0.5, [&](core::Operation &cancelling) {
        return withoutValue(exchange::exportToFile(
            sourceTransfer, dir.filePath(u"cancelled.json"_s), exchange::Format::QuireJson, cancelling));
    });
    auto freshDb = valueOr(core::Database::open(dir.filePath(u"fresh.db"_s), u"bench-fresh"_s), "open a fresh target");
    core::SqlDataTransfer freshTransfer(*freshDb);
    for (const double fraction : {0.5, 1.0}) {
        cancelAt(*freshDb, u"writing"_s, fraction, [&](core::Operation &cancelling) {
            return withoutValue(freshTransfer.import(read.parsed.snapshot, core::ImportMode::Commit, cancelling));
        });
    }
    report("cancel_transfer", longestMs, imported.tasksAdded, "goal", 100, 1);
    return 0;
}
