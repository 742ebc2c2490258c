// SPDX-License-Identifier: MIT
#include <quire/core/local_date.h>

#include "ascii_digits.h"

#include <array>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

constexpr qsizetype dateLength = 10; // "YYYY-MM-DD"
constexpr qsizetype dateTimeLength = 16; // "YYYY-MM-DDTHH:MM"
constexpr int lastYear = 9999;

/** The one parser behind every view type QAnyStringView can hold (UTF-8, Latin-1, UTF-16). */
template<class View>
std::optional<LocalDate> parseLocalDateView(View text)
{
    const auto at = [&](qsizetype i) { return detail::asciiAt(text, i); };
    const auto number = [&](qsizetype from, qsizetype length) { return detail::fixedDigits(text, from, length); };
    const qsizetype size = text.size();
    if ((size != dateLength && size != dateTimeLength) || at(4) != u'-' || at(7) != u'-')
        return std::nullopt;
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    if (year < 1 || !QDate::isValid(year, month, day))
        return std::nullopt;
    LocalDate parsed {QDate(year, month, day), std::nullopt};
    if (size == dateTimeLength) {
        const int hour = number(11, 2);
        const int minute = number(14, 2);
        if (at(10) != u'T' || at(13) != u':' || hour < 0 || hour > 23 || minute < 0 || minute > 59)
            return std::nullopt;
        parsed.time = QTime(hour, minute);
    }
    return parsed;
}

} // namespace

std::optional<LocalDate> parseLocalDate(QAnyStringView text)
{
    return text.visit([](auto view) { return parseLocalDateView(view); });
}

QString formatLocalDate(const LocalDate &value)
{
    if (!value.date.isValid() || value.date.year() < 1 || value.date.year() > lastYear)
        return {};
    std::array<char16_t, dateTimeLength> text {};
    const auto put = [&](std::size_t at, int number, std::size_t digits) {
        for (std::size_t i = digits; i > 0; --i, number /= 10)
            text.at(at + i - 1) = static_cast<char16_t>(u'0' + number % 10);
    };
    put(0, value.date.year(), 4);
    text[4] = u'-';
    put(5, value.date.month(), 2);
    text[7] = u'-';
    put(8, value.date.day(), 2);
    qsizetype length = dateLength;
    if (value.time && value.time->isValid()) {
        text[10] = u'T';
        put(11, value.time->hour(), 2);
        text[13] = u':';
        put(14, value.time->minute(), 2);
        length = dateTimeLength;
    }
    return QStringView(text.data(), length).toString();
}

QString formatDayAfter(QDate day)
{
    if (!day.isValid())
        return {};
    if (day == QDate(lastYear, 12, 31))
        return u"9999-12-32"_s;
    return formatLocalDate(LocalDate {day.addDays(1), std::nullopt});
}

} // namespace quire::core
