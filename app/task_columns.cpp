// SPDX-License-Identifier: MIT
#include "task_columns.h"

#include "command_table.h"

#include <quire/core/enums.h>
#include <quire/core/local_date.h>
#include <quire/core/record.h>
#include <quire/core/timestamp.h>

#include <algorithm>
#include <type_traits>

namespace quire::app {
namespace {

using core::Task;

/** Appends `text` as a JSON string in UTF-8; a lone surrogate becomes U+FFFD, as in QString::toUtf8(). */
void appendString(QByteArray &out, QStringView text)
{
    // The longest form of one UTF-16 unit is a six-byte \u00XX escape; the quotes take two.
    const qsizetype start = out.size();
    out.resize(start + 6 * text.size() + 2);
    char *to = out.data() + start;
    *to++ = '"';
    const char16_t *from = text.utf16();
    const char16_t *const end = from + text.size();
    static constexpr char hex[] = "0123456789abcdef";
    while (from < end) {
        char32_t c = *from++;
        if (c < 0x80) {
            if (c == u'"' || c == u'\\') {
                *to++ = '\\';
                *to++ = static_cast<char>(c);
            } else if (c < 0x20) {
                *to++ = '\\';
                *to++ = 'u';
                *to++ = '0';
                *to++ = '0';
                *to++ = hex[c >> 4];
                *to++ = hex[c & 0xf];
            } else {
                *to++ = static_cast<char>(c);
            }
            continue;
        }
        if (QChar::isHighSurrogate(c) && from < end && QChar::isLowSurrogate(*from))
            c = QChar::surrogateToUcs4(static_cast<char16_t>(c), *from++);
        else if (QChar::isSurrogate(c))
            c = QChar::ReplacementCharacter;
        if (c < 0x800) {
            *to++ = static_cast<char>(0xc0 | (c >> 6));
        } else if (c < 0x10000) {
            *to++ = static_cast<char>(0xe0 | (c >> 12));
            *to++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        } else {
            *to++ = static_cast<char>(0xf0 | (c >> 18));
            *to++ = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
            *to++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        }
        *to++ = static_cast<char>(0x80 | (c & 0x3f));
    }
    *to++ = '"';
    out.truncate(to - out.constData());
}

template<class E>
int enumIndex(E value)
{
    const auto &values = core::EnumTraits<E>::values;
    return static_cast<int>(
        std::ranges::find(values, value, &std::pair<E, std::u16string_view>::first) - values.begin());
}

template<class Record>
void appendObject(QByteArray &out, const Record &record);

template<class T>
void appendElement(QByteArray &out, const T &value, bool asIndex)
{
    if constexpr (core::IsOptional<T>::value) {
        if (value)
            appendElement(out, *value, asIndex);
        else
            out.append("null");
    } else if constexpr (std::is_enum_v<T>) {
        if (asIndex)
            out.append(QByteArray::number(enumIndex(value)));
        else
            appendString(out, core::enumName(value));
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        out.append('"');
        core::appendTimestamp(out, value);
        out.append('"');
    } else if constexpr (std::is_same_v<T, core::LocalDate>) {
        out.append('"');
        out.append(core::formatLocalDate(value).toLatin1());
        out.append('"');
    } else if constexpr (std::is_same_v<T, bool>) {
        out.append(value ? "true" : "false");
    } else if constexpr (core::IsRecordList<T>::value) {
        out.append('[');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendObject(out, value.at(i));
        }
        out.append(']');
    } else if constexpr (std::is_same_v<T, QStringList>) {
        out.append('[');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendString(out, value.at(i));
        }
        out.append(']');
    } else {
        static_assert(std::is_same_v<T, QString>, "no TaskColumns form for this field type");
        appendString(out, value);
    }
}

/** A record inside a column (a checklist item): an object of its fields by key, enums spelled out. */
template<class Record>
void appendObject(QByteArray &out, const Record &record)
{
    char separator = '{';
    core::forEachField(core::RecordTraits<Record>::fields, [&](const auto &field) {
        out.append(separator);
        separator = ',';
        appendString(out, QStringView(field.key));
        out.append(':');
        appendElement(out, record.*field.member, false);
    });
    out.append('}');
}

/** The member of the Task field named `key` if it has type T, else null. */
template<class T>
T Task::*memberNamed(std::u16string_view key)
{
    T Task::*member = nullptr;
    core::forEachField(core::RecordTraits<Task>::fields, [&](const auto &field) {
        if constexpr (std::is_same_v<typename std::remove_cvref_t<decltype(field)>::Type, T>) {
            if (field.key == key)
                member = field.member;
        }
    });
    return member;
}

template<class T>
T Task::*sameAsMember(std::u16string_view key)
{
    for (const auto &[field, sameAs] : contract::TaskColumns::nullMeansSameAs) {
        if (field == key)
            return memberNamed<T>(sameAs);
    }
    return nullptr;
}

} // namespace

QByteArray taskColumnsJson(const core::TaskListing &listing)
{
    const QList<Task> &tasks = listing.tasks;
    QByteArray out;
    // About 230 bytes a task in the seeded benchmark; a close guess saves the copies of growing.
    out.reserve(256 + 240 * tasks.size());
    out.append("{\"count\":").append(QByteArray::number(tasks.size()));
    out.append(",\"total\":").append(QByteArray::number(listing.total));
    out.append(",\"version\":");
    appendString(out, listing.version);
    core::forEachField(core::RecordTraits<Task>::fields, [&](const auto &field) {
        using T = typename std::remove_cvref_t<decltype(field)>::Type;
        const bool asIndex = std::ranges::find(contract::TaskColumns::enumIndexes, field.key)
            != contract::TaskColumns::enumIndexes.end();
        T Task::*const sameAs = sameAsMember<T>(field.key);
        out.append(",\"").append(QStringView(field.key).toUtf8());
        out.append("\":[");
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            if (i > 0)
                out.append(',');
            const Task &task = tasks.at(i);
            if (sameAs && task.*field.member == task.*sameAs)
                out.append("null");
            else
                appendElement(out, task.*field.member, asIndex);
        }
        out.append(']');
    });
    out.append('}');
    return out;
}

} // namespace quire::app
