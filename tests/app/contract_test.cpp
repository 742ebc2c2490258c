// SPDX-License-Identifier: MIT
// The C++ side of "the typed layer and the bridge must not drift": resources/ipc-contract.json is
// compared with the bridge's command table, its enums and the slots the channel really announces.
// frontend/src/ipc/contract.test.ts holds the TypeScript side against the same file.
#include "bridge_fixture.h"

#include <quire/core/enums.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QMetaMethod>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

QJsonObject loadContract()
{
    QFile file(QStringLiteral(QUIRE_IPC_CONTRACT));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString typeName(const app::ArgSpec &arg)
{
    switch (arg.type) {
    case app::ArgType::String: return u"string"_s;
    case app::ArgType::StringList: return u"string[]"_s;
    case app::ArgType::Enum: return u"enum:"_s + arg.typeName;
    case app::ArgType::Count: return u"count"_s;
    case app::ArgType::Boolean: return u"boolean"_s;
    case app::ArgType::LocalDate: return u"localDate"_s;
    case app::ArgType::Timestamp: return u"timestamp"_s;
    case app::ArgType::RecordList: return arg.typeName + u"[]"_s;
    }
    return {};
}

QString nullName(app::NullMeaning meaning)
{
    switch (meaning) {
    case app::NullMeaning::Absent: return u"absent"_s;
    case app::NullMeaning::Clear: return u"clear"_s;
    case app::NullMeaning::Reject: return u"reject"_s;
    }
    return {};
}

TEST(IpcContract, EveryBridgeCommandMatchesTheContractKeyForKey)
{
    const QJsonObject contract = loadContract();
    const QJsonObject commands = contract.value(u"commands"_s).toObject();
    ASSERT_FALSE(commands.isEmpty()) << "cannot read " << QUIRE_IPC_CONTRACT;

    QStringList bridgeNames;
    for (const app::CommandSpec &spec : app::commandSpecs()) {
        bridgeNames.append(spec.name);
        SCOPED_TRACE(spec.name.toStdString());
        const QJsonObject command = commands.value(spec.name).toObject();
        ASSERT_FALSE(command.isEmpty()) << "command missing from the contract";
        EXPECT_EQ(command.value(u"object"_s).toString(), spec.object);
        EXPECT_EQ(command.value(u"kind"_s).toString(), spec.kind == app::CommandKind::List ? u"list"_s : u"single"_s);
        EXPECT_EQ(command.value(u"wire"_s).toString(), spec.wire);
        EXPECT_EQ(command.value(u"cancellable"_s).toBool(), spec.cancellable);
        EXPECT_EQ(command.value(u"progress"_s).toBool(), spec.reportsProgress);
        EXPECT_EQ(command.value(u"writes"_s).toBool(), spec.writes);

        QJsonObject args = command.value(u"args"_s).toObject();
        // The description says "cancellable"/"progress" once; the key that goes with it is implied.
        if (spec.cancellable || spec.reportsProgress) {
            EXPECT_FALSE(args.contains(u"requestId"_s)) << "requestId is implied, not declared";
            args.insert(u"requestId"_s,
                QJsonObject {{u"type"_s, u"string"_s}, {u"required"_s, false}, {u"null"_s, u"absent"_s}});
        }
        QStringList specKeys;
        for (const app::ArgSpec &arg : spec.args) {
            specKeys.append(arg.key);
            SCOPED_TRACE(arg.key.toStdString());
            const QJsonObject expected = args.value(arg.key).toObject();
            ASSERT_FALSE(expected.isEmpty()) << "argument missing from the contract";
            EXPECT_EQ(expected.value(u"type"_s).toString(), typeName(arg));
            EXPECT_EQ(expected.value(u"required"_s).toBool(), arg.required);
            EXPECT_EQ(expected.value(u"null"_s).toString(), nullName(arg.null));
            if (arg.type == app::ArgType::Enum) {
                EXPECT_EQ(contract.value(u"enums"_s).toObject().value(arg.typeName).toVariant().toStringList(),
                    arg.enumValues);
            }
            if (arg.type == app::ArgType::RecordList) {
                const QJsonObject element = contract.value(u"types"_s).toObject().value(arg.typeName).toObject();
                QStringList elementKeys;
                for (const app::ArgSpec &field : arg.fields) {
                    elementKeys.append(field.key);
                    EXPECT_EQ(element.value(field.key).toString().remove(u"|null"_s), typeName(field))
                        << field.key.toStdString();
                    EXPECT_EQ(field.required, !element.value(field.key).toString().endsWith(u"|null"_s));
                }
                elementKeys.sort();
                EXPECT_EQ(elementKeys, element.keys()); // QJsonObject::keys() are sorted
            }
        }
        QStringList contractKeys = args.keys();
        contractKeys.sort();
        specKeys.sort();
        EXPECT_EQ(contractKeys, specKeys);
    }
    QStringList contractNames = commands.keys();
    contractNames.sort();
    bridgeNames.sort();
    EXPECT_EQ(contractNames, bridgeNames);
}

TEST(IpcContract, EnumSpellingsMatchTheCore)
{
    const QJsonObject enums = loadContract().value(u"enums"_s).toObject();
    EXPECT_EQ(enums.value(u"priority"_s).toVariant().toStringList(), core::enumNames<core::Priority>());
    EXPECT_EQ(enums.value(u"status"_s).toVariant().toStringList(), core::enumNames<core::Status>());
    EXPECT_EQ(enums.value(u"complexity"_s).toVariant().toStringList(), core::enumNames<core::Complexity>());
    EXPECT_EQ(enums.value(u"taskType"_s).toVariant().toStringList(), core::enumNames<core::TaskType>());
}

TEST(IpcContract, ErrorCodeNamesMatchTheCore)
{
    const QStringList codes = loadContract().value(u"errorCodes"_s).toVariant().toStringList();
    using enum core::ErrorCode;
    QStringList names;
    for (const core::ErrorCode code :
        {NotFound, InvalidArgument, Conflict, Storage, Cancelled, Internal, Unauthenticated})
        names.append(core::errorCodeName(code));
    EXPECT_EQ(codes, names);
}

TEST_P(BridgeTest, TheChannelAnnouncesExactlyTheContractsCommandsAndEvents)
{
    const QJsonObject contract = loadContract();
    const QJsonObject commands = contract.value(u"commands"_s).toObject();
    const QStringList objects = contract.value(u"objects"_s).toVariant().toStringList();
    EXPECT_EQ(objects,
        (QStringList {app::ChannelObjects::tasks, app::ChannelObjects::projects, app::ChannelObjects::app,
            app::ChannelObjects::history, app::ChannelObjects::transfer}));

    for (auto it = commands.begin(); it != commands.end(); ++it) {
        const QString object = it.value().toObject().value(u"object"_s).toString();
        EXPECT_TRUE(m_client->methods(object).contains(it.key()))
            << it.key().toStdString() << " not on " << object.toStdString();
    }
    const QJsonObject events = contract.value(u"events"_s).toObject();
    for (auto it = events.begin(); it != events.end(); ++it)
        EXPECT_TRUE(m_client->signalNames(it.value().toString()).contains(it.key())) << it.key().toStdString();

    // No slot reaches the page without being in the contract.
    for (const QObject *bridge : {static_cast<QObject *>(m_tasks.get()), static_cast<QObject *>(m_projects.get()),
             static_cast<QObject *>(m_history.get()), static_cast<QObject *>(m_app.get()),
             static_cast<QObject *>(m_transfer.get())}) {
        const QMetaObject *meta = bridge->metaObject();
        for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
            const QMetaMethod method = meta->method(i);
            const QString name = QString::fromLatin1(method.name());
            if (method.methodType() == QMetaMethod::Signal)
                EXPECT_TRUE(events.contains(name) || name == u"tasksUnlinked"_s) << name.toStdString();
            else
                EXPECT_TRUE(commands.contains(name)) << name.toStdString() << " is exposed but not in the contract";
        }
    }
}

