// SPDX-License-Identifier: MIT
#include "progress_ticker.h"

namespace quire::exchange {

namespace {
constexpr qint64 recordsPerCheck = 256;
}

ProgressTicker::ProgressTicker(core::Operation &operation, qint64 total, QString phase)
    : m_operation(operation)
    , m_total(total)
    , m_phase(std::move(phase))
{
}

bool ProgressTicker::advance()
{
    if (m_done % recordsPerCheck == 0) {
        m_operation.progress(m_done, m_total, m_phase);
        if (m_operation.cancelled())
            return false;
    }
    ++m_done;
    return true;
}

void ProgressTicker::finish()
{
    m_operation.progress(m_done, m_total, m_phase);
}

} // namespace quire::exchange
