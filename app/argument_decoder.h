// SPDX-License-Identifier: MIT
#pragma once

#include "command_specs.h"

#include <quire/core/enums.h>
#include <quire/core/error.h>
#include <quire/core/local_date.h>
#include <quire/core/record.h>
#include <quire/core/timestamp.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <type_traits>

namespace quire::app {

/**
 * @brief A validated argument's JSON value as a field of type T: text, a list, an enum, a date, a
 * boolean, a list of records, or an optional of one of them (null or absent: nullopt). The value
 * was checked by decodeArguments(), so the fallbacks are never taken.
 */
template<class T>
[[nodiscard]] T valueAs(const QJsonValue &value)
{
    if constexpr (core::IsOptional<T>::value) {
        return value.isNull() || value.isUndefined() ? T() : T(valueAs<typename T::value_type>(value));
    } else if constexpr (std::is_same_v<T, QString>) {
        return value.toString();
    } else if constexpr (std::is_same_v<T, bool>) {
        return value.toBool();
    } else if constexpr (std::is_enum_v<T>) {
        return core::parseEnum<T>(value.toString()).value_or(T {});
    } else if constexpr (std::is_same_v<T, core::LocalDate>) {
        return core::parseLocalDate(value.toString()).value_or(core::LocalDate {});
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        return core::parseTimestamp(value.toString()).value_or(QDateTime());
    } else if constexpr (std::is_same_v<T, QStringList>) {
        QStringList list;
        for (const QJsonValue element : value.toArray())
            list.append(element.toString());
        return list;
    } else {
        static_assert(core::IsRecordList<T>::value, "no argument form for this field type");
        using Record = typename T::value_type;
        T records;
        for (const QJsonValue element : value.toArray()) {
            const QJsonObject object = element.toObject();
            Record &record = records.emplace_back();
            core::forEachField(core::RecordTraits<Record>::fields, [&](const auto &field) {
                const QJsonValue member = object.value(QStringView(field.key));
                record.*field.member = valueAs<typename std::remove_cvref_t<decltype(field)>::Type>(member);
            });
        }
        return records;
    }
}

/**
 * @brief A command's arguments after strict validation against its CommandSpec.
 * Accessors cannot fail: types, enum spellings and required keys were checked by decodeArguments().
 */
class Arguments
{
public:
    /** @brief The key was given (null counts as given). */
    [[nodiscard]] bool contains(const QString &key) const { return m_values.contains(key); }

    /** @brief A given key's value as a field of type T (see valueAs()). */
    template<class T>
    [[nodiscard]] T as(const QString &key) const
    {
        return valueAs<T>(m_values.value(key));
    }

    [[nodiscard]] QString string(const QString &key) const { return as<QString>(key); }
    [[nodiscard]] QStringList stringList(const QString &key) const { return as<QStringList>(key); }

    /** @brief Absent or null: nullopt. */
    [[nodiscard]] std::optional<QStringList> optionalStringList(const QString &key) const
    {
        return as<std::optional<QStringList>>(key);
    }
    /** @brief A Count argument; absent or null: nullopt. */
    [[nodiscard]] std::optional<qint64> optionalCount(const QString &key) const;
    /** @brief A Boolean argument; absent or null: nullopt. */
    [[nodiscard]] std::optional<bool> optionalBool(const QString &key) const { return as<std::optional<bool>>(key); }
    /** @brief A LocalDate argument; absent or null: nullopt. */
    [[nodiscard]] std::optional<core::LocalDate> optionalLocalDate(const QString &key) const
    {
        return as<std::optional<core::LocalDate>>(key);
    }

    /** @brief A Timestamp argument; absent or null: nullopt. */
    [[nodiscard]] std::optional<QDateTime> optionalTimestamp(const QString &key) const
    {
        return as<std::optional<QDateTime>>(key);
    }

private:
    friend core::Result<Arguments> decodeArguments(const CommandSpec &, const QJsonValue &);
    QHash<QString, QJsonValue> m_values; // camelCase keys; a list of records holds camelCase keys too
};

/** @brief Longest string (in UTF-16 code units) any argument may carry. */
inline constexpr qsizetype kMaxStringLength = contract::Limits::stringLength;
/** @brief Most elements an array argument may carry. */
inline constexpr qsizetype kMaxListLength = contract::Limits::listLength;
/** @brief Most a whole call may carry: the characters of its keys and strings, plus one per other value. */
inline constexpr qsizetype kMaxCallSize = contract::Limits::callSize;
/** @brief Largest whole number a Count argument may carry (exact in a JS number and in SQLite). */
inline constexpr qint64 kMaxCount = 2'147'483'647;

/**
 * @brief The size of `raw` as kMaxCallSize counts it, or a number over `limit` as soon as it passes
 * it (so a huge call costs no more than `limit` to measure); nesting of any depth is fine.
 */
[[nodiscard]] qsizetype callSize(const QJsonValue &raw, qsizetype limit = kMaxCallSize);

/**
 * @brief Checks `raw` against `spec`: first its whole size (callSize() within kMaxCallSize), then: an object (or
 * null/undefined for "no arguments"), known keys only (each exactly as the contract spells it or as camelToSnake()
 * does, not both), required keys present, types and enum spellings right, strings valid UTF-16 without NUL and within
 * kMaxStringLength; the same for each element of a list of records. Errors are InvalidArgument naming the key
 * ("checklist[2].title").
 */
[[nodiscard]] core::Result<Arguments> decodeArguments(const CommandSpec &spec, const QJsonValue &raw);

/** @brief Sets, in `target` (a draft or a patch), each of `fields` the arguments give. */
template<class Fields, class Target>
void readGivenFields(const Arguments &arguments, const Fields &fields, Target &target)
{
    core::forEachField(fields, [&](const auto &field) {
        const QString key = QStringView(field.key).toString();
        if (arguments.contains(key))
            target.*field.from = arguments.as<typename std::remove_cvref_t<decltype(field)>::Type>(key);
    });
}

/** @brief The draft a create command's arguments carry: each given field set, the rest default. */
template<class Record>
[[nodiscard]] typename core::RecordTraits<Record>::Draft draftFrom(const Arguments &arguments)
{
    typename core::RecordTraits<Record>::Draft draft;
    readGivenFields(arguments, core::RecordTraits<Record>::draftFields, draft);
    return draft;
}

/** @brief The patch an update command's arguments carry: the given fields, null clearing a nullable one. */
template<class Record>
[[nodiscard]] typename core::RecordTraits<Record>::Patch patchFrom(const Arguments &arguments)
{
    typename core::RecordTraits<Record>::Patch patch;
    readGivenFields(arguments, core::RecordTraits<Record>::patchFields, patch);
    return patch;
}

/** @brief "projectIds" -> "project_ids": the one spelling a key is accepted in besides its own. */
[[nodiscard]] QString camelToSnake(const QString &key);

} // namespace quire::app