TEST_P(BridgeTest, ListsReplyInTheWireFormTheContractNames)
{
    // Given one task in a project, so that each list has a row
    const QString projectId = createProject(u"Home"_s);
    createTask(u"Listed"_s, {projectId});
    const QJsonObject contract = loadContract();
    const QJsonObject commands = contract.value(u"commands"_s).toObject();
    const QJsonObject taskColumns = contract.value(u"wireForms"_s).toObject().value(u"TaskColumns"_s).toObject();
    QStringList columnKeys
        = contract.value(u"types"_s).toObject().value(taskColumns.value(u"rowsOf"_s).toString()).toObject().keys();
    columnKeys.append({u"count"_s, u"total"_s, u"version"_s});
    columnKeys.sort();
    const QJsonObject enumIndexes = taskColumns.value(u"enumIndexes"_s).toObject();

    const QJsonObject argsFor {{u"db_get_project_tasks"_s, QJsonObject {{u"projectId"_s, projectId}}}};
    for (auto it = commands.begin(); it != commands.end(); ++it) {
        const QJsonObject command = it.value().toObject();
        if (command.value(u"kind"_s) != u"list"_s)
            continue;
        SCOPED_TRACE(it.key().toStdString());
        const QJsonValue data = call(it.key(), argsFor.value(it.key()).toObject()).toObject().value(u"data"_s);
        if (command.value(u"wire"_s) != u"TaskColumns"_s) {
            // Then a list without a wire form is an array of its rows
            EXPECT_TRUE(data.isArray());
            continue;
        }
        // Then TaskColumns is count and one array per Task key, enums as indexes
        QStringList keys = data.toObject().keys();
        keys.sort();
        EXPECT_EQ(keys, columnKeys);
        EXPECT_EQ(data.toObject().value(u"count"_s), 1);
        for (auto column = enumIndexes.begin(); column != enumIndexes.end(); ++column) {
            const QJsonValue value = data.toObject().value(column.key()).toArray().at(0);
            EXPECT_TRUE(value.isDouble() || value.isNull()) << column.key().toStdString();
        }
    }
}

