// SPDX-License-Identifier: MIT
#pragma once

// gtest assertions for quire::core::Result, in the spirit of Qt Creator's QVERIFY_RESULT:
// a failure prints the error's code and message.
//
//   ASSERT_OK(repo.remove(id));
//   ASSERT_OK_AND_ASSIGN(const Task task, repo.create(draft));
//   EXPECT_ERROR_CODE(repo.create(blank), ErrorCode::InvalidArgument);
//   EXPECT_ERROR(repo.update(id, patch), ErrorCode::NotFound, u"task 42 not found"_s);

#include "printers.h"
#include <quire/core/error.h>

#include <gtest/gtest.h>

#include <QString>

#include <utility>

#define QUIRE_TEST_CONCAT_INNER(a, b) a##b
#define QUIRE_TEST_CONCAT(a, b) QUIRE_TEST_CONCAT_INNER(a, b)

/** Fails the test (returning from it) unless `expr` holds a value. */
#define ASSERT_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto &quire_result_ = (expr);                                                                            \
        ASSERT_TRUE(quire_result_.has_value())                                                                         \
            << #expr << " failed with " << ::quire::test::describe(quire_result_.error());                             \
    } while (false)

/** Like ASSERT_OK, continuing the test. */
#define EXPECT_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto &quire_result_ = (expr);                                                                            \
        EXPECT_TRUE(quire_result_.has_value())                                                                         \
            << #expr << " failed with " << ::quire::test::describe(quire_result_.error());                             \
    } while (false)

/** `decl = *expr`, after asserting that `expr` holds a value. `decl` is a declaration
 * ("const auto task"), so it cannot be parenthesised as bugprone-macro-parentheses asks. */
#define ASSERT_OK_AND_ASSIGN(decl, expr)                                                                               \
    auto QUIRE_TEST_CONCAT(quire_result_, __LINE__) = (expr);                                                          \
    ASSERT_TRUE(QUIRE_TEST_CONCAT(quire_result_, __LINE__).has_value())                                                \
        << #expr << " failed with " << ::quire::test::describe(QUIRE_TEST_CONCAT(quire_result_, __LINE__).error());    \
    decl = std::move(*QUIRE_TEST_CONCAT(quire_result_, __LINE__)) // NOLINT(bugprone-macro-parentheses)

/** Expects `expr` to fail with ErrorCode `expected_code`; prints the message when the code differs. */
#define EXPECT_ERROR_CODE(expr, expected_code)                                                                         \
    do {                                                                                                               \
        const auto &quire_result_ = (expr);                                                                            \
        if (quire_result_.has_value()) {                                                                               \
            ADD_FAILURE() << #expr << " succeeded; expected error " << ::testing::PrintToString(expected_code);        \
        } else {                                                                                                       \
            EXPECT_EQ(quire_result_.error().code, (expected_code))                                                     \
                << "message: " << quire_result_.error().message.toStdString();                                         \
        }                                                                                                              \
    } while (false)

/** Expects `expr` to fail with `expected_code` and exactly `expected_message`. */
#define EXPECT_ERROR(expr, expected_code, expected_message)                                                            \
    do {                                                                                                               \
        const auto &quire_result_ = (expr);                                                                            \
        if (quire_result_.has_value()) {                                                                               \
            ADD_FAILURE() << #expr << " succeeded; expected error " << ::testing::PrintToString(expected_code);        \
        } else {                                                                                                       \
            EXPECT_EQ(quire_result_.error().code, (expected_code))                                                     \
                << "message: " << quire_result_.error().message.toStdString();                                         \
            EXPECT_EQ(quire_result_.error().message, (expected_message));                                              \
        }                                                                                                              \
    } while (false)
