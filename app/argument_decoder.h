// SPDX-License-Identifier: MIT
#pragma once

#include "command_specs.h"

#include <quire/core/enums.h>
#include <quire/core/error.h>
#include <quire/core/local_date.h>
#include <quire/core/record.h>

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <type_traits>

namespace quire::app {

/**
 * @brief A command's arguments after strict validation against its CommandSpec.
 * Accessors cannot fail: types, enum spellings and required keys were checked by decodeArguments().
 */
class Arguments
{
public:
    /** @brief The key was given (null counts as given). */
    [[nodiscard]] bool contains(const QString &key) const { return m_values.contains(key); }

    [[nodiscard]] QString string(const QString &key) const;
    [[nodiscard]] QStringList stringList(const QString &key) const;

    /** @brief Absent or null: nullopt. */
    [[nodiscard]] std::optional<QStringList> optionalStringList(const QString &key) const;
    /** @brief A Count argument; absent or null: nullopt. */
    [[nodiscard]] std::optional<qint64> optionalCount(const QString &key) const;
    /** @brief A Boolean argument; absent or null: nullopt. */
    [[nodiscard]] std::optional<bool> optionalBool(const QString &key) const;
    [[nodiscard]] core::LocalDate localDate(const QString &key) const;
    /** @brief A LocalDate argument; absent or null: nullopt. */
    [[nodiscard]] std::optional<core::LocalDate> optionalLocalDate(const QString &key) const;

    template<class E>
    [[nodiscard]] E enumValue(const QString &key) const
    {
        // decodeArguments() checked the spelling, so the fallback is never taken.
        const std::optional<E> value = core::parseEnum<E>(string(key));
        return value ? *value : E {};
    }

    /**
     * @brief A given key's value as a field of type T: text, a list, an enum, a date, or an
     * optional of one of them (null: nullopt).
     */
    template<class T>
    [[nodiscard]] T as(const QString &key) const
    {
        if constexpr (std::is_same_v<T, QString>)
            return string(key);
        else if constexpr (std::is_same_v<T, QStringList>)
            return stringList(key);
        else if constexpr (std::is_enum_v<T>)
            return enumValue<T>(key);
        else if constexpr (std::is_same_v<T, core::LocalDate>)
            return localDate(key);
        else
            return m_values.value(key).isNull() ? T() : T(as<typename T::value_type>(key));
    }

private:
    friend core::Result<Arguments> decodeArguments(const CommandSpec &, const QJsonValue &);
    QHash<QString, QJsonValue> m_values; // camelCase keys
};

/** @brief Longest string (in UTF-16 code units) any argument may carry. */
inline constexpr qsizetype kMaxStringLength = qsizetype {1} << 20;
/** @brief Most elements a string array argument may carry. */
inline constexpr qsizetype kMaxListLength = 10'000;
/** @brief Largest whole number a Count argument may carry (exact in a JS number and in SQLite). */
inline constexpr qint64 kMaxCount = 2'147'483'647;

/**
 * @brief Checks `raw` against `spec`: an object (or null/undefined for "no arguments"), known keys
 * only (camelCase or snake_case, not both), required keys present, types and enum spellings right,
 * strings valid UTF-16 without NUL and within kMaxStringLength. Errors are InvalidArgument naming the key.
 */
[[nodiscard]] core::Result<Arguments> decodeArguments(const CommandSpec &spec, const QJsonValue &raw);

/** @brief Sets, in `target` (a draft or a patch), each of `fields` the arguments give. */
template<class Fields, class Target>
void readGivenFields(const Arguments &arguments, const Fields &fields, Target &target)
{
    core::forEachField(fields, [&](const auto &field) {
        const QString key = QString::fromUtf16(field.key.data(), static_cast<qsizetype>(field.key.size()));
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

/** @brief "project_ids" -> "projectIds". */
[[nodiscard]] QString snakeToCamel(const QString &key);

} // namespace quire::app
