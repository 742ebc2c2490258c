// SPDX-License-Identifier: MIT
// Exporting a real database to a file: what the file holds, and that a failure or a cancel at any
// point leaves no file (nor a half-written one) behind. The Quire JSON export hands its tasks to a
// writer thread (threaded_sink.h); its hand-over is tested here too.
#include "fixtures.h"
#include "result_assertions.h"
#include "temporary_folder.h"
#include "threaded_sink.h"
#include <quire/core/database.h>
#include <quire/core/sql_data_transfer.h>
#include <quire/exchange/quire_json.h>
#include <quire/exchange/transfer_file.h>

#include <QBuffer>
#include <QFile>

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <sys/resource.h>
#include <thread>

using namespace Qt::StringLiterals;
using namespace quire::core;
using namespace quire::exchange;
using quire::exchange_test::CancellingOperation;
using quire::exchange_test::everyFieldSnapshot;
using quire::exchange_test::manyTasks;
using quire::test::TemporaryFolder;

namespace {

class ExportToFile : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_folder.isValid());
        auto db = Database::open(m_folder.filePath(u"quire.db"_s), u"export-to-file"_s);
        ASSERT_OK(db);
        m_db = std::move(*db);
        m_transfer = std::make_unique<SqlDataTransfer>(*m_db);
    }

    /** `count` plain tasks, placed by the import (manyTasks()' keys are only for the file formats). */
    void seedMany(int count)
    {
        Snapshot snapshot = manyTasks(count);
        for (Task &task : snapshot.tasks)
            task.sortKey.clear();
        seed(snapshot);
    }

    void seed(const Snapshot &snapshot)
    {
        UnwatchedOperation operation;
        ASSERT_OK(m_transfer->import(snapshot, ImportMode::Commit, operation));
    }

    TemporaryFolder m_folder;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlDataTransfer> m_transfer;
};

/** Takes tasks and fails at the `failAt`-th (from 1), as a full disk would. */
class FailingSink final : public SnapshotSink
{
public:
    explicit FailingSink(qint64 failAt)
        : m_failAt(failAt)
    {
    }

    Result<> addProjects(const QList<Project> & /*projects*/, qint64 /*taskCount*/) override { return {}; }
    Result<> addTask(Task &&task) override
    {
        if (++m_taken == m_failAt)
            return fail(ErrorCode::Storage, u"no space left"_s);
        m_titles.append(task.title);
        return {};
    }

    [[nodiscard]] const QStringList &titles() const { return m_titles; }

private:
    qint64 m_failAt;
    qint64 m_taken = 0;
    QStringList m_titles;
};

/**
 * Takes tasks on the writer's thread, and holds it inside the `pauseAt`-th addTask() until resume():
 * the test then knows what the writer has done, and what it does next.
 */
class PausingSink final : public SnapshotSink
{
public:
    explicit PausingSink(qint64 pauseAt)
        : m_pauseAt(pauseAt)
    {
    }

    Result<> addProjects(const QList<Project> & /*projects*/, qint64 /*taskCount*/) override { return {}; }
    Result<> addTask(Task && /*task*/) override
    {
        std::unique_lock lock(m_mutex);
        ++m_taken;
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return m_taken != m_pauseAt || m_resumed; });
        return {};
    }

    /** @brief Whether the writer is held at the pause, within ten seconds. */
    [[nodiscard]] bool waitForPause()
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::seconds(10), [&] { return m_taken == m_pauseAt; });
    }

    void resume()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_resumed = true;
        }
        m_changed.notify_all();
    }

private:
    qint64 m_pauseAt;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    qint64 m_taken = 0;
    bool m_resumed = false;
};

/** Gives `tasks` to `sink` as an export would; the number of tasks it accepted before an error. */
qint64 handOver(SnapshotSink &sink, const QList<Task> &tasks, Result<> &outcome)
{
    outcome = sink.addProjects({}, tasks.size());
    qint64 accepted = 0;
    for (const Task &task : tasks) {
        if (!outcome)
            break;
        outcome = sink.addTask(Task(task));
        accepted += outcome ? 1 : 0;
    }
    return accepted;
}

} // namespace

