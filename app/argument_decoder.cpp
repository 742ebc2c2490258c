// SPDX-License-Identifier: MIT
#include "argument_decoder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

using core::ErrorCode;
using core::fail;

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Array: return u"an array"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: return u"undefined"_s;
    }
    return u"unknown"_s;
}

/**
 * The first Unicode noncharacter in valid UTF-16 `text` (U+FDD0..U+FDEF, and the last two code
 * points of each plane). SQLite turns U+FFFE and U+FFFF into U+FFFD when it hands text back as
 * UTF-16, so such text would not come back as it was given: it is refused instead.
 */
std::optional<char32_t> firstNoncharacter(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size())
            c = QChar::surrogateToUcs4(static_cast<char16_t>(c), text[++i].unicode());
        if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
            return c;
    }
    return std::nullopt;
}

core::Result<> checkString(const QString &key, const QString &text)
{
    if (text.size() > kMaxStringLength)
        return fail(ErrorCode::InvalidArgument,
            u"'%1' is too long (%2 characters; the limit is %3)"_s.arg(key).arg(text.size()).arg(kMaxStringLength));
    if (text.contains(QChar(u'\0')))
        return fail(ErrorCode::InvalidArgument, u"'%1' must not contain NUL characters"_s.arg(key));
    if (!QStringView(text).isValidUtf16())
        return fail(ErrorCode::InvalidArgument, u"'%1' is not valid Unicode text"_s.arg(key));
    if (const std::optional<char32_t> c = firstNoncharacter(text)) {
        const QString code = QString::number(static_cast<uint>(*c), 16).toUpper().rightJustified(4, u'0');
        return fail(ErrorCode::InvalidArgument,
            u"'%1' contains U+%2, a Unicode noncharacter, which Quire cannot store exactly"_s.arg(key, code));
    }
    return {};
}

/**
 * Text that names one instant: a date and a time with its offset from UTC. parseTimestamp() alone
 * would also take a bare day or a time without offset, read in this machine's zone.
 */
bool isInstant(const QString &text)
{
    static const QRegularExpression instant(
        u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$"_s);
    return instant.match(text).hasMatch() && core::parseTimestamp(text).has_value();
}

core::Result<> checkListLength(const QString &key, const QJsonArray &array)
{
    if (array.size() > kMaxListLength)
        return fail(ErrorCode::InvalidArgument,
            u"'%1' has too many elements (%2; the limit is %3)"_s.arg(key).arg(array.size()).arg(kMaxListLength));
    return {};
}

core::Result<> checkValue(const ArgSpec &arg, const QString &key, const QJsonValue &value)
{
    switch (arg.type) {
    case ArgType::String:
    case ArgType::Enum: {
        if (!value.isString())
            return fail(ErrorCode::InvalidArgument, u"'%1' must be a string, got %2"_s.arg(key, jsonTypeName(value)));
        const QString text = value.toString();
        if (auto ok = checkString(key, text); !ok)
            return ok;
        if (arg.type == ArgType::Enum && !arg.enumValues.contains(text))
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be one of %2; got '%3'"_s.arg(key, arg.enumValues.join(u", "_s), text.left(80)));
        return {};
    }
    case ArgType::Boolean:
        if (!value.isBool())
            return fail(
                ErrorCode::InvalidArgument, u"'%1' must be true or false, got %2"_s.arg(key, jsonTypeName(value)));
        return {};
    case ArgType::LocalDate:
        if (!value.isString() || !core::parseLocalDate(value.toString()))
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM, got %2"_s.arg(key,
                    value.isString() ? QString(u"'"_s % value.toString().left(80) % u"'"_s) : jsonTypeName(value)));
        return {};
    case ArgType::Timestamp:
        if (!value.isString() || !isInstant(value.toString()))
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be a time as an updatedAt gives it (YYYY-MM-DDTHH:MM:SS.sssZ), got %2"_s.arg(key,
                    value.isString() ? QString(u"'"_s % value.toString().left(80) % u"'"_s) : jsonTypeName(value)));
        return {};
    case ArgType::Count: {
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > static_cast<double>(kMaxCount) || number != std::floor(number))
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be a whole number from 0 to %2, got %3"_s.arg(key).arg(kMaxCount).arg(
                    value.isDouble() ? QString::number(number, 'g', 17) : jsonTypeName(value)));
        return {};
    }
    case ArgType::StringList: {
        if (!value.isArray())
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be an array of strings, got %2"_s.arg(key, jsonTypeName(value)));
        const QJsonArray array = value.toArray();
        if (auto ok = checkListLength(key, array); !ok)
            return ok;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue element = array.at(i);
            const QString elementKey = u"%1[%2]"_s.arg(key).arg(i);
            if (!element.isString())
                return fail(ErrorCode::InvalidArgument,
                    u"'%1' must be a string, got %2"_s.arg(elementKey, jsonTypeName(element)));
            if (auto ok = checkString(elementKey, element.toString()); !ok)
                return ok;
        }
        return {};
    }
    case ArgType::RecordList: break; // checkedRecordList()
    }
    return fail(ErrorCode::Internal, u"unhandled argument type for '%1'"_s.arg(key));
}

/** The spec of the key spelled `given`: its own camelCase name or camelToSnake() of it, nothing looser. */
const ArgSpec *findArg(const QList<ArgSpec> &specs, const QString &given)
{
    for (const ArgSpec &arg : specs) {
        if (arg.key == given || camelToSnake(arg.key) == given)
            return &arg;
    }
    return nullptr;
}

