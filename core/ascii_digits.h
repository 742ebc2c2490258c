// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: fixed-width ASCII fields (dates, times) read straight from any view that
// QAnyStringView can hold, without converting the text first: listings parse one per row.

#include <QChar>
#include <QLatin1Char>
#include <QtGlobal>

#include <type_traits>

namespace quire::core::detail {

/** Unit `i` of `text` as a UTF-16 code unit; a UTF-8 unit as its byte (only ASCII matters here). */
template<class View>
char16_t asciiAt(const View &text, qsizetype i)
{
    const auto c = text[i];
    if constexpr (std::is_same_v<decltype(c), const QChar> || std::is_same_v<decltype(c), const QLatin1Char>)
        return c.unicode();
    else
        return static_cast<unsigned char>(c);
}

/** The number that the `length` decimal digits of `text` from `from` spell; -1 when one is not a digit. */
template<class View>
int fixedDigits(const View &text, qsizetype from, qsizetype length)
{
    int value = 0;
    for (qsizetype i = from; i < from + length; ++i) {
        const char16_t c = asciiAt(text, i);
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace quire::core::detail
