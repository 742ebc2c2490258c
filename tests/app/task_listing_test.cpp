// SPDX-License-Identifier: MIT
// List replies are written column by column (taskColumnsJson), while single tasks go through
// exchange's toJson() (quire/exchange/record_json.h): the two must describe every task identically.
#include "connection_names.h"
#include "result_assertions.h"
#include "task_column_rows.h"
#include "temporary_folder.h"

#include <quire/core/database.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>
#include <quire/exchange/record_json.h>
#include <task_columns.h>

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

/** What db_get_tasks sends for `query`: the repository's listing in TaskColumns. */
core::Result<QByteArray> columnsJson(core::TaskRepository &tasks, const core::TaskQuery &query)
{
    auto listing = tasks.list(query);
    if (!listing)
        return std::unexpected(listing.error());
    return app::taskColumnsJson(*listing);
}

core::Result<QList<core::Task>> listed(core::TaskRepository &tasks, const core::TaskQuery &query = {})
{
    auto listing = tasks.list(query);
    if (!listing)
        return std::unexpected(listing.error());
    return listing->tasks;
}

TEST(TaskListing, ColumnsSayExactlyWhatToJsonSaysForEveryKindOfTask)
{
    // Given tasks with every optional set and unset, awkward text, and tags and links in an order
    // that is not alphabetical
    TemporaryFolder folder;
    ASSERT_OK_AND_ASSIGN(auto db, core::Database::open(folder.filePath(u"quire.db"_s), uniqueConnectionName()));
    core::SqlProjectRepository projects(*db);
    core::SqlTaskRepository tasks(*db);
    ASSERT_OK_AND_ASSIGN(const core::Project home, projects.create({u"Home"_s, std::nullopt}));
    ASSERT_OK_AND_ASSIGN(const core::Project work, projects.create({u"Work"_s, std::nullopt}));
    const QStringList titles {u"Plain"_s, u"Quotes \" and \\ backslash"_s, u"Control \u0001 \t \n characters"_s,
        u"Unicode: \u00e9\u0301 \u05e9\u05dc\u05d5\u05dd \U0001F600"_s, u"</script><img src=x onerror=alert(1)>"_s};
    for (qsizetype i = 0; i < titles.size(); ++i) {
        core::TaskDraft draft;
        draft.title = titles.at(i);
        if (i % 2 == 0)
            draft.description = u"line one\nline \"two\""_s;
        draft.priority = core::Priority::LongTerm;
        draft.status = i % 2 ? core::Status::InProgress : core::Status::Blocked;
        if (i % 2)
            draft.complexity = core::Complexity::DeepDive;
        if (i % 3)
            draft.type = core::TaskType::Optimization;
        draft.tags = i % 2 ? QStringList {u"zulu"_s, u"alpha"_s, u"m\u00fcnchen"_s} : QStringList {};
        draft.projectIds = i % 2 ? QStringList {work.id, home.id} : QStringList {home.id};
        ASSERT_OK(tasks.create(draft));
    }

    // And then changed the ways that rewrite a task's lists: an update of tags and projects, and
    // a project deletion that unlinks tasks
    ASSERT_OK_AND_ASSIGN(const QList<core::Task> created, listed(tasks));
    core::TaskPatch patch;
    patch.tags = QStringList {u"new"_s, u"tags"_s, u"zulu"_s};
    patch.projectIds = QStringList {home.id, work.id};
    ASSERT_OK(tasks.updateMany({created.first().id}, patch));
    ASSERT_OK_AND_ASSIGN(const core::Project garden, projects.create({u"Garden"_s, std::nullopt}));
    patch.tags.reset();
    patch.projectIds = QStringList {work.id, garden.id, home.id};
    ASSERT_OK(tasks.updateMany({created.last().id}, patch));
    ASSERT_OK(projects.remove(garden.id));

    // When
    ASSERT_OK_AND_ASSIGN(const QList<core::Task> all, listed(tasks));
    ASSERT_OK_AND_ASSIGN(const QByteArray allJson, columnsJson(tasks, {}));
    const core::TaskQuery ofWork {.projectIds = QStringList {work.id}};
    ASSERT_OK_AND_ASSIGN(const QList<core::Task> inWork, listed(tasks, ofWork));
    ASSERT_OK_AND_ASSIGN(const QByteArray workJson, columnsJson(tasks, ofWork));

    // Then
    ASSERT_EQ(all.size(), titles.size());
    EXPECT_EQ(taskRowsFromColumns(allJson), exchange::toJson(all));
    ASSERT_EQ(inWork.size(), 4);
    EXPECT_EQ(all.last().projectIds, (QStringList {work.id, home.id}));
    EXPECT_EQ(taskRowsFromColumns(workJson), exchange::toJson(inWork));
}

