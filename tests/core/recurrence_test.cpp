// SPDX-License-Identifier: MIT
#include "result_assertions.h"
#include <quire/core/recurrence.h>

#include <gtest/gtest.h>

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <ctime>
#include <ostream>
#include <string>

using namespace Qt::StringLiterals;
using quire::core::ErrorCode;
using quire::core::formatLocalDate;
using quire::core::formatRecurrence;
using quire::core::LocalDate;
using quire::core::nextOccurrence;
using quire::core::Occurrence;
using quire::core::parseLocalDate;
using quire::core::parseRecurrence;
using quire::core::Recurrence;

namespace quire::core {
/** Failures show rules and dates as their text rather than bytes. */
static void PrintTo(const LocalDate &value, std::ostream *os)
{
    *os << '"' << formatLocalDate(value).toStdString() << '"';
}

static void PrintTo(const Recurrence &rule, std::ostream *os)
{
    *os << '"' << formatRecurrence(rule).toStdString() << '"';
}

static void PrintTo(const Occurrence &occurrence, std::ostream *os)
{
    *os << "due " << formatLocalDate(occurrence.due).toStdString() << " by "
        << formatRecurrence(occurrence.rule).toStdString();
}
} // namespace quire::core

namespace {

/** A LocalDate from test text that is known to be valid. */
LocalDate at(QStringView text)
{
    const auto parsed = parseLocalDate(text);
    EXPECT_TRUE(parsed.has_value()) << "bad test date " << text.toString().toStdString();
    return parsed.value_or(LocalDate {});
}

/** A rule from test text that is known to be valid. */
Recurrence rule(QStringView text)
{
    const auto parsed = parseRecurrence(text);
    EXPECT_TRUE(parsed.has_value()) << "bad test rule " << text.toString().toStdString() << ": "
                                    << (parsed ? std::string() : quire::test::describe(parsed.error()));
    return parsed.value_or(Recurrence {});
}

// ---- nextOccurrence, table-driven --------------------------------------------------------------

struct NextCase {
    const char *name;
    const char16_t *rule;
    const char16_t *current;
    const char16_t *expected; ///< Empty: the rule has ended.
    const char16_t *carried = nullptr; ///< The rule the next occurrence carries; nullptr: `rule` unchanged.
};

void PrintTo(const NextCase &c, std::ostream *os)
{
    *os << c.name;
}

class NextOccurrenceTable : public ::testing::TestWithParam<NextCase>
{
};

TEST_P(NextOccurrenceTable, GivesTheFirstDateAfterTheCurrentOne)
{
    // Given
    const NextCase &c = GetParam();
    const Recurrence given = rule(c.rule);
    const LocalDate current = at(c.current);

    // When
    const std::optional<Occurrence> next = nextOccurrence(given, current);

    // Then
    if (QStringView(c.expected).isEmpty()) {
        EXPECT_EQ(next, std::nullopt);
        return;
    }
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(formatLocalDate(next->due), QStringView(c.expected).toString());
    EXPECT_EQ(next->rule, c.carried ? rule(c.carried) : given);
}

INSTANTIATE_TEST_SUITE_P(Recurrence, NextOccurrenceTable,
    ::testing::Values(
        // ---- DAILY ----
        NextCase {"dailyMovesToTheNextDay", u"FREQ=DAILY", u"2026-03-10", u"2026-03-11"},
        NextCase {"dailyCrossesTheEndOfTheYear", u"FREQ=DAILY", u"2025-12-31", u"2026-01-01"},
        NextCase {"dailyEveryThirdDayLandsOnFeb29InALeapYear", u"FREQ=DAILY;INTERVAL=3", u"2024-02-26", u"2024-02-29"},
        NextCase {
            "dailyEveryThirdDayCrossesFebruaryInANonLeapYear", u"FREQ=DAILY;INTERVAL=3", u"2026-02-27", u"2026-03-02"},
        NextCase {"dailyOnWeekdaysSkipsTheWeekend", u"FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", u"2026-03-13", u"2026-03-16"},
        NextCase {
            "dailyOnWeekdaysMovesOnWithinTheWeek", u"FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", u"2026-03-10", u"2026-03-11"},
        NextCase {"dailyOnWeekdaysFromASaturdayGoesToMonday", u"FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", u"2026-03-14",
            u"2026-03-16"},
        NextCase {"dailyOnWeekdaysCrossesTheYearEnd", u"FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", u"2027-12-31", u"2028-01-03"},
        NextCase {"dailyEveryOtherDayOnMondaysOnlyWaitsForAMondayInStep", u"FREQ=DAILY;INTERVAL=2;BYDAY=MO",
            u"2026-03-02", u"2026-03-16"},
        NextCase {"dailyThatCanNeverFallOnItsDayHasNoNext", u"FREQ=DAILY;INTERVAL=7;BYDAY=MO", u"2026-03-10", u""},
        // ---- WEEKLY ----
        NextCase {"weeklyKeepsTheWeekday", u"FREQ=WEEKLY", u"2026-03-10", u"2026-03-17"},
        NextCase {"weeklyCrossesTheYearEnd", u"FREQ=WEEKLY", u"2025-12-29", u"2026-01-05"},
        NextCase {"weeklyEveryThreeWeeksCrossesFebruary", u"FREQ=WEEKLY;INTERVAL=3", u"2024-02-15", u"2024-03-07"},
        NextCase {
            "weeklyOnOneDayFromAnEarlierDayStaysInTheWeek", u"FREQ=WEEKLY;BYDAY=FR", u"2026-03-09", u"2026-03-13"},
        NextCase {"weeklyOnMoWeFrGoesToTheNextListedDay", u"FREQ=WEEKLY;BYDAY=MO,WE,FR", u"2026-03-09", u"2026-03-11"},
        NextCase {"weeklyOnMoWeFrFromFridayGoesToMonday", u"FREQ=WEEKLY;BYDAY=MO,WE,FR", u"2026-03-13", u"2026-03-16"},
        NextCase {"weeklyOnDaysListedOutOfOrderStillGoesToTheNextDay", u"FREQ=WEEKLY;BYDAY=FR,MO", u"2026-03-10",
            u"2026-03-13"},
        NextCase {"weeklyEveryOtherWeekOnMoWeFrStaysInTheCurrentWeek", u"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR",
            u"2026-03-11", u"2026-03-13"},
        NextCase {"weeklyEveryOtherWeekOnMoWeFrSkipsAWeekAfterFriday", u"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR",
            u"2026-03-13", u"2026-03-23"},
        NextCase {"weeklyFromAnUnlistedDayCountsFromItsOwnWeek", u"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", u"2026-03-10",
            u"2026-03-11"},
        NextCase {"weeklyWeeksStartOnMondaySoSundayEndsTheWeek", u"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU", u"2026-03-15",
            u"2026-03-23"},
        NextCase {"weeklyIsoWeekSpansNewYear", u"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", u"2025-12-31", u"2026-01-01"},
        NextCase {
            "weeklyFromIsoWeek53CountsThatWeek", u"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", u"2027-01-03", u"2027-01-11"},
        // ---- MONTHLY ----
        NextCase {"monthlyKeepsTheDayOfMonth", u"FREQ=MONTHLY", u"2026-01-15", u"2026-02-15"},
        NextCase {"monthlyCrossesTheYearEnd", u"FREQ=MONTHLY", u"2025-12-15", u"2026-01-15"},
        NextCase {"monthlyOn31stSkipsMonthsWithoutIt", u"FREQ=MONTHLY", u"2026-01-31", u"2026-03-31"},
        NextCase {"monthlyOn31stSkipsApril", u"FREQ=MONTHLY", u"2026-03-31", u"2026-05-31"},
        NextCase {"monthlyOn30thSkipsFebruary", u"FREQ=MONTHLY", u"2026-01-30", u"2026-03-30"},
        NextCase {"monthlyOn29thKeepsFebruaryInALeapYear", u"FREQ=MONTHLY", u"2024-01-29", u"2024-02-29"},
        NextCase {"monthlyOn29thSkipsFebruaryInANonLeapYear", u"FREQ=MONTHLY", u"2026-01-29", u"2026-03-29"},
        NextCase {"monthlyEveryThreeMonthsSkipsAMonthWithoutTheDay", u"FREQ=MONTHLY;INTERVAL=3", u"2025-11-30",
            u"2026-05-30"},
        NextCase {"monthlyOnTheLastDayGivesFeb28", u"FREQ=MONTHLY;BYMONTHDAY=-1", u"2026-01-31", u"2026-02-28"},
        NextCase {
            "monthlyOnTheLastDayGivesFeb29InALeapYear", u"FREQ=MONTHLY;BYMONTHDAY=-1", u"2024-01-31", u"2024-02-29"},
        NextCase {"monthlyOnTheLastDayAfterFebruaryGivesThe31st", u"FREQ=MONTHLY;BYMONTHDAY=-1", u"2026-02-28",
            u"2026-03-31"},
        NextCase {"monthlyOnTheLastDayCrossesTheYearEnd", u"FREQ=MONTHLY;BYMONTHDAY=-1", u"2025-12-31", u"2026-01-31"},
        NextCase {"monthlyOnTheSecondToLastDay", u"FREQ=MONTHLY;BYMONTHDAY=-2", u"2024-01-30", u"2024-02-28"},
        NextCase {"monthlyOnThe1stAnd15thGoesToThe15th", u"FREQ=MONTHLY;BYMONTHDAY=1,15", u"2026-03-01", u"2026-03-15"},
        NextCase {"monthlyOnThe1stAnd15thGoesToNextMonthsFirst", u"FREQ=MONTHLY;BYMONTHDAY=15,1", u"2026-03-15",
            u"2026-04-01"},
        NextCase {"monthlyOnAListedDayLaterThisMonthStaysInTheMonth", u"FREQ=MONTHLY;BYMONTHDAY=20", u"2026-03-05",
            u"2026-03-20"},
        NextCase {
            "monthlyOnThe31stListedSkipsShortMonths", u"FREQ=MONTHLY;BYMONTHDAY=31", u"2026-04-15", u"2026-05-31"},
        NextCase {"monthlyEveryYearOnA30thThatFebruaryNeverHasEnds", u"FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30",
            u"2026-02-01", u""},
        NextCase {"monthlyOnTheSecondTuesday", u"FREQ=MONTHLY;BYDAY=2TU", u"2026-03-10", u"2026-04-14"},
        NextCase {"monthlyOnTheSecondTuesdayLaterThisMonth", u"FREQ=MONTHLY;BYDAY=2TU", u"2026-03-01", u"2026-03-10"},
        NextCase {"monthlyOnTheLastFriday", u"FREQ=MONTHLY;BYDAY=-1FR", u"2026-01-30", u"2026-02-27"},
        NextCase {"monthlyOnTheLastFridayCrossesTheYearEnd", u"FREQ=MONTHLY;BYDAY=-1FR", u"2025-12-26", u"2026-01-30"},
        NextCase {
            "monthlyOnTheFifthMondaySkipsMonthsWithoutOne", u"FREQ=MONTHLY;BYDAY=5MO", u"2026-03-30", u"2026-06-29"},
        NextCase {"monthlyOnTheFirstMondayAndLastFriday", u"FREQ=MONTHLY;BYDAY=1MO,-1FR", u"2026-03-02", u"2026-03-27"},
        NextCase {
            "monthlyOnEveryMondayGoesToNextMonthsFirstMonday", u"FREQ=MONTHLY;BYDAY=MO", u"2026-03-30", u"2026-04-06"},
        NextCase {
            "monthlyEveryOtherMonthOnEveryMonday", u"FREQ=MONTHLY;INTERVAL=2;BYDAY=MO", u"2026-03-30", u"2026-05-04"},
        NextCase {"monthlyOnFridayThe13th", u"FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", u"2026-03-13", u"2026-11-13"},
        // ---- YEARLY ----
        NextCase {"yearlyKeepsMonthAndDay", u"FREQ=YEARLY", u"2026-07-04", u"2027-07-04"},
        NextCase {"yearlyFromFeb29GoesToTheNextFeb29", u"FREQ=YEARLY", u"2024-02-29", u"2028-02-29"},
        NextCase {"yearlyFromFeb29SkipsACenturyThatIsNotLeap", u"FREQ=YEARLY", u"2096-02-29", u"2104-02-29"},
        NextCase {"yearlyFromFeb29KeepsA400thYear", u"FREQ=YEARLY", u"1996-02-29", u"2000-02-29"},
        NextCase {"yearlyFromFeb29EveryThreeYearsWaitsForALeapYearInStep", u"FREQ=YEARLY;INTERVAL=3", u"2024-02-29",
            u"2036-02-29"},
        NextCase {"yearlyEveryTwoYearsOnNewYearsEve", u"FREQ=YEARLY;INTERVAL=2", u"2026-12-31", u"2028-12-31"},
        NextCase {"yearlyPastYear9999HasNoNext", u"FREQ=YEARLY", u"9999-06-01", u""},
        // ---- Times of day ----
        NextCase {"aTimeOfDayIsKept", u"FREQ=MONTHLY", u"2026-01-31T18:45", u"2026-03-31T18:45"},
        NextCase {"midnightIsKeptAndNotDropped", u"FREQ=WEEKLY", u"2026-03-10T00:00", u"2026-03-17T00:00"},
        // ---- COUNT ----
        NextCase {"countCarriesOneLess", u"FREQ=DAILY;COUNT=3", u"2026-03-10", u"2026-03-11", u"FREQ=DAILY;COUNT=2"},
        NextCase {"countOfTwoLeavesTheLastOccurrence", u"FREQ=WEEKLY;COUNT=2", u"2026-03-10", u"2026-03-17",
            u"FREQ=WEEKLY;COUNT=1"},
        NextCase {"countOfOneHasNoNext", u"FREQ=DAILY;COUNT=1", u"2026-03-10", u""},
        // ---- UNTIL ----
        NextCase {"untilIncludesItsOwnDay", u"FREQ=DAILY;UNTIL=20260311", u"2026-03-10", u"2026-03-11"},
        NextCase {"untilEndsTheRuleAfterItsDay", u"FREQ=DAILY;UNTIL=20260311", u"2026-03-11", u""},
        NextCase {"untilBetweenTwoOccurrencesEndsTheRule", u"FREQ=WEEKLY;UNTIL=20260316", u"2026-03-10", u""},
        NextCase {"dateOnlyUntilTakesEveryTimeOfItsDay", u"FREQ=DAILY;UNTIL=20260311", u"2026-03-10T23:30",
            u"2026-03-11T23:30"},
        NextCase {"timedUntilTakesTheSameTime", u"FREQ=DAILY;UNTIL=20260311T090000", u"2026-03-10T09:00",
            u"2026-03-11T09:00"},
        NextCase {"timedUntilCutsALaterTimeOfItsDay", u"FREQ=DAILY;UNTIL=20260311T090000", u"2026-03-10T09:30", u""},
        NextCase {"timedUntilComparesAnUntimedOccurrenceByDate", u"FREQ=DAILY;UNTIL=20260311T090000", u"2026-03-10",
            u"2026-03-11"},
        NextCase {"utcUntilIsReadAsWallTime", u"FREQ=DAILY;UNTIL=20260311T090000Z", u"2026-03-10T09:30", u""}),
    [](const ::testing::TestParamInfo<NextCase> &row) { return std::string(row.param.name); });

// ---- nextOccurrence, beyond one step -----------------------------------------------------------

/** The dates `rule` gives after `start`, stepping nextOccurrence() up to `steps` times. */
QStringList occurrencesAfter(const Recurrence &given, const LocalDate &start, int steps)
{
    QStringList dates;
    std::optional<Occurrence> next {Occurrence {start, given}};
    for (int i = 0; i < steps; ++i) {
        next = nextOccurrence(next->rule, next->due);
        if (!next)
            break;
        dates.append(formatLocalDate(next->due));
    }
    return dates;
}

TEST(RecurrenceNextOccurrence, WeeklyEveryOtherWeekOnMoWeFrGivesThoseDaysEveryOtherWeek)
{
    // Given / When
    const QStringList dates
        = occurrencesAfter(rule(u"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR"), at(u"2025-12-29T08:15"), 7);

    // Then (2025-12-29 is the Monday of ISO week 1 of 2026)
    EXPECT_EQ(dates,
        (QStringList {u"2025-12-31T08:15"_s, u"2026-01-02T08:15"_s, u"2026-01-12T08:15"_s, u"2026-01-14T08:15"_s,
            u"2026-01-16T08:15"_s, u"2026-01-26T08:15"_s, u"2026-01-28T08:15"_s}));
}

TEST(RecurrenceNextOccurrence, MonthlyOn31stGivesOnlyTheMonthsThatHaveIt)
{
    const QStringList dates = occurrencesAfter(rule(u"FREQ=MONTHLY"), at(u"2026-01-31"), 7);

    EXPECT_EQ(dates,
        (QStringList {u"2026-03-31"_s, u"2026-05-31"_s, u"2026-07-31"_s, u"2026-08-31"_s, u"2026-10-31"_s,
            u"2026-12-31"_s, u"2027-01-31"_s}));
}

TEST(RecurrenceNextOccurrence, CountCountsDownToTheLastOccurrence)
{
    // Given a rule with three occurrences left, this one included
    const Recurrence given = rule(u"FREQ=DAILY;COUNT=3");

    // When stepped
    const auto second = nextOccurrence(given, at(u"2026-03-10"));
    ASSERT_TRUE(second.has_value());
    const auto third = nextOccurrence(second->rule, second->due);
    ASSERT_TRUE(third.has_value());

    // Then the third is the last
    EXPECT_EQ(second->rule.count, std::optional(2));
    EXPECT_EQ(third->rule.count, std::optional(1));
    EXPECT_EQ(formatLocalDate(third->due), u"2026-03-12"_s);
    EXPECT_EQ(nextOccurrence(third->rule, third->due), std::nullopt);
}

TEST(RecurrenceNextOccurrence, OnlyTheCountChangesInTheCarriedRule)
{
    // Given
    const Recurrence given
        = rule(u"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR,1MO;BYMONTHDAY=1,2,3,-1,-2,-3,-4,-5,-6,-7;COUNT=10");

    // When
    const auto next = nextOccurrence(given, at(u"2026-03-02T07:00"));

    // Then
    ASSERT_TRUE(next.has_value());
    Recurrence expected = given;
    expected.count = 9;
    EXPECT_EQ(next->rule, expected);
    EXPECT_EQ(next->due, at(u"2026-03-27T07:00"));
}

TEST(RecurrenceNextOccurrence, RulesParseRecurrenceWouldRefuseHaveNoNext)
{
    // Given rules built in code that parseRecurrence() would not give
    Recurrence zeroInterval;
    zeroInterval.interval = 0;
    Recurrence countAndUntil;
    countAndUntil.count = 3;
    countAndUntil.until = at(u"2026-12-31");
    Recurrence ordinalOnWeekly;
    ordinalOnWeekly.frequency = Recurrence::Frequency::Weekly;
    ordinalOnWeekly.byDay = {{1, Qt::Monday}};
    Recurrence badMonthDay;
    badMonthDay.frequency = Recurrence::Frequency::Monthly;
    badMonthDay.byMonthDay = {0};
    Recurrence zeroCount;
    zeroCount.count = 0;

    // When / Then
    const LocalDate today = at(u"2026-03-10");
    EXPECT_EQ(nextOccurrence(zeroInterval, today), std::nullopt);
    EXPECT_EQ(nextOccurrence(countAndUntil, today), std::nullopt);
    EXPECT_EQ(nextOccurrence(ordinalOnWeekly, today), std::nullopt);
    EXPECT_EQ(nextOccurrence(badMonthDay, today), std::nullopt);
    EXPECT_EQ(nextOccurrence(zeroCount, today), std::nullopt);
}

TEST(RecurrenceNextOccurrence, AnInvalidCurrentDateHasNoNext)
{
    EXPECT_EQ(nextOccurrence(Recurrence {}, LocalDate {}), std::nullopt);
    EXPECT_EQ(nextOccurrence(Recurrence {}, LocalDate {QDate(0, 5, 1), std::nullopt}), std::nullopt);
}

// ---- Wall-clock time across DST changes --------------------------------------------------------

/** Sets TZ for the scope of a test and restores what was there before (or its absence). */
class TimeZoneScope
{
public:
    explicit TimeZoneScope(const QByteArray &zone)
        : m_wasSet(qEnvironmentVariableIsSet("TZ"))
        , m_previous(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~TimeZoneScope()
    {
        if (m_wasSet)
            qputenv("TZ", m_previous);
        else
            qunsetenv("TZ");
        tzset();
    }
    TimeZoneScope(const TimeZoneScope &) = delete;
    TimeZoneScope &operator=(const TimeZoneScope &) = delete;
    TimeZoneScope(TimeZoneScope &&) = delete;
    TimeZoneScope &operator=(TimeZoneScope &&) = delete;

private:
    bool m_wasSet;
    QByteArray m_previous;
};

/** Seconds east of UTC of `date` at noon, local time. */
int noonOffset(QDate date)
{
    return QDateTime(date, QTime(12, 0)).offsetFromUtc();
}

TEST(RecurrenceDaylightSaving, DailyKeepsItsWallTimeWhenClocksGoForwardInBerlin)
{
    // Given Berlin, where 2026-03-29 02:00 becomes 03:00 (02:30 does not exist that day)
    const TimeZoneScope berlin("Europe/Berlin");
    if (noonOffset(QDate(2026, 3, 28)) != 3600 || noonOffset(QDate(2026, 3, 29)) != 7200)
        GTEST_SKIP() << "no Europe/Berlin time zone data on this system";

    // When a daily task at 02:30 and one at 09:00 are stepped across the change
    const Recurrence daily = rule(u"FREQ=DAILY");
    const QStringList early = occurrencesAfter(daily, at(u"2026-03-27T02:30"), 3);
    const QStringList late = occurrencesAfter(daily, at(u"2026-03-27T09:00"), 3);

    // Then both keep their time on the clock, even the hour that day skips
    EXPECT_EQ(early, (QStringList {u"2026-03-28T02:30"_s, u"2026-03-29T02:30"_s, u"2026-03-30T02:30"_s}));
    EXPECT_EQ(late, (QStringList {u"2026-03-28T09:00"_s, u"2026-03-29T09:00"_s, u"2026-03-30T09:00"_s}));
}

TEST(RecurrenceDaylightSaving, DailyKeepsItsWallTimeWhenClocksGoBackInBerlin)
{
    // Given Berlin, where 2026-10-25 03:00 becomes 02:00 (02:30 happens twice that day)
    const TimeZoneScope berlin("Europe/Berlin");
    if (noonOffset(QDate(2026, 10, 24)) != 7200 || noonOffset(QDate(2026, 10, 25)) != 3600)
        GTEST_SKIP() << "no Europe/Berlin time zone data on this system";

    // When
    const Recurrence daily = rule(u"FREQ=DAILY");
    const QStringList early = occurrencesAfter(daily, at(u"2026-10-23T02:30"), 3);
    const QStringList late = occurrencesAfter(daily, at(u"2026-10-23T09:00"), 3);

    // Then
    EXPECT_EQ(early, (QStringList {u"2026-10-24T02:30"_s, u"2026-10-25T02:30"_s, u"2026-10-26T02:30"_s}));
    EXPECT_EQ(late, (QStringList {u"2026-10-24T09:00"_s, u"2026-10-25T09:00"_s, u"2026-10-26T09:00"_s}));
}

TEST(RecurrenceDaylightSaving, TheTimeZoneIsRestoredAfterwards)
{
    // Given the zone before
    const bool wasSet = qEnvironmentVariableIsSet("TZ");
    const QByteArray before = qgetenv("TZ");

    // When a scope sets and leaves another
    {
        const TimeZoneScope tokyo("Asia/Tokyo");
        EXPECT_EQ(qgetenv("TZ"), QByteArray("Asia/Tokyo"));
    }

    // Then
    EXPECT_EQ(qEnvironmentVariableIsSet("TZ"), wasSet);
    EXPECT_EQ(qgetenv("TZ"), before);
}

// ---- parseRecurrence ---------------------------------------------------------------------------

TEST(RecurrenceParse, ReadsEveryPart)
{
    // Given / When
    ASSERT_OK_AND_ASSIGN(const Recurrence parsed,
        parseRecurrence(u"FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR,2TU,MO;BYMONTHDAY=1,-1;COUNT=12"));

    // Then
    EXPECT_EQ(parsed.frequency, Recurrence::Frequency::Monthly);
    EXPECT_EQ(parsed.interval, 3);
    EXPECT_EQ(parsed.byDay, (QList<Recurrence::WeekdayNum> {{-1, Qt::Friday}, {2, Qt::Tuesday}, {0, Qt::Monday}}));
    EXPECT_EQ(parsed.byMonthDay, (QList<int> {1, -1}));
    EXPECT_EQ(parsed.count, std::optional(12));
    EXPECT_EQ(parsed.until, std::nullopt);
}

TEST(RecurrenceParse, DefaultsToEveryPeriodWithNoEnd)
{
    ASSERT_OK_AND_ASSIGN(const Recurrence parsed, parseRecurrence(u"FREQ=YEARLY"));

    Recurrence expected;
    expected.frequency = Recurrence::Frequency::Yearly;
    EXPECT_EQ(parsed, expected);
}

TEST(RecurrenceParse, AcceptsTheRrulePrefixAndAnyCase)
{
    ASSERT_OK_AND_ASSIGN(const Recurrence parsed, parseRecurrence(u"rrule:freq=weekly;Interval=2;byday=mo,Fr"));

    EXPECT_EQ(parsed, rule(u"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR"));
}

TEST(RecurrenceParse, IgnoresSurroundingWhitespace)
{
    ASSERT_OK_AND_ASSIGN(const Recurrence parsed, parseRecurrence(u"  RRULE:FREQ=DAILY;COUNT=2\n"));

    EXPECT_EQ(parsed, rule(u"FREQ=DAILY;COUNT=2"));
}

TEST(RecurrenceParse, ReadsUntilAsADateOrAWallClockDateTime)
{
    ASSERT_OK_AND_ASSIGN(const Recurrence day, parseRecurrence(u"FREQ=DAILY;UNTIL=20261231"));
    ASSERT_OK_AND_ASSIGN(const Recurrence local, parseRecurrence(u"FREQ=DAILY;UNTIL=20261231T173000"));
    ASSERT_OK_AND_ASSIGN(const Recurrence utc, parseRecurrence(u"FREQ=DAILY;UNTIL=20261231T173000Z"));

    EXPECT_EQ(day.until, std::optional(LocalDate {QDate(2026, 12, 31), std::nullopt}));
    EXPECT_EQ(local.until, std::optional(LocalDate {QDate(2026, 12, 31), QTime(17, 30)}));
    // The Z form is taken as the same wall time, not converted (see parseRecurrence())
    EXPECT_EQ(utc.until, local.until);
}

TEST(RecurrenceParse, DropsTheSecondsOfUntil)
{
    ASSERT_OK_AND_ASSIGN(const Recurrence parsed, parseRecurrence(u"FREQ=DAILY;UNTIL=20261231T235959Z"));

    EXPECT_EQ(parsed.until, std::optional(LocalDate {QDate(2026, 12, 31), QTime(23, 59)}));
}

TEST(RecurrenceParse, AcceptsTheLimitsOfEachNumber)
{
    EXPECT_OK(parseRecurrence(u"FREQ=DAILY;INTERVAL=999;COUNT=999999"));
    EXPECT_OK(parseRecurrence(u"FREQ=DAILY;INTERVAL=1;COUNT=1"));
    EXPECT_OK(parseRecurrence(u"FREQ=MONTHLY;BYMONTHDAY=31,-31,+1"));
    EXPECT_OK(parseRecurrence(u"FREQ=MONTHLY;BYDAY=5MO,-5SU,+1TU"));
    EXPECT_OK(parseRecurrence(u"FREQ=DAILY;UNTIL=99991231T235960"));
}

TEST(RecurrenceParse, AcceptsWeekStartMondayOnly)
{
    ASSERT_OK_AND_ASSIGN(const Recurrence parsed, parseRecurrence(u"FREQ=WEEKLY;WKST=MO;BYDAY=TU"));

    EXPECT_EQ(parsed, rule(u"FREQ=WEEKLY;BYDAY=TU"));
}

TEST(RecurrenceParse, RejectsTextLongerThan1000Characters)
{
    // Given a rule that is valid but for its length
    QString text = u"FREQ=DAILY;COUNT=1"_s;
    const QString padded = text + QString(1000 - text.size(), u' ');
    text += QString(1001 - text.size(), u' ');

    // When / Then
    EXPECT_OK(parseRecurrence(padded));
    EXPECT_ERROR(parseRecurrence(text), ErrorCode::InvalidArgument,
        u"recurrence: the rule is too long (at most 1000 characters)"_s);
}

struct ErrorCase {
    const char *name;
    const char16_t *text;
    const char16_t *message;
};

void PrintTo(const ErrorCase &c, std::ostream *os)
{
    *os << c.name;
}

class RecurrenceErrors : public ::testing::TestWithParam<ErrorCase>
{
};

TEST_P(RecurrenceErrors, NameThePartThatIsWrong)
{
    const ErrorCase &c = GetParam();

    EXPECT_ERROR(parseRecurrence(c.text), ErrorCode::InvalidArgument, QStringView(c.message).toString());
}

INSTANTIATE_TEST_SUITE_P(Recurrence, RecurrenceErrors,
    ::testing::Values(
        // ---- The text as a whole ----
        ErrorCase {"emptyText", u"", u"recurrence: the rule is empty; it needs at least FREQ (like FREQ=WEEKLY)"},
        ErrorCase {"blankText", u"  \t ", u"recurrence: the rule is empty; it needs at least FREQ (like FREQ=WEEKLY)"},
        ErrorCase {
            "onlyThePrefix", u"RRULE:", u"recurrence: the rule is empty; it needs at least FREQ (like FREQ=WEEKLY)"},
        ErrorCase {
            "partWithoutEquals", u"FREQ", u"recurrence: each part must be KEY=VALUE, separated by ';'; got 'FREQ'"},
        ErrorCase {
            "partWithoutValue", u"FREQ=", u"recurrence: each part must be KEY=VALUE, separated by ';'; got 'FREQ='"},
        ErrorCase {
            "partWithoutKey", u"=DAILY", u"recurrence: each part must be KEY=VALUE, separated by ';'; got '=DAILY'"},
        ErrorCase {
            "trailingSemicolon", u"FREQ=DAILY;", u"recurrence: each part must be KEY=VALUE, separated by ';'; got ''"},
        ErrorCase {"emptyPartInTheMiddle", u"FREQ=DAILY;;COUNT=2",
            u"recurrence: each part must be KEY=VALUE, separated by ';'; got ''"},
        ErrorCase {"partsSeparatedByCommas", u"FREQ=DAILY,COUNT=2",
            u"recurrence: FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY; got 'DAILY,COUNT=2'"},
        ErrorCase {"spaceAroundEquals", u"FREQ =DAILY",
            u"recurrence: unknown part 'FREQ ' (supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)"},
        ErrorCase {"unknownPart", u"FREQ=DAILY;COLOR=RED",
            u"recurrence: unknown part 'COLOR' (supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)"},
        ErrorCase {"bySetPos", u"FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1",
            u"recurrence: BYSETPOS is not supported (supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)"},
        ErrorCase {"byMonth", u"FREQ=YEARLY;bymonth=3",
            u"recurrence: BYMONTH is not supported (supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)"},
        ErrorCase {"byHour", u"FREQ=DAILY;BYHOUR=9",
            u"recurrence: BYHOUR is not supported (supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)"},
        ErrorCase {"byWeekNo", u"FREQ=YEARLY;BYWEEKNO=20",
            u"recurrence: BYWEEKNO is not supported (supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)"},
        ErrorCase {"byYearDay", u"FREQ=YEARLY;BYYEARDAY=100",
            u"recurrence: BYYEARDAY is not supported (supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)"},
        // ---- FREQ ----
        ErrorCase {
            "missingFrequency", u"INTERVAL=2", u"recurrence: FREQ is required (one of DAILY, WEEKLY, MONTHLY, YEARLY)"},
        ErrorCase {"hourlyFrequency", u"FREQ=HOURLY",
            u"recurrence: FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY; got 'HOURLY'"},
        ErrorCase {"frequencyTwice", u"FREQ=DAILY;FREQ=WEEKLY", u"recurrence: FREQ is given twice"},
        ErrorCase {"frequencyTwiceInAnotherCase", u"FREQ=DAILY;freq=DAILY", u"recurrence: FREQ is given twice"},
        // ---- INTERVAL ----
        ErrorCase {"intervalZero", u"FREQ=DAILY;INTERVAL=0",
            u"recurrence: INTERVAL must be a whole number from 1 to 999; got '0'"},
        ErrorCase {"intervalAbove999", u"FREQ=DAILY;INTERVAL=1000",
            u"recurrence: INTERVAL must be a whole number from 1 to 999; got '1000'"},
        ErrorCase {"intervalNegative", u"FREQ=DAILY;INTERVAL=-1",
            u"recurrence: INTERVAL must be a whole number from 1 to 999; got '-1'"},
        ErrorCase {"intervalWithASign", u"FREQ=DAILY;INTERVAL=+2",
            u"recurrence: INTERVAL must be a whole number from 1 to 999; got '+2'"},
        ErrorCase {"intervalThatOverflows", u"FREQ=DAILY;INTERVAL=99999999999999999999",
            u"recurrence: INTERVAL must be a whole number from 1 to 999; got '99999999999999999999'"},
        ErrorCase {"intervalInWords", u"FREQ=DAILY;INTERVAL=two",
            u"recurrence: INTERVAL must be a whole number from 1 to 999; got 'two'"},
        ErrorCase {"intervalTwice", u"FREQ=DAILY;INTERVAL=2;INTERVAL=2", u"recurrence: INTERVAL is given twice"},
        // ---- COUNT ----
        ErrorCase {
            "countZero", u"FREQ=DAILY;COUNT=0", u"recurrence: COUNT must be a whole number from 1 to 999999; got '0'"},
        ErrorCase {"countAboveTheLimit", u"FREQ=DAILY;COUNT=1000000",
            u"recurrence: COUNT must be a whole number from 1 to 999999; got '1000000'"},
        ErrorCase {"countNotWhole", u"FREQ=DAILY;COUNT=1.5",
            u"recurrence: COUNT must be a whole number from 1 to 999999; got '1.5'"},
        ErrorCase {"countTwice", u"FREQ=DAILY;COUNT=2;COUNT=3", u"recurrence: COUNT is given twice"},
        ErrorCase {
            "countAndUntil", u"FREQ=DAILY;COUNT=2;UNTIL=20261231", u"recurrence: COUNT and UNTIL cannot both be given"},
        // ---- BYDAY ----
        ErrorCase {"byDayUnknownDay", u"FREQ=WEEKLY;BYDAY=XX", u"recurrence: BYDAY has an invalid day 'XX'"},
        ErrorCase {"byDayFullName", u"FREQ=WEEKLY;BYDAY=MONDAY", u"recurrence: BYDAY has an invalid day 'MONDAY'"},
        ErrorCase {"byDayEmptyEntry", u"FREQ=WEEKLY;BYDAY=MO,,TU", u"recurrence: BYDAY has an invalid day ''"},
        ErrorCase {"byDayOneLetter", u"FREQ=WEEKLY;BYDAY=M", u"recurrence: BYDAY has an invalid day 'M'"},
        ErrorCase {"byDayBadNumber", u"FREQ=MONTHLY;BYDAY=XMO", u"recurrence: BYDAY has an invalid day 'XMO'"},
        ErrorCase {"byDayOrdinalZero", u"FREQ=MONTHLY;BYDAY=0MO",
            u"recurrence: BYDAY has an invalid number in '0MO' (use 1 to 5 or -1 to -5, like 2TU or -1FR)"},
        ErrorCase {"byDayOrdinalSix", u"FREQ=MONTHLY;BYDAY=6MO",
            u"recurrence: BYDAY has an invalid number in '6MO' (use 1 to 5 or -1 to -5, like 2TU or -1FR)"},
        ErrorCase {"byDayOrdinalMinusSix", u"FREQ=MONTHLY;BYDAY=-6FR",
            u"recurrence: BYDAY has an invalid number in '-6FR' (use 1 to 5 or -1 to -5, like 2TU or -1FR)"},
        ErrorCase {"byDayOrdinalOfAYear", u"FREQ=MONTHLY;BYDAY=20MO",
            u"recurrence: BYDAY has an invalid number in '20MO' (use 1 to 5 or -1 to -5, like 2TU or -1FR)"},
        ErrorCase {"byDayRepeated", u"FREQ=WEEKLY;BYDAY=MO,TU,mo", u"recurrence: BYDAY lists 'mo' twice"},
        ErrorCase {"byDayNumberOnWeekly", u"FREQ=WEEKLY;BYDAY=1MO",
            u"recurrence: BYDAY with a number (like 1MO) needs FREQ=MONTHLY"},
        ErrorCase {"byDayNumberOnDaily", u"FREQ=DAILY;BYDAY=MO,-1FR",
            u"recurrence: BYDAY with a number (like 1MO) needs FREQ=MONTHLY"},
        ErrorCase {"byDayOnYearly", u"FREQ=YEARLY;BYDAY=MO", u"recurrence: BYDAY with FREQ=YEARLY is not supported"},
        ErrorCase {"byDayTwice", u"FREQ=WEEKLY;BYDAY=MO;BYDAY=TU", u"recurrence: BYDAY is given twice"},
        // ---- BYMONTHDAY ----
        ErrorCase {"byMonthDayZero", u"FREQ=MONTHLY;BYMONTHDAY=0",
            u"recurrence: BYMONTHDAY must list days from 1 to 31 or -1 to -31; got '0'"},
        ErrorCase {"byMonthDay32", u"FREQ=MONTHLY;BYMONTHDAY=1,32",
            u"recurrence: BYMONTHDAY must list days from 1 to 31 or -1 to -31; got '32'"},
        ErrorCase {"byMonthDayMinus32", u"FREQ=MONTHLY;BYMONTHDAY=-32",
            u"recurrence: BYMONTHDAY must list days from 1 to 31 or -1 to -31; got '-32'"},
        ErrorCase {"byMonthDayNotANumber", u"FREQ=MONTHLY;BYMONTHDAY=last",
            u"recurrence: BYMONTHDAY must list days from 1 to 31 or -1 to -31; got 'last'"},
        ErrorCase {"byMonthDayEmptyEntry", u"FREQ=MONTHLY;BYMONTHDAY=1,",
            u"recurrence: BYMONTHDAY must list days from 1 to 31 or -1 to -31; got ''"},
        ErrorCase {"byMonthDayRepeated", u"FREQ=MONTHLY;BYMONTHDAY=1,+1", u"recurrence: BYMONTHDAY lists '+1' twice"},
        ErrorCase {"byMonthDayOnWeekly", u"FREQ=WEEKLY;BYMONTHDAY=1", u"recurrence: BYMONTHDAY needs FREQ=MONTHLY"},
        ErrorCase {"byMonthDayOnDaily", u"FREQ=DAILY;BYMONTHDAY=1", u"recurrence: BYMONTHDAY needs FREQ=MONTHLY"},
        ErrorCase {"byMonthDayOnYearly", u"FREQ=YEARLY;BYMONTHDAY=1",
            u"recurrence: BYMONTHDAY with FREQ=YEARLY is not supported (use FREQ=MONTHLY;INTERVAL=12)"},
        // ---- UNTIL ----
        ErrorCase {"untilWithDashes", u"FREQ=DAILY;UNTIL=2026-12-31",
            u"recurrence: UNTIL must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS (optionally ending in Z); got "
            u"'2026-12-31'"},
        ErrorCase {"untilNotARealDay", u"FREQ=DAILY;UNTIL=20260230",
            u"recurrence: UNTIL must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS (optionally ending in Z); got "
            u"'20260230'"},
        ErrorCase {"untilInYearZero", u"FREQ=DAILY;UNTIL=00001231",
            u"recurrence: UNTIL must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS (optionally ending in Z); got "
            u"'00001231'"},
        ErrorCase {"untilWithoutSeconds", u"FREQ=DAILY;UNTIL=20261231T0900",
            u"recurrence: UNTIL must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS (optionally ending in Z); got "
            u"'20261231T0900'"},
        ErrorCase {"untilHour25", u"FREQ=DAILY;UNTIL=20261231T250000",
            u"recurrence: UNTIL must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS (optionally ending in Z); got "
            u"'20261231T250000'"},
        ErrorCase {"untilWithAnOffset", u"FREQ=DAILY;UNTIL=20261231T090000+0100",
            u"recurrence: UNTIL must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS (optionally ending in Z); got "
            u"'20261231T090000+0100'"},
        ErrorCase {"untilWithoutT", u"FREQ=DAILY;UNTIL=20261231 090000",
            u"recurrence: UNTIL must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS (optionally ending in Z); got "
            u"'20261231 090000'"},
        ErrorCase {"dateOnlyUntilWithZ", u"FREQ=DAILY;UNTIL=20261231Z",
            u"recurrence: UNTIL must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS (optionally ending in Z); got "
            u"'20261231Z'"},
        ErrorCase {"untilTwice", u"FREQ=DAILY;UNTIL=20261231;UNTIL=20261231", u"recurrence: UNTIL is given twice"},
        // ---- WKST ----
        ErrorCase {"weekStartSunday", u"FREQ=WEEKLY;WKST=SU",
            u"recurrence: WKST must be MO (weeks start on Monday); got 'SU'"}),
    [](const ::testing::TestParamInfo<ErrorCase> &row) { return std::string(row.param.name); });

// ---- formatRecurrence --------------------------------------------------------------------------

TEST(RecurrenceFormat, WritesThePartsInCanonicalOrderAndCase)
{
    // Given a rule written in another order, case and spelling
    ASSERT_OK_AND_ASSIGN(const Recurrence parsed,
        parseRecurrence(u"rrule:count=5;bymonthday=1,-1;byday=+2tu,fr;interval=1;freq=monthly"));

    // When / Then
    EXPECT_EQ(formatRecurrence(parsed), u"FREQ=MONTHLY;BYDAY=2TU,FR;BYMONTHDAY=1,-1;COUNT=5"_s);
}

TEST(RecurrenceFormat, WritesIntervalOnlyAboveOne)
{
    Recurrence weekly;
    weekly.frequency = Recurrence::Frequency::Weekly;
    EXPECT_EQ(formatRecurrence(weekly), u"FREQ=WEEKLY"_s);
    weekly.interval = 2;
    EXPECT_EQ(formatRecurrence(weekly), u"FREQ=WEEKLY;INTERVAL=2"_s);
}

TEST(RecurrenceFormat, WritesUntilAsADateOrALocalDateTimeWithSeconds)
{
    Recurrence daily;
    daily.until = LocalDate {QDate(2026, 12, 31), std::nullopt};
    EXPECT_EQ(formatRecurrence(daily), u"FREQ=DAILY;UNTIL=20261231"_s);
    daily.until = LocalDate {QDate(2026, 1, 2), QTime(7, 5)};
    EXPECT_EQ(formatRecurrence(daily), u"FREQ=DAILY;UNTIL=20260102T070500"_s);
}

TEST(RecurrenceFormat, RoundTripsThroughParse)
{
    // Given rules in many shapes
    const QStringList texts {
        u"FREQ=DAILY"_s,
        u"FREQ=DAILY;INTERVAL=999;COUNT=999999"_s,
        u"FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"_s,
        u"FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;UNTIL=20270101T235900"_s,
        u"FREQ=MONTHLY;BYDAY=-1FR,2TU,5SU,WE"_s,
        u"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-31,-1,1,31"_s,
        u"FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=4"_s,
        u"FREQ=YEARLY;INTERVAL=4;UNTIL=99991231"_s,
    };

    for (const QString &text : texts) {
        // When parsed and written back
        ASSERT_OK_AND_ASSIGN(const Recurrence parsed, parseRecurrence(text));
        const QString formatted = formatRecurrence(parsed);

        // Then the canonical text is unchanged, and reads back as the same rule
        EXPECT_EQ(formatted, text);
        ASSERT_OK_AND_ASSIGN(const Recurrence reparsed, parseRecurrence(formatted));
        EXPECT_EQ(reparsed, parsed) << text.toStdString();
    }
}

TEST(RecurrenceFormat, RoundTripsNonCanonicalInputToTheSameRule)
{
    // Given rules that are not in canonical form
    const QStringList texts {
        u"RRULE:FREQ=DAILY;INTERVAL=1"_s,
        u"freq=weekly;wkst=mo;byday=fr,mo"_s,
        u"FREQ=MONTHLY;BYDAY=+1MO;BYMONTHDAY=+5"_s,
        u"FREQ=DAILY;UNTIL=20261231T235959Z"_s,
    };

    for (const QString &text : texts) {
        ASSERT_OK_AND_ASSIGN(const Recurrence parsed, parseRecurrence(text));
        ASSERT_OK_AND_ASSIGN(const Recurrence reparsed, parseRecurrence(formatRecurrence(parsed)));
        EXPECT_EQ(reparsed, parsed) << text.toStdString();
    }
}

} // namespace
