// SPDX-License-Identifier: MIT
#include <quire/core/recurrence.h>

#include <array>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

using Frequency = Recurrence::Frequency;
using WeekdayNum = Recurrence::WeekdayNum;

constexpr qsizetype maxTextLength = 1000;
constexpr int maxInterval = 999;
constexpr int maxCount = 999'999;
constexpr int maxOrdinal = 5;
constexpr int maxMonthDay = 31;
constexpr int lastYear = 9999;

/**
 * How many periods nextOccurrence() looks through before it gives up. 4800 months are 400 years,
 * after which the Gregorian calendar (month lengths and weekdays) repeats; days repeat their weekday
 * after 7 periods and weeks always match. So a rule that finds nothing in 4800 periods never will:
 * the cap only stops endless searches, it never cuts a real occurrence off.
 */
constexpr int maxPeriods = 4800;

constexpr std::array<QStringView, 4> frequencyNames {u"DAILY", u"WEEKLY", u"MONTHLY", u"YEARLY"};
/** Indexed by Qt::DayOfWeek - 1 (Monday first). */
constexpr std::array<QStringView, 7> dayNames {u"MO", u"TU", u"WE", u"TH", u"FR", u"SA", u"SU"};

enum class Part { Freq, Interval, ByDay, ByMonthDay, Count, Until, Wkst };

struct PartName {
    QStringView name;
    Part part;
};

constexpr std::array<PartName, 7> partNames {{
    {u"FREQ", Part::Freq},
    {u"INTERVAL", Part::Interval},
    {u"BYDAY", Part::ByDay},
    {u"BYMONTHDAY", Part::ByMonthDay},
    {u"COUNT", Part::Count},
    {u"UNTIL", Part::Until},
    {u"WKST", Part::Wkst},
}};

/** RFC 5545 (and RFC 7529) parts this subset knows of but does not implement. */
constexpr std::array<QStringView, 9> unsupportedParts {
    u"BYSECOND", u"BYMINUTE", u"BYHOUR", u"BYWEEKNO", u"BYYEARDAY", u"BYMONTH", u"BYSETPOS", u"RSCALE", u"SKIP"};

constexpr QStringView supportedList = u"supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL";

std::unexpected<Error> invalid(const QString &message)
{
    return fail(ErrorCode::InvalidArgument, u"recurrence: "_s + message);
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

/** "1" to "999...": a whole number from 1 to `max` without sign or spaces; nullopt otherwise. */
std::optional<int> wholeNumber(QStringView text, int max)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value < 1 || value > max)
        return std::nullopt;
    return value;
}

/** "12", "+12" or "-12" (one or two digits): the numbers BYDAY's ordinal and BYMONTHDAY use. */
std::optional<int> signedSmallNumber(QStringView text)
{
    int sign = 1;
    if (text.startsWith(u'+') || text.startsWith(u'-')) {
        sign = text.front() == u'-' ? -1 : 1;
        text = text.sliced(1);
    }
    if (text.isEmpty() || text.size() > 2)
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return sign * value;
}

std::optional<Qt::DayOfWeek> dayFromName(QStringView name)
{
    for (std::size_t i = 0; i < dayNames.size(); ++i) {
        if (name.compare(dayNames.at(i), Qt::CaseInsensitive) == 0)
            return static_cast<Qt::DayOfWeek>(i + 1);
    }
    return std::nullopt;
}

QStringView dayName(Qt::DayOfWeek day)
{
    return dayNames.at(static_cast<std::size_t>(day) - 1);
}

Result<Frequency> parseFrequency(QStringView value)
{
    for (std::size_t i = 0; i < frequencyNames.size(); ++i) {
        if (value.compare(frequencyNames.at(i), Qt::CaseInsensitive) == 0)
            return static_cast<Frequency>(i);
    }
    return invalid(u"FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY; got '%1'"_s.arg(value));
}

