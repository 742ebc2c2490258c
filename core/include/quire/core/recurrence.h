// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/core/local_date.h>

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace quire::core {

/**
 * @brief A repeating task's rule: the subset of an RFC 5545 RRULE that a to-do list needs, kept as
 * values so that a task carries it and hands it on (COUNT one less) to the next occurrence.
 * Weeks start on Monday (WKST=MO). Only rules parseRecurrence() accepts are meaningful; for any
 * other, nextOccurrence() gives nullopt.
 */
struct Recurrence {
    enum class Frequency { Daily, Weekly, Monthly, Yearly };

    /** @brief One BYDAY entry: "MO" (ordinal 0), or "2TU" / "-1FR" within the month (MONTHLY only). */
    struct WeekdayNum {
        int ordinal = 0; ///< 0 = every such day; 1..5 or -1..-5 = that one of the month (MONTHLY only).
        Qt::DayOfWeek day = Qt::Monday;

        friend bool operator==(const WeekdayNum &, const WeekdayNum &) = default;
    };

    Frequency frequency = Frequency::Daily;
    int interval = 1; ///< INTERVAL, 1..999.
    QList<WeekdayNum> byDay; ///< BYDAY, in the order given, no repeats.
    QList<int> byMonthDay; ///< BYMONTHDAY, 1..31 or -1..-31 (-1 = the last day), no repeats; MONTHLY only.
    std::optional<int> count; ///< COUNT: occurrences left, this one included (1..999999).
    std::optional<LocalDate> until; ///< UNTIL, inclusive; a date-only UNTIL compares by date.

    friend bool operator==(const Recurrence &, const Recurrence &) = default;
};

/**
 * @brief Parses RRULE text such as "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"; an optional leading "RRULE:"
 * is accepted, and keys and values are case-insensitive. Anything outside the supported subset is
 * an ErrorCode::InvalidArgument error naming the part ("recurrence: INTERVAL must be ..."), so a
 * rule is never half-understood. Simplifications: UNTIL's "Z" form is read as that wall time (no
 * zone conversion, as every LocalDate is wall time) and its seconds are dropped (occurrences fall
 * on whole minutes, so this changes no result); WKST is accepted only as MO, and then not kept.
 */
[[nodiscard]] Result<Recurrence> parseRecurrence(QStringView text);

/**
 * @brief Canonical text: FREQ, INTERVAL (only when > 1), BYDAY, BYMONTHDAY, COUNT, UNTIL
 * (YYYYMMDD or YYYYMMDDTHHMMSS), in that order, upper case, no "RRULE:" prefix;
 * parseRecurrence(formatRecurrence(r)) == r for every rule parseRecurrence() gives.
 */
[[nodiscard]] QString formatRecurrence(const Recurrence &rule);

/** @brief The next occurrence of a repeating task: when it is due and the rule it carries on. */
struct Occurrence {
    LocalDate due;
    Recurrence rule;

    friend bool operator==(const Occurrence &, const Occurrence &) = default;
};

/**
 * @brief The occurrence after the one due `current`: the first day strictly after `current.date`
 * that `rule` produces, counting INTERVAL from `current`'s own period (its day, its Monday-based
 * ISO week, its month or its year), at `current`'s wall-clock time; and the rule it carries (COUNT
 * one less). Dates that do not exist are skipped, not clamped (monthly on the 31st goes from Jan 31
 * to Mar 31). nullopt when the rule has ended (COUNT 1, or the next date is after UNTIL), when
 * no later date exists up to year 9999, or when `rule` or `current` is not valid.
 */
[[nodiscard]] std::optional<Occurrence> nextOccurrence(const Recurrence &rule, const LocalDate &current);

} // namespace quire::core
