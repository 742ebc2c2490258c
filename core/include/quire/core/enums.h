// SPDX-License-Identifier: MIT
#pragma once
// The enums themselves (values and their spellings) are generated from resources/ipc-contract.json
// into enum_values.h; this header adds what every enum shares.

#include <quire/core/enum_values.h>

#include <QAnyStringView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <type_traits>

namespace quire::core {

/** @brief Exact, case-sensitive parse; unknown spellings give nullopt so callers can reject them. */
template<class E>
[[nodiscard]] std::optional<E> parseEnum(QAnyStringView text)
{
    // Spellings are ASCII: compared unit by unit, whatever the text's encoding, without converting it.
    return text.visit([](auto view) -> std::optional<E> {
        for (const auto &[value, name] : EnumTraits<E>::values) {
            if (static_cast<std::size_t>(view.size()) != name.size())
                continue;
            bool same = true;
            for (std::size_t i = 0; same && i < name.size(); ++i) {
                const auto unit = view[static_cast<qsizetype>(i)];
                char16_t c = 0;
                if constexpr (std::is_same_v<decltype(unit), const char>)
                    c = static_cast<unsigned char>(unit);
                else
                    c = unit.unicode();
                same = c == name[i];
            }
            if (same)
                return value;
        }
        return std::nullopt;
    });
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
