// SPDX-License-Identifier: MIT
// A file's write-ahead log is copied into the file once writes pause, so that a later commit does
// not stop to do it.
#include "create_task_job.h"
#include "temporary_folder.h"
#include "wait_until.h"
#include <database_thread.h>
#include <quire/core/database.h>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace quire;
using app::DatabaseThread;
using app::JobKind;
using quire::test::createTaskJob;
using quire::test::TemporaryFolder;
using quire::test::waitUntil;

TEST(IdleCheckpoint, AWriteReachesTheDatabaseFileItselfOnceWritesPause)
{
    // Given an open file
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    DatabaseThread database(path, {});
    ASSERT_TRUE(database.openResult().has_value());
    const QByteArray title = "Copied out of the log";

    // When one task is written and no other write follows
    auto written = database.run(createTaskJob(QString::fromUtf8(title)), JobKind::Write);
    written.waitForFinished();
    ASSERT_TRUE(written.result().has_value()) << written.result().error().message.toStdString();

    // Then the file holds it while the connection is still open (closing would checkpoint anyway)
    EXPECT_TRUE(waitUntil([&] { return TemporaryFolder::readFile(path).contains(title); }, 10s));
    database.shutdown();
}
