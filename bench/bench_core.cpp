// SPDX-License-Identifier: MIT
// quire_bench_core seed <db> <tasks> <projects>   creates projects and tasks in one transaction
// quire_bench_core list <db> [repetitions] [name]  times the listings in C++ (those whose name holds
//                                                   `name`), prints JSON lines
// quire_bench_core create <db> [count]              times durable single-task creates in C++
// quire_bench_core bulk <db> [count]                times the repository half of a bulk complete
//                                                   and of the undo of a bulk delete, `count` tasks
#include <memory_reuse.h>
#include <quire/core/database.h>
#include <quire/core/sql_history.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>
#include <quire/exchange/record_json.h>
#include <task_columns.h>

#include "bench_stats.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;
using namespace quire;
using quire::bench::report;
using quire::bench::Stats;
using quire::bench::statsOf;

namespace {

int failWith(const core::Error &error)
{
    std::fprintf(stderr, "quire_bench_core: %s\n", qUtf8Printable(error.message));
    return 1;
}

int seed(const QString &path, int taskCount, int projectCount)
{
    auto db = core::Database::open(path, u"bench-seed"_s);
    if (!db)
        return failWith(db.error());
    core::SqlProjectRepository projects(**db);
    core::SqlTaskRepository tasks(**db);
    QElapsedTimer timer;
    timer.start();
    auto seeded = (*db)->transact([&]() -> core::Result<int> {
        QStringList projectIds;
        for (int p = 0; p < projectCount; ++p) {
            auto project = projects.create({u"Project %1"_s.arg(p + 1), u"Seeded by quire_bench_core"_s});
            if (!project)
                return std::unexpected(project.error());
            projectIds.append(project->id);
        }
        constexpr core::Priority priorities[] = {core::Priority::Pinned, core::Priority::High, core::Priority::Standard,
            core::Priority::LongTerm, core::Priority::Nit};
        constexpr core::Status statuses[]
            = {core::Status::Backlog, core::Status::InProgress, core::Status::Completed, core::Status::Blocked};
        for (int i = 0; i < taskCount; ++i) {
            core::TaskDraft draft;
            draft.title = u"Task %1: check the \"quoted\" edge cases of the list view"_s.arg(i + 1);
            if (i % 1000 == 7)
                draft.title += u" \u00fcn\u00efc\u00f6d\u00e9 \\ back\\slash, \u0007 bell, \U0001F600"_s;
            if (i % 3 == 0)
                draft.description = u"Line one of a description\nline two, with some more words in it"_s;
            draft.priority = priorities[i % 5];
            draft.status = statuses[i % 4];
            if (i % 2 == 0)
                draft.complexity = core::Complexity::Hard;
            if (i % 4 == 0)
                draft.type = core::TaskType::Feature;
            draft.tags = {u"tag-%1"_s.arg(i % 50), u"area-%1"_s.arg(i % 7)};
            // A third of the tasks are due, from 30 days ago to 60 days ahead, some at a time:
            // what Today and Upcoming list.
            if (i % 3 == 0) {
                const QDate day = QDate::currentDate().addDays((i / 3) % 91 - 30);
                draft.dueDate = core::LocalDate {day, i % 2 == 0 ? std::optional(QTime(9, 30)) : std::nullopt};
            }
            // A fifth have a checklist of four steps, some done: a JSON column every listing reads.
            if (i % 5 == 1) {
                draft.checklist = {{.title = u"Gather what it needs"_s, .done = true},
                    {.title = u"Do the \"main\" part"_s, .done = i % 2 == 0}, {.title = u"Check it"_s, .done = false},
                    {.title = u"Tell the team"_s, .done = false}};
            }
            draft.projectIds = {projectIds.at(i % projectCount)};
            if (auto task = tasks.create(draft); !task)
                return std::unexpected(task.error());
        }
        return taskCount;
    });
    if (!seeded)
        return failWith(seeded.error());
    std::printf("{\"seeded\":%d,\"projects\":%d,\"ms\":%lld}\n", taskCount, projectCount,
        static_cast<long long>(timer.elapsed()));
    return 0;
}

Stats measure(int repetitions, const std::function<bool()> &work)
{
    std::vector<double> samples;
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!work())
            return {-1, -1};
        samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return statsOf(samples);
}

