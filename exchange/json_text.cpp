// SPDX-License-Identifier: MIT
#include <quire/exchange/json_text.h>

namespace quire::exchange {

void appendJsonString(QByteArray &out, QStringView text)
{
    // The longest form of one UTF-16 unit is a six-byte \u00XX escape; the quotes take two.
    const qsizetype start = out.size();
    out.resize(start + 6 * text.size() + 2);
    char *to = out.data() + start;
    *to++ = '"';
    const char16_t *from = text.utf16();
    const char16_t *const end = from + text.size();
    static constexpr char hex[] = "0123456789abcdef";
    while (from < end) {
        char32_t c = *from++;
        if (c < 0x80) {
            if (c == u'"' || c == u'\\') {
                *to++ = '\\';
                *to++ = static_cast<char>(c);
            } else if (c < 0x20) {
                *to++ = '\\';
                *to++ = 'u';
                *to++ = '0';
                *to++ = '0';
                *to++ = hex[c >> 4];
                *to++ = hex[c & 0xf];
            } else {
                *to++ = static_cast<char>(c);
            }
            continue;
        }
        if (QChar::isHighSurrogate(c) && from < end && QChar::isLowSurrogate(*from))
            c = QChar::surrogateToUcs4(static_cast<char16_t>(c), *from++);
        else if (QChar::isSurrogate(c))
            c = QChar::ReplacementCharacter;
        if (c < 0x800) {
            *to++ = static_cast<char>(0xc0 | (c >> 6));
        } else if (c < 0x10000) {
            *to++ = static_cast<char>(0xe0 | (c >> 12));
            *to++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        } else {
            *to++ = static_cast<char>(0xf0 | (c >> 18));
            *to++ = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
            *to++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        }
        *to++ = static_cast<char>(0x80 | (c & 0x3f));
    }
    *to++ = '"';
    out.truncate(to - out.constData());
}

} // namespace quire::exchange
