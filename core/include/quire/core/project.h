// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace quire::core {

/** @brief A stored project; tasks link to any number of projects. */
struct Project {
    QString id{};
    QString name{};
    std::optional<QString> description{};
    QDateTime createdAt{};
    QDateTime updatedAt{};

    friend bool operator==(const Project &, const Project &) = default;
};

struct ProjectDraft {
    QString name{};
    std::optional<QString> description{};
};

/** @brief Absent (outer nullopt) leaves a field unchanged; an inner nullopt clears `description`. */
struct ProjectPatch {
    std::optional<QString> name{};
    std::optional<std::optional<QString>> description{};
};

} // namespace quire::core
