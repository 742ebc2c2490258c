// SPDX-License-Identifier: MIT
// A port of generateKeyBetween() from the npm package "fractional-indexing" by Rocicorp (MIT,
// https://github.com/rocicorp/fractional-indexing), itself after David Greenspan's "Implementing
// Fractional Indexing" (https://observablehq.com/@dgreensp/implementing-fractional-indexing),
// with base-62 digits. Same keys as the library for the same inputs.
#include <quire/core/order_key.h>

#include <algorithm>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

/** In ascending character order, so digit order is byte order and keys sort as plain strings. */
constexpr QStringView digits = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int base = 62;
constexpr char16_t zero = u'0';
constexpr char16_t largestDigit = u'z';
constexpr qsizetype longestInteger = 27; // heads 'z' and 'A'

/** 0..61 for a base-62 digit, -1 for anything else. */
int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'Z')
        return u - u'A' + 10;
    if (u >= u'a' && u <= u'z')
        return u - u'a' + 36;
    return -1;
}

QChar digitAt(int value)
{
    return digits[value];
}

/**
 * Length of the integer part its head letter announces, 0 when `head` is no letter. 'a'..'z' head
 * 2..27 characters ("az" is followed by "b00"), 'Z'..'A' 2..27 going down ("Zz" precedes "a0",
 * "Yzz" precedes "Z0"): the head grows with the value, so longer integers still sort right.
 */
qsizetype integerLength(QChar head)
{
    const char16_t u = head.unicode();
    if (u >= u'a' && u <= u'z')
        return u - u'a' + 2;
    if (u >= u'A' && u <= u'Z')
        return u'Z' - u + 2;
    return 0;
}

/** "A" + 26 × '0': the smallest integer. As a whole key nothing could come before it. */
bool isSmallestInteger(QStringView integer)
{
    if (integer.size() != longestInteger || integer.front() != u'A')
        return false;
    for (const QChar c : integer.sliced(1)) {
        if (c != zero)
            return false;
    }
    return true;
}

/** The next integer part, nullopt after the largest ("z" + 26 × 'z'). `integer` is valid. */
std::optional<QString> incrementInteger(QStringView integer)
{
    const char16_t head = integer.front().unicode();
    QString tail = integer.sliced(1).toString();
    for (qsizetype i = tail.size() - 1; i >= 0; --i) {
        const int value = digitValue(tail[i]);
        if (value + 1 < base) {
            tail[i] = digitAt(value + 1);
            return QString(QChar(head) + tail);
        }
        tail[i] = zero;
    }
    // Every digit carried: the head moves on and the tail (now all '0') grows or shrinks by one.
    if (head == u'Z')
        return u"a0"_s;
    if (head == u'z')
        return std::nullopt;
    const auto next = static_cast<char16_t>(head + 1);
    if (next > u'a')
        tail.append(QChar(zero));
    else
        tail.chop(1);
    return QString(QChar(next) + tail);
}

/** The previous integer part, nullopt before the smallest ("A" + 26 × '0'). `integer` is valid. */
std::optional<QString> decrementInteger(QStringView integer)
{
    const char16_t head = integer.front().unicode();
    QString tail = integer.sliced(1).toString();
    for (qsizetype i = tail.size() - 1; i >= 0; --i) {
        const int value = digitValue(tail[i]);
        if (value > 0) {
            tail[i] = digitAt(value - 1);
            return QString(QChar(head) + tail);
        }
        tail[i] = largestDigit;
    }
    // Every digit borrowed: the head moves back and the tail (now all 'z') grows or shrinks by one.
    if (head == u'a')
        return u"Zz"_s;
    if (head == u'A')
        return std::nullopt;
    const auto previous = static_cast<char16_t>(head - 1);
    if (previous < u'Z')
        tail.append(QChar(largestDigit));
    else
        tail.chop(1);
    return QString(QChar(previous) + tail);
}

