// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/enums.h>

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace quire::core {

/** @brief A stored task. `id` is a UUID v4; timestamps are UTC. */
struct Task {
    QString id{};
    QString title{};
    std::optional<QString> description{};
    Priority priority = Priority::Standard;
    Status status = Status::Backlog;
    std::optional<Complexity> complexity{};
    std::optional<TaskType> type{};
    QStringList tags{};
    QStringList projectIds{};
    QDateTime createdAt{};
    QDateTime updatedAt{};

    friend bool operator==(const Task &, const Task &) = default;
};

/** @brief What a new task is made from; the repository trims, validates and applies defaults. */
struct TaskDraft {
    QString title{};
    std::optional<QString> description{};
    Priority priority = Priority::Standard;
    Status status = Status::Backlog;
    std::optional<Complexity> complexity{};
    std::optional<TaskType> type{};
    QStringList tags{};
    QStringList projectIds{};
};

/**
 * @brief A partial update: an empty outer optional leaves the field unchanged;
 * for nullable fields an inner nullopt clears it.
 */
struct TaskPatch {
    std::optional<QString> title{};
    std::optional<std::optional<QString>> description{};
    std::optional<Priority> priority{};
    std::optional<Status> status{};
    std::optional<std::optional<Complexity>> complexity{};
    std::optional<std::optional<TaskType>> type{};
    std::optional<QStringList> tags{};
    std::optional<QStringList> projectIds{};
};

} // namespace quire::core
