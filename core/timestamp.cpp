// SPDX-License-Identifier: MIT
#include "timestamp.h"

#include <algorithm>

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

QString formatTimestamp(const QDateTime &timestamp)
{
    return timestamp.toUTC().toString(Qt::ISODateWithMs);
}

namespace {

/**
 * The form formatTimestamp() writes, "YYYY-MM-DDTHH:MM:SS.mmmZ", parsed without QDateTime's
 * general parser (which dominated large listings); anything else goes through parseTimestamp().
 */
std::optional<QDateTime> parseCanonicalTimestamp(QStringView text)
{
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':'
        || text[16] != u':' || text[19] != u'.' || text[23] != u'Z')
        return std::nullopt;
    bool valid = true;
    const auto number = [&](qsizetype from, qsizetype length) {
        int value = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const char16_t c = text[i].unicode();
            valid = valid && c >= u'0' && c <= u'9';
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    const int hour = number(11, 2);
    const int minute = number(14, 2);
    const int second = number(17, 2);
    const int msec = number(20, 3);
    if (!valid || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
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

std::optional<QDateTime> parseTimestamp(const QString &text)
{
    if (auto fast = parseCanonicalTimestamp(text))
        return fast;
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toUTC();
}

} // namespace quire::core
