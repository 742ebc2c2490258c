// SPDX-License-Identifier: MIT
// Quire's own JSON file: lossless, versioned, and precise about what is wrong in a bad one.
#include "fixtures.h"
#include "result_assertions.h"
#include <quire/core/operation_phase.h>
#include <quire/exchange/quire_json.h>
#include <quire/exchange/snapshot_file.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using namespace quire::exchange;
using quire::exchange_test::CancellingOperation;
using quire::exchange_test::everyFieldSnapshot;
using quire::exchange_test::manyTasks;

namespace {

QJsonObject writtenObject(const Snapshot &snapshot)
{
    UnwatchedOperation operation;
    return QJsonDocument::fromJson(writeQuireJson(snapshot, operation).value_or(QByteArray())).object();
}

Result<ParsedFile> read(const QJsonObject &root)
{
    UnwatchedOperation operation;
    return readQuireJson(QJsonDocument(root).toJson(), operation);
}

} // namespace

TEST(QuireJson, ExportThenImportGivesAnEqualSnapshot)
{
    // Given every field, with ms timestamps too
    Snapshot snapshot = everyFieldSnapshot();
    snapshot.tasks[0].updatedAt = snapshot.tasks[0].updatedAt.addMSecs(123);
    UnwatchedOperation operation;

    // When
    ASSERT_OK_AND_ASSIGN(const QByteArray bytes, writeSnapshot(Format::QuireJson, snapshot, operation));
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, readSnapshot(Format::QuireJson, bytes, operation));

    // Then
    EXPECT_EQ(parsed.snapshot, snapshot);
    EXPECT_TRUE(parsed.notes.isEmpty());
}

TEST(QuireJson, TheFileSaysWhatItIsAndItsVersion)
{
    const QJsonObject root = writtenObject(everyFieldSnapshot());
    EXPECT_EQ(root.value(u"format"_s).toString(), u"quire"_s);
    EXPECT_EQ(root.value(u"version"_s).toInt(), 1);
    EXPECT_EQ(root.value(u"tasks"_s).toArray().size(), 4);
    EXPECT_EQ(root.value(u"projects"_s).toArray().size(), 2);
}

TEST(QuireJson, ABadRecordIsNamedWithItsPlaceAndReason)
{
    QJsonObject root = writtenObject(everyFieldSnapshot());
    QJsonArray tasks = root.value(u"tasks"_s).toArray();
    QJsonObject second = tasks.at(1).toObject();
    second.insert(u"title"_s, QJsonValue::Null);
    tasks.replace(1, second);
    root.insert(u"tasks"_s, tasks);
    EXPECT_ERROR(read(root), ErrorCode::InvalidArgument, u"task 2: title: must be a string"_s);
}

TEST(QuireJson, ARecordThatIsNoObjectIsNamed)
{
    QJsonObject root = writtenObject(everyFieldSnapshot());
    root.insert(u"projects"_s, QJsonArray {u"Home"_s});
    EXPECT_ERROR(read(root), ErrorCode::InvalidArgument, u"project 1: must be an object"_s);
}

TEST(QuireJson, AFileOfANewerVersionIsRefusedSayingSo)
{
    QJsonObject root = writtenObject(everyFieldSnapshot());
    root.insert(u"version"_s, 2);
    EXPECT_ERROR(read(root), ErrorCode::InvalidArgument,
        u"this file was written by a newer Quire (format version 2; this one reads up to 1): update Quire to import it"_s);
}

TEST(QuireJson, ABadVersionOrFormatIsRefused)
{
    QJsonObject root = writtenObject(everyFieldSnapshot());
    root.insert(u"version"_s, u"1"_s);
    EXPECT_ERROR(read(root), ErrorCode::InvalidArgument, u"\"version\" must be a whole number from 1"_s);
    root.insert(u"format"_s, u"todoist"_s);
    EXPECT_ERROR(read(root), ErrorCode::InvalidArgument, u"not a Quire export: \"format\" is not \"quire\""_s);
}

TEST(QuireJson, TextThatIsNotJsonIsRefused)
{
    UnwatchedOperation operation;
    const auto result = readQuireJson("{\"format\": \"quire\",", operation);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(result.error().message.startsWith(u"not JSON: "_s)) << result.error().message.toStdString();
    EXPECT_ERROR(readQuireJson("[1, 2]", operation), ErrorCode::InvalidArgument,
        u"not a Quire export: the file is not a JSON object"_s);
}

TEST(QuireJson, WritingAndReadingStopWhenCancelled)
{
    const Snapshot snapshot = manyTasks(1000);
    CancellingOperation writeOperation(2);
    EXPECT_ERROR_CODE(writeQuireJson(snapshot, writeOperation), ErrorCode::Cancelled);
    // Each task is reported; the cancel is heard at the next look, kCancelInterval tasks in.
    EXPECT_EQ(writeOperation.progressCalls(), kCancelInterval);

    UnwatchedOperation unwatched;
    ASSERT_OK_AND_ASSIGN(const QByteArray bytes, writeQuireJson(snapshot, unwatched));
    CancellingOperation readOperation(3);
    EXPECT_ERROR_CODE(readQuireJson(bytes, readOperation), ErrorCode::Cancelled);
}

TEST(QuireJson, ProgressEndsAtTheTotal)
{
    CancellingOperation operation(1000000);
    ASSERT_OK(writeQuireJson(manyTasks(600), operation));
    EXPECT_EQ(operation.lastDone(), 600);
    EXPECT_EQ(operation.lastTotal(), 600);
}
