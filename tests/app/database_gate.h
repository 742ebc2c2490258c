// SPDX-License-Identifier: MIT
#pragma once

#include <database_thread.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QJsonValue>
#include <QThread>

#include <atomic>
#include <memory>

namespace quire::test {

/** @brief Keeps the database thread busy until the test opens it: a queue that does not drain by itself. */
class Gate
{
public:
    /** @brief A job that waits for open(); queue it first, and what comes after stays queued. */
    [[nodiscard]] app::DatabaseThread::Job job() const
    {
        return [state = m_state](app::Storage &, core::Operation &) -> core::Result<QJsonValue> {
            state->entered = true;
            while (!state->open)
                QThread::msleep(1);
            return QJsonValue(true);
        };
    }
    /** @brief Waits until the gate job runs, so that later jobs are queued behind it. */
    void waitUntilEntered() const
    {
        const QDeadlineTimer deadline(10'000);
        while (!m_state->entered && !deadline.hasExpired())
            QThread::msleep(1);
    }
    void open() const { m_state->open = true; }

private:
    struct State {
        std::atomic<bool> entered = false;
        std::atomic<bool> open = false;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

/** @brief Pumps the event loop until `future` finishes (replies come back through posted events). */
template<class T>
bool waitFor(const QFuture<T> &future)
{
    const QDeadlineTimer deadline(10'000);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return future.isFinished();
}

} // namespace quire::test
