// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
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

/**
 * @brief okEnvelope() as JSON text around `data`, the data's own UTF-8 JSON text, decoded once
 * straight into the reply. For large replies sent as one JSON string (see dispatchTextCommand).
 */
[[nodiscard]] QString okEnvelopeText(QByteArrayView data);

/** @brief errorEnvelope() as compact JSON text. */
[[nodiscard]] QString errorEnvelopeText(const core::Error &error, QStringView action);

} // namespace quire::app
