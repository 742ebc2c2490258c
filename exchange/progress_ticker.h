// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/operation.h>

#include <QString>

namespace quire::exchange {

/**
 * @brief Counts records for a long read or write and, every 256 of them (and at the start), asks
 * whether the person cancelled and says how far the work has come: often enough that a cancel
 * takes effect within ~100 ms, rarely enough to cost nothing per record.
 */
class ProgressTicker
{
public:
    ProgressTicker(core::Operation &operation, qint64 total, QString phase);

    /** @brief One more record done; false once the work should stop (then return cancelledError()). */
    [[nodiscard]] bool advance();

    /** @brief Reports the last count, so a listener sees the work end at its total. */
    void finish();

private:
    core::Operation &m_operation;
    qint64 m_done = 0;
    qint64 m_total = 0;
    QString m_phase;
};

} // namespace quire::exchange
