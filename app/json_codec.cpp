// SPDX-License-Identifier: MIT
#include "json_codec.h"

#include <quire/core/enums.h>
#include <quire/core/local_date.h>
#include <quire/core/record.h>
#include <quire/core/timestamp.h>

#include <QDateTime>

#include <type_traits>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

template<class Record>
QJsonArray toJsonArray(const QList<Record> &records);

template<class T>
QJsonValue toJsonValue(const T &value)
{
    if constexpr (std::is_same_v<T, QString> || std::is_same_v<T, bool>)
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

} // namespace quire::app
