// SPDX-License-Identifier: MIT
// iCalendar VTODOs through libical: what Quire writes, what it reads back, and files shaped like
// Thunderbird's and Nextcloud Tasks' (folded lines, TZID with VTIMEZONE, X- properties, VEVENTs).
#include "fixtures.h"
#include "result_assertions.h"
#include "round_trip.h"
#include "temporary_folder.h"
#include <quire/exchange/icalendar.h>

#include <QFile>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using namespace quire::exchange;
using quire::exchange_test::CancellingOperation;
using quire::exchange_test::everyFieldSnapshot;
using quire::exchange_test::expectTasksWholeAndProjectsByName;
using quire::exchange_test::manyTasks;
using quire::exchange_test::utc;

namespace {

QByteArray fixture(const QString &name)
{
    return quire::test::TemporaryFolder::readFile(QStringLiteral(TEST_DATA_DIR) + u'/' + name);
}

Result<ParsedFile> read(const QByteArray &bytes, const QTimeZone &zone = QTimeZone::utc())
{
    UnwatchedOperation operation;
    return readICalendar(bytes, operation, zone);
}

QString written(const Snapshot &snapshot)
{
    UnwatchedOperation operation;
    return QString::fromUtf8(writeICalendar(snapshot, operation).value_or(QByteArray()));
}

/** The unfolded text, so that properties can be looked for whole. */
QString unfolded(QString text)
{
    return text.replace(u"\r\n "_s, QString()).replace(u"\r\n"_s, u"\n"_s);
}

QByteArray calendarWith(const QString &todoLines)
{
    return (u"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nDTSTAMP:20260101T000000Z\r\n"_s
        + todoLines + u"END:VTODO\r\nEND:VCALENDAR\r\n"_s)
        .toUtf8();
}

} // namespace

TEST(ICalendar, ExportThenImportKeepsEveryTaskFieldAndTheProjectNamesAndIds)
{
    // Given whole-second timestamps (iCalendar has no milliseconds)
    const Snapshot snapshot = everyFieldSnapshot();
    UnwatchedOperation operation;

    // When
    ASSERT_OK_AND_ASSIGN(const QByteArray bytes, writeICalendar(snapshot, operation));
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, readICalendar(bytes, operation));

    // Then
    expectTasksWholeAndProjectsByName(parsed, snapshot);
}

TEST(ICalendar, TheStandardPropertiesSayWhatOtherAppsUnderstand)
{
    const QString text = unfolded(written(everyFieldSnapshot()));
    EXPECT_TRUE(text.startsWith(u"BEGIN:VCALENDAR\n"_s));
    EXPECT_TRUE(text.contains(u"\nUID:9a2b0c41-0000-4000-8000-000000000001\n"_s));
    EXPECT_TRUE(text.contains(u"\nSTATUS:IN-PROCESS\n"_s));
    EXPECT_TRUE(text.contains(u"\nPRIORITY:3\n"_s));
    EXPECT_TRUE(text.contains(u"\nDUE:20260329T093000\n"_s)) << "a floating date-time: wall time, no zone";
    EXPECT_TRUE(text.contains(u"\nDUE;VALUE=DATE:20260415\n"_s));
    EXPECT_TRUE(text.contains(u"\nRRULE:FREQ=WEEKLY;COUNT=10;INTERVAL=2;BYDAY=MO,FR\n"_s));
    EXPECT_TRUE(text.contains(u"\nCOMPLETED:20260401T180000Z\n"_s));
    EXPECT_TRUE(text.contains(u"\nCREATED:20260201T080000Z\n"_s));
    EXPECT_TRUE(text.contains(u"\nLAST-MODIFIED:20260202T081530Z\n"_s));
    EXPECT_TRUE(text.contains(u"\nCATEGORIES:travel\n"_s));
}

