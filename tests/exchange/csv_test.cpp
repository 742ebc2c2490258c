// SPDX-License-Identifier: MIT
// CSV for spreadsheets: what it writes (BOM, quoting, CRLF), what it reads back, and bad files by line.
#include "fixtures.h"
#include "result_assertions.h"
#include "round_trip.h"
#include <quire/exchange/csv.h>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using namespace quire::exchange;
using quire::exchange_test::CancellingOperation;
using quire::exchange_test::everyFieldSnapshot;
using quire::exchange_test::expectTasksWholeAndProjectsByName;
using quire::exchange_test::manyTasks;

namespace {

Result<ParsedFile> read(const QString &text)
{
    UnwatchedOperation operation;
    return readCsv(text.toUtf8(), operation);
}

QString written(const Snapshot &snapshot)
{
    UnwatchedOperation operation;
    return QString::fromUtf8(writeCsv(snapshot, operation).value_or(QByteArray()));
}

} // namespace

TEST(Csv, ExportThenImportKeepsEveryTaskFieldAndTheProjectNamesAndIds)
{
    // Given
    const Snapshot snapshot = everyFieldSnapshot();
    UnwatchedOperation operation;

    // When
    ASSERT_OK_AND_ASSIGN(const QByteArray bytes, writeCsv(snapshot, operation));
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, readCsv(bytes, operation));

    // Then: tasks whole; projects by id and name only (a row has no project description or times)
    expectTasksWholeAndProjectsByName(parsed, snapshot);
}

TEST(Csv, TheFileStartsWithABomAndAHeaderAndEndsLinesWithCrlf)
{
    UnwatchedOperation operation;
    ASSERT_OK_AND_ASSIGN(const QByteArray bytes, writeCsv(everyFieldSnapshot(), operation));
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBFID,Title,Description,Status,Priority,Complexity,Type,Due,Recurrence,"
                                 "Tags,Projects,Project IDs,Checklist,Created,Updated,Completed,Sort Key\r\n"));
    EXPECT_TRUE(bytes.endsWith("\r\n"));
}

TEST(Csv, FieldsWithCommasQuotesAndLineBreaksAreQuoted)
{
    const QString text = written(everyFieldSnapshot());
    EXPECT_TRUE(text.contains(u",\"Pack for the \"\"big\"\" trip, then leave\","_s));
    EXPECT_TRUE(text.contains(u"\"Line one\nLine two; with a comma, and a quote \"\" and a backslash"_s));
    EXPECT_TRUE(text.contains(u"\"[x] passport\n[ ] charger, cable; adapter\""_s));
    EXPECT_TRUE(text.contains(u",2026-03-29T09:30,"_s));
}

TEST(Csv, HeadersMatchInAnyCaseAndSpellingAndUnknownOnesAreNoted)
{
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed,
        read(u"title,STATUS,due_date,sortKey,Colour,Mood\nBuy milk,In progress,2026-05-01 08:15,b1,red,ok\n"_s));
    ASSERT_EQ(parsed.snapshot.tasks.size(), 1);
    const Task &task = parsed.snapshot.tasks.first();
    EXPECT_EQ(task.title, u"Buy milk"_s);
    EXPECT_EQ(task.status, Status::InProgress);
    EXPECT_EQ(task.dueDate, (LocalDate {QDate(2026, 5, 1), QTime(8, 15)}));
    EXPECT_EQ(task.sortKey, u"b1"_s);
    EXPECT_TRUE(task.id.isEmpty());
    EXPECT_EQ(parsed.notes, QStringList {u"unknown columns ignored: Colour, Mood"_s});
}

TEST(Csv, ProjectNamesWithoutIdsBecomeOneNewProjectEach)
{
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, read(u"Title,Projects\nA,Home; Work\nB,home\n"_s));
    ASSERT_EQ(parsed.snapshot.projects.size(), 2);
    const Project &home = parsed.snapshot.projects.at(0);
    EXPECT_EQ(home.name, u"Home"_s);
    EXPECT_FALSE(home.id.isEmpty());
    EXPECT_EQ(parsed.snapshot.tasks.at(0).projectIds, (QStringList {home.id, parsed.snapshot.projects.at(1).id}));
    EXPECT_EQ(parsed.snapshot.tasks.at(1).projectIds, QStringList {home.id});
}

TEST(Csv, ProjectIdsAndNamesOfDifferentCountsAreAnError)
{
    EXPECT_ERROR(read(u"Title,Projects,Project IDs\nA,Home; Work,p1\n"_s), ErrorCode::InvalidArgument,
        u"line 2: Project IDs: 1 ids for 2 project names"_s);
}

TEST(Csv, QuotedLineBreaksCountInTheLineNumbersOfErrors)
{
    // The second task spans lines 3-5, so the bad status is on line 6.
    const QString text = u"Title,Description,Status\r\nA,,backlog\r\nB,\"one\r\ntwo\nthree\",backlog\r\nC,,doing\r\n"_s;
    EXPECT_ERROR(read(text), ErrorCode::InvalidArgument,
        u"line 6: Status: 'doing' is not one of backlog, in_progress, completed, blocked"_s);
}