Result<WeekdayNum> parseWeekdayNum(QStringView item)
{
    const std::optional<Qt::DayOfWeek> day = item.size() >= 2 ? dayFromName(item.last(2)) : std::nullopt;
    if (!day)
        return invalid(u"BYDAY has an invalid day '%1'"_s.arg(item));
    const QStringView prefix = item.chopped(2);
    if (prefix.isEmpty())
        return WeekdayNum {0, *day};
    const std::optional<int> ordinal = signedSmallNumber(prefix);
    if (!ordinal)
        return invalid(u"BYDAY has an invalid day '%1'"_s.arg(item));
    if (*ordinal == 0 || std::abs(*ordinal) > maxOrdinal)
        return invalid(u"BYDAY has an invalid number in '%1' (use 1 to 5 or -1 to -5, like 2TU or -1FR)"_s.arg(item));
    return WeekdayNum {*ordinal, *day};
}

Result<QList<WeekdayNum>> parseByDay(QStringView value)
{
    QList<WeekdayNum> days;
    for (const QStringView item : value.split(u',')) {
        Result<WeekdayNum> day = parseWeekdayNum(item);
        if (!day)
            return std::unexpected(std::move(day.error()));
        if (days.contains(*day))
            return invalid(u"BYDAY lists '%1' twice"_s.arg(item));
        days.append(*day);
    }
    return days;
}

Result<QList<int>> parseByMonthDay(QStringView value)
{
    QList<int> days;
    for (const QStringView item : value.split(u',')) {
        const std::optional<int> day = signedSmallNumber(item);
        if (!day || *day == 0 || std::abs(*day) > maxMonthDay)
            return invalid(u"BYMONTHDAY must list days from 1 to 31 or -1 to -31; got '%1'"_s.arg(item));
        if (days.contains(*day))
            return invalid(u"BYMONTHDAY lists '%1' twice"_s.arg(item));
        days.append(*day);
    }
    return days;
}

/**
 * "YYYYMMDD", "YYYYMMDDTHHMMSS" or "YYYYMMDDTHHMMSSZ". The Z (UTC) form is read as that wall time:
 * every LocalDate is wall time in no zone, and a to-do's end date a few hours off matters less
 * than a rule that means the same thing wherever the user is. Seconds are dropped, as occurrences
 * fall on whole minutes (an UNTIL of 23:59:59 and of 23:59 let through the same occurrences).
 */
Result<LocalDate> parseUntil(QStringView value)
{
    const auto error = [&] {
        return invalid(
            u"UNTIL must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS (optionally ending in Z); got '%1'"_s.arg(
                value));
    };
    QStringView text = value;
    if (text.size() == 16 && (text.back() == u'Z' || text.back() == u'z'))
        text.chop(1);
    if (text.size() != 8 && text.size() != 15)
        return error();
    const auto number = [&](qsizetype from, qsizetype length) -> std::optional<int> {
        int result = 0;
        for (const QChar c : text.sliced(from, length)) {
            if (!isAsciiDigit(c))
                return std::nullopt;
            result = result * 10 + (c.unicode() - u'0');
        }
        return result;
    };
    const auto year = number(0, 4);
    const auto month = number(4, 2);
    const auto day = number(6, 2);
    if (!year || !month || !day || *year < 1 || !QDate::isValid(*year, *month, *day))
        return error();
    LocalDate until {QDate(*year, *month, *day), std::nullopt};
    if (text.size() == 15) {
        const auto hour = number(9, 2);
        const auto minute = number(11, 2);
        const auto second = number(13, 2);
        if ((text.at(8) != u'T' && text.at(8) != u't') || !hour || !minute || !second || *hour > 23 || *minute > 59
            || *second > 60) // 60: a leap second, which RFC 5545 allows
            return error();
        until.time = QTime(*hour, *minute);
    }
    return until;
}

