// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/database_info.h>
#include <quire/core/error.h>
#include <quire/core/import_preview.h>
#include <quire/core/project.h>
#include <quire/core/task.h>
#include <quire/core/transfer_summary.h>
#include <quire/core/undo_state.h>
#include <quire/core/undo_step.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace quire::exchange {

/** @brief The wire shape of a record: camelCase keys, RFC 3339 UTC timestamps, null for absent optionals. */
[[nodiscard]] QJsonObject toJson(const core::Task &task);
[[nodiscard]] QJsonObject toJson(const core::Project &project);
[[nodiscard]] QJsonArray toJson(const QList<core::Task> &tasks);
[[nodiscard]] QJsonArray toJson(const QList<core::Project> &projects);
[[nodiscard]] QJsonObject toJson(const core::UndoState &state);
[[nodiscard]] QJsonObject toJson(const core::UndoStep &step);
[[nodiscard]] QJsonObject toJson(const core::ImportPreview &preview);
[[nodiscard]] QJsonObject toJson(const core::TransferSummary &summary);
[[nodiscard]] QJsonObject toJson(const core::DatabaseInfo &info);

/**
 * @brief The inverse of toJson(), strict and driven by the same field table: every field of the
 * record must have its type (text, true/false, an enum spelling, an RFC 3339 timestamp, a local
 * date, an array of text or of records); a nullable field may be null or absent; any other absent
 * field is an error. Keys the record does not have are ignored, so a file from a newer Quire that
 * added a field still reads. Errors are InvalidArgument "<key>: <reason>"
 * ("status: 'doing' is not one of backlog, in_progress, completed, blocked").
 */
[[nodiscard]] core::Result<core::Task> taskFromJson(const QJsonObject &object);
[[nodiscard]] core::Result<core::Project> projectFromJson(const QJsonObject &object);

} // namespace quire::exchange
