// SPDX-License-Identifier: MIT
#include "printers.h"
#include <quire/core/local_date.h>

#include <gtest/gtest.h>

#include <QByteArray>
#include <QStringList>

#include <algorithm>
#include <ostream>

using namespace Qt::StringLiterals;
using quire::core::formatDayAfter;
using quire::core::formatLocalDate;
using quire::core::LocalDate;
using quire::core::parseLocalDate;

namespace quire::core {
/** Failures show "2026-03-29T09:00" rather than bytes. */
static void PrintTo(const LocalDate &value, std::ostream *os)
{
    *os << '"' << formatLocalDate(value).toStdString() << '"';
}
} // namespace quire::core

TEST(LocalDate, ParsesADay)
{
    // Given / When
    const auto parsed = parseLocalDate(u"2026-03-29");

    // Then
    EXPECT_EQ(parsed, std::optional(LocalDate {QDate(2026, 3, 29), std::nullopt}));
}

TEST(LocalDate, ParsesADayWithAWallClockTime)
{
    // Given / When
    const auto parsed = parseLocalDate(u"2026-03-29T02:30");

    // Then
    EXPECT_EQ(parsed, std::optional(LocalDate {QDate(2026, 3, 29), QTime(2, 30)}));
}

TEST(LocalDate, ParsesUtf8Latin1AndUtf16ViewsAlike)
{
    // Given the same text in every encoding QAnyStringView can hold
    const QByteArray utf8 = "2024-02-29T23:59";
    const QString utf16 = u"2024-02-29T23:59"_s;
    const LocalDate expected {QDate(2024, 2, 29), QTime(23, 59)};

    // When / Then
    EXPECT_EQ(parseLocalDate(QUtf8StringView(utf8)), std::optional(expected));
    EXPECT_EQ(parseLocalDate(QLatin1StringView(utf8)), std::optional(expected));
    EXPECT_EQ(parseLocalDate(utf16), std::optional(expected));
    EXPECT_EQ(parseLocalDate(QStringView(utf16)), std::optional(expected));
}

TEST(LocalDate, AcceptsTheFirstAndLastDaysOfItsRange)
{
    EXPECT_EQ(parseLocalDate(u"0001-01-01"), std::optional(LocalDate {QDate(1, 1, 1), std::nullopt}));
    EXPECT_EQ(parseLocalDate(u"9999-12-31T23:59"), std::optional(LocalDate {QDate(9999, 12, 31), QTime(23, 59)}));
    EXPECT_EQ(parseLocalDate(u"2026-01-01T00:00"), std::optional(LocalDate {QDate(2026, 1, 1), QTime(0, 0)}));
}

TEST(LocalDate, RejectsEverythingButTheTwoExactForms)
{
    // Given text that is nearly, but not exactly, one of the two forms
    const QStringList rejected {
        u""_s, u"2026"_s, u"2026-03"_s, u"2026-3-29"_s, u"2026-03-9"_s, u"26-03-29"_s, u"20260329"_s, u"2026/03/29"_s,
        u" 2026-03-29"_s, u"2026-03-29 "_s, u"2026-03-29 09:00"_s, u"2026-03-29t09:00"_s, u"2026-03-29T09:00:00"_s,
        u"2026-03-29T09:00Z"_s, u"2026-03-29T09:00+01:00"_s, u"2026-03-29T9:00"_s, u"2026-03-29T09"_s,
        u"2026-03-29T0900"_s, u"+026-03-29"_s, u"-026-03-29"_s, u"2026-+3-29"_s, u"2026-03-29T-1:00"_s,
        u"2026\u201103\u201129"_s, // non-breaking hyphens
        u"\uff12\uff10\uff12\uff16-03-29"_s, // full-width digits
    };

    // When / Then
    for (const QString &text : rejected)
        EXPECT_EQ(parseLocalDate(text), std::nullopt) << text.toStdString();
}

TEST(LocalDate, RejectsDaysAndTimesThatDoNotExist)
{
    const QStringList rejected {
        u"0000-01-01"_s,
        u"2026-00-10"_s,
        u"2026-13-01"_s,
        u"2026-01-00"_s,
        u"2026-01-32"_s,
        u"2026-04-31"_s,
        u"2026-02-29"_s, // not a leap year
        u"1900-02-29"_s, // divisible by 100, not by 400
        u"2026-03-29T24:00"_s,
        u"2026-03-29T23:60"_s,
        u"2026-03-29T99:99"_s,
    };
    for (const QString &text : rejected)
        EXPECT_EQ(parseLocalDate(text), std::nullopt) << text.toStdString();
    // The leap days that do exist
    EXPECT_NE(parseLocalDate(u"2000-02-29"), std::nullopt);
    EXPECT_NE(parseLocalDate(u"2024-02-29"), std::nullopt);
}

