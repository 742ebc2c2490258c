// SPDX-License-Identifier: MIT
#include "printers.h"
#include <quire/core/order_key.h>

#include <gtest/gtest.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <utility>

using namespace Qt::StringLiterals;
using quire::core::ErrorCode;
using quire::core::isValidOrderKey;
using quire::core::orderKeyBetween;

namespace {

/** The key, or "error: ..." so that a table row that fails shows why in the comparison. */
QString between(QStringView before, QStringView after)
{
    const auto key = orderKeyBetween(before, after);
    return key ? *key : u"error: "_s + key.error().message;
}

/** "A" + 26 × '0', the smallest integer part, which is no key on its own. */
QString smallestInteger()
{
    return u"A"_s + QString(26, u'0');
}

/** "z" + 26 × 'z', the largest integer part. */
QString largestInteger()
{
    return QString(27, u'z');
}

/** Keys as SQLite's BINARY collation sees them. */
std::string bytes(const QString &key)
{
    return key.toLatin1().toStdString();
}

/** Each key is valid and sorts (as bytes) strictly after the one before it. */
void expectValidAndStrictlyAscending(const QStringList &keys)
{
    for (qsizetype i = 0; i < keys.size(); ++i) {
        EXPECT_TRUE(isValidOrderKey(keys[i])) << "invalid key " << keys[i].toStdString() << " at " << i;
        if (i > 0) {
            EXPECT_LT(bytes(keys[i - 1]), bytes(keys[i])) << "out of order at " << i;
        }
    }
}

} // namespace

TEST(OrderKey, GivesTheSameKeysAsTheFractionalIndexingLibrary)
{
    // Given rows of the JS library's own test table ("" for its null) and a few more, each re-derived by hand
    struct Row {
        QString before;
        QString after;
        QString expected;
    };
    const QList<Row> rows {
        {u""_s, u""_s, u"a0"_s},
        {u""_s, u"a0"_s, u"Zz"_s},
        {u""_s, u"Zz"_s, u"Zy"_s},
        {u"a0"_s, u""_s, u"a1"_s},
        {u"a1"_s, u""_s, u"a2"_s},
        {u"a0"_s, u"a1"_s, u"a0V"_s},
        {u"a1"_s, u"a2"_s, u"a1V"_s},
        {u"a0V"_s, u"a1"_s, u"a0l"_s},
        {u"Zz"_s, u"a0"_s, u"ZzV"_s},
        {u"Zz"_s, u"a1"_s, u"a0"_s},
        {u""_s, u"Y00"_s, u"Xzzz"_s},
        {u"bzz"_s, u""_s, u"c000"_s},
        {u"a0"_s, u"a0V"_s, u"a0G"_s},
        {u"a0"_s, u"a0G"_s, u"a08"_s},
        {u"b125"_s, u"b129"_s, u"b127"_s},
        {u"a0"_s, u"a1V"_s, u"a1"_s},
        {u"Zz"_s, u"a01"_s, u"a0"_s},
        {u""_s, u"a0V"_s, u"a0"_s},
        {u""_s, u"b999"_s, u"b99"_s},
        // Where the integer part changes length: the neighbours of "az"/"b00" and "Yzz"/"Z0".
        {u"az"_s, u""_s, u"b00"_s},
        {u""_s, u"b00"_s, u"az"_s},
        {u"Yzz"_s, u""_s, u"Z0"_s},
        {u""_s, u"Z0"_s, u"Yzz"_s},
        // At the ends of the integer range only the fraction can move.
        {u""_s, smallestInteger() + u"1"_s, smallestInteger() + u"0V"_s},
        {QString(26, u'z') + u"y"_s, u""_s, largestInteger()},
        {largestInteger(), u""_s, largestInteger() + u"V"_s},
    };

    // When / Then
    for (const Row &row : rows) {
        EXPECT_EQ(between(row.before, row.after), row.expected)
            << "between(" << row.before.toStdString() << ", " << row.after.toStdString() << ")";
    }
}

