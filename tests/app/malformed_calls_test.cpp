// SPDX-License-Identifier: MIT
// Issue 7: malformed calls through the real bridge on a real QWebChannel over a real database, an
// SQLite file and (the Postgres half) a PostgreSQL database. Every one is answered with a clear
// invalid_argument / not_found / conflict envelope, nothing crashes, and the database is the same
// (a full dump of every table) before and after.
#include "bridge_fixture.h"
#include "direct_connection.h"

#include <argument_decoder.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QWebChannelAbstractTransport>

#include <ostream>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

// Placeholders in a BadCall's arguments, replaced by the ids of the rows SetUp() seeded.
const QString kTaskToken = u"$TASK"_s;
const QString kProjectToken = u"$PROJECT"_s;

struct BadCall {
    const char *name;
    QString command;
    QJsonValue args;
    QString expectedCode;
    QString messagePart;
};

// gtest would otherwise dump the bytes of a (possibly 10 MB) argument value.
void PrintTo(const BadCall &call, std::ostream *os)
{
    *os << call.name;
}

QJsonValue substitute(const QJsonValue &value, const QString &taskId, const QString &projectId)
{
    if (value.isString()) {
        if (value.toString() == kTaskToken)
            return taskId;
        if (value.toString() == kProjectToken)
            return projectId;
        return value;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = substitute(array.at(i), taskId, projectId);
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = substitute(it.value(), taskId, projectId);
        return object;
    }
    return value;
}

QString code(const QJsonObject &error)
{
    return error.value(u"code"_s).toString();
}

QString message(const QJsonObject &error)
{
    return error.value(u"message"_s).toString();
}

/** @brief Seeds one project and one task in it, and remembers the dump of that state. */
template<class Base>
class MalformedCallFixture : public BridgeFixture<Base>
{
protected:
    using Fixture = BridgeFixture<Base>;
    using Fixture::createProject;
    using Fixture::createTask;
    using Fixture::m_channel;
    using Fixture::m_client;
    using Fixture::m_location;
    using Fixture::ok;

    void SetUp() override
    {
        Fixture::SetUp();
        if (::testing::Test::IsSkipped() || ::testing::Test::HasFatalFailure())
            return;
        m_projectId = createProject(u"Seeded project"_s);
        m_taskId = createTask(u"Seeded task"_s, {m_projectId},
            QJsonObject {{u"tags"_s, QJsonArray {u"keep"_s, u"me"_s}}, {u"description"_s, u"untouched"_s},
                {u"complexity"_s, u"hard"_s}})
                       .value(u"id"_s)
                       .toString();
        m_before = dump();
        ASSERT_GT(m_before.size(), 5) << "the dump must see the seeded rows";
    }

    /** @brief The whole database as text, read through a connection of its own. */
    [[nodiscard]] QStringList dump() const
    {
        DirectConnection reader(m_location.location());
        EXPECT_TRUE(reader.isOpen()) << reader.error().toStdString();
        return reader.dump();
    }

    /** @brief The app still answers a valid read and a ping: no crash, no wedged thread. */
    void expectStillServing()
    {
        const QJsonArray tasks = ok(u"db_get_tasks"_s).toArray();
        ASSERT_EQ(tasks.size(), 1);
        EXPECT_EQ(tasks.at(0).toObject().value(u"id"_s), m_taskId);
        EXPECT_EQ(ok(u"ping"_s), u"pong"_s);
    }

    QString m_projectId;
    QString m_taskId;
    QStringList m_before;
};

/** @brief The seeded bridges on each engine: TEST_P(MalformedCallTest, ...). */
using MalformedCallTest = MalformedCallFixture<EngineTest>;
INSTANTIATE_FOR_ENGINES(MalformedCallTest);

/** @brief One bad call on each engine: TEST_P(BadCalls, ...) with value() the call. */
using BadCalls = MalformedCallFixture<EngineTestWith<BadCall>>;

TEST_P(BadCalls, AreRejectedWithAClearErrorAndLeaveTheDatabaseUnchanged)
{
    // Given: a seeded database (SetUp)
    const BadCall &bad = value();
    // When
    const QJsonObject error = this->error(bad.command, substitute(bad.args, m_taskId, m_projectId));
    // Then
    EXPECT_EQ(code(error), bad.expectedCode);
    const QString text = message(error);
    EXPECT_TRUE(text.contains(bad.messagePart))
        << "message: " << text.left(300).toStdString() << " expected to contain " << bad.messagePart.toStdString();
    EXPECT_TRUE(text.startsWith(u"Failed to "_s + app::commandSpec(bad.command).action + u": "_s))
        << text.left(300).toStdString();
    EXPECT_LE(text.size(), 2 * app::kMaxStringLength) << "the message must not echo unbounded input";
    expectStillServing();
    EXPECT_EQ(dumpDifference(dump(), m_before), "") << "a rejected call must not write";
}

