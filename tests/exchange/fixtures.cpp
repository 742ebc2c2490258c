// SPDX-License-Identifier: MIT
#include "fixtures.h"

#include <quire/core/timestamp.h>

using namespace Qt::StringLiterals;
using namespace quire::core;

namespace quire::exchange_test {

QDateTime utc(const QString &rfc3339)
{
    return parseTimestamp(rfc3339).value_or(QDateTime());
}

Snapshot everyFieldSnapshot()
{
    Snapshot snapshot;
    snapshot.projects.append({.id = u"7d1c3a52-0000-4000-8000-000000000001"_s,
        .name = u"Home, garden; shed"_s,
        .description = u"Around the house"_s,
        .createdAt = utc(u"2026-01-02T10:00:00.000Z"_s),
        .updatedAt = utc(u"2026-01-03T11:00:00.000Z"_s)});
    snapshot.projects.append({.id = u"7d1c3a52-0000-4000-8000-000000000002"_s,
        .name = u"Work"_s,
        .description = std::nullopt,
        .createdAt = utc(u"2026-01-04T09:30:00.000Z"_s),
        .updatedAt = utc(u"2026-01-04T09:30:00.000Z"_s)});

    Task everything;
    everything.id = u"9a2b0c41-0000-4000-8000-000000000001"_s;
    everything.title = u"Pack for the \"big\" trip, then leave"_s;
    everything.description = u"Line one\nLine two; with a comma, and a quote \" and a backslash \\ — 日本語 😀"_s;
    everything.priority = Priority::High;
    everything.status = Status::InProgress;
    everything.complexity = Complexity::DeepDive;
    everything.type = TaskType::Feature;
    everything.dueDate = LocalDate {QDate(2026, 3, 29), QTime(9, 30)};
    everything.recurrence = u"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=10"_s;
    everything.checklist = {{u"passport"_s, true}, {u"charger, cable; adapter"_s, false}};
    everything.tags = {u"travel"_s, u"long term plans"_s, u"ünïcode"_s};
    everything.projectIds = {u"7d1c3a52-0000-4000-8000-000000000001"_s, u"7d1c3a52-0000-4000-8000-000000000002"_s};
    everything.createdAt = utc(u"2026-02-01T08:00:00.000Z"_s);
    everything.updatedAt = utc(u"2026-02-02T08:15:30.000Z"_s);
    everything.sortKey = u"a0"_s;
    snapshot.tasks.append(everything);

    Task done;
    done.id = u"9a2b0c41-0000-4000-8000-000000000002"_s;
    done.title = u"File taxes"_s;
    done.priority = Priority::Pinned;
    done.status = Status::Completed;
    done.dueDate = LocalDate {QDate(2026, 4, 15), std::nullopt};
    done.createdAt = utc(u"2026-01-10T12:00:00.000Z"_s);
    done.updatedAt = utc(u"2026-04-01T18:00:00.000Z"_s);
    done.completedAt = utc(u"2026-04-01T18:00:00.000Z"_s);
    done.sortKey = u"a1"_s;
    done.projectIds = {u"7d1c3a52-0000-4000-8000-000000000002"_s};
    snapshot.tasks.append(done);

    Task blocked;
    blocked.id = u"9a2b0c41-0000-4000-8000-000000000003"_s;
    blocked.title = u"Fix the gate"_s;
    blocked.priority = Priority::LongTerm;
    blocked.status = Status::Blocked;
    blocked.type = TaskType::Bug;
    blocked.complexity = Complexity::Easy;
    blocked.createdAt = utc(u"2026-01-11T12:00:00.000Z"_s);
    blocked.updatedAt = utc(u"2026-01-12T12:00:00.000Z"_s);
    blocked.sortKey = u"a2"_s;
    snapshot.tasks.append(blocked);

    Task plain;
    plain.id = u"9a2b0c41-0000-4000-8000-000000000004"_s;
    plain.title = u"Sweep"_s;
    plain.priority = Priority::Nit;
    plain.createdAt = utc(u"2026-01-13T12:00:00.000Z"_s);
    plain.updatedAt = utc(u"2026-01-13T12:00:00.000Z"_s);
    plain.sortKey = u"a3"_s;
    snapshot.tasks.append(plain);
    return snapshot;
}

Snapshot manyTasks(int count)
{
    Snapshot snapshot;
    for (int i = 0; i < count; ++i) {
        Task task;
        task.id = u"task-%1"_s.arg(i);
        task.title = u"Task %1"_s.arg(i);
        task.createdAt = utc(u"2026-01-01T00:00:00.000Z"_s);
        task.updatedAt = task.createdAt;
        task.sortKey = u"k%1"_s.arg(i, 6, 10, QChar(u'0'));
        snapshot.tasks.append(task);
    }
    return snapshot;
}

} // namespace quire::exchange_test
