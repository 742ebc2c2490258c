// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>
#include <quire/core/operation.h>

#include <QStringView>

namespace quire::core {

/** @brief Records between two looks at Operation::cancelled(): milliseconds of work, well within the 100 ms a cancel
 * has, and rare enough to cost nothing per record. */
inline constexpr qint64 kCancelInterval = 256;

/**
 * @brief One phase of a long piece of work (an import's "writing", a file's "reading", a bulk
 * update's "saving"), counted in records for the Operation that watches it: reports each record
 * (or group of records) done, so the last report is the total, and stops the work once it is
 * cancelled.
 *
 * `name` is kept as a view: give it a string literal (u"reading").
 */
class OperationPhase
{
public:
    OperationPhase(Operation &operation, QStringView name, qint64 total)
        : m_operation(&operation)
        , m_name(name)
        , m_total(total)
    {
    }

    /** @brief Counts one record; Cancelled once the operation is (asked before the first, then every kCancelInterval).
     */
    [[nodiscard]] Result<> advance()
    {
        if (m_done % kCancelInterval == 0 && m_operation->cancelled())
            return std::unexpected(cancelledError());
        m_operation->progress(++m_done, m_total, m_name);
        return {};
    }

    /** @brief Cancelled if the operation is; for work done in groups, asked before each group. */
    [[nodiscard]] Result<> checkCancelled() const
    {
        if (m_operation->cancelled())
            return std::unexpected(cancelledError());
        return {};
    }

    /** @brief Counts a group of `count` records done (Operation::progress once). */
    void advanceBy(qint64 count)
    {
        m_done += count;
        m_operation->progress(m_done, m_total, m_name);
    }

private:
    Operation *m_operation;
    QStringView m_name;
    qint64 m_done = 0;
    qint64 m_total;
};

} // namespace quire::core
