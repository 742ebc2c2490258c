// SPDX-License-Identifier: MIT
#include "command_dispatch.h"

#include "envelope.h"

#include <QFuture>
#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QPromise>

#include <exception>
#include <map>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

core::Error unexpectedError(const char *what)
{
    return {core::ErrorCode::Internal, u"unexpected error: "_s + QString::fromLocal8Bit(what)};
}

/**
 * @brief The calls of one bridge still waiting for the database, shared by the bridge's thread and
 * the database thread.
 *
 * Qt 6.4's `.then(bridge, …)` reads the bridge's QPointer on the database thread while the GUI
 * thread may be destroying the bridge (a use after free in a release build, a failed Q_ASSERT in a
 * debug one). Here the bridge's destruction closes the gate under the lock that posting takes, so
 * a result is posted only to a live bridge, and the calls still pending are answered right there.
 * Every reply future is thus finished on the bridge's thread, where QWebChannel waits for it.
 */
class PendingCalls final : public std::enable_shared_from_this<PendingCalls>
{
public:
    using Answer = std::function<void()>;

    explicit PendingCalls(QObject *bridge)
        : m_bridge(bridge)
    {
    }

    /** @brief Remembers how to answer a call if its bridge goes first; returns the call's ticket. */
    quint64 add(Answer answerClosing)
    {
        const QMutexLocker lock(&m_mutex);
        m_pending.emplace(++m_lastTicket, std::move(answerClosing));
        return m_lastTicket;
    }

    /** @brief From any thread: runs `answer` on the bridge's thread, unless the bridge is gone. */
    void deliver(quint64 ticket, Answer answer)
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_bridge)
            return; // close() has answered it
        QMetaObject::invokeMethod(
            m_bridge,
            [self = shared_from_this(), ticket, answer = std::move(answer)] {
                if (self->forget(ticket))
                    answer();
            },
            Qt::QueuedConnection);
    }

    /**
     * @brief From any thread: runs `work` on the bridge's thread, unless the bridge is gone; after
     * what was posted or delivered before it from the same thread.
     */
    void post(Answer work)
    {
        const QMutexLocker lock(&m_mutex);
        if (m_bridge)
            QMetaObject::invokeMethod(m_bridge, std::move(work), Qt::QueuedConnection);
    }

    /** @brief On the bridge's thread as it is destroyed: answers every call still pending. */
    void close()
    {
        std::map<quint64, Answer> pending;
        {
            const QMutexLocker lock(&m_mutex);
            m_bridge = nullptr;
            pending.swap(m_pending);
        }
        for (auto &[ticket, answer] : pending)
            answer();
    }

private:
    bool forget(quint64 ticket)
    {
        const QMutexLocker lock(&m_mutex);
        return m_pending.erase(ticket) == 1;
    }

    QMutex m_mutex;
    QObject *m_bridge; // null once the bridge is being destroyed
    std::map<quint64, Answer> m_pending;
    quint64 m_lastTicket = 0;
};

/** @brief Keeps a bridge's PendingCalls as the bridge's child, and closes them when it dies. */
class ReplyGate final : public QObject
{
public:
    [[nodiscard]] static std::shared_ptr<PendingCalls> of(QObject *bridge)
    {
        for (QObject *child : bridge->children()) {
            if (auto *gate = dynamic_cast<ReplyGate *>(child))
                return gate->m_calls;
        }
        return (new ReplyGate(bridge))->m_calls;
    }

private:
    explicit ReplyGate(QObject *bridge)
        : QObject(bridge)
        , m_calls(std::make_shared<PendingCalls>(bridge))
    {
        // `destroyed` comes before QObject tears down the bridge's posted events and connections:
        // after it, nothing may be posted to the bridge.
        connect(
            bridge, &QObject::destroyed, this, [calls = m_calls] { calls->close(); }, Qt::DirectConnection);
    }

    std::shared_ptr<PendingCalls> m_calls;
};

/** @brief List commands only read: the ones still queued when Quire closes need not run. */
JobKind jobKind(const CommandSpec &spec)
{
    return spec.kind == CommandKind::List ? JobKind::Read : JobKind::Write;
}

/**
 * @brief A read that a person waits for (one task, a search) may go ahead of the queued list reads
 * and long reads (export, reading a file to import); writes keep their place (see JobLane).
 */
JobLane jobLane(const CommandSpec &spec)
{
    if (spec.writes)
        return JobLane::Ordered;
    return spec.kind == CommandKind::List || spec.reportsProgress ? JobLane::BackgroundRead : JobLane::InteractiveRead;
}

template<class Reply>
void answer(QPromise<Reply> &promise, Reply reply)
{
    promise.addResult(std::move(reply));
    promise.finish();
}

/**
 * @brief Runs `job` on the database thread, then `finish` with its result on `bridge`'s thread;
 * the reply is what `finish` returns, or `closing()` when the bridge is destroyed first.
 */