QJsonObject validCreate(const QJsonObject &overrides)
{
    QJsonObject args {
        {u"title"_s, u"T"_s}, {u"priority"_s, u"high"_s}, {u"tags"_s, QJsonArray {}}, {u"projectIds"_s, QJsonArray {}}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        args.insert(it.key(), it.value());
    return args;
}

QJsonObject without(QJsonObject args, const QString &key)
{
    args.remove(key);
    return args;
}

QJsonObject update(const QJsonObject &fields)
{
    QJsonObject args {{u"taskId"_s, kTaskToken}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        args.insert(it.key(), it.value());
    return args;
}

QJsonValue nestedArrays(int depth)
{
    QJsonValue value = u"bottom"_s;
    for (int i = 0; i < depth; ++i)
        value = QJsonArray {value};
    return value;
}

QJsonValue nestedObjects(int depth)
{
    QJsonValue value = u"bottom"_s;
    for (int i = 0; i < depth; ++i)
        value = QJsonObject {{u"n"_s, value}};
    return value;
}

QString loneHigh()
{
    return QString(QChar(0xD800)) + u"x"_s;
}

QString loneLow()
{
    return u"a"_s + QString(QChar(0xDC00));
}

QString reversedPair()
{
    return QString(QChar(0xDE00)) + QString(QChar(0xD83D));
}

// Over the string limit, within the call limit: the key that is too long is named.
const QString kTwoMegabytes(qsizetype {2} * 1024 * 1024, u'x');
const QString kTenMegabytes(qsizetype {10} * 1024 * 1024, u'x');
const QString kOneOverTheLimit(app::kMaxStringLength + 1, u'y');

/** Tags each within the string limit, as many as the list limit allows, but too much in all. */
QJsonArray tooMuchInAll()
{
    QJsonArray tags;
    const QString tag(app::kMaxStringLength / 4, u't');
    for (qsizetype i = 0; i * tag.size() <= app::kMaxCallSize; ++i)
        tags.append(QString(tag + QString::number(i)));
    return tags;
}

QJsonArray tooManyTags()
{
    QJsonArray tags;
    for (qsizetype i = 0; i <= app::kMaxListLength; ++i)
        tags.append(QString(u"t"_s + QString::number(i)));
    return tags;
}

const auto kInvalid = u"invalid_argument"_s;
const auto kNotFound = u"not_found"_s;

std::vector<BadCall> badCalls()
{
    return {// ---- The arguments value itself ----
        BadCall {"ArgumentsNotAnObject", u"db_get_tasks"_s, QJsonValue(42), kInvalid,
            u"arguments must be a JSON object, got a number"_s},
        BadCall {"ArgumentsAnArray", u"db_get_tasks"_s, QJsonArray {}, kInvalid, u"got an array"_s},
        BadCall {"ArgumentsAString", u"db_create_task"_s, u"{\"title\":\"x\"}"_s, kInvalid, u"got a string"_s},
        BadCall {"ArgumentsABoolean", u"db_delete_task"_s, QJsonValue(true), kInvalid, u"got a boolean"_s},
        BadCall {"ArgumentsNullForACommandWithRequiredKeys", u"db_delete_task"_s, QJsonValue(QJsonValue::Null),
            kInvalid, u"missing required key 'taskId'"_s},
        BadCall {"MoreInAllThanOneCallMayCarry", u"db_create_task"_s, validCreate({{u"tags"_s, tooMuchInAll()}}),
            kInvalid, u"the call is too large: one call may carry at most 4194304 characters"_s},
        // ---- Wrong types ----
        BadCall {"TitleWrongType", u"db_create_task"_s, validCreate({{u"title"_s, 7}}), kInvalid,
            u"'title' must be a string, got a number"_s},
        BadCall {"TitleNull", u"db_create_task"_s, validCreate({{u"title"_s, QJsonValue::Null}}), kInvalid,
            u"'title' must not be null"_s},
        BadCall {"TitleBoolean", u"db_create_task"_s, validCreate({{u"title"_s, false}}), kInvalid,
            u"'title' must be a string, got a boolean"_s},
        BadCall {"DescriptionArray", u"db_create_task"_s, validCreate({{u"description"_s, QJsonArray {u"x"_s}}}),
            kInvalid, u"'description' must be a string, got an array"_s},
        BadCall {"PriorityNumber", u"db_create_task"_s, validCreate({{u"priority"_s, 1}}), kInvalid,
            u"'priority' must be a string, got a number"_s},
        BadCall {"TagsNotAnArray", u"db_create_task"_s, validCreate({{u"tags"_s, u"a,b"_s}}), kInvalid,
            u"'tags' must be an array of strings"_s},
        BadCall {"TagsAnObject", u"db_create_task"_s, validCreate({{u"tags"_s, QJsonObject {{u"0"_s, u"a"_s}}}}),
            kInvalid, u"'tags' must be an array of strings, got an object"_s},
        BadCall {"TagElementNotAString", u"db_create_task"_s, validCreate({{u"tags"_s, QJsonArray {u"a"_s, 1}}}),
            kInvalid, u"'tags[1]' must be a string"_s},
        BadCall {"TagElementNull", u"db_create_task"_s,
            validCreate({{u"tags"_s, QJsonArray {u"a"_s, QJsonValue::Null}}}), kInvalid,
            u"'tags[1]' must be a string, got null"_s},
        BadCall {"ProjectIdsElementANumber", u"db_create_task"_s, validCreate({{u"projectIds"_s, QJsonArray {1}}}),
            kInvalid, u"'projectIds[0]' must be a string, got a number"_s},
        // ---- Many tasks at once: all or nothing ----
        BadCall {"BulkUpdateWithoutIds", u"db_update_tasks"_s, QJsonObject {{u"status"_s, u"completed"_s}}, kInvalid,
            u"missing required key 'taskIds'"_s},
        BadCall {"BulkUpdateIdsAString", u"db_update_tasks"_s,
            QJsonObject {{u"taskIds"_s, kTaskToken}, {u"status"_s, u"completed"_s}}, kInvalid,
            u"'taskIds' must be an array of strings, got a string"_s},
        BadCall {"BulkUpdateWithOneMissingTask", u"db_update_tasks"_s,
            QJsonObject {{u"taskIds"_s, QJsonArray {kTaskToken, u"missing"_s}}, {u"status"_s, u"completed"_s}},
            kNotFound, u"task missing not found"_s},
        BadCall {"BulkUpdateWithABlankTitle", u"db_update_tasks"_s,
            QJsonObject {{u"taskIds"_s, QJsonArray {kTaskToken}}, {u"title"_s, u"  "_s}}, kInvalid,
            u"title must not be empty"_s},
        BadCall {"BulkUpdateWithAnUnknownProject", u"db_update_tasks"_s,
            QJsonObject {{u"taskIds"_s, QJsonArray {kTaskToken}}, {u"projectIds"_s, QJsonArray {u"nope"_s}}}, kNotFound,
            u"project nope not found"_s},
        BadCall {"BulkUpdateOfTheId", u"db_update_tasks"_s,
            QJsonObject {{u"taskIds"_s, QJsonArray {kTaskToken}}, {u"taskId"_s, kTaskToken}}, kInvalid,
            u"unknown key 'taskId'"_s},
        BadCall {"BulkDeleteWithOneMissingTask", u"db_delete_tasks"_s,
            QJsonObject {{u"taskIds"_s, QJsonArray {kTaskToken, u"missing"_s}}}, kNotFound,
            u"task missing not found"_s},
        BadCall {"BulkDeleteIdsNull", u"db_delete_tasks"_s, QJsonObject {{u"taskIds"_s, QJsonValue::Null}}, kInvalid,
            u"'taskIds' must not be null"_s},
        BadCall {"FilterProjectIdsAString", u"db_get_tasks"_s, QJsonObject {{u"projectIds"_s, kProjectToken}}, kInvalid,
            u"'projectIds' must be an array of strings, got a string"_s},
        BadCall {"OffsetNegative", u"db_get_tasks"_s, QJsonObject {{u"offset"_s, -1}}, kInvalid,
            u"'offset' must be a whole number from 0 to 2147483647, got -1"_s},
        BadCall {"LimitAFraction", u"db_get_tasks"_s, QJsonObject {{u"limit"_s, 2.5}}, kInvalid,
            u"'limit' must be a whole number from 0 to 2147483647, got 2.5"_s},
        BadCall {"LimitAString", u"db_get_project_tasks"_s,
            QJsonObject {{u"projectId"_s, kProjectToken}, {u"limit"_s, u"10"_s}}, kInvalid,
            u"'limit' must be a whole number from 0 to 2147483647, got a string"_s},
        BadCall {"OffsetBeyondTheLargestCount", u"db_get_tasks"_s, QJsonObject {{u"offset"_s, 4294967296.0}}, kInvalid,
            u"'offset' must be a whole number from 0 to 2147483647, got 4294967296"_s},
        BadCall {"TaskIdANumber", u"db_get_task"_s, QJsonObject {{u"taskId"_s, 5}}, kInvalid,
            u"'taskId' must be a string, got a number"_s},
        BadCall {"TaskIdNull", u"db_get_task"_s, QJsonObject {{u"taskId"_s, QJsonValue::Null}}, kInvalid,
            u"'taskId' must not be null"_s},
        BadCall {"TaskIdAnObject", u"db_delete_task"_s,
            QJsonObject {{u"taskId"_s, QJsonObject {{u"id"_s, kTaskToken}}}}, kInvalid,
            u"'taskId' must be a string, got an object"_s},
        BadCall {"UpdateTitleNull", u"db_update_task"_s, update({{u"title"_s, QJsonValue::Null}}), kInvalid,
            u"'title' must not be null"_s},
        BadCall {"UpdateTagsNull", u"db_update_task"_s, update({{u"tags"_s, QJsonValue::Null}}), kInvalid,
            u"'tags' must not be null"_s},
        BadCall {"UpdateStatusNull", u"db_update_task"_s, update({{u"status"_s, QJsonValue::Null}}), kInvalid,
            u"'status' must not be null"_s},
        BadCall {"UpdatePriorityNumber", u"db_update_task"_s, update({{u"priority"_s, 3}}), kInvalid,
            u"'priority' must be a string, got a number"_s},
        BadCall {"ProjectNameNumber", u"db_create_project"_s, QJsonObject {{u"name"_s, 1}}, kInvalid,
            u"'name' must be a string, got a number"_s},
        BadCall {"UpdateProjectNameNull", u"db_update_project"_s,
            QJsonObject {{u"projectId"_s, kProjectToken}, {u"name"_s, QJsonValue::Null}}, kInvalid,
            u"'name' must not be null"_s},
        BadCall {"DeleteProjectIdAnArray", u"db_delete_project"_s,
            QJsonObject {{u"projectId"_s, QJsonArray {kProjectToken}}}, kInvalid,
            u"'projectId' must be a string, got an array"_s},
        // ---- Missing and unknown keys ----
        BadCall {"MissingPriority", u"db_create_task"_s, without(validCreate({}), u"priority"_s), kInvalid,
            u"missing required key 'priority'"_s},
        BadCall {"MissingTitle", u"db_create_task"_s, without(validCreate({}), u"title"_s), kInvalid,
            u"missing required key 'title'"_s},
        BadCall {"MissingTags", u"db_create_task"_s, without(validCreate({}), u"tags"_s), kInvalid,
            u"missing required key 'tags'"_s},
        BadCall {"MissingProjectIds", u"db_create_task"_s, without(validCreate({}), u"projectIds"_s), kInvalid,
            u"missing required key 'projectIds'"_s},
        BadCall {"UpdateWithoutTaskId", u"db_update_task"_s, QJsonObject {{u"title"_s, u"x"_s}}, kInvalid,
            u"missing required key 'taskId'"_s},
        BadCall {"ProjectTasksWithoutProjectId", u"db_get_project_tasks"_s, QJsonObject {}, kInvalid,
            u"missing required key 'projectId'"_s},
        BadCall {"CreateProjectWithoutName", u"db_create_project"_s, QJsonObject {{u"description"_s, u"d"_s}}, kInvalid,
            u"missing required key 'name'"_s},
        BadCall {"UpdateProjectWithoutId", u"db_update_project"_s, QJsonObject {{u"name"_s, u"x"_s}}, kInvalid,
            u"missing required key 'projectId'"_s},
        BadCall {"UnknownKey", u"db_create_task"_s, validCreate({{u"colour"_s, u"red"_s}}), kInvalid,
            u"unknown key 'colour'"_s},
        BadCall {
            "UnknownKeyOnUpdate", u"db_update_task"_s, update({{u"done"_s, true}}), kInvalid, u"unknown key 'done'"_s},
        BadCall {"WrongCaseOfAKey", u"db_get_tasks"_s, QJsonObject {{u"projectID"_s, QJsonArray {}}}, kInvalid,
            u"unknown key 'projectID'"_s},
        BadCall {"EmptyKey", u"db_create_task"_s, validCreate({{u""_s, u"x"_s}}), kInvalid, u"unknown key ''"_s},
        BadCall {"NonAsciiKey", u"db_create_task"_s, validCreate({{u"t\u00EFtle"_s, u"x"_s}}), kInvalid,
            u"unknown key 't\u00EFtle'"_s},
        BadCall {"ProtoKey", u"db_delete_project"_s,
            QJsonObject {{u"projectId"_s, kProjectToken}, {u"__proto__"_s, QJsonObject {}}}, kInvalid,
            u"unknown key '__proto__'"_s},
        BadCall {
            "PingWithArguments", u"ping"_s, QJsonObject {{u"x"_s, 1}}, kInvalid, u"this command takes no arguments"_s},
        BadCall {"GetProjectsWithArguments", u"db_get_projects"_s, QJsonObject {{u"all"_s, true}}, kInvalid,
            u"this command takes no arguments"_s},
        BadCall {"BothSpellingsOfAKey", u"db_create_task"_s, validCreate({{u"project_ids"_s, QJsonArray {}}}), kInvalid,
            u"key 'projectIds' is given twice"_s},
        BadCall {"BothSpellingsOfTheId", u"db_update_task"_s, update({{u"task_id"_s, kTaskToken}}), kInvalid,
            u"key 'taskId' is given twice"_s},
        // Exactly the contract's name or its one snake_case spelling: nothing that merely folds to it
        BadCall {"KeyWithADoubledUnderscore", u"db_delete_task"_s, QJsonObject {{u"task__id"_s, kTaskToken}}, kInvalid,
            u"unknown key 'task__id' (expected one of: taskId, expectedUpdatedAt)"_s},
        BadCall {"KeyWithATrailingUnderscore", u"db_delete_task"_s, QJsonObject {{u"taskId_"_s, kTaskToken}}, kInvalid,
            u"unknown key 'taskId_'"_s},
        BadCall {"KeyHalfSnakeHalfCamel", u"db_delete_task"_s, QJsonObject {{u"task_Id"_s, kTaskToken}}, kInvalid,
            u"unknown key 'task_Id'"_s},
        BadCall {"KeyWithALeadingUnderscore", u"db_get_tasks"_s, QJsonObject {{u"_limit"_s, 1}}, kInvalid,
            u"unknown key '_limit'"_s},
        // ---- Enum values ----
        BadCall {"UnknownPriority", u"db_create_task"_s, validCreate({{u"priority"_s, u"urgent"_s}}), kInvalid,
            u"'priority' must be one of pinned, high, standard, long term, nit"_s},
        BadCall {"EnumCaseMatters", u"db_create_task"_s, validCreate({{u"status"_s, u"Backlog"_s}}), kInvalid,
            u"'status' must be one of"_s},
        BadCall {"EnumWithTrailingSpace", u"db_create_task"_s, validCreate({{u"type"_s, u"feature "_s}}), kInvalid,
            u"'type' must be one of"_s},
        BadCall {"EmptyEnum", u"db_create_task"_s, validCreate({{u"priority"_s, u""_s}}), kInvalid,
            u"'priority' must be one of"_s},
        BadCall {"UnknownComplexityOnUpdate", u"db_update_task"_s, update({{u"complexity"_s, u"medium"_s}}), kInvalid,
            u"'complexity' must be one of easy, hard, deep dive"_s},
        BadCall {"UnknownStatusOnUpdate", u"db_update_task"_s, update({{u"status"_s, u"done"_s}}), kInvalid,
            u"'status' must be one of backlog, in_progress, completed, blocked"_s},
        BadCall {"EnumWithNulSuffix", u"db_update_task"_s, update({{u"status"_s, u"backlog\u0000"_s}}), kInvalid,
            u"'status' must not contain NUL"_s},
        // ---- Dates, booleans, recurrence ----
        BadCall {"DueDateThatDoesNotExist", u"db_create_task"_s, validCreate({{u"dueDate"_s, u"2026-02-30"_s}}),
            kInvalid, u"'dueDate' must be a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '2026-02-30'"_s},
        BadCall {"DueDateInWords", u"db_create_task"_s, validCreate({{u"dueDate"_s, u"tomorrow"_s}}), kInvalid,
            u"'dueDate' must be a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM"_s},
        BadCall {"DueDateWithSecondsAndZone", u"db_update_task"_s, update({{u"dueDate"_s, u"2026-03-01T09:00:00Z"_s}}),
            kInvalid, u"'dueDate' must be a date as"_s},
        BadCall {"DueDateAsNumber", u"db_update_task"_s, update({{u"dueDate"_s, 20260301}}), kInvalid,
            u"'dueDate' must be a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM, got a number"_s},
        BadCall {"DueUntilAsDateTimeText", u"db_get_tasks"_s, QJsonObject {{u"dueUntil"_s, u"30/11/2026"_s}}, kInvalid,
            u"'dueUntil' must be a date as"_s},
        BadCall {"ExpectedUpdatedAtADayOnly", u"db_update_task"_s, update({{u"expectedUpdatedAt"_s, u"2026-03-01"_s}}),
            kInvalid,
            u"'expectedUpdatedAt' must be a time as an updatedAt gives it (YYYY-MM-DDTHH:MM:SS.sssZ), got '2026-03-01'"_s},
        BadCall {"ExpectedUpdatedAtWithoutItsOffset", u"db_update_task"_s,
            update({{u"expectedUpdatedAt"_s, u"2026-03-01T09:00:00.000"_s}}), kInvalid,
            u"'expectedUpdatedAt' must be a time as an updatedAt gives it"_s},
        BadCall {"ExpectedUpdatedAtInWords", u"db_delete_task"_s,
            QJsonObject {{u"taskId"_s, kTaskToken}, {u"expectedUpdatedAt"_s, u"just now"_s}}, kInvalid,
            u"'expectedUpdatedAt' must be a time as an updatedAt gives it"_s},
        BadCall {"ExpectedUpdatedAtAsNumber", u"db_update_task"_s, update({{u"expectedUpdatedAt"_s, 1764547200000.0}}),
            kInvalid,
            u"'expectedUpdatedAt' must be a time as an updatedAt gives it (YYYY-MM-DDTHH:MM:SS.sssZ), got a number"_s},
        BadCall {"ExpectedUpdatedAtThatIsStale", u"db_update_task"_s,
            update({{u"title"_s, u"Lost?"_s}, {u"expectedUpdatedAt"_s, u"2000-01-01T00:00:00.000Z"_s}}), u"conflict"_s,
            u"Failed to update task: “Seeded task” was changed elsewhere after it was read"_s},
        BadCall {"DeleteThatIsStale", u"db_delete_task"_s,
            QJsonObject {{u"taskId"_s, kTaskToken}, {u"expectedUpdatedAt"_s, u"2000-01-01T00:00:00.000Z"_s}},
            u"conflict"_s, u"Failed to delete task: “Seeded task” was changed elsewhere after it was read"_s},
        BadCall {"CompletedAsText", u"db_get_tasks"_s, QJsonObject {{u"completed"_s, u"true"_s}}, kInvalid,
            u"'completed' must be true or false, got a string"_s},
        BadCall {"CompletedAsNumber", u"db_get_tasks"_s, QJsonObject {{u"completed"_s, 1}}, kInvalid,
            u"'completed' must be true or false, got a number"_s},
        BadCall {"HourlyRecurrence", u"db_create_task"_s, validCreate({{u"recurrence"_s, u"FREQ=HOURLY"_s}}), kInvalid,
            u"recurrence: FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY; got 'HOURLY'"_s},
        BadCall {"RecurrenceWithUnsupportedPart", u"db_update_task"_s,
            update({{u"recurrence"_s, u"FREQ=MONTHLY;BYSETPOS=-1"_s}}), kInvalid, u"recurrence: BYSETPOS"_s},
        BadCall {"RecurrenceAsList", u"db_update_task"_s, update({{u"recurrence"_s, QJsonArray {u"FREQ=DAILY"_s}}}),
            kInvalid, u"'recurrence' must be a string, got an array"_s},
        // ---- Checklists ----
        BadCall {"ChecklistAsText", u"db_create_task"_s, validCreate({{u"checklist"_s, u"passport"_s}}), kInvalid,
            u"'checklist' must be an array of ChecklistItem objects, got a string"_s},
        BadCall {"ChecklistItemAsText", u"db_create_task"_s,
            validCreate({{u"checklist"_s, QJsonArray {u"passport"_s}}}), kInvalid,
            u"'checklist[0]' must be a ChecklistItem object, got a string"_s},
        BadCall {"ChecklistItemWithoutDone", u"db_update_task"_s,
            update({{u"checklist"_s, QJsonArray {QJsonObject {{u"title"_s, u"a"_s}}}}}), kInvalid,
            u"missing required key 'checklist[0].done'"_s},
        BadCall {"ChecklistItemWithUnknownKey", u"db_update_task"_s,
            update({{u"checklist"_s,
                QJsonArray {QJsonObject {{u"title"_s, u"a"_s}, {u"done"_s, false}},
                    QJsonObject {{u"title"_s, u"b"_s}, {u"done"_s, false}, {u"position"_s, 2}}}}}),
            kInvalid, u"unknown key 'checklist[1].position' (expected one of: title, done)"_s},
        BadCall {"ChecklistItemDoneAsText", u"db_update_tasks"_s,
            QJsonObject {{u"taskIds"_s, QJsonArray {kTaskToken}},
                {u"checklist"_s, QJsonArray {QJsonObject {{u"title"_s, u"a"_s}, {u"done"_s, u"yes"_s}}}}},
            kInvalid, u"'checklist[0].done' must be true or false, got a string"_s},
        BadCall {"ChecklistItemTitleNull", u"db_create_task"_s,
            validCreate(
                {{u"checklist"_s, QJsonArray {QJsonObject {{u"title"_s, QJsonValue::Null}, {u"done"_s, false}}}}}),
            kInvalid, u"'checklist[0].title' must not be null"_s},
        BadCall {"ChecklistItemTitleWithNul", u"db_create_task"_s,
            validCreate({{u"checklist"_s, QJsonArray {QJsonObject {{u"title"_s, u"a\u0000b"_s}, {u"done"_s, false}}}}}),
            kInvalid, u"'checklist[0].title' must not contain NUL"_s},
        BadCall {"ChecklistNullOnUpdate", u"db_update_task"_s, update({{u"checklist"_s, QJsonValue::Null}}), kInvalid,
            u"'checklist' must not be null"_s},
        BadCall {"MoveAfterANumber", u"db_move_task"_s, QJsonObject {{u"taskId"_s, kTaskToken}, {u"afterTaskId"_s, 3}},
            kInvalid, u"'afterTaskId' must be a string, got a number"_s},
        BadCall {"MoveWithoutATask", u"db_move_task"_s, QJsonObject {{u"afterTaskId"_s, kTaskToken}}, kInvalid,
            u"missing required key 'taskId'"_s},
        BadCall {"MoveAfterItself", u"db_move_task"_s,
            QJsonObject {{u"taskId"_s, kTaskToken}, {u"afterTaskId"_s, kTaskToken}}, kInvalid,
            u"cannot be moved after itself"_s},
        BadCall {"MoveAfterAMissingTask", u"db_move_task"_s,
            QJsonObject {{u"taskId"_s, kTaskToken}, {u"afterTaskId"_s, u"missing"_s}}, kNotFound,
            u"task missing not found"_s},
        // ---- Ids that do not exist ----
        BadCall {"UpdateMissingTask", u"db_update_task"_s,
            QJsonObject {{u"taskId"_s, u"missing"_s}, {u"title"_s, u"x"_s}}, kNotFound, u"task missing not found"_s},
        BadCall {"DeleteMissingTask", u"db_delete_task"_s, QJsonObject {{u"taskId"_s, u"missing"_s}}, kNotFound,
            u"task missing not found"_s},
        BadCall {"DeleteTaskByAProjectId", u"db_delete_task"_s, QJsonObject {{u"taskId"_s, kProjectToken}}, kNotFound,
            u"not found"_s},
        BadCall {"DeleteTaskWithEmptyId", u"db_delete_task"_s, QJsonObject {{u"taskId"_s, u""_s}}, kNotFound,
            u"not found"_s},
        BadCall {"ProjectTasksOfMissingProject", u"db_get_project_tasks"_s, QJsonObject {{u"projectId"_s, u"zz"_s}},
            kNotFound, u"project zz not found"_s},
        BadCall {"ProjectTasksOfATaskId", u"db_get_project_tasks"_s, QJsonObject {{u"projectId"_s, kTaskToken}},
            kNotFound, u"not found"_s},
        BadCall {"UpdateMissingProject", u"db_update_project"_s,
            QJsonObject {{u"projectId"_s, u"zz"_s}, {u"name"_s, u"x"_s}}, kNotFound, u"project zz not found"_s},
        BadCall {"DeleteMissingProject", u"db_delete_project"_s, QJsonObject {{u"projectId"_s, u"zz"_s}}, kNotFound,
            u"project zz not found"_s},
        BadCall {"CreateTaskInAMissingProject", u"db_create_task"_s,
            validCreate({{u"projectIds"_s, QJsonArray {kProjectToken, u"nope"_s}}}), kNotFound,
            u"project nope not found"_s},
        BadCall {"MoveTaskToAMissingProject", u"db_update_task"_s,
            update({{u"title"_s, u"renamed"_s}, {u"projectIds"_s, QJsonArray {u"nope"_s}}}), kNotFound,
            u"project nope not found"_s},
        // ---- Huge strings and lists ----
        BadCall {"TwoMegabyteTitle", u"db_create_task"_s, validCreate({{u"title"_s, kTwoMegabytes}}), kInvalid,
            u"'title' is too long"_s},
        BadCall {"TwoMegabyteDescriptionOnUpdate", u"db_update_task"_s, update({{u"description"_s, kTwoMegabytes}}),
            kInvalid, u"'description' is too long"_s},
        BadCall {"TwoMegabyteTag", u"db_create_task"_s, validCreate({{u"tags"_s, QJsonArray {u"ok"_s, kTwoMegabytes}}}),
            kInvalid, u"'tags[1]' is too long"_s},
        BadCall {"TwoMegabyteTaskId", u"db_delete_task"_s, QJsonObject {{u"taskId"_s, kTwoMegabytes}}, kInvalid,
            u"'taskId' is too long"_s},
        BadCall {"TwoMegabyteUnknownKey", u"db_get_tasks"_s, QJsonObject {{kTwoMegabytes, 1}}, kInvalid,
            u"unknown key 'xxxx"_s},
        BadCall {"TenMegabyteTitleIsMoreThanOneCallMayCarry", u"db_create_task"_s,
            validCreate({{u"title"_s, kTenMegabytes}}), kInvalid, u"the call is too large"_s},
        BadCall {"OneCharacterOverTheLimit", u"db_create_project"_s, QJsonObject {{u"name"_s, kOneOverTheLimit}},
            kInvalid, u"'name' is too long (1048577 characters; the limit is 1048576)"_s},
        BadCall {"TooManyTags", u"db_update_task"_s, update({{u"tags"_s, tooManyTags()}}), kInvalid,
            u"'tags' has too many elements"_s},
        // ---- NUL and invalid UTF-16 ----
        // Text SQLite would not hand back as it was given (U+FFFE, U+FFFF become U+FFFD), and the
        // other noncharacters: refused, wherever they are
        BadCall {"NoncharacterFFFFInTitle", u"db_create_task"_s, validCreate({{u"title"_s, u"A\uFFFFB"_s}}), kInvalid,
            u"'title' contains U+FFFF, a Unicode noncharacter, which Quire cannot store exactly"_s},
        BadCall {"NoncharacterFFFEInTag", u"db_create_task"_s, validCreate({{u"tags"_s, QJsonArray {u"x\uFFFE"_s}}}),
            kInvalid, u"'tags[0]' contains U+FFFE"_s},
        BadCall {"NoncharacterFDD0InProjectName", u"db_update_project"_s,
            QJsonObject {{u"projectId"_s, kProjectToken}, {u"name"_s, u"\uFDD0"_s}}, kInvalid,
            u"'name' contains U+FDD0"_s},
        BadCall {"NoncharacterOfPlane1InChecklist", u"db_update_task"_s,
            update({{u"checklist"_s,
                QJsonArray {QJsonObject {{u"title"_s, QString::fromUcs4(U"a\U0001FFFF")}, {u"done"_s, false}}}}}),
            kInvalid, u"'checklist[0].title' contains U+1FFFF"_s},
        BadCall {"NulCharacterInTitle", u"db_create_task"_s, validCreate({{u"title"_s, u"a\u0000b"_s}}), kInvalid,
            u"'title' must not contain NUL"_s},
        BadCall {"NulCharacterInTag", u"db_update_task"_s, update({{u"tags"_s, QJsonArray {u"a\u0000"_s}}}), kInvalid,
            u"'tags[0]' must not contain NUL"_s},
        BadCall {"NulCharacterInTaskId", u"db_delete_task"_s, QJsonObject {{u"taskId"_s, u"\u0000"_s}}, kInvalid,
            u"'taskId' must not contain NUL"_s},
        BadCall {"LoneSurrogateInTitle", u"db_create_task"_s, validCreate({{u"title"_s, loneHigh()}}), kInvalid,
            u"'title' is not valid Unicode"_s},
        BadCall {"LoneLowSurrogateInDescription", u"db_update_task"_s, update({{u"description"_s, loneLow()}}),
            kInvalid, u"'description' is not valid Unicode"_s},
        BadCall {"ReversedSurrogatePairInProjectName", u"db_create_project"_s,
            QJsonObject {{u"name"_s, reversedPair()}}, kInvalid, u"'name' is not valid Unicode"_s},
        BadCall {"LoneSurrogateInProjectIdFilter", u"db_get_tasks"_s,
            QJsonObject {{u"projectIds"_s, QJsonArray {loneHigh()}}}, kInvalid,
            u"'projectIds[0]' is not valid Unicode"_s},
        // ---- SQL fragments ----
        BadCall {"SqlFragmentAsId", u"db_delete_task"_s, QJsonObject {{u"taskId"_s, u"' OR 1=1; --"_s}}, kNotFound,
            u"not found"_s},
        BadCall {"SqlFragmentAsProjectId", u"db_delete_project"_s, QJsonObject {{u"projectId"_s, u"x' OR '1'='1"_s}},
            kNotFound, u"not found"_s},
        BadCall {"SqlFragmentInUpdateOfAMissingTask", u"db_update_task"_s,
            QJsonObject {{u"taskId"_s, u"1 OR 1=1"_s}, {u"title"_s, u"'); DELETE FROM tasks; --"_s}}, kNotFound,
            u"not found"_s},
        BadCall {"SqlFragmentAsEnum", u"db_update_task"_s, update({{u"priority"_s, u"high' --"_s}}), kInvalid,
            u"'priority' must be one of"_s},
        BadCall {"SqlFragmentAsKey", u"db_get_tasks"_s, QJsonObject {{u"projectIds) OR 1=1 --"_s, QJsonArray {}}},
            kInvalid, u"unknown key"_s},
        // ---- Deeply nested JSON ----
        BadCall {"NestedObjectAsTitle", u"db_create_task"_s,
            validCreate({{u"title"_s, QJsonObject {{u"a"_s, QJsonObject {{u"b"_s, QJsonArray {}}}}}}}), kInvalid,
            u"got an object"_s},
        BadCall {"ThousandNestedArraysAsTags", u"db_create_task"_s, validCreate({{u"tags"_s, nestedArrays(1000)}}),
            kInvalid, u"'tags[0]' must be a string, got an array"_s},
        BadCall {"ThousandNestedObjectsAsDescription", u"db_update_task"_s,
            update({{u"description"_s, nestedObjects(1000)}}), kInvalid,
            u"'description' must be a string, got an object"_s},
        BadCall {"ThousandNestedObjectsAsArguments", u"db_get_tasks"_s, nestedObjects(1000), kInvalid,
            u"unknown key 'n'"_s}};
}

INSTANTIATE_FOR_EACH_ENGINE(
    BadCalls, ::testing::ValuesIn(badCalls()), [](const ::testing::TestParamInfo<std::tuple<Engine, BadCall>> &param) {
        return std::string(std::get<1>(param.param).name);
    });

/** @brief A bare page-side transport: sends any raw QWebChannel message and collects the replies. */
class RawTransport final : public QWebChannelAbstractTransport
{
public:
    explicit RawTransport(QWebChannel &channel)
    {
        channel.connectTo(this);
        send(QJsonObject {{u"type"_s, 3}, {u"id"_s, 0}}); // init
        waitForReply(0);
    }

    void sendMessage(const QJsonObject &message) override
    {
        if (message.value(u"type"_s).toInt() == 10)
            m_replies.insert(message.value(u"id"_s).toInt(), message.value(u"data"_s));
    }

    void send(const QJsonObject &message) { Q_EMIT messageReceived(message, this); }

    /** @brief The reply's data, or nullopt if none came within `timeoutMs`. */
    std::optional<QJsonValue> waitForReply(int id, int timeoutMs = 2'000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!m_replies.contains(id) && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (!m_replies.contains(id))
            return std::nullopt;
        return m_replies.take(id);
    }

private:
    QHash<int, QJsonValue> m_replies;
};

bool isEnvelope(const QJsonValue &reply)
{
    return reply.isObject() && reply.toObject().contains(u"ok"_s);
}

TEST_P(MalformedCallTest, AnUnknownMethodNameNeitherCrashesNorRunsACommand)
{
    // Given
    RawTransport page(m_channel);
    int id = 100;
    for (const auto &method : {QJsonValue(u"no_such_command"_s), QJsonValue(u"db_delete_task "_s),
             QJsonValue(u"deleteLater"_s), QJsonValue(u"destroyed"_s), QJsonValue(9999), QJsonValue(-1),
             QJsonValue(QJsonValue::Null), QJsonValue(QJsonObject {})}) {
        // When: the page invokes a method that does not exist, with arguments that would be valid
        page.send(QJsonObject {{u"type"_s, 6}, {u"object"_s, u"tasks"_s}, {u"method"_s, method},
            {u"args"_s, QJsonArray {QJsonObject {{u"taskId"_s, m_taskId}}}}, {u"id"_s, ++id}});
        const auto reply = page.waitForReply(id, 500);
        // Then: no reply, or a null one; never an envelope that looks like a command ran
        if (reply) {
            EXPECT_FALSE(isEnvelope(*reply)) << "method " << QJsonDocument(QJsonArray {method}).toJson().toStdString();
        }
    }
    // And the QObject's own slots (deleteLater) did not run: the bridge is alive and nothing changed
    expectStillServing();
    EXPECT_EQ(dumpDifference(dump(), m_before), "");
}

TEST_P(MalformedCallTest, MessagesForUnknownObjectsOrOfUnknownTypesAreIgnored)
{
    // Given
    RawTransport page(m_channel);
    const QList<QJsonObject> messages {
        {{u"type"_s, 6}, {u"object"_s, u"no_such_object"_s}, {u"method"_s, 0}, {u"args"_s, QJsonArray {}},
            {u"id"_s, 201}},
        {{u"type"_s, 6}, {u"object"_s, 42}, {u"method"_s, 0}, {u"id"_s, 202}},
        {{u"type"_s, 99}, {u"object"_s, u"tasks"_s}, {u"id"_s, 203}},
        {{u"type"_s, u"6"_s}, {u"object"_s, u"tasks"_s}, {u"method"_s, u"db_delete_task"_s}, {u"id"_s, 204}},
        {{u"object"_s, u"tasks"_s}, {u"method"_s, u"db_delete_task"_s}, {u"id"_s, 205}},
        {{u"type"_s, 7}, {u"object"_s, u"tasks"_s}, {u"signal"_s, 12345}},
        {{u"type"_s, 5}, {u"object"_s, u"tasks"_s}, {u"property"_s, 12345}, {u"value"_s, 1}},
        {},
    };
    // When
    for (const QJsonObject &message : messages)
        page.send(message);
    for (int id = 201; id <= 205; ++id) {
        const auto reply = page.waitForReply(id, 300);
        // Then
        if (reply) {
            EXPECT_FALSE(isEnvelope(*reply)) << "message id " << id;
        }
    }
    expectStillServing();
    EXPECT_EQ(dumpDifference(dump(), m_before), "");
}

TEST_P(MalformedCallTest, AMissingOrWronglyWrappedArgumentNeverRunsTheCommand)
{
    // Given: the page sends db_delete_task with no argument, a nested array, or an invalid first argument
    const QList<QJsonArray> argumentLists {
        QJsonArray {},
        QJsonArray {QJsonArray {QJsonObject {{u"taskId"_s, m_taskId}}}},
        QJsonArray {m_taskId},
        QJsonArray {QJsonObject {{u"id"_s, m_taskId}}, QJsonObject {{u"taskId"_s, m_taskId}}},
    };
    for (const QJsonArray &args : argumentLists) {
        // When
        const int id = m_client->send(u"tasks"_s, u"db_delete_task"_s, args);
        const auto reply = m_client->waitForResponse(id, 2'000);
        // Then: if QWebChannel called the slot at all, the reply is an invalid_argument error
        ASSERT_TRUE(reply.has_value()) << QJsonDocument(args).toJson(QJsonDocument::Compact).toStdString();
        if (isEnvelope(*reply)) {
            EXPECT_EQ(reply->toObject().value(u"error"_s).toObject().value(u"code"_s), kInvalid)
                << QJsonDocument(args).toJson(QJsonDocument::Compact).toStdString() << " -> "
                << QJsonDocument(reply->toObject()).toJson(QJsonDocument::Compact).toStdString();
        } else {
            EXPECT_TRUE(reply->isNull()) << QJsonDocument(args).toJson(QJsonDocument::Compact).toStdString();
        }
    }
    expectStillServing();
    EXPECT_EQ(dumpDifference(dump(), m_before), "");
}

TEST_P(MalformedCallTest, ExtraPositionalArgumentsAreIgnoredLikeInJavaScriptAndTheFirstIsDecodedStrictly)
{
    // Given: QWebChannel drops arguments beyond the slot's one (it logs "Ignoring additional arguments")
    const QJsonArray args {QJsonObject {{u"taskId"_s, m_taskId}, {u"title"_s, u"renamed"_s}},
        QJsonObject {{u"taskId"_s, u"other"_s}, {u"title"_s, 5}}};
    // When
    const int id = m_client->send(u"tasks"_s, u"db_update_task"_s, args);
    const auto reply = m_client->waitForResponse(id);
    // Then: exactly the first argument was applied, as a JS function ignores extra arguments
    ASSERT_TRUE(reply.has_value());
    EXPECT_EQ(reply->toObject().value(u"ok"_s), QJsonValue(true));
    EXPECT_EQ(reply->toObject().value(u"data"_s).toObject().value(u"title"_s), u"renamed"_s);
    EXPECT_EQ(ok(u"db_get_tasks"_s).toArray().size(), 1);
}

TEST_P(MalformedCallTest, SqlFragmentsInValidTextAreStoredVerbatimAndHarmNothing)
{
    // Given
    const QString title = u"'); DROP TABLE tasks; --"_s;
    const QString tag = u"\" OR \"\"=\""_s;
    // When
    const QJsonObject task = createTask(title, {m_projectId}, QJsonObject {{u"tags"_s, QJsonArray {tag}}});
    const QJsonArray filtered
        = ok(u"db_get_tasks"_s, QJsonObject {{u"projectIds"_s, QJsonArray {u"' OR 1=1 --"_s}}}).toArray();
    // Then
    EXPECT_EQ(task.value(u"title"_s), title);
    EXPECT_EQ(task.value(u"tags"_s), QJsonArray {tag});
    EXPECT_EQ(filtered, QJsonArray {}) << "an injected filter must match nothing";
    EXPECT_EQ(ok(u"db_get_tasks"_s).toArray().size(), 2);
    const QStringList after = dump();
    for (const QString &line : m_before) {
        if (!line.startsWith(u"table "_s) && !line.startsWith(u"index "_s) && !line.startsWith(u"column "_s))
            continue;
        EXPECT_TRUE(after.contains(line)) << "schema changed: " << line.toStdString();
    }
}

TEST_P(MalformedCallTest, AFloodOfBadCallsInFlightTogetherIsAnsweredOneByOne)
{
    // Given: 200 bad calls sent without waiting, interleaved with valid reads
    QList<int> bad;
    QList<int> good;
    for (int i = 0; i < 200; ++i) {
        bad.append(m_client->send(
            u"tasks"_s, u"db_update_task"_s, QJsonArray {QJsonObject {{u"taskId"_s, m_taskId}, {u"priority"_s, i}}}));
        if (i % 20 == 0)
            good.append(m_client->send(u"tasks"_s, u"db_get_tasks"_s, QJsonArray {QJsonObject {}}));
    }
    // Then: every one gets its own answer
    for (const int id : std::as_const(bad)) {
        const auto reply = m_client->waitForResponse(id);
        ASSERT_TRUE(reply.has_value()) << "no reply to call " << id;
        EXPECT_EQ(reply->toObject().value(u"error"_s).toObject().value(u"code"_s), kInvalid);
    }
    for (const int id : std::as_const(good)) {
        const auto reply = m_client->waitForResponse(id);
        ASSERT_TRUE(reply.has_value());
        EXPECT_EQ(reply->toObject().value(u"ok"_s), QJsonValue(true));
    }
    EXPECT_EQ(dumpDifference(dump(), m_before), "");
}

} // namespace
} // namespace quire::test
