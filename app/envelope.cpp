// SPDX-License-Identifier: MIT
#include "envelope.h"

#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace quire::app {

QJsonDocument okEnvelope(const QJsonValue &data)
{
    return QJsonDocument(QJsonObject {{u"ok"_s, true}, {u"data"_s, data}});
}

QJsonDocument errorEnvelope(const core::Error &error, QStringView action)
{
    const QString message = u"Failed to "_s + action + u": "_s + error.message;
    if (error.code == core::ErrorCode::Storage || error.code == core::ErrorCode::Internal)
        qCWarning(lcBridge).noquote() << message;
    const QJsonObject body {{u"code"_s, core::errorCodeName(error.code)}, {u"message"_s, message}};
    return QJsonDocument(QJsonObject {{u"ok"_s, false}, {u"error"_s, body}});
}

QJsonDocument toEnvelope(const core::Result<QJsonValue> &result, QStringView action)
{
    return result ? okEnvelope(*result) : errorEnvelope(result.error(), action);
}

QString okEnvelopeText(QByteArrayView data)
{
    static constexpr QStringView start = u"{\"ok\":true,\"data\":";
    static constexpr QStringView end = u"}";
    // UTF-8 never needs more UTF-16 units than it has bytes: one allocation, trimmed at the end.
    QString text(start.size() + data.size() + end.size(), Qt::Uninitialized);
    QChar *out = std::copy(start.begin(), start.end(), text.data());
    out = QStringDecoder(QStringDecoder::Utf8).appendToBuffer(out, data);
    out = std::copy(end.begin(), end.end(), out);
    text.truncate(out - text.constData());
    return text;
}

QString errorEnvelopeText(const core::Error &error, QStringView action)
{
    return QString::fromUtf8(errorEnvelope(error, action).toJson(QJsonDocument::Compact));
}

} // namespace quire::app
