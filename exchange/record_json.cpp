// SPDX-License-Identifier: MIT
#include <quire/exchange/record_json.h>

#include "field_text.h"

#include <quire/core/checklist_item.h>
#include <quire/core/enums.h>
#include <quire/core/local_date.h>
#include <quire/core/record.h>
#include <quire/core/timestamp.h>

#include <QDateTime>
#include <QJsonValue>

#include <type_traits>

using namespace Qt::StringLiterals;

namespace quire::exchange {
namespace {

// ---- Encoding ----------------------------------------------------------------

template<class Record>
QJsonArray toJsonArray(const QList<Record> &records);

template<class T>
QJsonValue toJsonValue(const T &value)
{
    if constexpr (std::is_same_v<T, QString> || std::is_same_v<T, bool> || std::is_same_v<T, qint64>)
        return value;
    else if constexpr (core::IsRecordList<T>::value)
        return toJsonArray(value);
    else if constexpr (std::is_same_v<T, QStringList>)
        return QJsonArray::fromStringList(value);
    else if constexpr (std::is_same_v<T, QDateTime>)
        return core::formatTimestamp(value);
    else if constexpr (std::is_same_v<T, core::LocalDate>)
        return core::formatLocalDate(value);
    else if constexpr (std::is_enum_v<T>)
        return core::enumName(value);
    else
        return value ? toJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

/** The wire shape of any record: every field under its key, in field order. */
template<class Record>
QJsonObject recordToJson(const Record &record)
{
    QJsonObject object;
    core::forEachField(core::RecordTraits<Record>::fields,
        [&](const auto &field) { object.insert(QStringView(field.key), toJsonValue(record.*field.member)); });
    return object;
}

/** A list of records (tasks, a task's checklist) as an array of their wire shapes. */
template<class Record>
QJsonArray toJsonArray(const QList<Record> &records)
{
    QJsonArray array;
    for (const Record &record : records)
        array.append(recordToJson(record));
    return array;
}

// ---- Decoding ----------------------------------------------------------------

template<class Record>
core::Result<Record> recordFromJson(const QJsonObject &object);

template<class T>
struct OptionalValue {
    using type = void;
};
template<class T>
struct OptionalValue<std::optional<T>> {
    using type = T;
};

/** "item 3: <reason>": which element of an array a reason is about, counted from 1 as people do. */
QString itemReason(qsizetype index, const QString &reason)
{
    return u"item %1: "_s.arg(index + 1) + reason;
}

template<class T>
Parsed<T> fromJsonValue(const QJsonValue &value);

template<class Element>
Parsed<QList<Element>> listFromJson(const QJsonValue &value)
{
    if (!value.isArray())
        return std::unexpected(u"must be an array"_s);
    const QJsonArray array = value.toArray();
    QList<Element> list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto element = fromJsonValue<Element>(array.at(i));
        if (!element)
            return std::unexpected(itemReason(i, element.error()));
        list.append(std::move(*element));
    }
    return list;
}

/** A field whose JSON is text in a spelling of its own (an enum, a timestamp, a date). */
template<class T>
Parsed<T> fromJsonText(const QJsonValue &value, Parsed<T> (*parse)(QStringView))
{
    if (!value.isString())
        return std::unexpected(u"must be a string"_s);
    return parse(value.toString());
}

template<class T>
Parsed<T> fromJsonValue(const QJsonValue &value)
{
    if constexpr (core::IsOptional<T>::value) {
        if (value.isNull() || value.isUndefined())
            return T();
        auto inner = fromJsonValue<typename OptionalValue<T>::type>(value);
        if (!inner)
            return std::unexpected(std::move(inner.error()));
        return T(std::move(*inner));
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!value.isBool())
            return std::unexpected(u"must be true or false"_s);
        return value.toBool();
    } else if constexpr (std::is_same_v<T, QString>) {
        if (!value.isString())
            return std::unexpected(u"must be a string"_s);
        return value.toString();
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        return fromJsonText<QDateTime>(value, &timestampFromText);
    } else if constexpr (std::is_same_v<T, core::LocalDate>) {
        return fromJsonText<core::LocalDate>(value, &localDateFromText);
    } else if constexpr (std::is_enum_v<T>) {
        return fromJsonText<T>(value, &enumFromText<T>);
    } else if constexpr (std::is_same_v<T, QStringList> || core::IsRecordList<T>::value) {
        return listFromJson<typename T::value_type>(value);
    } else {
        if (!value.isObject())
            return std::unexpected(u"must be an object"_s);
        auto record = recordFromJson<T>(value.toObject());
        if (!record)
            return std::unexpected(std::move(record.error().message));
        return std::move(*record);
    }
}

/** Every field of Record from `object`, by its field table; the first bad field is the error. */
template<class Record>
core::Result<Record> recordFromJson(const QJsonObject &object)
{
    Record record;
    std::optional<core::Error> error;
    core::forEachField(core::RecordTraits<Record>::fields, [&](const auto &field) {
        using T = typename std::decay_t<decltype(field)>::Type;
        if (error)
            return;
        const QString key = QString::fromUtf16(field.key.data(), static_cast<qsizetype>(field.key.size()));
        const auto found = object.constFind(key);
        if (found == object.constEnd() && !core::IsOptional<T>::value) {
            error = core::Error {core::ErrorCode::InvalidArgument, key + u": is missing"_s};
            return;
        }
        auto value = fromJsonValue<T>(found == object.constEnd() ? QJsonValue(QJsonValue::Undefined) : *found);
        if (!value) {
            error = core::Error {core::ErrorCode::InvalidArgument, key + u": "_s + value.error()};
            return;
        }
        record.*field.member = std::move(*value);
    });
    if (error)
        return std::unexpected(std::move(*error));
    return record;
}

} // namespace

QJsonObject toJson(const core::Task &task)
{
    return recordToJson(task);
}

QJsonObject toJson(const core::Project &project)
{
    return recordToJson(project);
}

QJsonArray toJson(const QList<core::Task> &tasks)
{
    return toJsonArray(tasks);
}

QJsonArray toJson(const QList<core::Project> &projects)
{
    return toJsonArray(projects);
}

QJsonObject toJson(const core::UndoState &state)
{
    return recordToJson(state);
}

QJsonObject toJson(const core::UndoStep &step)
{
    return recordToJson(step);
}

QJsonObject toJson(const core::ImportPreview &preview)
{
    return recordToJson(preview);
}

QJsonObject toJson(const core::TransferSummary &summary)
{
    return recordToJson(summary);
}

QJsonObject toJson(const core::DatabaseInfo &info)
{
    return recordToJson(info);
}

core::Result<core::Task> taskFromJson(const QJsonObject &object)
{
    return recordFromJson<core::Task>(object);
}

core::Result<core::Project> projectFromJson(const QJsonObject &object)
{
    return recordFromJson<core::Project>(object);
}

} // namespace quire::exchange
