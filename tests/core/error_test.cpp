// SPDX-License-Identifier: MIT
#include "printers.h"
#include <quire/core/error.h>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using quire::core::ErrorCode;
using quire::core::errorCodeName;

TEST(ErrorCodeName, GivesTheWireNameOfEveryCode)
{
    // Given every error code / When named / Then the names match the IPC contract
    EXPECT_EQ(errorCodeName(ErrorCode::NotFound), u"not_found"_s);
    EXPECT_EQ(errorCodeName(ErrorCode::InvalidArgument), u"invalid_argument"_s);
    EXPECT_EQ(errorCodeName(ErrorCode::Conflict), u"conflict"_s);
    EXPECT_EQ(errorCodeName(ErrorCode::Storage), u"storage"_s);
    EXPECT_EQ(errorCodeName(ErrorCode::Internal), u"internal"_s);
}

TEST(Fail, WrapsCodeAndMessageInAnUnexpectedResult)
{
    // Given / When
    const quire::core::Result<int> result = quire::core::fail(ErrorCode::Conflict, u"taken"_s);

    // Then
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::Conflict);
    EXPECT_EQ(result.error().message, u"taken"_s);
}
