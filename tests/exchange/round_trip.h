// SPDX-License-Identifier: MIT
#pragma once
// What the round-trip tests of the formats expect (gtest; the sample tool does not link it).

#include <quire/exchange/parsed_file.h>

#include <quire/core/data_transfer.h>

#include <gtest/gtest.h>

namespace quire::exchange_test {

/**
 * @brief Expects `parsed` to hold the tasks of `original` whole and its projects by id and name:
 * what a format whose rows or to-dos carry no project description or times can give back.
 */
inline void expectTasksWholeAndProjectsByName(const exchange::ParsedFile &parsed, const core::Snapshot &original)
{
    EXPECT_EQ(parsed.snapshot.tasks, original.tasks);
    ASSERT_EQ(parsed.snapshot.projects.size(), original.projects.size());
    for (qsizetype i = 0; i < original.projects.size(); ++i) {
        EXPECT_EQ(parsed.snapshot.projects.at(i).id, original.projects.at(i).id);
        EXPECT_EQ(parsed.snapshot.projects.at(i).name, original.projects.at(i).name);
    }
    EXPECT_TRUE(parsed.notes.isEmpty()) << parsed.notes.join(u'\n').toStdString();
}

} // namespace quire::exchange_test
