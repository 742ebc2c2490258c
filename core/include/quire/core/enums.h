// SPDX-License-Identifier: MIT
#pragma once
// The enums themselves (values and their spellings) are generated from resources/ipc-contract.json
// into enum_values.h; this header adds what every enum shares.

#include <quire/core/enum_values.h>

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace quire::core {

/** @brief Exact, case-sensitive parse; unknown spellings give nullopt so callers can reject them. */
template<class E>
[[nodiscard]] std::optional<E> parseEnum(QStringView text)
{
    for (const auto &[value, name] : EnumTraits<E>::values) {
        if (text == QStringView(name.data(), static_cast<qsizetype>(name.size())))
            return value;
    }
    return std::nullopt;
}

template<class E>
[[nodiscard]] QString enumName(E value)
{
    for (const auto &[candidate, name] : EnumTraits<E>::values) {
        if (candidate == value)
            return QString::fromUtf16(name.data(), static_cast<qsizetype>(name.size()));
    }
    return {};
}

template<class E>
[[nodiscard]] QStringList enumNames()
{
    QStringList names;
    for (const auto &[value, name] : EnumTraits<E>::values)
        names.append(enumName(value));
    return names;
}

} // namespace quire::core
