// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/project.h>
#include <quire/core/task.h>
#include <quire/core/undo_state.h>
#include <quire/core/undo_step.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace quire::app {

/** @brief The wire shape of a task: camelCase keys, RFC 3339 UTC timestamps, null for absent optionals. */
[[nodiscard]] QJsonObject toJson(const core::Task &task);
[[nodiscard]] QJsonObject toJson(const core::Project &project);
[[nodiscard]] QJsonArray toJson(const QList<core::Task> &tasks);
[[nodiscard]] QJsonArray toJson(const QList<core::Project> &projects);
[[nodiscard]] QJsonObject toJson(const core::UndoState &state);
[[nodiscard]] QJsonObject toJson(const core::UndoStep &step);

} // namespace quire::app
