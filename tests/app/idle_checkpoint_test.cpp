// SPDX-License-Identifier: MIT
// A file's write-ahead log is copied into the file once writes pause, so that a later commit does
// not stop to do it.
#include "temporary_folder.h"
#include <database_thread.h>
#include <quire/core/database.h>

#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace quire;
using app::DatabaseThread;
using app::JobKind;
using app::Storage;
using quire::test::TemporaryFolder;

TEST(IdleCheckpoint, AWriteReachesTheDatabaseFileItselfOnceWritesPause)
{
    // Given an open file
    TemporaryFolder folder;
    const QString path = folder.filePath(u"quire.db"_s);
    DatabaseThread database(path, {});
    ASSERT_TRUE(database.openResult().has_value());
    const QByteArray title = "Copied out of the log";

    // When one task is written and no other write follows
    auto written = database.run(
        [&](Storage &storage, core::Operation &) -> core::Result<QJsonValue> {
            core::TaskDraft draft;
            draft.title = QString::fromUtf8(title);
            auto created = storage.tasks->create(draft);
            if (!created)
                return std::unexpected(created.error());
            return QJsonValue(created->id);
        },
        JobKind::Write);
    written.waitForFinished();
    ASSERT_TRUE(written.result().has_value()) << written.result().error().message.toStdString();

    // Then the file holds it while the connection is still open (closing would checkpoint anyway)
    const QDeadlineTimer deadline(10s);
    while (!TemporaryFolder::readFile(path).contains(title) && !deadline.hasExpired())
        QThread::msleep(20);
    EXPECT_TRUE(TemporaryFolder::readFile(path).contains(title));
    database.shutdown();
}
