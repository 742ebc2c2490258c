// SPDX-License-Identifier: MIT
// The record JSON codec: toJson() and its strict inverse, driven by the same field table.
#include "fixtures.h"
#include "result_assertions.h"
#include <quire/exchange/record_json.h>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::exchange::projectFromJson;
using quire::exchange::taskFromJson;
using quire::exchange::toJson;
using quire::exchange_test::everyFieldSnapshot;

namespace {

QJsonObject firstTaskJson()
{
    return toJson(everyFieldSnapshot().tasks.first());
}

} // namespace

TEST(RecordJson, EveryTaskReadsBackEqualToWhatWasWritten)
{
    for (const Task &task : everyFieldSnapshot().tasks) {
        ASSERT_OK_AND_ASSIGN(const Task read, taskFromJson(toJson(task)));
        EXPECT_EQ(read, task) << task.title.toStdString();
    }
}

TEST(RecordJson, EveryProjectReadsBackEqualToWhatWasWritten)
{
    for (const Project &project : everyFieldSnapshot().projects) {
        ASSERT_OK_AND_ASSIGN(const Project read, projectFromJson(toJson(project)));
        EXPECT_EQ(read, project);
    }
}

TEST(RecordJson, AMissingRequiredKeyIsNamed)
{
    QJsonObject json = firstTaskJson();
    json.remove(u"title"_s);
    EXPECT_ERROR(taskFromJson(json), ErrorCode::InvalidArgument, u"title: is missing"_s);
}

TEST(RecordJson, AWrongTypeNamesTheKeyAndTheReason)
{
    QJsonObject json = firstTaskJson();
    json.insert(u"title"_s, 12);
    EXPECT_ERROR(taskFromJson(json), ErrorCode::InvalidArgument, u"title: must be a string"_s);
}

TEST(RecordJson, AnUnknownEnumSpellingListsTheKnownOnes)
{
    QJsonObject json = firstTaskJson();
    json.insert(u"status"_s, u"doing"_s);
    EXPECT_ERROR(taskFromJson(json), ErrorCode::InvalidArgument,
        u"status: 'doing' is not one of backlog, in_progress, completed, blocked"_s);
}

TEST(RecordJson, ABadTimestampOrDateIsNamed)
{
    QJsonObject json = firstTaskJson();
    json.insert(u"createdAt"_s, u"yesterday"_s);
    EXPECT_ERROR(taskFromJson(json), ErrorCode::InvalidArgument,
        u"createdAt: 'yesterday' is not an RFC 3339 timestamp (2026-03-29T09:00:00.000Z)"_s);
    json = firstTaskJson();
    json.insert(u"dueDate"_s, u"2026-02-30"_s);
    EXPECT_ERROR(taskFromJson(json), ErrorCode::InvalidArgument,
        u"dueDate: '2026-02-30' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"_s);
}

TEST(RecordJson, ABadChecklistItemIsNamedByItsPlace)
{
    QJsonObject json = firstTaskJson();
    json.insert(u"checklist"_s,
        QJsonArray {QJsonObject {{u"title"_s, u"a"_s}, {u"done"_s, true}},
            QJsonObject {{u"title"_s, u"b"_s}, {u"done"_s, u"yes"_s}}});
    EXPECT_ERROR(taskFromJson(json), ErrorCode::InvalidArgument, u"checklist: item 2: done: must be true or false"_s);
}

TEST(RecordJson, ANonTextTagIsNamedByItsPlace)
{
    QJsonObject json = firstTaskJson();
    json.insert(u"tags"_s, QJsonArray {u"a"_s, 3});
    EXPECT_ERROR(taskFromJson(json), ErrorCode::InvalidArgument, u"tags: item 2: must be a string"_s);
    json.insert(u"tags"_s, u"a, b"_s);
    EXPECT_ERROR(taskFromJson(json), ErrorCode::InvalidArgument, u"tags: must be an array"_s);
}

TEST(RecordJson, UnknownKeysAreIgnoredForFilesFromNewerVersions)
{
    QJsonObject json = firstTaskJson();
    json.insert(u"energyLevel"_s, u"high"_s);
    ASSERT_OK_AND_ASSIGN(const Task read, taskFromJson(json));
    EXPECT_EQ(read, everyFieldSnapshot().tasks.first());
}

TEST(RecordJson, NullableFieldsMayBeNullOrAbsent)
{
    QJsonObject json = firstTaskJson();
    json.insert(u"description"_s, QJsonValue::Null);
    json.remove(u"dueDate"_s);
    json.remove(u"completedAt"_s);
    ASSERT_OK_AND_ASSIGN(const Task read, taskFromJson(json));
    EXPECT_FALSE(read.description.has_value());
    EXPECT_FALSE(read.dueDate.has_value());
    EXPECT_FALSE(read.completedAt.has_value());
}