QJsonObject parsed(const core::Result<QByteArray> &json)
{
    EXPECT_TRUE(json.has_value());
    return json ? QJsonDocument::fromJson(*json).object() : QJsonObject {};
}

/** A repository on a fresh file, with `count` tasks titled "Task 0", "Task 1", ... in that order. */
struct Listing {
    TemporaryFolder folder;
    std::unique_ptr<core::Database> db;
    std::unique_ptr<core::SqlTaskRepository> tasks;

    explicit Listing(int count)
    {
        db = std::move(core::Database::open(folder.filePath(u"quire.db"_s), uniqueConnectionName()).value());
        tasks = std::make_unique<core::SqlTaskRepository>(*db);
        for (int i = 0; i < count; ++i) {
            core::TaskDraft draft;
            draft.title = u"Task %1"_s.arg(i);
            EXPECT_TRUE(tasks->create(draft).has_value());
        }
    }

    [[nodiscard]] QJsonArray titles(qint64 offset, std::optional<qint64> limit) const
    {
        QJsonArray titles;
        for (const auto &row :
            taskRowsFromColumns(parsed(columnsJson(*tasks, core::TaskQuery {.offset = offset, .limit = limit}))))
            titles.append(row.toObject().value(u"title"_s));
        return titles;
    }
};

TEST(TaskListing, ColumnsOfNothingAreEmptyArraysWithATotalOfZero)
{
    Listing listing(0);
    for (const auto &filter : {std::optional<QStringList> {}, std::optional(QStringList {}),
             std::optional(QStringList {u"no such project"_s})}) {
        const QJsonObject columns = parsed(columnsJson(*listing.tasks, {.projectIds = filter}));
        EXPECT_EQ(columns.value(u"count"_s), 0);
        EXPECT_EQ(columns.value(u"total"_s), 0);
        EXPECT_TRUE(taskRowsFromColumns(columns).isEmpty());
    }
}

TEST(TaskListing, AWindowHoldsItsRowsInListOrderAndTheWholeListsTotal)
{
    Listing listing(5);
    EXPECT_EQ(listing.titles(1, 2), (QJsonArray {u"Task 1"_s, u"Task 2"_s}));
    EXPECT_EQ(listing.titles(4, 10), (QJsonArray {u"Task 4"_s}));
    EXPECT_EQ(listing.titles(0, std::nullopt).size(), 5);
    EXPECT_TRUE(listing.titles(9, 2).isEmpty());
    EXPECT_TRUE(listing.titles(0, 0).isEmpty());
    for (const auto &[offset, limit] : {std::pair<qint64, qint64> {9, 2}, {0, 0}, {3, 1}, {0, 5}}) {
        const QJsonObject part
            = parsed(columnsJson(*listing.tasks, core::TaskQuery {.offset = offset, .limit = limit}));
        EXPECT_EQ(part.value(u"count"_s), std::clamp<qint64>(5 - offset, 0, limit)) << offset << ' ' << limit;
        EXPECT_EQ(part.value(u"total"_s), 5) << offset << ' ' << limit;
    }
}

