// SPDX-License-Identifier: MIT
// Import and export through the real bridge on a real QWebChannel over a real SQLite file: the
// person's file dialogs answer with planned paths, the files are real.
#include "bridge_fixture.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

class TransferBridgeTest : public BridgeTest
{
protected:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    /** @brief Two tasks in a project, exported to `file` as `format`; the reply's data. */
    QJsonObject exportTwoTasks(const QString &file, const QString &format = u"json"_s)
    {
        const QString projectId = createProject(u"Home"_s);
        createTask(u"Buy milk"_s, {projectId});
        createTask(u"Call Ana"_s);
        m_files.plan(path(file));
        return ok(u"transfer_export_tasks"_s, QJsonObject {{u"format"_s, format}}).toObject();
    }

    void deleteEveryTask()
    {
        QJsonArray ids;
        for (const auto &task : ok(u"db_get_tasks"_s).toArray())
            ids.append(task.toObject().value(u"id"_s));
        ok(u"db_delete_tasks"_s, QJsonObject {{u"taskIds"_s, ids}});
    }

    QStringList titles()
    {
        QStringList result;
        for (const auto &task : ok(u"db_get_tasks"_s).toArray())
            result.append(task.toObject().value(u"title"_s).toString());
        result.sort();
        return result;
    }

    QJsonObject preview(const QString &file)
    {
        m_files.plan(path(file));
        return ok(u"transfer_preview_import"_s, QJsonObject {{u"source"_s, u"file"_s}}).toObject();
    }
};

INSTANTIATE_FOR_ENGINES(TransferBridgeTest);

TEST_P(TransferBridgeTest, ExportWritesTheChosenFileAndSaysWhatItHolds)
{
    const QJsonObject summary = exportTwoTasks(u"tasks.ics"_s, u"ics"_s);

    EXPECT_EQ(summary,
        (QJsonObject {{u"fileName"_s, u"tasks.ics"_s}, {u"projects"_s, 1}, {u"tasks"_s, 2}, {u"projectsSkipped"_s, 0},
            {u"tasksSkipped"_s, 0}}));
    QFile file(path(u"tasks.ics"_s));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_TRUE(text.startsWith("BEGIN:VCALENDAR"));
    EXPECT_TRUE(text.contains("SUMMARY:Buy milk"));
}

TEST_P(TransferBridgeTest, ClosingTheDialogRepliesNullAndWritesNothing)
{
    createTask(u"Buy milk"_s);

    EXPECT_EQ(ok(u"transfer_export_tasks"_s, QJsonObject {{u"format"_s, u"csv"_s}}), QJsonValue::Null);
    EXPECT_EQ(ok(u"transfer_preview_import"_s, QJsonObject {{u"source"_s, u"file"_s}}), QJsonValue::Null);
}

TEST_P(TransferBridgeTest, AnUnknownFormatIsRefusedBeforeAnyDialogOpens)
{
    m_files.plan(path(u"tasks.xml"_s));

    EXPECT_EQ(error(u"transfer_export_tasks"_s, QJsonObject {{u"format"_s, u"xml"_s}}).value(u"code"_s),
        u"invalid_argument"_s);
    // The planned answer is still there for the next dialog: none opened.
    EXPECT_EQ(ok(u"transfer_export_tasks"_s, QJsonObject {{u"format"_s, u"json"_s}}).toObject().value(u"fileName"_s),
        u"tasks.xml"_s);
}

TEST_P(TransferBridgeTest, APreviewSaysWhatAnImportWouldDoAndTheImportDoesIt)
{
    // Given an export, and then one of its tasks deleted
    exportTwoTasks(u"tasks.json"_s);
    const QJsonArray tasks = ok(u"db_get_tasks"_s).toArray();
    ok(u"db_delete_task"_s, QJsonObject {{u"taskId"_s, tasks.at(0).toObject().value(u"id"_s)}});
    m_client->connectToSignal(u"tasks"_s, u"tasksChanged"_s);

    // When the file is previewed, then imported
    const QJsonObject preview = this->preview(u"tasks.json"_s);
    const int changesBefore = m_client->signalCount(u"tasks"_s, u"tasksChanged"_s);
    const QJsonObject summary
        = ok(u"transfer_import"_s, QJsonObject {{u"importId"_s, preview.value(u"importId"_s)}}).toObject();

    // Then the preview counted the deleted task as new and the rest as already there, and the import agrees
    EXPECT_EQ(preview.value(u"format"_s), u"Quire JSON"_s);
    EXPECT_EQ(preview.value(u"fileName"_s), u"tasks.json"_s);
    EXPECT_EQ(preview.value(u"tasks"_s), 1);
    EXPECT_EQ(preview.value(u"tasksSkipped"_s), 1);
    EXPECT_EQ(preview.value(u"projectsSkipped"_s), 1);
    EXPECT_EQ(summary.value(u"tasks"_s), 1);
    EXPECT_EQ(summary.value(u"fileName"_s), u"tasks.json"_s);
    EXPECT_EQ(titles(), (QStringList {u"Buy milk"_s, u"Call Ana"_s}));
    // And the open views are told to load again
    EXPECT_EQ(m_client->signalCount(u"tasks"_s, u"tasksChanged"_s), changesBefore + 1);
    // And the import is one step of the journal
    EXPECT_EQ(ok(u"db_undo"_s).toObject().value(u"label"_s).toString().startsWith(u"Import"_s), true);
    EXPECT_EQ(titles().size(), 1);
}