TEST_P(BridgeTest, EverySignalCarriesThePayloadTheContractDescribes)
{
    // Given every kind of change: rows created and changed, deleted, and a project deletion that resets task lists;
    // and a list asked in parts
    const QJsonObject contract = loadContract();
    const QJsonObject payloads = contract.value(u"eventPayloads"_s).toObject();
    const QStringList kinds = contract.value(u"enums"_s).toObject().value(u"changeKind"_s).toVariant().toStringList();
    // (progress reports are checked by cancellation_test.cpp, connection changes, which only a
    // server database has, by shared_database_test.cpp)
    QJsonObject events = contract.value(u"events"_s).toObject();
    events.remove(u"progress"_s);
    events.remove(u"connectionChanged"_s);
    for (auto it = events.begin(); it != events.end(); ++it)
        m_client->connectToSignal(it.value().toString(), it.key());
    const QString projectId = createProject(u"Home"_s);
    const QString taskId = createTask(u"Listed"_s, {projectId}).value(u"id"_s).toString();
    createTask(u"Listed too"_s);
    ok(u"db_get_tasks"_s, QJsonObject {{u"partRows"_s, 1}, {u"requestId"_s, u"in-parts"_s}});
    ok(u"db_update_tasks"_s, QJsonObject {{u"taskIds"_s, QJsonArray {taskId}}, {u"priority"_s, u"high"_s}});
    ok(u"db_delete_project"_s, QJsonObject {{u"projectId"_s, projectId}});
    ok(u"db_delete_tasks"_s, QJsonObject {{u"taskIds"_s, QJsonArray {taskId}}});
    m_app->requestAction(u"undo"_s);
    QCoreApplication::processEvents();

    // Then each emission is one object with exactly the payload's keys and a known kind
    QStringList seenKinds;
    for (auto it = events.begin(); it != events.end(); ++it) {
        SCOPED_TRACE(it.key().toStdString());
        QStringList expectedKeys = payloads.value(it.key()).toObject().keys();
        expectedKeys.sort();
        const QList<QJsonArray> emitted = m_client->signalArguments(it.value().toString(), it.key());
        EXPECT_FALSE(emitted.isEmpty());
        for (const QJsonArray &arguments : emitted) {
            ASSERT_EQ(arguments.size(), 1);
            const QJsonObject payload = arguments.at(0).toObject();
            QStringList keys = payload.keys();
            keys.sort();
            EXPECT_EQ(keys, expectedKeys);
            if (!expectedKeys.contains(u"kind"_s))
                continue; // a request or a list part, not a change
            EXPECT_TRUE(kinds.contains(payload.value(u"kind"_s).toString()));
            seenKinds.append(payload.value(u"kind"_s).toString());
        }
    }
    seenKinds.removeDuplicates();
    seenKinds.sort();
    EXPECT_EQ(seenKinds, (QStringList {u"deleted"_s, u"reset"_s, u"upserted"_s}));
}

} // namespace
} // namespace quire::test
