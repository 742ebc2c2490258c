// SPDX-License-Identifier: MIT
#include "timestamp.h"

#include <algorithm>

namespace quire::core {

QDateTime currentTimestamp()
{
    // currentDateTimeUtc() already has millisecond resolution; round-tripping through text must be lossless.
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
}

QDateTime nextUpdateTimestamp(const QDateTime &previous)
{
    return std::max(currentTimestamp(), previous.addMSecs(1));
}

QString formatTimestamp(const QDateTime &timestamp)
{
    return timestamp.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> parseTimestamp(const QString &text)
{
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toUTC();
}

} // namespace quire::core
