// SPDX-License-Identifier: MIT
// List replies are written by SQLite (TaskRepository::listJson) while single tasks go through
// json_codec's toJson(): the two must describe every task identically.
#include "connection_names.h"
#include "result_assertions.h"
#include "temporary_folder.h"

#include <database.h>
#include <json_codec.h>
#include <sqlite_project_repository.h>
#include <sqlite_task_repository.h>

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

QJsonArray parsed(const QString &json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    return document.array();
}

TEST(TaskListing, ListJsonSaysExactlyWhatToJsonSaysForEveryKindOfTask)
{
    // Given tasks with every optional set and unset, awkward text, and tags and links in an order
    // that is not alphabetical
    TemporaryFolder folder;
    ASSERT_OK_AND_ASSIGN(auto db, core::Database::open(folder.filePath(u"quire.db"_s), uniqueConnectionName()));
    core::SqliteProjectRepository projects(*db);
    core::SqliteTaskRepository tasks(*db);
    ASSERT_OK_AND_ASSIGN(const core::Project home, projects.create({u"Home"_s, std::nullopt}));
    ASSERT_OK_AND_ASSIGN(const core::Project work, projects.create({u"Work"_s, std::nullopt}));
    const QStringList titles {u"Plain"_s,
        u"Quotes \" and \\ backslash"_s,
        u"Control \u0001 \t \n characters"_s,
        u"Unicode: \u00e9\u0301 \u05e9\u05dc\u05d5\u05dd \U0001F600"_s,
        u"</script><img src=x onerror=alert(1)>"_s};
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
    ASSERT_OK_AND_ASSIGN(const QList<core::Task> created, tasks.findAll());
    core::TaskPatch patch;
    patch.tags = QStringList {u"new"_s, u"tags"_s, u"zulu"_s};
    patch.projectIds = QStringList {home.id, work.id};
    ASSERT_OK(tasks.update(created.first().id, patch));
    ASSERT_OK_AND_ASSIGN(const core::Project garden, projects.create({u"Garden"_s, std::nullopt}));
    patch.tags.reset();
    patch.projectIds = QStringList {work.id, garden.id, home.id};
    ASSERT_OK(tasks.update(created.last().id, patch));
    ASSERT_OK(projects.remove(garden.id));

    // When
    ASSERT_OK_AND_ASSIGN(const QList<core::Task> all, tasks.findAll());
    ASSERT_OK_AND_ASSIGN(const QString allJson, tasks.listJson(std::nullopt));
    ASSERT_OK_AND_ASSIGN(const QList<core::Task> inWork, tasks.findByProjects({work.id}));
    ASSERT_OK_AND_ASSIGN(const QString workJson, tasks.listJson(QStringList {work.id}));

    // Then
    ASSERT_EQ(all.size(), titles.size());
    EXPECT_EQ(parsed(allJson), app::toJson(all));
    ASSERT_EQ(inWork.size(), 4);
    EXPECT_EQ(all.last().projectIds, (QStringList {work.id, home.id}));
    EXPECT_EQ(parsed(workJson), app::toJson(inWork));
}

TEST(TaskListing, ListJsonOfNothingIsAnEmptyArray)
{
    TemporaryFolder folder;
    ASSERT_OK_AND_ASSIGN(auto db, core::Database::open(folder.filePath(u"quire.db"_s), uniqueConnectionName()));
    core::SqliteTaskRepository tasks(*db);
    EXPECT_EQ(tasks.listJson(std::nullopt).value_or(u"error"_s), u"[]"_s);
    EXPECT_EQ(tasks.listJson(QStringList {}).value_or(u"error"_s), u"[]"_s);
    EXPECT_EQ(tasks.listJson(QStringList {u"no such project"_s}).value_or(u"error"_s), u"[]"_s);
}

TEST(TaskListing, ListJsonRunsOneStatementWhateverTheNumberOfTasks)
{
    TemporaryFolder folder;
    ASSERT_OK_AND_ASSIGN(auto db, core::Database::open(folder.filePath(u"quire.db"_s), uniqueConnectionName()));
    core::SqliteTaskRepository tasks(*db);
    const auto statementsFor = [&](int count) -> quint64 {
        for (int i = 0; i < count; ++i) {
            core::TaskDraft draft;
            draft.title = u"Task %1"_s.arg(i);
            draft.tags = {u"t"_s};
            EXPECT_TRUE(tasks.create(draft).has_value());
        }
        const quint64 before = db->queryCount();
        EXPECT_TRUE(tasks.listJson(std::nullopt).has_value());
        return db->queryCount() - before;
    };
    const quint64 forFew = statementsFor(3);
    EXPECT_EQ(statementsFor(300), forFew);
    EXPECT_EQ(forFew, 1U);
}

} // namespace
} // namespace quire::test
