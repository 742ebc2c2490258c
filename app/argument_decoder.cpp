// SPDX-License-Identifier: MIT
#include "argument_decoder.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

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

core::Result<> checkString(const QString &key, const QString &text)
{
    if (text.size() > kMaxStringLength)
        return fail(ErrorCode::InvalidArgument,
            u"'%1' is too long (%2 characters; the limit is %3)"_s.arg(key).arg(text.size()).arg(kMaxStringLength));
    if (text.contains(QChar(u'\0')))
        return fail(ErrorCode::InvalidArgument, u"'%1' must not contain NUL characters"_s.arg(key));
    if (!QStringView(text).isValidUtf16())
        return fail(ErrorCode::InvalidArgument, u"'%1' is not valid Unicode text"_s.arg(key));
    return {};
}

core::Result<> checkValue(const ArgSpec &arg, const QJsonValue &value)
{
    switch (arg.type) {
    case ArgType::String:
    case ArgType::Enum: {
        if (!value.isString())
            return fail(
                ErrorCode::InvalidArgument, u"'%1' must be a string, got %2"_s.arg(arg.key, jsonTypeName(value)));
        const QString text = value.toString();
        if (auto ok = checkString(arg.key, text); !ok)
            return ok;
        if (arg.type == ArgType::Enum && !arg.enumValues.contains(text))
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be one of %2; got '%3'"_s.arg(arg.key, arg.enumValues.join(u", "_s), text.left(80)));
        return {};
    }
    case ArgType::Boolean:
        if (!value.isBool())
            return fail(
                ErrorCode::InvalidArgument, u"'%1' must be true or false, got %2"_s.arg(arg.key, jsonTypeName(value)));
        return {};
    case ArgType::LocalDate:
        if (!value.isString() || !core::parseLocalDate(value.toString()))
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM, got %2"_s.arg(arg.key,
                    value.isString() ? QString(u"'"_s % value.toString().left(80) % u"'"_s) : jsonTypeName(value)));
        return {};
    case ArgType::Count: {
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > static_cast<double>(kMaxCount) || number != std::floor(number))
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be a whole number from 0 to %2, got %3"_s.arg(arg.key).arg(kMaxCount).arg(
                    value.isDouble() ? QString::number(number, 'g', 17) : jsonTypeName(value)));
        return {};
    }
    case ArgType::StringList: {
        if (!value.isArray())
            return fail(ErrorCode::InvalidArgument,
                u"'%1' must be an array of strings, got %2"_s.arg(arg.key, jsonTypeName(value)));
        const QJsonArray array = value.toArray();
        if (array.size() > kMaxListLength)
            return fail(ErrorCode::InvalidArgument,
                u"'%1' has too many elements (%2; the limit is %3)"_s.arg(arg.key)
                    .arg(array.size())
                    .arg(kMaxListLength));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue element = array.at(i);
            const QString elementKey = u"%1[%2]"_s.arg(arg.key).arg(i);
            if (!element.isString())
                return fail(ErrorCode::InvalidArgument,
                    u"'%1' must be a string, got %2"_s.arg(elementKey, jsonTypeName(element)));
            if (auto ok = checkString(elementKey, element.toString()); !ok)
                return ok;
        }
        return {};
    }
    }
    return fail(ErrorCode::Internal, u"unhandled argument type for '%1'"_s.arg(arg.key));
}

const ArgSpec *findArg(const CommandSpec &spec, const QString &key)
{
    for (const ArgSpec &arg : spec.args) {
        if (arg.key == key)
            return &arg;
    }
    return nullptr;
}

QString expectedKeys(const CommandSpec &spec)
{
    if (spec.args.isEmpty())
        return u"this command takes no arguments"_s;
    QStringList keys;
    for (const ArgSpec &arg : spec.args)
        keys.append(arg.key);
    return u"expected one of: "_s + keys.join(u", "_s);
}

} // namespace

QString snakeToCamel(const QString &key)
{
    QString camel;
    camel.reserve(key.size());
    bool upperNext = false;
    for (const QChar c : key) {
        if (c == u'_' && !camel.isEmpty()) {
            upperNext = true;
            continue;
        }
        camel.append(upperNext ? c.toUpper() : c);
        upperNext = false;
    }
    return camel;
}

core::Result<Arguments> decodeArguments(const CommandSpec &spec, const QJsonValue &raw)
{
    if (!raw.isObject() && !raw.isNull() && !raw.isUndefined())
        return fail(ErrorCode::InvalidArgument, u"arguments must be a JSON object, got %1"_s.arg(jsonTypeName(raw)));

    Arguments arguments;
    QHash<QString, QString> spelledAs;
    const QJsonObject object = raw.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString given = it.key();
        const ArgSpec *arg = findArg(spec, given);
        if (!arg)
            arg = findArg(spec, snakeToCamel(given));
        if (!arg)
            return fail(ErrorCode::InvalidArgument, u"unknown key '%1' (%2)"_s.arg(given.left(80), expectedKeys(spec)));
        if (const auto previous = spelledAs.constFind(arg->key); previous != spelledAs.cend())
            return fail(ErrorCode::InvalidArgument,
                u"key '%1' is given twice (as '%2' and '%3')"_s.arg(arg->key, *previous, given));
        spelledAs.insert(arg->key, given);

        const QJsonValue value = it.value();
        if (value.isNull()) {
            if (arg->null == NullMeaning::Reject)
                return fail(ErrorCode::InvalidArgument, u"'%1' must not be null"_s.arg(arg->key));
            if (arg->null == NullMeaning::Absent)
                continue;
        } else if (auto ok = checkValue(*arg, value); !ok) {
            return std::unexpected(ok.error());
        }
        arguments.m_values.insert(arg->key, value);
    }

    for (const ArgSpec &arg : spec.args) {
        if (arg.required && !arguments.contains(arg.key))
            return fail(ErrorCode::InvalidArgument, u"missing required key '%1'"_s.arg(arg.key));
    }
    return arguments;
}

QString Arguments::string(const QString &key) const
{
    return m_values.value(key).toString();
}

QStringList Arguments::stringList(const QString &key) const
{
    QStringList list;
    const QJsonArray array = m_values.value(key).toArray();
    list.reserve(array.size());
    for (const auto &element : array)
        list.append(element.toString());
    return list;
}

std::optional<QStringList> Arguments::optionalStringList(const QString &key) const
{
    return m_values.value(key).isArray() ? std::optional(stringList(key)) : std::nullopt;
}

std::optional<bool> Arguments::optionalBool(const QString &key) const
{
    const QJsonValue value = m_values.value(key);
    return value.isBool() ? std::optional(value.toBool()) : std::nullopt;
}

core::LocalDate Arguments::localDate(const QString &key) const
{
    // decodeArguments() checked the text, so the fallback is never taken.
    return core::parseLocalDate(string(key)).value_or(core::LocalDate {});
}

std::optional<core::LocalDate> Arguments::optionalLocalDate(const QString &key) const
{
    return m_values.value(key).isString() ? std::optional(localDate(key)) : std::nullopt;
}

std::optional<qint64> Arguments::optionalCount(const QString &key) const
{
    const QJsonValue value = m_values.value(key);
    return value.isDouble() ? std::optional(static_cast<qint64>(value.toDouble())) : std::nullopt;
}

} // namespace quire::app