TEST_F(ExportToFile, quireJsonHoldsEveryRecordOfTheDatabase)
{
    seed(everyFieldSnapshot());
    const QString path = m_folder.filePath(u"tasks.json"_s);
    UnwatchedOperation operation;

    ASSERT_OK_AND_ASSIGN(const TransferSummary summary, exportToFile(*m_transfer, path, Format::QuireJson, operation));

    EXPECT_EQ(summary.fileName, u"tasks.json"_s);
    EXPECT_EQ(summary.projects, 2);
    EXPECT_EQ(summary.tasks, 4);
    ASSERT_OK_AND_ASSIGN(const FileToImport file, readFileToImport(path, operation));
    ASSERT_OK_AND_ASSIGN(const Snapshot stored, m_transfer->exportAll(operation));
    EXPECT_EQ(file.parsed.snapshot, stored);
}

TEST_F(ExportToFile, aFileOfManyTasksIsTheSameAsTheOneWrittenAtOnce)
{
    // More tasks than one batch and one megabyte of text, so the writer thread and the buffer both turn over.
    seedMany(5000);
    const QString path = m_folder.filePath(u"tasks.json"_s);
    UnwatchedOperation operation;

    ASSERT_OK_AND_ASSIGN(const TransferSummary summary, exportToFile(*m_transfer, path, Format::QuireJson, operation));

    EXPECT_EQ(summary.tasks, 5000);
    ASSERT_OK_AND_ASSIGN(const Snapshot stored, m_transfer->exportAll(operation));
    ASSERT_OK_AND_ASSIGN(const QByteArray atOnce, writeQuireJson(stored, operation));
    EXPECT_EQ(TemporaryFolder::readFile(path), atOnce);
}

TEST_F(ExportToFile, csvAndICalendarSayWhatTheyWrote)
{
    seed(everyFieldSnapshot());
    UnwatchedOperation operation;
    for (const auto &[format, name] : {std::pair {Format::Csv, u"tasks.csv"_s}, {Format::ICalendar, u"tasks.ics"_s}}) {
        ASSERT_OK_AND_ASSIGN(
            const TransferSummary summary, exportToFile(*m_transfer, m_folder.filePath(name), format, operation));
        EXPECT_EQ(summary.fileName, name);
        EXPECT_EQ(summary.tasks, 4);
        EXPECT_FALSE(TemporaryFolder::readFile(m_folder.filePath(name)).isEmpty());
    }
}

TEST_F(ExportToFile, aCancelledExportLeavesTheFileThatWasThere)
{
    seedMany(2000);
    const QString path = m_folder.writeFile(u"tasks.json"_s, "an older export");
    for (const Format format : {Format::QuireJson, Format::Csv}) {
        CancellingOperation operation(2);
        EXPECT_ERROR_CODE(exportToFile(*m_transfer, path, format, operation), ErrorCode::Cancelled);
        EXPECT_EQ(TemporaryFolder::readFile(path), QByteArray("an older export"));
    }
}

TEST_F(ExportToFile, aFolderThatIsNotThereIsNamedInTheError)
{
    seed(everyFieldSnapshot());
    UnwatchedOperation operation;
    const auto result
        = exportToFile(*m_transfer, m_folder.filePath(u"gone/tasks.json"_s), Format::QuireJson, operation);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::Storage);
    EXPECT_TRUE(result.error().message.startsWith(u"cannot write “tasks.json”: "_s))
        << result.error().message.toStdString();
}

TEST_F(ExportToFile, aDiskThatFillsUpHalfWayLeavesNoFile)
{
    // A file size limit makes the write fail part way, as a full disk does (EFBIG instead of ENOSPC).
    seedMany(5000);
    const QString path = m_folder.filePath(u"tasks.json"_s);
    rlimit saved {};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = rlim_t {256} * 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    UnwatchedOperation operation;
    const auto result = exportToFile(*m_transfer, path, Format::QuireJson, operation);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::Storage);
    // The write failed part way (strerror(EFBIG)), not the opening.
    EXPECT_EQ(result.error().message, u"cannot write “tasks.json”: File too large"_s);
    EXPECT_FALSE(QFile::exists(path));
}