TEST(LocalDate, RejectsNonAsciiBytesInUtf8)
{
    // Given a UTF-8 "é" where a digit should be (two bytes, so the length is still off by one)
    const QByteArray utf8 = "2026-03-2\xc3\xa9";

    // When / Then
    EXPECT_EQ(parseLocalDate(QUtf8StringView(utf8)), std::nullopt);
    EXPECT_EQ(parseLocalDate(QUtf8StringView("2026-03-\xc3\xa9")), std::nullopt);
}

TEST(LocalDate, FormatsWithZeroPaddingAndMinutesOnly)
{
    EXPECT_EQ(formatLocalDate({QDate(2026, 3, 9), std::nullopt}), u"2026-03-09"_s);
    EXPECT_EQ(formatLocalDate({QDate(7, 1, 2), QTime(4, 5)}), u"0007-01-02T04:05"_s);
    // Seconds and milliseconds are not part of a LocalDate's text
    EXPECT_EQ(formatLocalDate({QDate(2026, 3, 9), QTime(23, 59, 59, 999)}), u"2026-03-09T23:59"_s);
}

TEST(LocalDate, FormatsDatesItCannotParseAsEmptyText)
{
    EXPECT_EQ(formatLocalDate({QDate(), std::nullopt}), QString());
    EXPECT_EQ(formatLocalDate({QDate(0, 1, 1), std::nullopt}), QString());
    EXPECT_EQ(formatLocalDate({QDate(10000, 1, 1), std::nullopt}), QString());
    EXPECT_EQ(formatLocalDate({QDate(-5, 1, 1), QTime(9, 0)}), QString());
}

TEST(LocalDate, RoundTripsThroughItsText)
{
    // Given values across the range, with and without a time
    const QList<LocalDate> values {
        {QDate(1, 1, 1), std::nullopt},
        {QDate(2024, 2, 29), QTime(0, 0)},
        {QDate(2026, 10, 25), QTime(2, 30)},
        {QDate(9999, 12, 31), QTime(23, 59)},
    };

    // When / Then
    for (const LocalDate &value : values)
        EXPECT_EQ(parseLocalDate(formatLocalDate(value)), std::optional(value));
}

TEST(LocalDate, TextSortsInTimeOrderWithTheDayBeforeItsTimes)
{
    // Given values in time order, the untimed day before its timed entries
    const QList<LocalDate> ordered {
        {QDate(999, 12, 31), QTime(23, 59)},
        {QDate(2025, 12, 31), std::nullopt},
        {QDate(2025, 12, 31), QTime(0, 0)},
        {QDate(2025, 12, 31), QTime(9, 5)},
        {QDate(2025, 12, 31), QTime(23, 59)},
        {QDate(2026, 1, 1), std::nullopt},
        {QDate(2026, 1, 1), QTime(10, 0)},
        {QDate(2026, 1, 10), std::nullopt},
        {QDate(2026, 2, 1), std::nullopt},
    };
    QStringList texts;
    for (const LocalDate &value : ordered)
        texts.append(formatLocalDate(value));

    // When sorted as plain text
    QStringList sorted = texts;
    std::sort(sorted.begin(), sorted.end());

    // Then the order is unchanged
    EXPECT_EQ(sorted, texts);
}

TEST(LocalDate, DayAfterBoundsEveryEntryOfTheDayFromAbove)
{
    // Given / When
    const QString bound = formatDayAfter(QDate(2026, 2, 28));

    // Then it is the next day, above the day's last minute and not above the next day
    EXPECT_EQ(bound, u"2026-03-01"_s);
    EXPECT_LT(formatLocalDate({QDate(2026, 2, 28), std::nullopt}), bound);
    EXPECT_LT(formatLocalDate({QDate(2026, 2, 28), QTime(23, 59)}), bound);
    EXPECT_FALSE(formatLocalDate({QDate(2026, 3, 1), std::nullopt}) < bound);
}

TEST(LocalDate, DayAfterCrossesMonthsYearsAndLeapDays)
{
    EXPECT_EQ(formatDayAfter(QDate(2024, 2, 28)), u"2024-02-29"_s);
    EXPECT_EQ(formatDayAfter(QDate(2024, 2, 29)), u"2024-03-01"_s);
    EXPECT_EQ(formatDayAfter(QDate(2025, 12, 31)), u"2026-01-01"_s);
    EXPECT_EQ(formatDayAfter(QDate(2026, 4, 30)), u"2026-05-01"_s);
}

TEST(LocalDate, DayAfterTheLastDayStillSortsAfterIt)
{
    // Given the last day a LocalDate can hold
    const QString bound = formatDayAfter(QDate(9999, 12, 31));

    // Then there is no "10000-01-01", but the bound still sorts after every entry of that day
    EXPECT_EQ(bound, u"9999-12-32"_s);
    EXPECT_LT(formatLocalDate({QDate(9999, 12, 31), QTime(23, 59)}), bound);
    EXPECT_EQ(formatDayAfter(QDate()), QString());
}
