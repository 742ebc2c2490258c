// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace quire::test {

/**
 * @brief The tasks a columnar listing (app::taskColumnsJson) stands for, one object per
 * task as exchange::toJson() (quire/exchange/record_json.h) writes it: what frontend/src/ipc/task-columns.ts builds in
 * the page.
 *
 * A malformed listing (an array missing or of the wrong length, an enum index out of range) fails
 * the running test and gives what could be read.
 */
[[nodiscard]] QJsonArray taskRowsFromColumns(const QJsonObject &columns);
/** @brief The same, from the listing's UTF-8 JSON text. */
[[nodiscard]] QJsonArray taskRowsFromColumns(const QByteArray &json);

} // namespace quire::test