TEST(OrderKey, RejectsInvalidBoundsAndBoundsOutOfOrder)
{
    // Given bounds that no key fits between or that orderKeyBetween() could never have given
    struct Row {
        QString before;
        QString after;
    };
    const QList<Row> rows {
        {u""_s, smallestInteger()}, // nothing sorts before it
        {u"a00"_s, u""_s}, // trailing '0' in the fraction
        {u"a00"_s, u"a1"_s},
        {u"0"_s, u""_s}, // no head letter
        {u"0"_s, u"1"_s},
        {u"a1"_s, u"a0"_s}, // before > after
        {u"a1"_s, u"a1"_s}, // before == after
        {u""_s, u"a"_s}, // integer part too short
        {u"b1"_s, u""_s},
        {u"a0-"_s, u""_s}, // not a base-62 digit
        {u""_s, u"a\u00e9"_s},
    };

    // When / Then
    for (const Row &row : rows) {
        const auto key = orderKeyBetween(row.before, row.after);
        ASSERT_FALSE(key.has_value()) << "between(" << row.before.toStdString() << ", " << row.after.toStdString()
                                      << ") gave " << key->toStdString();
        EXPECT_EQ(key.error().code, ErrorCode::InvalidArgument);
    }
}

TEST(OrderKey, TellsValidKeysFromInvalidOnes)
{
    // Given
    const QStringList valid {
        u"a0"_s,
        u"Zz"_s,
        u"a0V"_s,
        u"b00"_s,
        u"Xzzz"_s,
        smallestInteger() + u"1"_s,
        largestInteger(),
        largestInteger() + u"V"_s,
    };
    const QStringList invalid {
        u""_s,
        u"a"_s,
        u"b0"_s,
        u"Y0"_s,
        u"a00"_s,
        u"a0V0"_s,
        u"0"_s,
        u"-a0"_s,
        u"a0 "_s,
        u" a0"_s,
        u"a0_"_s,
        u"a\u0660"_s, // Arabic-Indic zero: a digit, but not base-62
        smallestInteger(),
    };

    // When / Then
    for (const QString &key : valid)
        EXPECT_TRUE(isValidOrderKey(key)) << key.toStdString();
    for (const QString &key : invalid)
        EXPECT_FALSE(isValidOrderKey(key)) << key.toStdString();
}

TEST(OrderKey, GivesAKeyStrictlyBetweenAnyTwoValidKeys)
{
    // Given random valid keys of every integer length, digits biased to '0' and 'z' so that
    // increments carry and decrements borrow across the head letter
    std::mt19937 random(7);
    const QString heads = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"_s;
    const QString digits = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"_s;
    const auto randomDigit = [&] {
        const auto kind = std::uniform_int_distribution<int>(0, 3)(random);
        if (kind < 2)
            return kind == 0 ? u'0' : u'z';
        return digits[std::uniform_int_distribution<qsizetype>(0, digits.size() - 1)(random)].unicode();
    };
    const auto randomKey = [&] {
        const QChar head = heads[std::uniform_int_distribution<qsizetype>(0, heads.size() - 1)(random)];
        const qsizetype integerLength = head.isLower() ? head.unicode() - u'a' + 2 : u'Z' - head.unicode() + 2;
        QString key(head);
        const qsizetype length = integerLength + std::uniform_int_distribution<qsizetype>(0, 3)(random);
        while (key.size() < length)
            key.append(QChar(randomDigit()));
        while (key.size() > integerLength && key.back() == u'0')
            key.chop(1);
        return key;
    };

    for (int i = 0; i < 20'000; ++i) {
        QString a = randomKey();
        QString b = randomKey();
        if (!isValidOrderKey(a) || !isValidOrderKey(b) || a == b)
            continue;
        if (bytes(b) < bytes(a))
            std::swap(a, b);

        // When / Then between them, after the smaller and before the larger
        for (const auto &[before, after] : {std::pair(a, b), std::pair(a, QString()), std::pair(QString(), b)}) {
            const QString key = between(before, after);
            ASSERT_TRUE(isValidOrderKey(key))
                << "between(" << before.toStdString() << ", " << after.toStdString() << ") = " << key.toStdString();
            if (!before.isEmpty()) {
                ASSERT_LT(bytes(before), bytes(key)) << after.toStdString();
            }
            if (!after.isEmpty()) {
                ASSERT_LT(bytes(key), bytes(after)) << before.toStdString();
            }
        }
    }
}

