// SPDX-License-Identifier: MIT
#include <quire/core/timestamp.h>

#include "ascii_digits.h"

#include <algorithm>
#include <array>
#include <type_traits>

namespace quire::core {

QDateTime currentTimestamp()
{
    // currentDateTimeUtc() already has millisecond resolution; round-tripping through text must be lossless.
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
}

QDateTime nextUpdateTimestamp(const QDateTime &previous)
{
    return std::max(currentTimestamp(), previous.addMSecs(1));
}

namespace {

/**
 * "YYYY-MM-DDTHH:MM:SS.mmmZ" for years 0 to 9999 (H. Hinnant's civil_from_days), what
 * Qt::ISODateWithMs writes for them, at a fraction of its cost; nullopt outside that range.
 */
std::optional<std::array<char, 24>> canonicalTimestamp(const QDateTime &timestamp)
{
    if (!timestamp.isValid())
        return std::nullopt;
    const qint64 msecs = timestamp.toMSecsSinceEpoch();
    constexpr qint64 msecsPerDay = 86'400'000;
    const qint64 days = msecs >= 0 ? msecs / msecsPerDay : -((-msecs + msecsPerDay - 1) / msecsPerDay);
    const qint64 ofDay = msecs - days * msecsPerDay;
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return std::nullopt;
    std::array<char, 24> text {};
    const auto put = [&](std::size_t at, qint64 value, std::size_t digits) {
        for (std::size_t i = digits; i > 0; --i, value /= 10)
            text[at + i - 1] = static_cast<char>('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, ofDay / 3'600'000, 2);
    text[13] = ':';
    put(14, ofDay / 60'000 % 60, 2);
    text[16] = ':';
    put(17, ofDay / 1000 % 60, 2);
    text[19] = '.';
    put(20, ofDay % 1000, 3);
    text[23] = 'Z';
    return text;
}

} // namespace

QString formatTimestamp(const QDateTime &timestamp)
{
    if (const auto text = canonicalTimestamp(timestamp))
        return QString::fromLatin1(text->data(), static_cast<qsizetype>(text->size()));
    return timestamp.toUTC().toString(Qt::ISODateWithMs);
}

void appendTimestamp(QByteArray &utf8, const QDateTime &timestamp)
{
    if (const auto text = canonicalTimestamp(timestamp))
        utf8.append(text->data(), static_cast<qsizetype>(text->size()));
    else
        utf8.append(formatTimestamp(timestamp).toUtf8());
}

namespace {

/**
 * The form formatTimestamp() writes, "YYYY-MM-DDTHH:MM:SS.mmmZ", parsed without QDateTime's
 * general parser (which dominated large listings); anything else goes through parseTimestamp().
 */
template<class View>
std::optional<QDateTime> parseCanonicalTimestamp(View text)
{
    const auto at = [&](qsizetype i) { return detail::asciiAt(text, i); };
    const auto number = [&](qsizetype from, qsizetype length) { return detail::fixedDigits(text, from, length); };
    if (text.size() != 24 || at(4) != u'-' || at(7) != u'-' || at(10) != u'T' || at(13) != u':' || at(16) != u':'
        || at(19) != u'.' || at(23) != u'Z')
        return std::nullopt;
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    const int hour = number(11, 2);
    const int minute = number(14, 2);
    const int second = number(17, 2);
    const int msec = number(20, 3);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || msec < 0)
        return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int daysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > daysIn[month - 1] + (month == 2 && leap ? 1 : 0))
        return std::nullopt;
    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const qint64 days = qint64(era) * 146097 + dayOfEra - 719468;
    const qint64 msecs = ((days * 24 + hour) * 60 + minute) * 60'000 + qint64 {second} * 1000 + msec;
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

} // namespace

std::optional<QDateTime> parseTimestamp(QAnyStringView text)
{
    if (auto fast = text.visit([](auto view) { return parseCanonicalTimestamp(view); }))
        return fast;
    const QDateTime parsed = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toUTC();
}

} // namespace quire::core
