// SPDX-License-Identifier: MIT
#pragma once

#include <quire/exchange/parsed_file.h>

#include <quire/core/error.h>
#include <quire/core/operation.h>

#include <QString>

namespace quire::exchange {

/** @brief Where BlueKit keeps its database: ~/.bluekit/bluekit.db. */
[[nodiscard]] QString defaultBlueKitPath();

/**
 * @brief The projects and tasks of a BlueKit database (SQLite: tasks, task_projects, projects),
 * opened read-only so BlueKit's file is never changed. Ids, timestamps and links are kept;
 * priority, status, complexity and type map to Quire's enums of the same names, and a value Quire
 * does not know is an error naming the task. Tasks come in creation order. NotFound when the file
 * does not exist, InvalidArgument when it is not a BlueKit database; Cancelled when `operation` is.
 */
[[nodiscard]] core::Result<ParsedFile> readBlueKit(const QString &sqlitePath, core::Operation &operation);

} // namespace quire::exchange
