// SPDX-License-Identifier: MIT
#pragma once

#include <QAnyStringView>
#include <QDate>
#include <QString>
#include <QTime>

#include <optional>

namespace quire::core {

/**
 * @brief A calendar day, optionally with a wall-clock time (minutes), in no time zone: the user's
 * local time wherever they are. A task due "2026-03-29 09:00" is due at 09:00 on the clock on the
 * wall, so nothing here converts to or from UTC and a DST change never moves it.
 */
struct LocalDate {
    QDate date;
    std::optional<QTime> time; ///< Whole minutes: seconds and milliseconds are always 0.

    friend bool operator==(const LocalDate &, const LocalDate &) = default;
};

/**
 * @brief Strict: exactly "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (24 h), a real date (years 0001-9999)
 * and a real time; nullopt otherwise (no spaces, no seconds, no zone), so that every stored or
 * received value has exactly one spelling and text comparisons stay date comparisons.
 */
[[nodiscard]] std::optional<LocalDate> parseLocalDate(QAnyStringView text);

/**
 * @brief The text parseLocalDate() reads. As text these sort in time order, a day before the timed
 * entries of the same day, so storage can order and range-filter them as plain strings. Seconds of
 * `value.time` are dropped; a date parseLocalDate() cannot give (invalid, or a year outside
 * 1-9999) formats as an empty string.
 */
[[nodiscard]] QString formatLocalDate(const LocalDate &value);

/**
 * @brief "YYYY-MM-DD" of the day after `day`: the exclusive upper bound of "due on or before
 * `day`" as a text range (`due < formatDayAfter(day)` takes the timed entries of `day` too).
 * For 9999-12-31, the last day parseLocalDate() accepts, it is "9999-12-32", which still sorts
 * after every text of that day; an invalid `day` gives an empty string.
 */
[[nodiscard]] QString formatDayAfter(QDate day);

} // namespace quire::core
