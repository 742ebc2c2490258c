// SPDX-License-Identifier: MIT
#include "threaded_sink.h"

namespace quire::exchange {
namespace {

/** Batches that may wait for the writer before the reader waits in turn. */
constexpr std::size_t kQueuedBatches = 8;

} // namespace

ThreadedSink::ThreadedSink(core::SnapshotSink &sink)
    : m_sink(sink)
{
    m_batch.reserve(batchSize);
}

ThreadedSink::~ThreadedSink()
{
    (void)finish();
}

core::Result<> ThreadedSink::addProjects(const QList<core::Project> &projects, qint64 taskCount)
{
    if (auto added = m_sink.addProjects(projects, taskCount); !added)
        return added;
    m_thread = std::thread([this] { run(); });
    return {};
}

core::Result<> ThreadedSink::addTask(core::Task &&task)
{
    m_batch.append(std::move(task));
    if (m_batch.size() < batchSize)
        return {};
    push(std::exchange(m_batch, {}));
    m_batch.reserve(batchSize);
    return firstError();
}

core::Result<> ThreadedSink::finish()
{
    if (!m_thread.joinable())
        return firstError();
    if (!m_batch.isEmpty())
        push(std::exchange(m_batch, {}));
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
    m_thread.join();
    releaseWritten();
    return firstError();
}

void ThreadedSink::push(QList<core::Task> &&batch)
{
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.size() < kQueuedBatches || m_error; });
        if (m_error)
            return; // the writer has stopped: what follows is dropped
        m_queue.push_back(std::move(batch));
    }
    m_changed.notify_all();
    releaseWritten();
}

void ThreadedSink::releaseWritten()
{
    std::deque<QList<core::Task>> written;
    {
        const std::lock_guard lock(m_mutex);
        written.swap(m_written);
    }
    // Freed here, outside the lock, on the thread that allocated them.
}

core::Result<> ThreadedSink::firstError()
{
    const std::lock_guard lock(m_mutex);
    if (m_error)
        return std::unexpected(*m_error);
    return {};
}

void ThreadedSink::run()
{
    for (;;) {
        QList<core::Task> batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_closed; });
            if (m_queue.empty())
                return; // closed, and everything written
            batch = std::move(m_queue.front());
            m_queue.pop_front();
        }
        m_changed.notify_all();
        for (core::Task &task : batch) {
            if (auto added = m_sink.addTask(std::move(task)); !added) {
                {
                    const std::lock_guard lock(m_mutex);
                    m_error = std::move(added.error());
                    m_queue.clear();
                }
                m_changed.notify_all();
                return;
            }
        }
        const std::lock_guard lock(m_mutex);
        m_written.push_back(std::move(batch)); // for the reader's thread to free
    }
}

} // namespace quire::exchange
