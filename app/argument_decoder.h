// SPDX-License-Identifier: MIT
#pragma once

#include "command_specs.h"

#include <quire/core/enums.h>
#include <quire/core/error.h>

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

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
    [[nodiscard]] std::optional<QString> optionalString(const QString &key) const;
    [[nodiscard]] std::optional<QStringList> optionalStringList(const QString &key) const;
    /** @brief A Count argument; absent or null: nullopt. */
    [[nodiscard]] std::optional<qint64> optionalCount(const QString &key) const;

    /** @brief Absent: nullopt (unchanged); null: an empty inner optional (clear). */
    [[nodiscard]] std::optional<std::optional<QString>> patchString(const QString &key) const;

    template<class E>
    [[nodiscard]] E enumValue(const QString &key) const
    {
        return *core::parseEnum<E>(string(key));
    }

    template<class E>
    [[nodiscard]] std::optional<E> optionalEnum(const QString &key) const
    {
        const auto text = optionalString(key);
        return text ? core::parseEnum<E>(*text) : std::nullopt;
    }

    template<class E>
    [[nodiscard]] std::optional<std::optional<E>> patchEnum(const QString &key) const
    {
        const auto text = patchString(key);
        if (!text)
            return std::nullopt;
        return *text ? core::parseEnum<E>(**text) : std::optional<E>{};
    }

private:
    friend core::Result<Arguments> decodeArguments(const CommandSpec &, const QJsonValue &);
    QHash<QString, QJsonValue> m_values; // camelCase keys
};

/** @brief Longest string (in UTF-16 code units) any argument may carry. */
inline constexpr qsizetype kMaxStringLength = qsizetype{1} << 20;
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

/** @brief "project_ids" -> "projectIds". */
[[nodiscard]] QString snakeToCamel(const QString &key);

} // namespace quire::app