/** The checks on a whole rule, whether parsed or built in code; messages as parseRecurrence() gives them. */
Result<> validate(const Recurrence &rule)
{
    if (static_cast<int>(rule.frequency) < 0 || static_cast<std::size_t>(rule.frequency) >= frequencyNames.size())
        return invalid(u"FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY"_s);
    if (rule.interval < 1 || rule.interval > maxInterval)
        return invalid(u"INTERVAL must be a whole number from 1 to 999; got '%1'"_s.arg(rule.interval));
    if (rule.count && (*rule.count < 1 || *rule.count > maxCount))
        return invalid(u"COUNT must be a whole number from 1 to 999999; got '%1'"_s.arg(*rule.count));
    if (rule.until
        && (!rule.until->date.isValid() || rule.until->date.year() < 1 || rule.until->date.year() > lastYear
            || (rule.until->time && !rule.until->time->isValid())))
        return invalid(u"UNTIL must be a real date from year 1 to 9999"_s);
    for (qsizetype i = 0; i < rule.byDay.size(); ++i) {
        const WeekdayNum &day = rule.byDay.at(i);
        if (day.day < Qt::Monday || day.day > Qt::Sunday || std::abs(day.ordinal) > maxOrdinal)
            return invalid(u"BYDAY has an invalid day"_s);
        if (rule.byDay.indexOf(day) != i)
            return invalid(u"BYDAY lists a day twice"_s);
    }
    for (qsizetype i = 0; i < rule.byMonthDay.size(); ++i) {
        const int day = rule.byMonthDay.at(i);
        if (day == 0 || std::abs(day) > maxMonthDay)
            return invalid(u"BYMONTHDAY must list days from 1 to 31 or -1 to -31; got '%1'"_s.arg(day));
        if (rule.byMonthDay.indexOf(day) != i)
            return invalid(u"BYMONTHDAY lists '%1' twice"_s.arg(day));
    }
    if (rule.count && rule.until)
        return invalid(u"COUNT and UNTIL cannot both be given"_s);
    if (!rule.byMonthDay.isEmpty() && rule.frequency == Frequency::Yearly)
        return invalid(u"BYMONTHDAY with FREQ=YEARLY is not supported (use FREQ=MONTHLY;INTERVAL=12)"_s);
    if (!rule.byMonthDay.isEmpty() && rule.frequency != Frequency::Monthly)
        return invalid(u"BYMONTHDAY needs FREQ=MONTHLY"_s);
    if (!rule.byDay.isEmpty() && rule.frequency == Frequency::Yearly)
        return invalid(u"BYDAY with FREQ=YEARLY is not supported"_s);
    if (rule.frequency != Frequency::Monthly) {
        for (const WeekdayNum &day : rule.byDay) {
            if (day.ordinal != 0)
                return invalid(u"BYDAY with a number (like 1MO) needs FREQ=MONTHLY"_s);
        }
    }
    return {};
}

} // namespace

Result<Recurrence> parseRecurrence(QStringView text)
{
    if (text.size() > maxTextLength)
        return invalid(u"the rule is too long (at most %1 characters)"_s.arg(maxTextLength));
    text = text.trimmed();
    if (text.startsWith(u"RRULE:", Qt::CaseInsensitive))
        text = text.sliced(6);
    if (text.isEmpty())
        return invalid(u"the rule is empty; it needs at least FREQ (like FREQ=WEEKLY)"_s);

    Recurrence rule;
    std::array<bool, partNames.size()> seen {};
    for (const QStringView part : text.split(u';')) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals <= 0 || equals == part.size() - 1)
            return invalid(u"each part must be KEY=VALUE, separated by ';'; got '%1'"_s.arg(part));
        const QStringView key = part.first(equals);
        const QStringView value = part.sliced(equals + 1);

        std::optional<std::size_t> known;
        for (std::size_t i = 0; i < partNames.size(); ++i) {
            if (key.compare(partNames.at(i).name, Qt::CaseInsensitive) == 0)
                known = i;
        }
        if (!known) {
            for (const QStringView unsupported : unsupportedParts) {
                if (key.compare(unsupported, Qt::CaseInsensitive) == 0)
                    return invalid(u"%1 is not supported (%2)"_s.arg(unsupported, supportedList));
            }
            return invalid(u"unknown part '%1' (%2)"_s.arg(key, supportedList));
        }
        const PartName &name = partNames.at(*known);
        if (seen.at(*known))
            return invalid(u"%1 is given twice"_s.arg(name.name));
        seen.at(*known) = true;

        switch (name.part) {
        case Part::Freq: {
            const Result<Frequency> frequency = parseFrequency(value);
            if (!frequency)
                return std::unexpected(frequency.error());
            rule.frequency = *frequency;
            break;
        }
        case Part::Interval: {
            const std::optional<int> interval = wholeNumber(value, maxInterval);
            if (!interval)
                return invalid(u"INTERVAL must be a whole number from 1 to 999; got '%1'"_s.arg(value));
            rule.interval = *interval;
            break;
        }
        case Part::ByDay: {
            Result<QList<WeekdayNum>> days = parseByDay(value);
            if (!days)
                return std::unexpected(std::move(days.error()));
            rule.byDay = std::move(*days);
            break;
        }
        case Part::ByMonthDay: {
            Result<QList<int>> days = parseByMonthDay(value);
            if (!days)
                return std::unexpected(std::move(days.error()));
            rule.byMonthDay = std::move(*days);
            break;
        }
        case Part::Count: {
            const std::optional<int> count = wholeNumber(value, maxCount);
            if (!count)
                return invalid(u"COUNT must be a whole number from 1 to 999999; got '%1'"_s.arg(value));
            rule.count = *count;
            break;
        }
        case Part::Until: {
            Result<LocalDate> until = parseUntil(value);
            if (!until)
                return std::unexpected(std::move(until.error()));
            rule.until = *until;
            break;
        }
        case Part::Wkst:
            // Weeks start on Monday here; a rule written for another week start would repeat on other days.
            if (value.compare(u"MO", Qt::CaseInsensitive) != 0)
                return invalid(u"WKST must be MO (weeks start on Monday); got '%1'"_s.arg(value));
            break;
        }
    }
    static_assert(partNames.front().part == Part::Freq);
    if (!seen.front())
        return invalid(u"FREQ is required (one of DAILY, WEEKLY, MONTHLY, YEARLY)"_s);
    if (Result<> valid = validate(rule); !valid)
        return std::unexpected(std::move(valid.error()));
    return rule;
}