TEST(TaskListing, TheVersionStaysWhileNothingChangesAndMovesWithAnyWrite)
{
    Listing listing(2);
    const auto version = [&] {
        return parsed(columnsJson(*listing.tasks, core::TaskQuery {.offset = 0, .limit = 1}))
            .value(u"version"_s)
            .toString();
    };
    const QString before = version();
    EXPECT_FALSE(before.isEmpty());
    EXPECT_EQ(version(), before);
    core::TaskDraft draft;
    draft.title = u"One more"_s;
    ASSERT_OK(listing.tasks->create(draft));
    EXPECT_NE(version(), before);
}

TEST(TaskListing, ColumnsWriteEnumsAsIndexesAndAnUnchangedUpdatedAtAsNull)
{
    // Given one task never changed and one changed
    TemporaryFolder folder;
    ASSERT_OK_AND_ASSIGN(auto db, core::Database::open(folder.filePath(u"quire.db"_s), uniqueConnectionName()));
    core::SqlTaskRepository tasks(*db);
    core::TaskDraft draft;
    draft.title = u"Kept"_s;
    draft.priority = core::Priority::Nit;
    draft.type = core::TaskType::Chore;
    ASSERT_OK(tasks.create(draft));
    draft.title = u"Changed"_s;
    ASSERT_OK_AND_ASSIGN(const core::Task changed, tasks.create(draft));
    core::TaskPatch patch;
    patch.status = core::Status::Blocked;
    ASSERT_OK(tasks.updateMany({changed.id}, patch));

    // When
    ASSERT_OK_AND_ASSIGN(const QByteArray json, columnsJson(tasks, {}));

    // Then the enums are their positions in enums.h (the contract's order) and null stays null
    const QJsonObject columns = parsed(json);
    EXPECT_EQ(columns.value(u"priority"_s), (QJsonArray {4, 4}));
    EXPECT_EQ(columns.value(u"status"_s), (QJsonArray {0, 3}));
    EXPECT_EQ(columns.value(u"complexity"_s), (QJsonArray {QJsonValue::Null, QJsonValue::Null}));
    EXPECT_EQ(columns.value(u"type"_s), (QJsonArray {5, 5}));
    // And only the changed task spells out its updatedAt
    const QJsonArray updatedAt = columns.value(u"updatedAt"_s).toArray();
    EXPECT_TRUE(updatedAt.at(0).isNull());
    EXPECT_TRUE(updatedAt.at(1).isString());
}

TEST(TaskListing, StringsSurviveTheColumnsExactlyAsStored)
{
    // Every escape JSON needs, characters of one to four UTF-8 bytes, and U+2028 (valid in JSON)
    TemporaryFolder folder;
    ASSERT_OK_AND_ASSIGN(auto db, core::Database::open(folder.filePath(u"quire.db"_s), uniqueConnectionName()));
    core::SqlTaskRepository tasks(*db);
    QString everyControl;
    for (char16_t c = 1; c < 0x20; ++c)
        everyControl += QChar(c);
    const QString title
        = u"a\\"_s + u'"' + everyControl + u"\u007f\u0080\u07ff\u0800\u2028\uffee\U00010000\U0010FFFD z"_s;
    core::TaskDraft draft;
    draft.title = title;
    draft.tags = {u"\u00e9\"\\"_s};
    ASSERT_OK(tasks.create(draft));

    ASSERT_OK_AND_ASSIGN(const QByteArray json, columnsJson(tasks, {}));

    QJsonParseError error {};
    const QJsonObject columns = QJsonDocument::fromJson(json, &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << qPrintable(error.errorString());
    EXPECT_EQ(columns.value(u"title"_s).toArray().first().toString(), title.trimmed());
    EXPECT_EQ(columns.value(u"tags"_s).toArray().first().toArray().first().toString(), u"\u00e9\"\\"_s);
}

} // namespace
} // namespace quire::test
