// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

namespace quire::app {

/**
 * @brief The payloads of the change signals (the contract's "eventPayloads"): what changed, so
 * that every open view patches its cache instead of loading its lists again. `rowsKey` is the
 * payload's key for rows ("tasks", "projects"). Documents, as the channel takes them (envelope.h).
 */
namespace change_events {

/** @brief Rows that were created or changed, given as they now are. */
[[nodiscard]] QJsonDocument upserted(const QString &rowsKey, const QJsonArray &rows);
/** @brief Rows that no longer exist. */
[[nodiscard]] QJsonDocument deleted(const QString &rowsKey, const QStringList &ids);
/** @brief Anything may have changed: views load again. */
[[nodiscard]] QJsonDocument reset(const QString &rowsKey);

} // namespace change_events
} // namespace quire::app
