// SPDX-License-Identifier: MIT
#pragma once

#include <project.h>
#include <task.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace quire::app {

/** @brief The wire shape of a task: camelCase keys, RFC 3339 UTC timestamps, null for absent optionals. */
[[nodiscard]] QJsonObject toJson(const core::Task &task);
[[nodiscard]] QJsonObject toJson(const core::Project &project);
[[nodiscard]] QJsonArray toJson(const QList<core::Task> &tasks);
[[nodiscard]] QJsonArray toJson(const QList<core::Project> &projects);

/**
 * @brief Appends `tasks` to `out` as JSON text: an array of the same objects toJson() makes (same
 * keys and values), written directly instead of through QJsonObject, which is several times slower
 * for large lists.
 */
void appendJson(QString &out, const QList<core::Task> &tasks);

} // namespace quire::app
