// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/operation.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace quire::core_test {

/** An Operation that records every progress report and cancels once `cancelWhen` says so. */
class RecordingOperation final : public core::Operation
{
public:
    struct Report {
        QString phase;
        qint64 done;
        qint64 total;
    };

    std::function<bool(const Report &)> cancelWhen;
    QList<Report> reports;

    [[nodiscard]] bool cancelled() const override { return m_cancelled; }

    void progress(qint64 done, qint64 total, QStringView phase) override
    {
        reports.append({phase.toString(), done, total});
        if (cancelWhen && cancelWhen(reports.last()))
            m_cancelled = true;
    }

    void cancel() { m_cancelled = true; }

    /** The phases reported, each once, in order. */
    [[nodiscard]] QStringList phases() const
    {
        QStringList phases;
        for (const Report &report : reports) {
            if (phases.isEmpty() || phases.last() != report.phase)
                phases.append(report.phase);
        }
        return phases;
    }

private:
    std::atomic<bool> m_cancelled = false;
};

} // namespace quire::core_test
