// SPDX-License-Identifier: MIT
#include <argument_decoder.h>

#include <quire/core/task.h>

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

using app::commandSpec;
using app::decodeArguments;

TEST(CamelToSnake, SpellsEachCapitalAsAnUnderscoreAndItsSmallLetter)
{
    EXPECT_EQ(app::camelToSnake(u"projectIds"_s), u"project_ids"_s);
    EXPECT_EQ(app::camelToSnake(u"taskId"_s), u"task_id"_s);
    EXPECT_EQ(app::camelToSnake(u"title"_s), u"title"_s);
    EXPECT_EQ(app::camelToSnake(u"afterTaskId"_s), u"after_task_id"_s);
}

TEST(ArgumentDecoder, APatchTellsAbsentFromNull)
{
    const auto args = decodeArguments(
        commandSpec(u"db_update_task"), QJsonObject {{u"taskId"_s, u"t"_s}, {u"description"_s, QJsonValue::Null}});
    ASSERT_TRUE(args.has_value()) << args.error().message.toStdString();
    const core::TaskPatch patch = app::patchFrom<core::Task>(*args);
    ASSERT_TRUE(patch.description.has_value());
    EXPECT_FALSE(patch.description->has_value());
    EXPECT_FALSE(patch.title.has_value());
    EXPECT_FALSE(patch.complexity.has_value());
}

TEST(ArgumentDecoder, APatchCarriesEachGivenField)
{
    const auto args = decodeArguments(commandSpec(u"db_update_task"),
        QJsonObject {{u"taskId"_s, u"t"_s}, {u"type"_s, u"optimization"_s}, {u"title"_s, u"New"_s},
            {u"tags"_s, QJsonArray {u"a"_s}}, {u"status"_s, u"blocked"_s}});
    ASSERT_TRUE(args.has_value());
    const core::TaskPatch patch = app::patchFrom<core::Task>(*args);
    EXPECT_EQ(patch.type, std::optional(std::optional(core::TaskType::Optimization)));
    EXPECT_EQ(patch.title, std::optional(u"New"_s));
    EXPECT_EQ(patch.tags, std::optional(QStringList {u"a"_s}));
    EXPECT_EQ(patch.status, std::optional(core::Status::Blocked));
    EXPECT_FALSE(patch.priority.has_value());
    EXPECT_FALSE(patch.projectIds.has_value());
}

TEST(ArgumentDecoder, NullForAnOptionalCreateKeyMeansNotGiven)
{
    const auto args = decodeArguments(commandSpec(u"db_create_task"),
        QJsonObject {{u"title"_s, u"t"_s}, {u"priority"_s, u"pinned"_s}, {u"tags"_s, QJsonArray {}},
            {u"projectIds"_s, QJsonArray {}}, {u"complexity"_s, QJsonValue::Null}});
    ASSERT_TRUE(args.has_value());
    EXPECT_FALSE(args->contains(u"complexity"_s));
    const core::TaskDraft draft = app::draftFrom<core::Task>(*args);
    EXPECT_EQ(draft.priority, core::Priority::Pinned);
    EXPECT_EQ(draft.complexity, std::nullopt);
    EXPECT_EQ(draft.status, core::Status::Backlog) << "the contract's default";
}

TEST(ArgumentDecoder, UndefinedArgumentsCountAsAnEmptyObject)
{
    EXPECT_TRUE(decodeArguments(commandSpec(u"db_get_projects"), QJsonValue(QJsonValue::Undefined)).has_value());
    const auto missing = decodeArguments(commandSpec(u"db_get_task"), QJsonValue(QJsonValue::Undefined));
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().message, u"missing required key 'taskId'"_s);
}

TEST(ArgumentDecoder, StringsAtTheLengthLimitAreAccepted)
{
    const auto args = decodeArguments(
        commandSpec(u"db_get_task"), QJsonObject {{u"taskId"_s, QString(app::kMaxStringLength, u'a')}});
    EXPECT_TRUE(args.has_value());
    const auto tooLong = decodeArguments(
        commandSpec(u"db_get_task"), QJsonObject {{u"taskId"_s, QString(app::kMaxStringLength + 1, u'a')}});
    EXPECT_FALSE(tooLong.has_value());
}

TEST(ArgumentDecoder, TooManyListElementsAreRejected)
{
    QJsonArray ids;
    for (qsizetype i = 0; i <= app::kMaxListLength; ++i)
        ids.append(u"p"_s);
    const auto args = decodeArguments(commandSpec(u"db_get_tasks"), QJsonObject {{u"projectIds"_s, ids}});
    ASSERT_FALSE(args.has_value());
    EXPECT_EQ(args.error().code, core::ErrorCode::InvalidArgument);
    EXPECT_TRUE(args.error().message.contains(u"too many elements"_s));
}

} // namespace
} // namespace quire::test
