// SPDX-License-Identifier: MIT
// quire_bench_server list <url> [repetitions]    one project's tasks (the bridge's listing: repository
//                                               + task columns) against a raw QPSQL read of the
//                                               same rows and columns, interleaved
// quire_bench_server clients <url> [clients] [creates]
//                                               durable creates from one client, then from
//                                               `clients` at once, each on its own connection:
//                                               throughput and p99 against the one client's
// Each prints JSON lines {name, ms, baseline_ms, rows, ...}; bench/run seeds the database (an
// import of the 100 000-task file) on a cluster of its own and shows the lines in its table.
#include <memory_reuse.h>
#include <quire/core/database.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>
#include <task_columns.h>

#include "bench_stats.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace quire;
using quire::bench::quantile;

namespace {

int failWith(const QString &message)
{
    std::fprintf(stderr, "quire_bench_server: %s\n", qUtf8Printable(message));
    return 1;
}

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

/**
 * A plain QPSQL connection to the database of `url`: the raw baseline's, beside no Quire code.
 * Not open when it failed (the reason in lastError()) or one of its settings did (said on stderr).
 */
QSqlDatabase rawConnection(const QString &url)
{
    const QUrl parsed(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"bench-raw"_s);
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setUserName(parsed.userName());
    db.setDatabaseName(parsed.path().mid(1));
    if (!db.open())
        return db;
    // The session settings Quire's connections have (core/server_database.cpp), so that the raw
    // read gets the same planner and memory: without them the server chose parallel workers and a
    // scan of every task once it had analyzed the tables, and the raw read took twice as long.
    for (const QString &setting :
        {u"SET max_parallel_workers_per_gather = 0"_s, u"SET jit = off"_s, u"SET work_mem = '32MB'"_s}) {
        if (QSqlQuery query(db); !query.exec(setting)) {
            // A baseline without them would not be the same read: better no figure than a wrong one.
            std::fprintf(stderr, "quire_bench_server: %s failed: %s\n", qUtf8Printable(setting),
                qUtf8Printable(query.lastError().text()));
            db.close();
            return db;
        }
    }
    return db;
}

/**
 * The rows and columns a listing reads, straight through QSqlQuery: every stored column of the
 * project's tasks, in the listing's order, each value taken out of the row.
 */
qsizetype rawRead(QSqlDatabase &db, const QString &projectId)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, title, description, priority, status, complexity, type, due_date, recurrence, "
                  "checklist, created_at, updated_at, completed_at, sort_key, tags_json, project_ids_json "
                  "FROM tasks WHERE id IN (SELECT task_id FROM task_projects WHERE project_id = ?) "
                  "ORDER BY created_at, seq"_s);
    query.addBindValue(projectId);
    if (!query.exec()) {
        std::fprintf(stderr, "quire_bench_server: the raw read failed: %s\n", qUtf8Printable(query.lastError().text()));
        return -1;
    }
    qsizetype rows = 0;
    qsizetype characters = 0;
    while (query.next()) {
        for (int column = 0; column < 16; ++column)
            characters += query.value(column).toString().size();
        ++rows;
    }
    return characters > 0 ? rows : -1;
}

int list(const QString &url, int repetitions)
{
    auto db = core::Database::open(url, u"bench-list"_s);
    if (!db)
        return failWith(db.error().message);
    core::SqlProjectRepository projects(**db);
    core::SqlTaskRepository tasks(**db);
    auto allProjects = projects.findAll();
    if (!allProjects || allProjects->isEmpty())
        return failWith(u"no projects: seed the database first"_s);
    // "Project 1" of the seeded file (a tenth of the tasks), whatever else was added since.
    const auto seeded
        = std::ranges::find_if(*allProjects, [](const core::Project &p) { return p.name == u"Project 1"; });
    const QString projectId = seeded != allProjects->end() ? seeded->id : allProjects->first().id;
    QSqlDatabase raw = rawConnection(url);
    if (!raw.isOpen())
        return failWith(raw.lastError().text());

    std::vector<double> quire;
    std::vector<double> baseline;
    qsizetype rows = 0;
    // Interleaved, after one of each to warm the server's cache: both see the same machine state.
    for (int i = -1; i < repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto listing = tasks.list({.projectIds = QStringList {projectId}});
        if (!listing)
            return failWith(listing.error().message);
        (void)app::taskColumnsJson(*listing);
        const double listed = elapsedMs(timer);
        rows = listing->tasks.size();
        timer.restart();
        if (const qsizetype read = rawRead(raw, projectId); read != rows)
            return failWith(u"the raw read saw %1 rows, the listing %2"_s.arg(read).arg(rows));
        if (i >= 0) {
            quire.push_back(listed);
            baseline.push_back(elapsedMs(timer));
        }
    }
    std::printf("{\"name\":\"server_list_project\",\"ms\":%.3f,\"baseline_ms\":%.3f,\"rows\":%lld}\n",
        quantile(quire, 0.5), quantile(baseline, 0.5), static_cast<long long>(rows));
    return 0;
}