TEST(ExportToFileOfABrokenDatabase, aReadErrorIsNotCalledAWriteErrorAndLeavesNoFile)
{
    // A database that fails part way through its tasks, as on a disk I/O error
    class FailingRead final : public DataTransfer
    {
    public:
        Result<> exportTo(SnapshotSink &sink, Operation &) override
        {
            if (auto added = sink.addProjects({}, 2); !added)
                return added;
            Task task;
            task.title = u"First"_s;
            if (auto first = sink.addTask(std::move(task)); !first)
                return first;
            return fail(ErrorCode::Storage, u"cannot read tasks: disk I/O error"_s);
        }
        Result<ImportReport> import(const Snapshot &, ImportMode, Operation &) override { return ImportReport {}; }
    } broken;
    TemporaryFolder folder;
    ASSERT_TRUE(folder.isValid());
    UnwatchedOperation operation;

    for (const Format format : {Format::QuireJson, Format::Csv}) {
        EXPECT_ERROR(exportToFile(broken, folder.filePath(u"tasks"_s), format, operation), ErrorCode::Storage,
            u"cannot read tasks: disk I/O error"_s);
        EXPECT_FALSE(QFile::exists(folder.filePath(u"tasks"_s)));
    }
}

TEST(ThreadedSink, handsEveryTaskOverInOrder)
{
    const Snapshot snapshot = manyTasks(1300);
    FailingSink sink(-1);
    Result<> outcome;
    {
        ThreadedSink threaded(sink);
        EXPECT_EQ(handOver(threaded, snapshot.tasks, outcome), 1300);
        ASSERT_OK(outcome);
        ASSERT_OK(threaded.finish());
    }
    QStringList expected;
    for (const Task &task : snapshot.tasks)
        expected.append(task.title);
    EXPECT_EQ(sink.titles(), expected);
}

// Freed on the writer's thread, the tasks' memory went back to the reader's malloc arena under its
// lock, which both threads then fought over (threaded_sink.h).
TEST(ThreadedSink, writtenTasksAreFreedOnTheReadersThread)
{
    const Snapshot snapshot = manyTasks(static_cast<int>(2 * ThreadedSink::batchSize));
    const QString &firstTitle = snapshot.tasks.first().title; // shared with the handed-over copy
    PausingSink sink(ThreadedSink::batchSize); // holds the writer on the first batch's last task
    ThreadedSink threaded(sink);
    Result<> outcome = threaded.addProjects({}, snapshot.tasks.size());
    for (qsizetype i = 0; outcome && i < ThreadedSink::batchSize; ++i)
        outcome = threaded.addTask(Task(snapshot.tasks.at(i)));
    ASSERT_OK(outcome);
    ASSERT_TRUE(sink.waitForPause());
    sink.resume();

    // Written, the first batch waits for the reader: the writer frees none of it meanwhile.
    for (int i = 0; i < 20; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        ASSERT_FALSE(firstTitle.isDetached()) << "the writer's thread freed a task it had written";
    }
    // The reader's next hand-overs free what was written, and finish() the rest, before it returns.
    for (qsizetype i = ThreadedSink::batchSize; outcome && i < snapshot.tasks.size(); ++i)
        outcome = threaded.addTask(Task(snapshot.tasks.at(i)));
    ASSERT_OK(outcome);
    ASSERT_OK(threaded.finish());
    EXPECT_TRUE(firstTitle.isDetached());
    EXPECT_TRUE(snapshot.tasks.last().title.isDetached());
}

TEST(ThreadedSink, theWritersErrorStopsTheReaderAndIsReturned)
{
    const Snapshot snapshot = manyTasks(20000);
    FailingSink sink(700);
    ThreadedSink threaded(sink);
    Result<> outcome;
    const qint64 accepted = handOver(threaded, snapshot.tasks, outcome);

    EXPECT_ERROR(outcome, ErrorCode::Storage, u"no space left"_s);
    // The reader hears of it within the batches that may wait: it does not read the rest.
    EXPECT_LT(accepted, 20000);
    EXPECT_ERROR(threaded.finish(), ErrorCode::Storage, u"no space left"_s);
    EXPECT_EQ(sink.titles().size(), 699);
}

TEST(QuireJsonWriter, aDeviceThatRefusesTheBytesIsAStorageError)
{
    QByteArray bytes;
    QBuffer device(&bytes);
    ASSERT_TRUE(device.open(QIODevice::ReadOnly));
    QuireJsonWriter writer(device);
    const auto result = writer.addProjects({}, 0);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::Storage);
    EXPECT_TRUE(bytes.isEmpty());
}