/**
 * A fraction strictly between `a` and `b` (empty: no upper bound), no trailing '0'. `a` may be
 * empty; neither ends in '0' and a < b. The library's recursion, as a loop: emit the common
 * prefix (reading a missing digit of `a` as '0'), then the middle digit if there is room, else
 * `b`'s first digit when `b` goes on, else `a`'s first digit and look again with no upper bound.
 * (No std::optional for the bound: GCC 12 at -O3 warns, falsely, that it may be read unset.)
 */
QString midpoint(QStringView a, QStringView b)
{
    QString result;
    while (true) {
        const bool bounded = !b.isEmpty();
        if (bounded) {
            qsizetype n = 0;
            while (n < b.size() && (n < a.size() ? a[n] : QChar(zero)) == b[n])
                ++n;
            result += b.first(n);
            a = a.sliced(std::min(n, a.size()));
            b = b.sliced(n);
        }
        const int digitA = a.isEmpty() ? 0 : digitValue(a.front());
        const int digitB = bounded ? digitValue(b.front()) : base;
        if (digitB - digitA > 1) {
            result += digitAt((digitA + digitB + 1) / 2); // Math.round(0.5 * (a + b)) rounds halves up
            return result;
        }
        if (bounded && b.size() > 1) {
            result += b.front();
            return result;
        }
        result += digitAt(digitA);
        a = a.isEmpty() ? a : a.sliced(1);
        b = {};
    }
}

std::unexpected<Error> invalid(const QString &message)
{
    return fail(ErrorCode::InvalidArgument, u"order key: "_s + message);
}

} // namespace

bool isValidOrderKey(QStringView key)
{
    if (key.isEmpty())
        return false;
    const qsizetype length = integerLength(key.front());
    if (length == 0 || key.size() < length)
        return false;
    for (const QChar c : key.sliced(1)) {
        if (digitValue(c) < 0)
            return false;
    }
    if (key.size() > length && key.back() == zero)
        return false;
    return !isSmallestInteger(key);
}

Result<QString> orderKeyBetween(QStringView before, QStringView after)
{
    if (!before.isEmpty() && !isValidOrderKey(before))
        return invalid(u"\""_s + before + u"\" is not a valid key"_s);
    if (!after.isEmpty() && !isValidOrderKey(after))
        return invalid(u"\""_s + after + u"\" is not a valid key"_s);
    if (!before.isEmpty() && !after.isEmpty() && before.compare(after) >= 0)
        return invalid(u"\""_s + before + u"\" does not sort before \""_s + after + u"\""_s);

    if (before.isEmpty()) {
        if (after.isEmpty())
            return u"a0"_s;
        const QStringView integer = after.first(integerLength(after.front()));
        const QStringView fraction = after.sliced(integer.size());
        if (isSmallestInteger(integer))
            return QString(integer + midpoint({}, fraction));
        if (!fraction.isEmpty())
            return integer.toString(); // the bare integer sorts before any key it prefixes
        // Never nullopt: the smallest integer is only valid with a fraction, handled above.
        return decrementInteger(integer).value_or(QString());
    }

    const QStringView integerA = before.first(integerLength(before.front()));
    const QStringView fractionA = before.sliced(integerA.size());
    if (after.isEmpty()) {
        if (auto next = incrementInteger(integerA))
            return *std::move(next);
        return QString(integerA + midpoint(fractionA, {})); // after the largest integer
    }

    const QStringView integerB = after.first(integerLength(after.front()));
    const QStringView fractionB = after.sliced(integerB.size());
    if (integerA == integerB)
        return QString(integerA + midpoint(fractionA, fractionB));
    // Different integers: the next integer when it still sorts before `after` (short keys while
    // appending), otherwise `after` is exactly that integer and only a longer fraction of `before` fits.
    if (const auto next = incrementInteger(integerA); next && QStringView(*next).compare(after) < 0)
        return *next;
    return QString(integerA + midpoint(fractionA, {}));
}

} // namespace quire::core
