// SPDX-License-Identifier: MIT
#pragma once

#include <error.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

namespace quire::app {

/** @brief {"ok": true, "data": data} */
[[nodiscard]] QJsonObject okEnvelope(const QJsonValue &data);

/**
 * @brief {"ok": false, "error": {"code": "...", "message": "Failed to <action>: <reason>"}}.
 * The only place where a core::Error becomes the IPC error shape.
 */
[[nodiscard]] QJsonObject errorEnvelope(const core::Error &error, QStringView action);

[[nodiscard]] QJsonObject toEnvelope(const core::Result<QJsonValue> &result, QStringView action);

} // namespace quire::app