QString formatRecurrence(const Recurrence &rule)
{
    QString text = u"FREQ="_s;
    const auto frequency = static_cast<std::size_t>(rule.frequency);
    text += frequency < frequencyNames.size() ? frequencyNames.at(frequency) : QStringView(u"?");
    if (rule.interval != 1)
        text += u";INTERVAL="_s + QString::number(rule.interval);
    if (!rule.byDay.isEmpty()) {
        text += u";BYDAY="_s;
        for (qsizetype i = 0; i < rule.byDay.size(); ++i) {
            const WeekdayNum &day = rule.byDay.at(i);
            if (i > 0)
                text += u',';
            if (day.ordinal != 0)
                text += QString::number(day.ordinal);
            if (day.day >= Qt::Monday && day.day <= Qt::Sunday)
                text += dayName(day.day);
        }
    }
    if (!rule.byMonthDay.isEmpty()) {
        text += u";BYMONTHDAY="_s;
        for (qsizetype i = 0; i < rule.byMonthDay.size(); ++i) {
            if (i > 0)
                text += u',';
            text += QString::number(rule.byMonthDay.at(i));
        }
    }
    if (rule.count)
        text += u";COUNT="_s + QString::number(*rule.count);
    if (rule.until) {
        // formatLocalDate()'s "YYYY-MM-DD[THH:MM]" without the separators, plus the seconds.
        QString until = formatLocalDate(*rule.until);
        until.remove(u'-').remove(u':');
        if (rule.until->time)
            until += u"00"_s;
        text += u";UNTIL="_s + until;
    }
    return text;
}