TEST(ICalendar, BlockedIsNeedsActionWithQuiresOwnStatusBeside)
{
    const QString text = unfolded(written(everyFieldSnapshot()));
    const qsizetype blocked = text.indexOf(u"UID:9a2b0c41-0000-4000-8000-000000000003"_s);
    const QString todo = text.mid(blocked, text.indexOf(u"END:VTODO"_s, blocked) - blocked);
    EXPECT_TRUE(todo.contains(u"\nSTATUS:NEEDS-ACTION\n"_s));
    EXPECT_TRUE(todo.contains(u"\nX-QUIRE-STATUS:blocked\n"_s));
    EXPECT_TRUE(todo.contains(u"\nPRIORITY:7\n"_s));
}

TEST(ICalendar, ABlockedTaskAnotherAppCompletedIsCompleted)
{
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed,
        read(calendarWith(u"UID:a\r\nSUMMARY:Gate\r\nSTATUS:COMPLETED\r\nX-QUIRE-STATUS:blocked\r\n"_s)));
    EXPECT_EQ(parsed.snapshot.tasks.first().status, Status::Completed);
}

TEST(ICalendar, AThunderbirdFileReadsWithItsZoneFoldsAndEventsSkipped)
{
    // Given the local zone Tokyo (+09:00): 17:00 in Berlin (+01:00) on 20 March is 01:00 on the 21st
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, read(fixture(u"thunderbird.ics"_s), QTimeZone("Asia/Tokyo")));

    // Then
    ASSERT_EQ(parsed.snapshot.tasks.size(), 2);
    const Task &passport = parsed.snapshot.tasks.at(0);
    EXPECT_EQ(passport.id, u"3c4d8b0e-1f2a-4b5c-9d6e-7f8a9b0c1d2e"_s);
    EXPECT_EQ(passport.title, u"Renew the passport before the summer holidays start in the middle of July"_s);
    EXPECT_EQ(passport.description, u"Bring two photos\nand the old passport, please"_s);
    EXPECT_EQ(passport.status, Status::InProgress);
    EXPECT_EQ(passport.priority, Priority::Pinned);
    EXPECT_EQ(passport.tags, (QStringList {u"Travel"_s, u"Errands"_s}));
    EXPECT_EQ(passport.dueDate, (LocalDate {QDate(2026, 3, 21), QTime(1, 0)}));
    EXPECT_EQ(passport.createdAt, utc(u"2026-03-01T10:15:00.000Z"_s));
    EXPECT_EQ(passport.updatedAt, utc(u"2026-03-02T08:00:00.000Z"_s));
    const Task &forms = parsed.snapshot.tasks.at(1);
    EXPECT_EQ(forms.status, Status::Completed);
    EXPECT_EQ(forms.priority, Priority::Nit);
    EXPECT_EQ(forms.completedAt, utc(u"2026-03-04T08:59:00.000Z"_s));
    EXPECT_EQ(parsed.notes, QStringList {u"1 event skipped (VEVENT)"_s});
}

