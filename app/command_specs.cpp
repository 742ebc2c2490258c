// SPDX-License-Identifier: MIT
#include "command_specs.h"

#include "bridge_registry.h"

#include <enums.h>

#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

ArgSpec required(QString key, ArgType type = ArgType::String)
{
    return {std::move(key), type, true, NullMeaning::Reject, {}, {}};
}

ArgSpec optional(QString key, NullMeaning null, ArgType type = ArgType::String)
{
    return {std::move(key), type, false, null, {}, {}};
}

template<class E>
ArgSpec withEnum(ArgSpec spec)
{
    spec.type = ArgType::Enum;
    spec.enumKind = QString::fromLatin1(core::EnumTraits<E>::kind);
    spec.enumValues = core::enumNames<E>();
    return spec;
}

QList<CommandSpec> buildSpecs()
{
    using enum NullMeaning;
    using core::Complexity, core::Priority, core::Status, core::TaskType;
    const QString tasks = ChannelObjects::tasks;
    const QString projects = ChannelObjects::projects;
    return {
        {u"db_get_tasks"_s, tasks, CommandKind::List, u"load tasks"_s,
         {optional(u"projectIds"_s, Absent, ArgType::StringList), optional(u"offset"_s, Absent, ArgType::Count),
          optional(u"limit"_s, Absent, ArgType::Count)}},
        {u"db_get_project_tasks"_s, tasks, CommandKind::List, u"load project tasks"_s,
         {required(u"projectId"_s), optional(u"offset"_s, Absent, ArgType::Count),
          optional(u"limit"_s, Absent, ArgType::Count)}},
        {u"db_get_task"_s, tasks, CommandKind::Single, u"load task"_s, {required(u"taskId"_s)}},
        {u"db_create_task"_s, tasks, CommandKind::Single, u"create task"_s,
         {required(u"title"_s), optional(u"description"_s, Absent),
          withEnum<Priority>(required(u"priority"_s)), required(u"tags"_s, ArgType::StringList),
          required(u"projectIds"_s, ArgType::StringList), withEnum<Status>(optional(u"status"_s, Absent)),
          withEnum<Complexity>(optional(u"complexity"_s, Absent)),
          withEnum<TaskType>(optional(u"type"_s, Absent))}},
        {u"db_update_task"_s, tasks, CommandKind::Single, u"update task"_s,
         {required(u"taskId"_s), optional(u"title"_s, Reject), optional(u"description"_s, Clear),
          withEnum<Priority>(optional(u"priority"_s, Reject)),
          optional(u"tags"_s, Reject, ArgType::StringList),
          optional(u"projectIds"_s, Reject, ArgType::StringList),
          withEnum<Status>(optional(u"status"_s, Reject)),
          withEnum<Complexity>(optional(u"complexity"_s, Clear)),
          withEnum<TaskType>(optional(u"type"_s, Clear))}},
        {u"db_delete_task"_s, tasks, CommandKind::Single, u"delete task"_s, {required(u"taskId"_s)}},
        {u"db_get_projects"_s, projects, CommandKind::List, u"load projects"_s, {}},
        {u"db_create_project"_s, projects, CommandKind::Single, u"create project"_s,
         {required(u"name"_s), optional(u"description"_s, Absent)}},
        {u"db_update_project"_s, projects, CommandKind::Single, u"update project"_s,
         {required(u"projectId"_s), optional(u"name"_s, Reject), optional(u"description"_s, Clear)}},
        {u"db_delete_project"_s, projects, CommandKind::Single, u"delete project"_s,
         {required(u"projectId"_s)}},
        {u"ping"_s, ChannelObjects::app, CommandKind::Single, u"ping"_s, {}},
    };
}

} // namespace

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs = buildSpecs();
    return specs;
}

QString wireForm(const CommandSpec &spec)
{
    return spec.kind == CommandKind::List && spec.object == ChannelObjects::tasks ? u"TaskColumns"_s : QString();
}

const CommandSpec &commandSpec(QStringView name)
{
    for (const CommandSpec &spec : commandSpecs()) {
        if (spec.name == name)
            return spec;
    }
    qFatal("unknown command spec requested: %s", qPrintable(name.toString()));
}

} // namespace quire::app
