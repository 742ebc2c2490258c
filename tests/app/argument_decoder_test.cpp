// SPDX-License-Identifier: MIT
#include <argument_decoder.h>

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

using app::commandSpec;
using app::decodeArguments;

TEST(SnakeToCamel, ConvertsUnderscoreSeparatedWords)
{
    EXPECT_EQ(app::snakeToCamel(u"project_ids"_s), u"projectIds"_s);
    EXPECT_EQ(app::snakeToCamel(u"task_id"_s), u"taskId"_s);
    EXPECT_EQ(app::snakeToCamel(u"title"_s), u"title"_s);
    EXPECT_EQ(app::snakeToCamel(u"_private"_s), u"_private"_s);
}

TEST(ArgumentDecoder, PatchStringTellsAbsentFromNull)
{
    const auto args = decodeArguments(commandSpec(u"db_update_task"),
                                      QJsonObject{{u"taskId"_s, u"t"_s}, {u"description"_s, QJsonValue::Null}});
    ASSERT_TRUE(args.has_value()) << args.error().message.toStdString();
    const auto description = args->patchString(u"description"_s);
    ASSERT_TRUE(description.has_value());
    EXPECT_FALSE(description->has_value());
    EXPECT_FALSE(args->patchString(u"title"_s).has_value());
    EXPECT_FALSE(args->patchEnum<core::Complexity>(u"complexity"_s).has_value());
}

TEST(ArgumentDecoder, PatchEnumParsesAGivenValue)
{
    const auto args = decodeArguments(commandSpec(u"db_update_task"),
                                      QJsonObject{{u"taskId"_s, u"t"_s}, {u"type"_s, u"optimization"_s}});
    ASSERT_TRUE(args.has_value());
    EXPECT_EQ(args->patchEnum<core::TaskType>(u"type"_s), std::optional(std::optional(core::TaskType::Optimization)));
}

TEST(ArgumentDecoder, NullForAnOptionalCreateKeyMeansNotGiven)
{
    const auto args = decodeArguments(commandSpec(u"db_create_task"),
                                      QJsonObject{{u"title"_s, u"t"_s},
                                                  {u"priority"_s, u"pinned"_s},
                                                  {u"tags"_s, QJsonArray{}},
                                                  {u"projectIds"_s, QJsonArray{}},
                                                  {u"complexity"_s, QJsonValue::Null}});
    ASSERT_TRUE(args.has_value());
    EXPECT_FALSE(args->contains(u"complexity"_s));
    EXPECT_EQ(args->enumValue<core::Priority>(u"priority"_s), core::Priority::Pinned);
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
    const auto args = decodeArguments(commandSpec(u"db_get_task"),
                                      QJsonObject{{u"taskId"_s, QString(app::kMaxStringLength, u'a')}});
    EXPECT_TRUE(args.has_value());
    const auto tooLong = decodeArguments(commandSpec(u"db_get_task"),
                                         QJsonObject{{u"taskId"_s, QString(app::kMaxStringLength + 1, u'a')}});
    EXPECT_FALSE(tooLong.has_value());
}

TEST(ArgumentDecoder, TooManyListElementsAreRejected)
{
    QJsonArray ids;
    for (qsizetype i = 0; i <= app::kMaxListLength; ++i)
        ids.append(u"p"_s);
    const auto args = decodeArguments(commandSpec(u"db_get_tasks"), QJsonObject{{u"projectIds"_s, ids}});
    ASSERT_FALSE(args.has_value());
    EXPECT_EQ(args.error().code, core::ErrorCode::InvalidArgument);
    EXPECT_TRUE(args.error().message.contains(u"too many elements"_s));
}

} // namespace
} // namespace quire::test
