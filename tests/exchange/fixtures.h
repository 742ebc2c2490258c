// SPDX-License-Identifier: MIT
#pragma once
// Snapshots the exchange tests write and read, and an Operation they can watch and cancel.

#include <quire/core/data_transfer.h>
#include <quire/core/operation.h>

#include <QDateTime>
#include <QString>

namespace quire::exchange_test {

/** @brief A UTC timestamp from RFC 3339 text (the test's own, so always valid). */
[[nodiscard]] QDateTime utc(const QString &rfc3339);

/**
 * @brief Two projects and four tasks using every field: a completed one, a blocked one, a
 * checklist, a rule, a dated and a timed due date, tags and text that need quoting or escaping.
 * Timestamps are whole seconds, so that formats without milliseconds can carry them.
 */
[[nodiscard]] core::Snapshot everyFieldSnapshot();

/** @brief `count` plain tasks, for progress and cancellation. */
[[nodiscard]] core::Snapshot manyTasks(int count);

/** @brief Cancels once it has been told of progress `cancelAfter` times; counts every call. */
class CancellingOperation final : public core::Operation
{
public:
    explicit CancellingOperation(int cancelAfter)
        : m_cancelAfter(cancelAfter)
    {
    }

    [[nodiscard]] bool cancelled() const override { return m_progressCalls >= m_cancelAfter; }
    void progress(qint64 done, qint64 total, QStringView /*phase*/) override
    {
        ++m_progressCalls;
        m_lastDone = done;
        m_lastTotal = total;
    }

    [[nodiscard]] int progressCalls() const { return m_progressCalls; }
    [[nodiscard]] qint64 lastDone() const { return m_lastDone; }
    [[nodiscard]] qint64 lastTotal() const { return m_lastTotal; }

private:
    int m_cancelAfter;
    int m_progressCalls = 0;
    qint64 m_lastDone = 0;
    qint64 m_lastTotal = 0;
};

} // namespace quire::exchange_test
