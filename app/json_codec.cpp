// SPDX-License-Identifier: MIT
#include "json_codec.h"

#include <quire/core/enums.h>

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

QJsonValue nullable(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

template<class E>
QJsonValue nullable(const std::optional<E> &value)
{
    return value ? QJsonValue(core::enumName(*value)) : QJsonValue(QJsonValue::Null);
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

template<class T>
QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

} // namespace

QJsonObject toJson(const core::Task &task)
{
    return {
        {u"id"_s, task.id},
        {u"title"_s, task.title},
        {u"description"_s, nullable(task.description)},
        {u"priority"_s, core::enumName(task.priority)},
        {u"status"_s, core::enumName(task.status)},
        {u"complexity"_s, nullable(task.complexity)},
        {u"type"_s, nullable(task.type)},
        {u"tags"_s, QJsonArray::fromStringList(task.tags)},
        {u"projectIds"_s, QJsonArray::fromStringList(task.projectIds)},
        {u"createdAt"_s, timestamp(task.createdAt)},
        {u"updatedAt"_s, timestamp(task.updatedAt)},
    };
}

QJsonObject toJson(const core::Project &project)
{
    return {
        {u"id"_s, project.id},
        {u"name"_s, project.name},
        {u"description"_s, nullable(project.description)},
        {u"createdAt"_s, timestamp(project.createdAt)},
        {u"updatedAt"_s, timestamp(project.updatedAt)},
    };
}

QJsonArray toJson(const QList<core::Task> &tasks)
{
    return toJsonArray(tasks);
}

QJsonArray toJson(const QList<core::Project> &projects)
{
    return toJsonArray(projects);
}

} // namespace quire::app
