// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>

#include <QString>
#include <QStringView>
#include <QtGlobal>

namespace quire::core {

/**
 * @brief What a long piece of work (an import, an export, a bulk write) is told and tells while
 * it runs: whether the person has asked it to stop, and how far it has come.
 *
 * The work asks cancelled() between steps (every few hundred rows, so a cancel takes effect
 * within ~100 ms) and then returns cancelledError(); its transaction rolls back, so a cancelled
 * write leaves no trace. A statement already running in SQLite is interrupted by the caller
 * (Database::interrupt()), which the work sees as an error that isCancelled() recognises.
 * progress() may be called as often as is convenient: whoever listens throttles.
 */
class Operation
{
public:
    virtual ~Operation() = default;

    /** @brief True once the work should stop. Thread-safe. */
    [[nodiscard]] virtual bool cancelled() const = 0;

    /** @brief `done` of `total` units of `phase` ("reading", "writing", ...); total 0 when unknown. */
    virtual void progress(qint64 done, qint64 total, QStringView phase) = 0;

protected:
    Operation() = default;
    Operation(const Operation &) = default;
    Operation &operator=(const Operation &) = default;
};

/** @brief An Operation nobody cancels and nobody watches: for work started without one. */
class UnwatchedOperation final : public Operation
{
public:
    [[nodiscard]] bool cancelled() const override { return false; }
    void progress(qint64 /*done*/, qint64 /*total*/, QStringView /*phase*/) override { }
};

/** @brief ErrorCode::Cancelled, "cancelled; nothing was changed" (or `what` when given). */
[[nodiscard]] Error cancelledError(const QString &what = {});

} // namespace quire::core