TEST_P(TransferBridgeTest, AFileIsImportedOnceThenForgotten)
{
    exportTwoTasks(u"tasks.csv"_s, u"csv"_s);
    deleteEveryTask();
    const QString importId = preview(u"tasks.csv"_s).value(u"importId"_s).toString();
    ok(u"transfer_import"_s, QJsonObject {{u"importId"_s, importId}});

    const QJsonObject again = error(u"transfer_import"_s, QJsonObject {{u"importId"_s, importId}});

    EXPECT_EQ(again.value(u"code"_s), u"not_found"_s);
    EXPECT_EQ(titles(), (QStringList {u"Buy milk"_s, u"Call Ana"_s}));
}

TEST_P(TransferBridgeTest, ADiscardedFileCannotBeImported)
{
    exportTwoTasks(u"tasks.json"_s);
    deleteEveryTask();
    const QString importId = preview(u"tasks.json"_s).value(u"importId"_s).toString();

    EXPECT_EQ(ok(u"transfer_discard_import"_s, QJsonObject {{u"importId"_s, importId}}), QJsonValue::Null);

    EXPECT_EQ(error(u"transfer_import"_s, QJsonObject {{u"importId"_s, importId}}).value(u"code"_s), u"not_found"_s);
    EXPECT_TRUE(titles().isEmpty());
}

TEST_P(TransferBridgeTest, ABadFileIsRefusedNamingTheLineAndChangesNothing)
{
    QFile file(path(u"bad.csv"_s));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("Title,Status\r\nBuy milk,doing\r\n");
    file.close();
    m_files.plan(path(u"bad.csv"_s));

    const QJsonObject refused = error(u"transfer_preview_import"_s, QJsonObject {{u"source"_s, u"file"_s}});

    EXPECT_EQ(refused.value(u"code"_s), u"invalid_argument"_s);
    EXPECT_TRUE(refused.value(u"message"_s).toString().contains(u"line 2"_s))
        << refused.value(u"message"_s).toString().toStdString();
    EXPECT_TRUE(titles().isEmpty());
}

TEST_P(TransferBridgeTest, AFileThatIsNoneOfTheFormatsIsRefusedSayingWhichAreRead)
{
    QFile file(path(u"photo.png"_s));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x89PNG\r\n\x1a\n\0\0", 10));
    file.close();
    m_files.plan(path(u"photo.png"_s));

    const QJsonObject refused = error(u"transfer_preview_import"_s, QJsonObject {{u"source"_s, u"file"_s}});

    EXPECT_EQ(refused.value(u"code"_s), u"invalid_argument"_s) << refused.value(u"message"_s).toString().toStdString();
}

TEST_P(TransferBridgeTest, ACancelledImportLeavesTheDatabaseAsItWas)
{
    // Given a file previewed, and the database busy when the import is asked for
    exportTwoTasks(u"tasks.json"_s);
    deleteEveryTask();
    const QString importId = preview(u"tasks.json"_s).value(u"importId"_s).toString();
    auto open = std::make_shared<std::atomic<bool>>(false);
    auto busy = m_database->run([open](app::Storage &, core::Operation &) -> core::Result<QJsonValue> {
        while (!*open)
            QThread::msleep(1);
        return QJsonValue(true);
    });
    const int import = m_client->send(u"transfer"_s, u"transfer_import"_s,
        QJsonArray {QJsonObject {{u"importId"_s, importId}, {u"requestId"_s, u"import-1"_s}}});

    // When the page cancels it
    EXPECT_EQ(ok(u"cancel_request"_s, QJsonObject {{u"requestId"_s, u"import-1"_s}}), QJsonValue(true));
    *open = true;

    // Then it answers cancelled and nothing was imported
    const auto reply = m_client->waitForResponse(import);
    ASSERT_TRUE(reply.has_value());
    EXPECT_EQ(reply->toObject().value(u"error"_s).toObject().value(u"code"_s), u"cancelled"_s);
    EXPECT_TRUE(titles().isEmpty());
}

} // namespace
} // namespace quire::test