template<class Reply>
QFuture<Reply> runForBridge(QObject *bridge, DatabaseThread &database, const CommandSpec &spec,
    const QString &requestId, DatabaseThread::Job job, std::function<Reply(const core::Result<QJsonValue> &)> finish,
    std::function<Reply()> closing)
{
    auto promise = std::make_shared<QPromise<Reply>>();
    promise->start();
    QFuture<Reply> reply = promise->future();
    const std::shared_ptr<PendingCalls> calls = ReplyGate::of(bridge);
    const quint64 ticket = calls->add([promise, closing = std::move(closing)] { answer(*promise, closing()); });
    database.run(std::move(job), jobKind(spec), requestId, jobLane(spec))
        .then(QtFuture::Launch::Sync,
            [calls, ticket, promise, finish = std::move(finish)](const core::Result<QJsonValue> &result) {
                calls->deliver(ticket, [promise, finish, result] { answer(*promise, finish(result)); });
            });
    return reply;
}

/** @brief The id cancel_request may name, for the commands that take one; empty otherwise. */
QString requestIdOf(const CommandSpec &spec, const Arguments &arguments)
{
    static const QString key = u"requestId"_s;
    return spec.cancellable || spec.reportsProgress ? arguments.as<std::optional<QString>>(key).value_or(QString())
                                                    : QString();
}

} // namespace

QFuture<QJsonDocument> dispatchCommand(QObject *context, DatabaseThread &database, QStringView command,
    const QJsonValue &raw, CommandJob job, SuccessHandler onSuccess)
{
    return dispatchOperation(
        context, database, command, raw,
        [job = std::move(job)](
            const Arguments &arguments, Storage &storage, core::Operation &) { return job(arguments, storage); },
        std::move(onSuccess));
}

QFuture<QJsonDocument> dispatchOperation(QObject *context, DatabaseThread &database, QStringView command,
    const QJsonValue &raw, OperationJob job, SuccessHandler onSuccess)
{
    const CommandSpec &spec = commandSpec(command);
    const QString action = spec.action;
    try {
        auto arguments = decodeArguments(spec, raw);
        if (!arguments)
            return QtFuture::makeReadyFuture(errorEnvelope(arguments.error(), action));
        auto decoded = std::make_shared<const Arguments>(std::move(*arguments));
        return runForBridge<QJsonDocument>(
            context, database, spec, requestIdOf(spec, *decoded),
            [decoded, job = std::move(job)](
                Storage &storage, core::Operation &operation) { return job(*decoded, storage, operation); },
            [action, decoded, onSuccess = std::move(onSuccess)](const core::Result<QJsonValue> &result) {
                if (result && onSuccess)
                    onSuccess(*decoded, *result);
                return toEnvelope(result, action);
            },
            [action] { return errorEnvelope(closingError(), action); });
    } catch (const std::exception &e) {
        return QtFuture::makeReadyFuture(errorEnvelope(unexpectedError(e.what()), action));
    }
}

QFuture<QString> dispatchTextCommand(QObject *context, DatabaseThread &database, QStringView command,
    const QJsonValue &raw, TextCommandJob job, PartHandler onPart)
{
    const CommandSpec &spec = commandSpec(command);
    const QString action = spec.action;
    try {
        auto arguments = decodeArguments(spec, raw);
        if (!arguments)
            return QtFuture::makeReadyFuture(errorEnvelopeText(arguments.error(), action));
        // The text is handed over through `reply` rather than the job's QJsonValue, which would copy it.
        auto reply = std::make_shared<QString>();
        const QString requestId = requestIdOf(spec, *arguments);
        SendPart sendPart;
        if (onPart && !requestId.isEmpty()) {
            // Posted like the reply, through the bridge's gate and before it: the parts come first.
            sendPart = [calls = ReplyGate::of(context), requestId, onPart = std::move(onPart)](const QByteArray &part) {
                calls->post([onPart, requestId, text = QString::fromUtf8(part)] { onPart(requestId, text); });
            };
        }
        return runForBridge<QString>(
            context, database, spec, requestId,
            [arguments = std::move(*arguments), job = std::move(job), reply, sendPart = std::move(sendPart)](
                Storage &storage, core::Operation &) -> core::Result<QJsonValue> {
                auto data = job(arguments, storage, sendPart);
                if (!data)
                    return std::unexpected(std::move(data.error()));
                *reply = okEnvelopeText(*data);
                return QJsonValue(QJsonValue::Null);
            },
            [action, reply](const core::Result<QJsonValue> &result) -> QString {
                if (!result)
                    return errorEnvelopeText(result.error(), action);
                return std::move(*reply);
            },
            [action] { return errorEnvelopeText(closingError(), action); });
    } catch (const std::exception &e) {
        return QtFuture::makeReadyFuture(errorEnvelopeText(unexpectedError(e.what()), action));
    }
}

QJsonDocument dispatchLocal(
    QStringView command, const QJsonValue &raw, const std::function<core::Result<QJsonValue>(const Arguments &)> &job)
{
    const CommandSpec &spec = commandSpec(command);
    try {
        auto arguments = decodeArguments(spec, raw);
        if (!arguments)
            return errorEnvelope(arguments.error(), spec.action);
        return toEnvelope(job(*arguments), spec.action);
    } catch (const std::exception &e) {
        return errorEnvelope(unexpectedError(e.what()), spec.action);
    }
}

} // namespace quire::app
