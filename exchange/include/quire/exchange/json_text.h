// SPDX-License-Identifier: MIT
#pragma once

// Records as JSON text written straight into a byte array, driven by their field tables: for a
// whole file of them (Quire JSON) and for the bridge's list transport (app/task_columns.cpp), where
// building QJsonObjects first cost several times the read of the same rows.

#include <quire/core/enums.h>
#include <quire/core/local_date.h>
#include <quire/core/record.h>
#include <quire/core/timestamp.h>

#include <QByteArray>
#include <QDateTime>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <type_traits>
#include <utility>
#include <vector>

namespace quire::exchange {

/** @brief How enum values are written: by name ("high"), or by their index in the enum's values (1). */
enum class EnumsAs { Names, Indexes };

/** @brief Appends `text` as a JSON string in UTF-8; a lone surrogate becomes U+FFFD, as in QString::toUtf8(). */
void appendJsonString(QByteArray &out, QStringView text);

/** @brief The place of `value` in its enum's list of values (the contract's order). */
template<class E>
int enumIndex(E value)
{
    const auto &values = core::EnumTraits<E>::values;
    return static_cast<int>(
        std::ranges::find(values, value, &std::pair<E, std::u16string_view>::first) - values.begin());
}

template<class Record>
void appendJsonObject(QByteArray &out, const Record &record, EnumsAs enums = EnumsAs::Names);

/** @brief `value` as JSON text: null for an absent optional, enums by name or by index, timestamps as RFC 3339. */
template<class T>
void appendJsonValue(QByteArray &out, const T &value, EnumsAs enums = EnumsAs::Names)
{
    if constexpr (core::IsOptional<T>::value) {
        if (value)
            appendJsonValue(out, *value, enums);
        else
            out.append("null");
    } else if constexpr (std::is_enum_v<T>) {
        if (enums == EnumsAs::Indexes)
            out.append(QByteArray::number(enumIndex(value)));
        else
            appendJsonString(out, core::enumName(value));
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
            appendJsonObject(out, value.at(i), enums);
        }
        out.append(']');
    } else if constexpr (std::is_same_v<T, QStringList>) {
        out.append('[');
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendJsonString(out, value.at(i));
        }
        out.append(']');
    } else {
        static_assert(std::is_same_v<T, QString>, "no JSON text form for this field type");
        appendJsonString(out, value);
    }
}

/** @brief What comes before each of `Record`'s field values in its JSON object: `{"id":`, `,"title":`, ... */
template<class Record>
const std::vector<QByteArray> &jsonKeyPrefixes()
{
    // Written once: encoding the keys again for each of 100 000 records was a tenth of an export.
    static const std::vector<QByteArray> prefixes = [] {
        std::vector<QByteArray> keys;
        core::forEachField(core::RecordTraits<Record>::fields, [&](const auto &field) {
            QByteArray key(1, keys.empty() ? '{' : ',');
            appendJsonString(key, QStringView(field.key));
            key.append(':');
            keys.push_back(std::move(key));
        });
        return keys;
    }();
    return prefixes;
}

/** @brief `record` as a JSON object of its fields by key, in field order (what exchange::toJson() gives, as text). */
template<class Record>
void appendJsonObject(QByteArray &out, const Record &record, EnumsAs enums)
{
    const std::vector<QByteArray> &prefixes = jsonKeyPrefixes<Record>();
    std::size_t index = 0;
    core::forEachField(core::RecordTraits<Record>::fields, [&](const auto &field) {
        out.append(prefixes[index++]);
        appendJsonValue(out, record.*field.member, enums);
    });
    out.append('}');
}

} // namespace quire::exchange