TEST(Csv, BadCellsAreNamedByLineAndColumn)
{
    EXPECT_ERROR(read(u"Title,Due\nA,tomorrow\n"_s), ErrorCode::InvalidArgument,
        u"line 2: Due: 'tomorrow' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"_s);
    EXPECT_ERROR(read(u"Title,Created\nA,yesterday\n"_s), ErrorCode::InvalidArgument,
        u"line 2: Created: 'yesterday' is not an RFC 3339 timestamp (2026-03-29T09:00:00.000Z)"_s);
    EXPECT_ERROR(read(u"Title,Recurrence\nA,FREQ=HOURLY\n"_s), ErrorCode::InvalidArgument,
        u"line 2: Recurrence: FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY; got 'HOURLY'"_s);
    EXPECT_ERROR(
        read(u"Title,Status\n   ,backlog\n"_s), ErrorCode::InvalidArgument, u"line 2: Title: must not be empty"_s);
    EXPECT_ERROR(read(u"Title\nA,B\n"_s), ErrorCode::InvalidArgument, u"line 2: 2 fields, but the header names 1"_s);
}

TEST(Csv, AHeaderWithoutTitleOrWithATwiceNamedColumnIsAnError)
{
    EXPECT_ERROR(read(u"Name of thing,Status\nA,backlog\n"_s), ErrorCode::InvalidArgument,
        u"line 1: no Title column (the one column a task needs)"_s);
    EXPECT_ERROR(read(u"Title,Status,status\nA,backlog,backlog\n"_s), ErrorCode::InvalidArgument,
        u"line 1: two columns are Status"_s);
    EXPECT_ERROR(read(QString()), ErrorCode::InvalidArgument, u"the file is empty: a header row is needed"_s);
}

TEST(Csv, BrokenQuotingIsNamedByLine)
{
    EXPECT_ERROR(read(u"Title,Description\nA,\"never closed\nB,x\n"_s), ErrorCode::InvalidArgument,
        u"line 2: a quoted field is never closed (a \" is missing)"_s);
    EXPECT_ERROR(read(u"Title,Description\nA,\"quoted\"tail\n"_s), ErrorCode::InvalidArgument,
        u"line 2: text after a closing quote (a quote inside a quoted field is written \"\")"_s);
}

TEST(Csv, SemicolonSeparatedFilesFromSpreadsheetsRead)
{
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, read(u"Title;Tags;Priority\n\"A; b\";\"x; y\";high\n"_s));
    ASSERT_EQ(parsed.snapshot.tasks.size(), 1);
    EXPECT_EQ(parsed.snapshot.tasks.first().title, u"A; b"_s);
    EXPECT_EQ(parsed.snapshot.tasks.first().priority, Priority::High);
    EXPECT_EQ(parsed.snapshot.tasks.first().tags, (QStringList {u"x"_s, u"y"_s}));
}

TEST(Csv, ASemicolonWithinATagOrProjectNameIsDoubledAndReadsBackWhole)
{
    Snapshot snapshot;
    snapshot.projects.append(
        {.id = u"p1"_s, .name = u"Home; garden"_s, .description = {}, .createdAt = {}, .updatedAt = {}});
    Task task;
    task.title = u"Dig"_s;
    task.tags = {u"a;b"_s, u"c"_s};
    task.projectIds = {u"p1"_s};
    snapshot.tasks.append(task);
    const QString text = written(snapshot);
    EXPECT_TRUE(text.contains(u",\"a;;b; c\",\"Home;; garden\",p1,"_s)) << text.toStdString();
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, read(text));
    EXPECT_EQ(parsed.snapshot.tasks.first().tags, task.tags);
    EXPECT_EQ(parsed.snapshot.projects.first().name, u"Home; garden"_s);
}

TEST(Csv, BlankLinesAndALastLineWithoutBreakAreFine)
{
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, read(u"Title,Tags\n\nA,\"x; y\"\n\nB,"_s));
    ASSERT_EQ(parsed.snapshot.tasks.size(), 2);
    EXPECT_EQ(parsed.snapshot.tasks.first().tags, (QStringList {u"x"_s, u"y"_s}));
}

TEST(Csv, TextThatIsNotUtf8IsRefused)
{
    UnwatchedOperation operation;
    EXPECT_ERROR(readCsv("Title\nCaf\xE9\n", operation), ErrorCode::InvalidArgument,
        u"the file is not UTF-8 text: save it as CSV with the character set UTF-8"_s);
}

TEST(Csv, WritingAndReadingStopWhenCancelled)
{
    CancellingOperation writeOperation(2);
    EXPECT_ERROR_CODE(writeCsv(manyTasks(1000), writeOperation), ErrorCode::Cancelled);
    const QString text = written(manyTasks(1000));
    CancellingOperation readOperation(2);
    EXPECT_ERROR_CODE(readCsv(text.toUtf8(), readOperation), ErrorCode::Cancelled);
}
