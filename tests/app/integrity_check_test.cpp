// SPDX-License-Identifier: MIT
// The open file's integrity check, which runs in the background while the window lists tasks:
// a write waits for it, and a damaged file is never written to.
#include "create_task_job.h"
#include "damaged_database.h"
#include "result_assertions.h"
#include "temporary_folder.h"
#include "wait_until.h"
#include <database_thread.h>
#include <quire/core/database.h>

#include <gtest/gtest.h>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace quire;
using app::DatabaseThread;
using app::JobKind;
using app::Storage;
using quire::test::createTaskJob;
using quire::test::TemporaryFolder;
using quire::test::waitUntil;

TEST(IntegrityCheck, AWriteToADamagedFileIsRefusedTheFileIsLeftAsItWasAndThePageReadsAgain)
{
    // Given a damaged file, opened by the window without waiting for its check
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_NO_FATAL_FAILURE(quire::test::writeDamagedDatabase(path));
    const QByteArray before = TemporaryFolder::readFile(path);
    DatabaseThread database(path, {});
    std::atomic<int> everyTaskChanged = 0;
    database.setOtherClientListener([&](const core::OtherClientChange &change) {
        if (change.rows == core::OtherClientChange::Rows::Tasks && !change.ids)
            ++everyTaskChanged;
    });
    ASSERT_TRUE(database.openResult().has_value());

    // When
    auto written = database.run(createTaskJob(u"Written after opening"_s), JobKind::Write);
    written.waitForFinished();

    // Then
    const core::Result<QJsonValue> &result = written.result();
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, core::ErrorCode::Storage);
    EXPECT_TRUE(result.error().message.contains(u"is damaged"_s)) << result.error().message.toStdString();
    EXPECT_TRUE(waitUntil([&] { return everyTaskChanged > 0; }, 5s));
    auto listed = database.run(
        [](Storage &storage, core::Operation &) -> core::Result<QJsonValue> {
            if (auto found = storage.tasks->list({}); !found)
                return std::unexpected(found.error());
            return QJsonValue();
        },
        JobKind::Read);
    listed.waitForFinished();
    ASSERT_FALSE(listed.result().has_value());
    EXPECT_TRUE(listed.result().error().message.contains(u"is damaged"_s));
    database.shutdown();
    EXPECT_EQ(TemporaryFolder::readFile(path), before);
}

TEST(IntegrityCheck, ADamagedFileThatNobodyWritesToIsReportedOnceItsDelayedCheckHasRun)
{
    // Given a damaged file, opened by the window without waiting for its check, and only read
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_NO_FATAL_FAILURE(quire::test::writeDamagedDatabase(path));
    DatabaseThread database(path, {});
    std::atomic<int> everyTaskChanged = 0;
    database.setOtherClientListener([&](const core::OtherClientChange &change) {
        if (change.rows == core::OtherClientChange::Rows::Tasks && !change.ids)
            ++everyTaskChanged;
    });
    ASSERT_TRUE(database.openResult().has_value());

    // When nothing is written, Then the check starts by itself (after about a second) and the
    // page is told to read again, which shows the damage
    EXPECT_TRUE(waitUntil([&] { return everyTaskChanged > 0; }, 10s));
    EXPECT_ERROR_CODE(database.openResult(), core::ErrorCode::Storage);
    database.shutdown();
}

TEST(IntegrityCheck, AnIntactFileIsWrittenOnceItsCheckHasPassed)
{
    // Given an intact file that needs no migration
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    ASSERT_TRUE(core::Database::open(path, u"integrity-check-create"_s).has_value());
    DatabaseThread database(path, {});
    std::atomic<int> everyTaskChanged = 0;
    database.setOtherClientListener([&](const core::OtherClientChange &) { ++everyTaskChanged; });

    // When
    auto written = database.run(createTaskJob(u"Written after opening"_s), JobKind::Write);
    written.waitForFinished();

    // Then
    ASSERT_TRUE(written.result().has_value()) << written.result().error().message.toStdString();
    database.shutdown();
    EXPECT_EQ(everyTaskChanged, 0);
}
