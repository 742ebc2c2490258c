// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>

#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace quire::app {

// An envelope is handed to the channel as a QJsonDocument, never a QJsonObject: QWebChannel turns a
// QJsonObject into QVariantMaps and back, value by value, before it writes it (10 ms for a reply of
// 1 000 tasks), and passes a document on as it is. The bytes on the wire are the same.

/** @brief {"ok": true, "data": data} */
[[nodiscard]] QJsonDocument okEnvelope(const QJsonValue &data);

/**
 * @brief {"ok": false, "error": {"code": "...", "message": "Failed to <action>: <reason>"}}.
 * The only place where a core::Error becomes the IPC error shape.
 */
[[nodiscard]] QJsonDocument errorEnvelope(const core::Error &error, QStringView action);

[[nodiscard]] QJsonDocument toEnvelope(const core::Result<QJsonValue> &result, QStringView action);

/**
 * @brief okEnvelope() as JSON text around `data`, the data's own UTF-8 JSON text, decoded once
 * straight into the reply. For large replies sent as one JSON string (see dispatchTextCommand).
 */
[[nodiscard]] QString okEnvelopeText(QByteArrayView data);

/** @brief errorEnvelope() as compact JSON text. */
[[nodiscard]] QString errorEnvelopeText(const core::Error &error, QStringView action);

} // namespace quire::app