TEST(OrderKey, KeepsListOrderAndShortKeysThroughRandomMoves)
{
    // Given 200 tasks appended one after another
    QStringList keys;
    for (int i = 0; i < 200; ++i)
        keys.append(between(keys.isEmpty() ? QStringView() : QStringView(keys.back()), {}));
    std::mt19937 random(20260329);
    qsizetype longest = 0;

    // When each of 10 000 moves takes a task out and gives it a key between its new neighbours
    for (int move = 0; move < 10'000; ++move) {
        auto pick = std::uniform_int_distribution<qsizetype>(0, keys.size() - 1);
        keys.removeAt(pick(random));
        auto place = std::uniform_int_distribution<qsizetype>(0, keys.size());
        const qsizetype at = place(random);
        const QStringView before = at > 0 ? QStringView(keys[at - 1]) : QStringView();
        const QStringView after = at < keys.size() ? QStringView(keys[at]) : QStringView();
        const auto key = orderKeyBetween(before, after);
        ASSERT_TRUE(key.has_value()) << "move " << move << ": " << quire::test::describe(key.error());
        longest = std::max(longest, key->size());
        keys.insert(at, *key);
    }

    // Then sorting by key (as bytes) gives exactly the list order, and keys stayed short
    QStringList sorted = keys;
    std::ranges::sort(sorted, [](const QString &a, const QString &b) { return bytes(a) < bytes(b); });
    EXPECT_EQ(sorted, keys);
    expectValidAndStrictlyAscending(keys);
    EXPECT_LT(longest, 40);
}

TEST(OrderKey, KeepsKeysShortWhenAppendingOneAfterAnother)
{
    // Given / When 100 000 appends in a row
    QStringList keys;
    keys.reserve(100'000);
    qsizetype longest = 0;
    for (int i = 0; i < 100'000; ++i) {
        const auto key = orderKeyBetween(keys.isEmpty() ? QStringView() : QStringView(keys.back()), {});
        ASSERT_TRUE(key.has_value()) << "append " << i << ": " << quire::test::describe(key.error());
        longest = std::max(longest, key->size());
        keys.append(*key);
    }

    // Then only the integer part counts up: 62 two-character keys, 3 844 of three, then four
    expectValidAndStrictlyAscending(keys);
    EXPECT_EQ(keys[61], u"az"_s);
    EXPECT_EQ(keys[62], u"b00"_s);
    EXPECT_EQ(keys[62 + 3844], u"c000"_s);
    EXPECT_LE(longest, 4);
}

TEST(OrderKey, StaysOrderedWhenAlwaysInsertingAtTheFront)
{
    // Given / When 1000 inserts before the first task
    QStringList keys;
    for (int i = 0; i < 1000; ++i) {
        const auto key = orderKeyBetween({}, keys.isEmpty() ? QStringView() : QStringView(keys.front()));
        ASSERT_TRUE(key.has_value()) << "insert " << i << ": " << quire::test::describe(key.error());
        keys.prepend(*key);
    }

    // Then the integer part counts down: "a0", "Zz", "Zy", ...
    expectValidAndStrictlyAscending(keys);
    EXPECT_EQ(keys.back(), u"a0"_s);
    EXPECT_EQ(keys[keys.size() - 2], u"Zz"_s);
}

TEST(OrderKey, StaysOrderedWhenAlwaysInsertingBetweenTheFirstTwo)
{
    // Given two tasks
    QStringList keys {u"a0"_s, u"a1"_s};

    // When 1000 inserts go between the first and the second (the worst case: the gap halves each time)
    for (int i = 0; i < 1000; ++i) {
        const auto key = orderKeyBetween(keys[0], keys[1]);
        ASSERT_TRUE(key.has_value()) << "insert " << i << ": " << quire::test::describe(key.error());
        keys.insert(1, *key);
    }

    // Then
    expectValidAndStrictlyAscending(keys);
    EXPECT_EQ(keys.size(), 1002);
}
