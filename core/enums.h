// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace quire::core {

enum class Priority { Pinned, High, Standard, LongTerm, Nit };
enum class Status { Backlog, InProgress, Completed, Blocked };
enum class Complexity { Easy, Hard, DeepDive };
enum class TaskType { Bug, Investigation, Feature, Cleanup, Optimization, Chore };

/** @brief The wire and storage spelling of each enum value (as in resources/ipc-contract.json). */
template<class E>
struct EnumTraits;

template<>
struct EnumTraits<Priority> {
    static constexpr std::string_view kind = "priority";
    static constexpr std::array<std::pair<Priority, std::u16string_view>, 5> values{{
        {Priority::Pinned, u"pinned"},
        {Priority::High, u"high"},
        {Priority::Standard, u"standard"},
        {Priority::LongTerm, u"long term"},
        {Priority::Nit, u"nit"},
    }};
};

template<>
struct EnumTraits<Status> {
    static constexpr std::string_view kind = "status";
    static constexpr std::array<std::pair<Status, std::u16string_view>, 4> values{{
        {Status::Backlog, u"backlog"},
        {Status::InProgress, u"in_progress"},
        {Status::Completed, u"completed"},
        {Status::Blocked, u"blocked"},
    }};
};

template<>
struct EnumTraits<Complexity> {
    static constexpr std::string_view kind = "complexity";
    static constexpr std::array<std::pair<Complexity, std::u16string_view>, 3> values{{
        {Complexity::Easy, u"easy"},
        {Complexity::Hard, u"hard"},
        {Complexity::DeepDive, u"deep dive"},
    }};
};

template<>
struct EnumTraits<TaskType> {
    static constexpr std::string_view kind = "taskType";
    static constexpr std::array<std::pair<TaskType, std::u16string_view>, 6> values{{
        {TaskType::Bug, u"bug"},
        {TaskType::Investigation, u"investigation"},
        {TaskType::Feature, u"feature"},
        {TaskType::Cleanup, u"cleanup"},
        {TaskType::Optimization, u"optimization"},
        {TaskType::Chore, u"chore"},
    }};
};

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
