// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace quire::app {

/**
 * @brief The payloads of the change signals (the contract's "eventPayloads"): what changed, so
 * that every open view patches its cache instead of loading its lists again. `rowsKey` is the
 * payload's key for rows ("tasks", "projects").
 */
namespace change_events {

/** @brief Rows that were created or changed, given as they now are. */
[[nodiscard]] QJsonObject upserted(const QString &rowsKey, const QJsonArray &rows);
/** @brief Rows that no longer exist. */
[[nodiscard]] QJsonObject deleted(const QString &rowsKey, const QStringList &ids);
/** @brief Anything may have changed: views load again. */
[[nodiscard]] QJsonObject reset(const QString &rowsKey);

} // namespace change_events
} // namespace quire::app