namespace {

/** Whether `date` is one of the days `byDay` lists (or it lists none); ordinals count within the month. */
bool matchesByDay(const QList<WeekdayNum> &byDay, QDate date)
{
    if (byDay.isEmpty())
        return true;
    const int dayOfMonth = date.day();
    const int daysInMonth = date.daysInMonth();
    for (const WeekdayNum &entry : byDay) {
        if (date.dayOfWeek() != entry.day)
            continue;
        if (entry.ordinal == 0 || (entry.ordinal > 0 && (dayOfMonth - 1) / 7 + 1 == entry.ordinal)
            || (entry.ordinal < 0 && (daysInMonth - dayOfMonth) / 7 + 1 == -entry.ordinal))
            return true;
    }
    return false;
}

/** Whether `date` is one of the days `byMonthDay` lists (-1 is the last day of the month), or it lists none. */
bool matchesByMonthDay(const QList<int> &byMonthDay, QDate date)
{
    if (byMonthDay.isEmpty())
        return true;
    const int dayOfMonth = date.day();
    const int daysInMonth = date.daysInMonth();
    for (const int day : byMonthDay) {
        if (day == dayOfMonth || (day < 0 && daysInMonth + 1 + day == dayOfMonth))
            return true;
    }
    return false;
}

/** The first day after `from` that `rule` (valid) gives, INTERVAL counted from `from`'s period; see maxPeriods. */
std::optional<QDate> nextDate(const Recurrence &rule, QDate from)
{
    const QDate lastDay(lastYear, 12, 31);
    switch (rule.frequency) {
    case Frequency::Daily:
        for (int period = 1; period <= maxPeriods; ++period) {
            const QDate date = from.addDays(qint64 {period} * rule.interval);
            if (date > lastDay)
                return std::nullopt;
            if (matchesByDay(rule.byDay, date))
                return date;
        }
        return std::nullopt;
    case Frequency::Weekly: {
        std::array<bool, 8> onDay {}; // indexed by Qt::DayOfWeek
        if (rule.byDay.isEmpty())
            onDay.at(static_cast<std::size_t>(from.dayOfWeek())) = true;
        for (const WeekdayNum &entry : rule.byDay)
            onDay.at(static_cast<std::size_t>(entry.day)) = true;
        const QDate monday = from.addDays(1 - from.dayOfWeek());
        for (int period = 0; period <= maxPeriods; ++period) {
            const QDate weekStart = monday.addDays(qint64 {7} * period * rule.interval);
            for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
                const QDate date = weekStart.addDays(day - 1);
                if (date > lastDay)
                    return std::nullopt;
                if (onDay.at(static_cast<std::size_t>(day)) && date > from)
                    return date;
            }
        }
        return std::nullopt;
    }
    case Frequency::Monthly: {
        const int firstMonth = from.year() * 12 + from.month() - 1;
        for (int period = 0; period <= maxPeriods; ++period) {
            const int month = firstMonth + period * rule.interval;
            const QDate first(month / 12, month % 12 + 1, 1);
            if (first > lastDay)
                return std::nullopt;
            const int daysInMonth = first.daysInMonth();
            if (rule.byDay.isEmpty() && rule.byMonthDay.isEmpty()) {
                // The day of month of `from`; a month without it is skipped, not clamped (RFC 5545).
                const QDate date = first.addDays(from.day() - 1);
                if (from.day() <= daysInMonth && date > from)
                    return date;
                continue;
            }
            for (int day = 1; day <= daysInMonth; ++day) {
                const QDate date = first.addDays(day - 1);
                if (date > from && matchesByMonthDay(rule.byMonthDay, date) && matchesByDay(rule.byDay, date))
                    return date;
            }
        }
        return std::nullopt;
    }
    case Frequency::Yearly:
        // Month and day of `from`; Feb 29 is skipped in years without it, not clamped (RFC 5545).
        for (int period = 1; period <= maxPeriods; ++period) {
            const int year = from.year() + period * rule.interval;
            if (year > lastYear)
                return std::nullopt;
            if (QDate::isValid(year, from.month(), from.day()))
                return QDate(year, from.month(), from.day());
        }
        return std::nullopt;
    }
    return std::nullopt;
}

/** Whether an occurrence due `due` comes after the inclusive `until`; by date alone unless both have a time. */
bool isAfter(const LocalDate &due, const LocalDate &until)
{
    if (due.date != until.date)
        return due.date > until.date;
    return due.time && until.time && *due.time > *until.time;
}

} // namespace

std::optional<Occurrence> nextOccurrence(const Recurrence &rule, const LocalDate &current)
{
    if (!validate(rule) || !current.date.isValid() || current.date.year() < 1 || current.date.year() > lastYear)
        return std::nullopt;
    if (rule.count && *rule.count <= 1)
        return std::nullopt;
    const std::optional<QDate> date = nextDate(rule, current.date);
    if (!date)
        return std::nullopt;
    Occurrence next {LocalDate {*date, current.time}, rule};
    if (rule.until && isAfter(next.due, *rule.until))
        return std::nullopt;
    if (next.rule.count)
        --*next.rule.count;
    return next;
}

} // namespace quire::core
