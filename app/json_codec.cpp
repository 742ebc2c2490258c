// SPDX-License-Identifier: MIT
#include "json_codec.h"

#include <enums.h>

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

QJsonValue nullable(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

template<class E>
QJsonValue nullable(const std::optional<E> &value)
{
    return value ? QJsonValue(core::enumName(*value)) : QJsonValue(QJsonValue::Null);
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

template<class T>
QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

// ---- JSON text, written directly ------------------------------------------------------------------

void appendQuoted(QString &out, QStringView text)
{
    out.append(u'"');
    qsizetype clean = 0; // start of the run not yet appended
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        out.append(text.mid(clean, i - clean));
        clean = i + 1;
        switch (c) {
        case u'"': out.append(u"\\\""); break;
        case u'\\': out.append(u"\\\\"); break;
        case u'\n': out.append(u"\\n"); break;
        case u'\r': out.append(u"\\r"); break;
        case u'\t': out.append(u"\\t"); break;
        case u'\b': out.append(u"\\b"); break;
        case u'\f': out.append(u"\\f"); break;
        default: {
            constexpr char16_t hex[] = u"0123456789abcdef";
            const char16_t escaped[] = {u'\\', u'u', u'0', u'0', hex[(c >> 4) & 0xF], hex[c & 0xF]};
            out.append(QStringView(escaped, 6));
        }
        }
    }
    out.append(text.mid(clean));
    out.append(u'"');
}

template<class E>
QStringView enumView(E value)
{
    for (const auto &[candidate, name] : core::EnumTraits<E>::values) {
        if (candidate == value)
            return QStringView(name.data(), static_cast<qsizetype>(name.size()));
    }
    return {};
}

template<class E>
void appendEnum(QString &out, const std::optional<E> &value)
{
    if (value)
        appendQuoted(out, enumView(*value));
    else
        out.append(u"null");
}

void appendDigits(QString &out, qint64 value, int width)
{
    char16_t digits[4];
    for (int i = width - 1; i >= 0; --i) {
        digits[i] = static_cast<char16_t>(u'0' + value % 10);
        value /= 10;
    }
    out.append(QStringView(digits, width));
}

/** The same text as timestamp(): "YYYY-MM-DDTHH:MM:SS.mmmZ", without QDateTime::toString. */
void appendTimestamp(QString &out, const QDateTime &time)
{
    if (!time.isValid()) {
        appendQuoted(out, timestamp(time));
        return;
    }
    const qint64 msecs = time.toMSecsSinceEpoch();
    qint64 days = msecs / 86'400'000;
    qint64 rest = msecs % 86'400'000;
    if (rest < 0) {
        rest += 86'400'000;
        days -= 1;
    }
    // Civil date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) { // outside what four digits can say: let Qt spell it
        appendQuoted(out, timestamp(time));
        return;
    }
    out.append(u'"');
    appendDigits(out, year, 4);
    out.append(u'-');
    appendDigits(out, month, 2);
    out.append(u'-');
    appendDigits(out, day, 2);
    out.append(u'T');
    appendDigits(out, rest / 3'600'000, 2);
    out.append(u':');
    appendDigits(out, rest / 60'000 % 60, 2);
    out.append(u':');
    appendDigits(out, rest / 1000 % 60, 2);
    out.append(u'.');
    appendDigits(out, rest % 1000, 3);
    out.append(u"Z\"");
}

void appendStrings(QString &out, const QStringList &items)
{
    out.append(u'[');
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out.append(u',');
        appendQuoted(out, items.at(i));
    }
    out.append(u']');
}

void appendTask(QString &out, const core::Task &task)
{
    out.append(u"{\"id\":");
    appendQuoted(out, task.id);
    out.append(u",\"title\":");
    appendQuoted(out, task.title);
    out.append(u",\"description\":");
    if (task.description)
        appendQuoted(out, *task.description);
    else
        out.append(u"null");
    out.append(u",\"priority\":");
    appendQuoted(out, enumView(task.priority));
    out.append(u",\"status\":");
    appendQuoted(out, enumView(task.status));
    out.append(u",\"complexity\":");
    appendEnum(out, task.complexity);
    out.append(u",\"type\":");
    appendEnum(out, task.type);
    out.append(u",\"tags\":");
    appendStrings(out, task.tags);
    out.append(u",\"projectIds\":");
    appendStrings(out, task.projectIds);
    out.append(u",\"createdAt\":");
    appendTimestamp(out, task.createdAt);
    out.append(u",\"updatedAt\":");
    appendTimestamp(out, task.updatedAt);
    out.append(u'}');
}

} // namespace

void appendJson(QString &out, const QList<core::Task> &tasks)
{
    out.reserve(out.size() + tasks.size() * 400 + 2);
    out.append(u'[');
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        if (i > 0)
            out.append(u',');
        appendTask(out, tasks.at(i));
    }
    out.append(u']');
}

QJsonObject toJson(const core::Task &task)
{
    return {
        {u"id"_s, task.id},
        {u"title"_s, task.title},
        {u"description"_s, nullable(task.description)},
        {u"priority"_s, core::enumName(task.priority)},
        {u"status"_s, core::enumName(task.status)},
        {u"complexity"_s, nullable(task.complexity)},
        {u"type"_s, nullable(task.type)},
        {u"tags"_s, QJsonArray::fromStringList(task.tags)},
        {u"projectIds"_s, QJsonArray::fromStringList(task.projectIds)},
        {u"createdAt"_s, timestamp(task.createdAt)},
        {u"updatedAt"_s, timestamp(task.updatedAt)},
    };
}

QJsonObject toJson(const core::Project &project)
{
    return {
        {u"id"_s, project.id},
        {u"name"_s, project.name},
        {u"description"_s, nullable(project.description)},
        {u"createdAt"_s, timestamp(project.createdAt)},
        {u"updatedAt"_s, timestamp(project.updatedAt)},
    };
}

QJsonArray toJson(const QList<core::Task> &tasks)
{
    return toJsonArray(tasks);
}

QJsonArray toJson(const QList<core::Project> &projects)
{
    return toJsonArray(projects);
}

} // namespace quire::app
