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
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace quire;
using app::DatabaseThread;
using app::JobKind;
using app::Storage;
using quire::test::createTaskJob;
using quire::test::TemporaryFolder;
using quire::test::waitUntil;

/** A damaged file, opened by the window without waiting for its check; counts the page's "read every task again". */
class DamagedFileCheck : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(quire::test::writeDamagedDatabase(m_path));
        m_before = TemporaryFolder::readFile(m_path);
        m_database = std::make_unique<DatabaseThread>(m_path, QString());
        m_database->setOtherClientListener([this](const core::OtherClientChange &change) {
            if (change.rows == core::OtherClientChange::Rows::Tasks && !change.ids)
                ++m_everyTaskChanged;
        });
        ASSERT_TRUE(m_database->openResult().has_value());
    }

    TemporaryFolder m_folder;
    QString m_path = m_folder.filePath(u"quire.db"_s);
    QByteArray m_before;
    std::atomic<int> m_everyTaskChanged = 0;
    std::unique_ptr<DatabaseThread> m_database;
};

TEST_F(DamagedFileCheck, AWriteIsRefusedTheFileIsLeftAsItWasAndThePageReadsAgain)
{
    // When
    auto written = m_database->run(createTaskJob(u"Written after opening"_s), JobKind::Write);
    written.waitForFinished();

    // Then
    const core::Result<QJsonValue> &result = written.result();
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, core::ErrorCode::Storage);
    EXPECT_TRUE(result.error().message.contains(u"is damaged"_s)) << result.error().message.toStdString();
    EXPECT_TRUE(waitUntil([&] { return m_everyTaskChanged > 0; }, 5s));
    auto listed = m_database->run(
        [](Storage &storage, core::Operation &) -> core::Result<QJsonValue> {
            if (auto found = storage.tasks->list({}); !found)
                return std::unexpected(found.error());
            return QJsonValue();
        },
        JobKind::Read);
    listed.waitForFinished();
    ASSERT_FALSE(listed.result().has_value());
    EXPECT_TRUE(listed.result().error().message.contains(u"is damaged"_s));
    m_database->shutdown();
    EXPECT_EQ(TemporaryFolder::readFile(m_path), m_before);
}

TEST_F(DamagedFileCheck, NobodyWritingItIsReportedOnceTheDelayedCheckHasRun)
{
    // When nothing is written, Then the check starts by itself (about a second after opening)
    // and the page is told to read again, which shows the damage
    EXPECT_TRUE(waitUntil([&] { return m_everyTaskChanged > 0; }, 10s));
    EXPECT_ERROR_CODE(m_database->openResult(), core::ErrorCode::Storage);
    m_database->shutdown();
    EXPECT_EQ(TemporaryFolder::readFile(m_path), m_before);
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
