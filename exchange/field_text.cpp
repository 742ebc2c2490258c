// SPDX-License-Identifier: MIT
#include "field_text.h"

#include <quire/core/timestamp.h>

using namespace Qt::StringLiterals;

namespace quire::exchange {

QString quoted(QStringView text)
{
    constexpr qsizetype longest = 60;
    if (text.size() <= longest)
        return u"'"_s + text + u"'"_s;
    return u"'"_s + text.first(longest) + u"…'"_s;
}

QString looseSpelling(QStringView text)
{
    QString spelling = text.trimmed().toString().toLower();
    spelling.replace(u'_', u' ').replace(u'-', u' ');
    return spelling;
}

Parsed<QDateTime> timestampFromText(QStringView text)
{
    if (auto timestamp = core::parseTimestamp(text))
        return *timestamp;
    return std::unexpected(quoted(text) + u" is not an RFC 3339 timestamp (2026-03-29T09:00:00.000Z)"_s);
}

Parsed<core::LocalDate> localDateFromText(QStringView text)
{
    if (auto date = core::parseLocalDate(text))
        return *date;
    return std::unexpected(quoted(text) + u" is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"_s);
}

} // namespace quire::exchange