/** What one client's creates took, each in ms, and how long all of them took together. */
struct Creates {
    std::vector<double> each;
    QString failure;
};

void createTasks(const QString &url, int count, Creates &out)
{
    auto db = core::Database::open(url, u"bench-client-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!db) {
        out.failure = db.error().message;
        return;
    }
    core::SqlTaskRepository tasks(**db);
    for (int i = 0; i < count; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto created = tasks.create({.title = u"Bench client task %1"_s.arg(i), .tags = {u"bench"_s}});
        if (!created) {
            out.failure = created.error().message;
            return;
        }
        out.each.push_back(elapsedMs(timer));
    }
}

/** `clients` clients creating `perClient` tasks each, at once: every latency, and the wall time. */
std::pair<std::vector<double>, double> runClients(const QString &url, int clients, int perClient, QString &failure)
{
    std::vector<Creates> results(static_cast<size_t>(clients));
    std::vector<std::unique_ptr<QThread>> threads;
    QElapsedTimer wall;
    wall.start();
    for (auto &result : results) {
        threads.emplace_back(QThread::create(createTasks, url, perClient, std::ref(result)));
        threads.back()->start();
    }
    for (auto &thread : threads)
        thread->wait();
    const double ms = elapsedMs(wall);
    std::vector<double> all;
    for (const Creates &result : results) {
        if (!result.failure.isEmpty())
            failure = result.failure;
        all.insert(all.end(), result.each.begin(), result.each.end());
    }
    return {all, ms};
}

int clients(const QString &url, int clientCount, int creates)
{
    QString failure;
    const auto [alone, aloneMs] = runClients(url, 1, creates, failure);
    const auto [together, togetherMs] = runClients(url, clientCount, creates / clientCount, failure);
    if (!failure.isEmpty())
        return failWith(failure);
    const double aloneRate = static_cast<double>(alone.size()) / aloneMs * 1000;
    const double togetherRate = static_cast<double>(together.size()) / togetherMs * 1000;
    std::printf("{\"name\":\"server_clients_throughput\",\"clients\":%d,\"per_s\":%.1f,\"baseline_per_s\":%.1f,"
                "\"rows\":%zu}\n",
        clientCount, togetherRate, aloneRate, together.size());
    std::printf("{\"name\":\"server_clients_p99\",\"clients\":%d,\"ms\":%.3f,\"baseline_ms\":%.3f,\"median_ms\":%.3f,"
                "\"baseline_median_ms\":%.3f,\"rows\":%zu}\n",
        clientCount, quantile(together, 0.99), quantile(alone, 0.99), quantile(together, 0.5), quantile(alone, 0.5),
        together.size());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    app::reuseFreedMemory(); // as the app's main() does, so the listings here allocate as there
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() >= 3 && args.at(1) == u"list")
        return list(args.at(2), args.size() >= 4 ? args.at(3).toInt() : 20);
    if (args.size() >= 3 && args.at(1) == u"clients")
        return clients(
            args.at(2), args.size() >= 4 ? args.at(3).toInt() : 8, args.size() >= 5 ? args.at(4).toInt() : 800);
    std::fprintf(stderr, "usage: quire_bench_server list <url> [repetitions] | clients <url> [clients] [creates]\n");
    return 2;
}