QString expectedKeys(const QList<ArgSpec> &specs)
{
    if (specs.isEmpty())
        return u"this command takes no arguments"_s;
    QStringList keys;
    for (const ArgSpec &arg : specs)
        keys.append(arg.key);
    return u"expected one of: "_s + keys.join(u", "_s);
}

core::Result<QJsonValue> checkedValue(const ArgSpec &arg, const QString &key, const QJsonValue &value);

/**
 * The keys of `object` checked against `specs` and spelled in camelCase, absent-meaning nulls
 * dropped; `prefix` goes before each key in messages ("checklist[2].").
 */
core::Result<QHash<QString, QJsonValue>> decodeKeys(
    const QList<ArgSpec> &specs, const QJsonObject &object, const QString &prefix)
{
    QHash<QString, QJsonValue> values;
    QHash<QString, QString> spelledAs;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString given = it.key();
        const ArgSpec *arg = findArg(specs, given);
        if (!arg)
            return fail(ErrorCode::InvalidArgument,
                u"unknown key '%1%2' (%3)"_s.arg(prefix, given.left(80), expectedKeys(specs)));
        const QString key = prefix + arg->key;
        if (const auto previous = spelledAs.constFind(arg->key); previous != spelledAs.cend())
            return fail(
                ErrorCode::InvalidArgument, u"key '%1' is given twice (as '%2' and '%3')"_s.arg(key, *previous, given));
        spelledAs.insert(arg->key, given);

        const QJsonValue value = it.value();
        if (value.isNull()) {
            if (arg->null == NullMeaning::Reject)
                return fail(ErrorCode::InvalidArgument, u"'%1' must not be null"_s.arg(key));
            if (arg->null == NullMeaning::Absent)
                continue;
            values.insert(arg->key, value);
        } else if (auto checked = checkedValue(*arg, key, value); !checked) {
            return std::unexpected(checked.error());
        } else {
            values.insert(arg->key, *checked);
        }
    }
    for (const ArgSpec &arg : specs) {
        if (arg.required && !values.contains(arg.key))
            return fail(ErrorCode::InvalidArgument, u"missing required key '%1%2'"_s.arg(prefix, arg.key));
    }
    return values;
}

/** A list of records, each element's keys checked and spelled in camelCase. */
core::Result<QJsonValue> checkedRecordList(const ArgSpec &arg, const QString &key, const QJsonValue &value)
{
    if (!value.isArray())
        return fail(ErrorCode::InvalidArgument,
            u"'%1' must be an array of %2 objects, got %3"_s.arg(key, arg.typeName, jsonTypeName(value)));
    const QJsonArray array = value.toArray();
    if (auto ok = checkListLength(key, array); !ok)
        return std::unexpected(ok.error());
    QJsonArray records;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        const QString elementKey = u"%1[%2]"_s.arg(key).arg(i);
        if (!element.isObject())
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be a %2 object, got %3"_s.arg(elementKey, arg.typeName, jsonTypeName(element)));
        auto fields = decodeKeys(arg.fields, element.toObject(), elementKey + u'.');
        if (!fields)
            return std::unexpected(fields.error());
        QJsonObject record;
        for (auto it = fields->cbegin(); it != fields->cend(); ++it)
            record.insert(it.key(), it.value());
        records.append(record);
    }
    return QJsonValue(records);
}

core::Result<QJsonValue> checkedValue(const ArgSpec &arg, const QString &key, const QJsonValue &value)
{
    if (arg.type == ArgType::RecordList)
        return checkedRecordList(arg, key, value);
    if (auto ok = checkValue(arg, key, value); !ok)
        return std::unexpected(ok.error());
    return value;
}

} // namespace

QString camelToSnake(const QString &key)
{
    QString snake;
    snake.reserve(key.size() + 4);
    for (const QChar c : key) {
        if (c.isUpper())
            snake.append(u'_').append(c.toLower());
        else
            snake.append(c);
    }
    return snake;
}

qsizetype callSize(const QJsonValue &raw, qsizetype limit)
{
    // A stack rather than recursion: the raw protocol may nest 10 000 levels deep.
    QList<QJsonValue> pending {raw};
    qsizetype size = 0;
    while (!pending.isEmpty() && size <= limit) {
        const QJsonValue value = pending.takeLast();
        if (value.isString()) {
            size += value.toString().size();
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            size += 1;
            for (const auto &element : array)
                pending.append(element);
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            size += 1;
            for (auto it = object.begin(); it != object.end(); ++it) {
                size += it.key().size();
                pending.append(it.value());
            }
        } else {
            size += 1;
        }
    }
    return size;
}

core::Result<Arguments> decodeArguments(const CommandSpec &spec, const QJsonValue &raw)
{
    if (callSize(raw) > kMaxCallSize) {
        return fail(ErrorCode::InvalidArgument,
            u"the call is too large: one call may carry at most %1 characters of keys and text"_s.arg(kMaxCallSize));
    }
    if (!raw.isObject() && !raw.isNull() && !raw.isUndefined())
        return fail(ErrorCode::InvalidArgument, u"arguments must be a JSON object, got %1"_s.arg(jsonTypeName(raw)));
    auto values = decodeKeys(spec.args, raw.toObject(), QString());
    if (!values)
        return std::unexpected(std::move(values.error()));
    Arguments arguments;
    arguments.m_values = std::move(*values);
    return arguments;
}

std::optional<qint64> Arguments::optionalCount(const QString &key) const
{
    const QJsonValue value = m_values.value(key);
    return value.isDouble() ? std::optional(static_cast<qint64>(value.toDouble())) : std::nullopt;
}

} // namespace quire::app