TEST(ICalendar, ANextcloudFileReadsWithWhatQuireCannotKeepNoted)
{
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, read(fixture(u"nextcloud.ics"_s), QTimeZone::utc()));

    ASSERT_EQ(parsed.snapshot.tasks.size(), 3);
    const Task &plants = parsed.snapshot.tasks.at(0);
    EXPECT_EQ(plants.id, u"nc-water-plants"_s);
    EXPECT_EQ(plants.priority, Priority::Standard);
    EXPECT_EQ(plants.status, Status::Backlog);
    EXPECT_EQ(plants.tags, (QStringList {u"Home"_s, u"Garden"_s}));
    EXPECT_EQ(plants.dueDate, (LocalDate {QDate(2026, 1, 10), std::nullopt}));
    EXPECT_EQ(plants.recurrence, u"FREQ=WEEKLY;BYDAY=SA"_s);
    EXPECT_EQ(plants.createdAt, utc(u"2026-01-05T12:00:00.000Z"_s)) << "a floating CREATED is read as UTC";
    EXPECT_TRUE(plants.sortKey.isEmpty()) << "other apps' X- properties are theirs";
    const Task &cancelled = parsed.snapshot.tasks.at(1);
    EXPECT_EQ(cancelled.status, Status::Completed);
    EXPECT_EQ(cancelled.priority, Priority::High);
    EXPECT_FALSE(cancelled.recurrence.has_value());
    const Task &noUid = parsed.snapshot.tasks.at(2);
    EXPECT_TRUE(noUid.id.isEmpty());
    EXPECT_EQ(noUid.dueDate, (LocalDate {QDate(2026, 1, 11), QTime(8, 0)}));

    ASSERT_EQ(parsed.notes.size(), 4) << parsed.notes.join(u'\n').toStdString();
    EXPECT_TRUE(
        parsed.notes.at(0).startsWith(u"to-do 2 “Order the old model”: repeat rule left out, Quire cannot follow it"_s))
        << parsed.notes.at(0).toStdString();
    EXPECT_EQ(parsed.notes.at(1), u"2 events skipped (VEVENT)"_s);
    EXPECT_EQ(parsed.notes.at(2), u"1 journal entry skipped (VJOURNAL)"_s);
    EXPECT_EQ(parsed.notes.at(3), u"1 cancelled to-dos imported as completed (Quire has no cancelled status)"_s);
}

TEST(ICalendar, AToDoWithoutSummaryIsAnErrorNamingIt)
{
    EXPECT_ERROR(read(calendarWith(u"UID:x\r\n"_s)), ErrorCode::InvalidArgument,
        u"to-do 1: SUMMARY is missing; Quire needs a title"_s);
}

TEST(ICalendar, AnUnknownQuireValueIsAnErrorNamingTheToDo)
{
    EXPECT_ERROR(read(calendarWith(u"SUMMARY:Gate\r\nX-QUIRE-COMPLEXITY:tricky\r\n"_s)), ErrorCode::InvalidArgument,
        u"to-do 1 “Gate”: X-QUIRE-COMPLEXITY: 'tricky' is not one of easy, hard, deep dive"_s);
}

TEST(ICalendar, APropertyLibicalCannotReadIsLeftOutAndNoted)
{
    ASSERT_OK_AND_ASSIGN(const ParsedFile parsed, read(calendarWith(u"SUMMARY:Gate\r\nDUE:soon\r\n"_s)));
    EXPECT_FALSE(parsed.snapshot.tasks.first().dueDate.has_value());
    ASSERT_EQ(parsed.notes.size(), 1);
    EXPECT_TRUE(parsed.notes.first().startsWith(u"to-do 1 “Gate”: left out what libical could not read: "_s))
        << parsed.notes.first().toStdString();
}

TEST(ICalendar, TextThatIsNoCalendarIsRefused)
{
    EXPECT_ERROR(read("Title,Status\nA,backlog\n"), ErrorCode::InvalidArgument,
        u"not an iCalendar file: no BEGIN:VCALENDAR ... END:VCALENDAR"_s);
    EXPECT_ERROR(read(QByteArray()), ErrorCode::InvalidArgument,
        u"not an iCalendar file: no BEGIN:VCALENDAR ... END:VCALENDAR"_s);
}

TEST(ICalendar, WritingAndReadingStopWhenCancelled)
{
    CancellingOperation writeOperation(2);
    EXPECT_ERROR_CODE(writeICalendar(manyTasks(1000), writeOperation), ErrorCode::Cancelled);
    UnwatchedOperation unwatched;
    ASSERT_OK_AND_ASSIGN(const QByteArray bytes, writeICalendar(manyTasks(1000), unwatched));
    CancellingOperation readOperation(2);
    EXPECT_ERROR_CODE(readICalendar(bytes, readOperation), ErrorCode::Cancelled);
}