int list(const QString &path, int repetitions, const QString &only)
{
    auto db = core::Database::open(path, u"bench-list"_s);
    if (!db)
        return failWith(db.error());
    core::SqlProjectRepository projects(**db);
    core::SqlTaskRepository tasks(**db);
    auto allProjects = projects.findAll();
    if (!allProjects || allProjects->isEmpty())
        return failWith({core::ErrorCode::NotFound, u"no projects: seed the database first"_s});
    const core::TaskQuery oneProject {.projectIds = QStringList {allProjects->first().id}};
    const core::TaskQuery all;
    // Today's and Upcoming's listings, as bench/run's page asks them.
    const QDate today = QDate::currentDate();
    const core::TaskQuery dueToday {.completed = false, .dueUntil = today};
    const core::TaskQuery upcoming {.completed = false, .dueFrom = today.addDays(1)};

    const int fewer = std::max(3, repetitions / 4);
    // The repository's listing (Task values), then the same with the TaskColumns text the bridge
    // sends, then through QJsonObject/QJsonDocument (the bridge's first version) for comparison.
    const auto timed = [&](const char *name, int times, const core::TaskQuery &query, auto &&encode) {
        if (!QLatin1StringView(name).contains(only))
            return;
        qsizetype rows = 0;
        const Stats stats = measure(times, [&] {
            auto listing = tasks.list(query);
            if (!listing)
                return false;
            rows = listing->tasks.size();
            encode(*listing);
            return true;
        });
        report(name, stats, rows);
    };
    const auto nothing = [](const core::TaskListing &) {};
    const auto columns = [](const core::TaskListing &listing) { (void)app::taskColumnsJson(listing); };
    const auto viaQJson = [](const core::TaskListing &listing) {
        (void)QJsonDocument(exchange::toJson(listing.tasks)).toJson(QJsonDocument::Compact);
    };
    timed("repo_list_project", repetitions, oneProject, nothing);
    timed("repo_list_all", fewer, all, nothing);
    timed("repo_columns_project", repetitions, oneProject, columns);
    timed("repo_columns_all", fewer, all, columns);
    timed("repo_columns_today", repetitions, dueToday, columns);
    timed("repo_columns_upcoming", repetitions, upcoming, columns);
    timed("repo_qjson_project", repetitions, oneProject, viaQJson);
    timed("repo_qjson_all", fewer, all, viaQJson);
    return 0;
}

/**
 * The repository half of the db_create_task round trip: one transaction and fsync per task, each
 * with two tags and one project as the page's creates (and the raw commit's copies) have.
 */
int create(const QString &path, int count)
{
    auto db = core::Database::open(path, u"bench-create"_s);
    if (!db)
        return failWith(db.error());
    core::SqlProjectRepository projects(**db);
    core::SqlTaskRepository tasks(**db);
    auto project = projects.create({u"Bench target"_s, std::nullopt});
    if (!project)
        return failWith(project.error());
    int i = 0;
    const Stats stats = measure(count, [&] {
        core::TaskDraft draft;
        draft.title = u"Bench task %1"_s.arg(++i);
        draft.tags = {u"bench"_s, u"repository"_s};
        draft.projectIds = {project->id};
        return tasks.create(draft).has_value();
    });
    report("repo_create", stats, 1);
    return stats.median < 0 ? 1 : 0;
}

} // namespace

/**
 * The repository half of bench/run's bulk figures, on `count` tasks picked at random as the page
 * picks them: updateMany() completing then reopening them, and undo() of removeMany() of them
 * (which puts them back, so each round starts alike).
 */
int bulk(const QString &path, int count)
{
    auto db = core::Database::open(path, u"bench-bulk"_s);
    if (!db)
        return failWith(db.error());
    core::SqlProjectRepository projects(**db);
    core::SqlTaskRepository tasks(**db);
    core::SqlHistory history(**db, tasks, projects);
    auto listed = tasks.list(core::TaskQuery {});
    if (!listed)
        return failWith(listed.error());
    QStringList ids;
    for (const core::Task &task : listed->tasks)
        ids.append(task.id);
    std::shuffle(ids.begin(), ids.end(), std::mt19937_64(20261203));
    ids.resize(std::min<qsizetype>(count, ids.size()));
    bool completed = false;
    const Stats completing = measure(7, [&] {
        completed = !completed;
        core::TaskPatch patch;
        patch.status = completed ? core::Status::Completed : core::Status::Backlog;
        return tasks.updateMany(ids, patch).has_value();
    });
    report("repo_bulk_status", completing, ids.size());
    const Stats undoing = measure(5, [&] {
        if (!tasks.removeMany(ids))
            return false;
        return history.undo().has_value();
    });
    report("repo_undo_bulk_delete", undoing, ids.size());
    return 0;
}

int main(int argc, char *argv[])
{
    app::reuseFreedMemory(); // as the app's main() does, so the listings here allocate as there
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() >= 5 && args.at(1) == u"seed")
        return seed(args.at(2), args.at(3).toInt(), args.at(4).toInt());
    if (args.size() >= 3 && args.at(1) == u"list")
        return list(args.at(2), args.size() >= 4 ? args.at(3).toInt() : 20, args.size() >= 5 ? args.at(4) : QString());
    if (args.size() >= 3 && args.at(1) == u"create")
        return create(args.at(2), args.size() >= 4 ? args.at(3).toInt() : 300);
    if (args.size() >= 3 && args.at(1) == u"bulk")
        return bulk(args.at(2), args.size() >= 4 ? args.at(3).toInt() : 1000);
    std::fprintf(stderr,
        "usage: quire_bench_core seed <db> <tasks> <projects> | list <db> [repetitions] | create <db> [count] | "
        "bulk <db> [count]\n");
    return 2;
}
