// SPDX-License-Identifier: MIT
#pragma once

#include <quire/exchange/parsed_file.h>

#include <quire/core/data_transfer.h>
#include <quire/core/error.h>
#include <quire/core/operation.h>

#include <QByteArray>
#include <QByteArrayView>

namespace quire::exchange {

/** @brief The version of the Quire JSON format this build writes, and the newest it reads. */
inline constexpr int quireJsonVersion = 1;

/**
 * @brief Quire's own file: `{"format": "quire", "version": 1, "projects": [...], "tasks": [...]}`,
 * each record as the wire writes it (record_json.h), so nothing is lost: reading it back gives an
 * equal Snapshot.
 */
[[nodiscard]] core::Result<QByteArray> writeQuireJson(const core::Snapshot &snapshot, core::Operation &operation);

/**
 * @brief The inverse of writeQuireJson(). Errors name the record ("task 12: title: must be a
 * string", counted from 1 in file order); a file of a newer version is refused, saying so.
 */
[[nodiscard]] core::Result<ParsedFile> readQuireJson(QByteArrayView bytes, core::Operation &operation);

} // namespace quire::exchange
