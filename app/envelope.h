// SPDX-License-Identifier: MIT
#pragma once

#include <error.h>

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
 * @brief The text a successful envelope as JSON text starts with; the data's JSON text and
 * kOkEnvelopeTextEnd complete it. For large replies sent as one JSON string (see dispatchTextCommand).
 */
inline constexpr QStringView kOkEnvelopeTextStart = u"{\"ok\":true,\"data\":";
inline constexpr QStringView kOkEnvelopeTextEnd = u"}";

/** @brief errorEnvelope() as compact JSON text. */
[[nodiscard]] QString errorEnvelopeText(const core::Error &error, QStringView action);

} // namespace quire::app
