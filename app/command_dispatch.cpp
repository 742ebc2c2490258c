// SPDX-License-Identifier: MIT
#include "command_dispatch.h"

#include "envelope.h"

#include <QFuture>
#include <QObject>

#include <exception>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

core::Error unexpectedError(const char *what)
{
    return {core::ErrorCode::Internal, u"unexpected error: "_s + QString::fromLocal8Bit(what)};
}

} // namespace

QFuture<QJsonObject> dispatchCommand(QObject *context, DatabaseThread &database, QStringView command,
    const QJsonValue &raw, CommandJob job, SuccessHandler onSuccess)
{
    const CommandSpec &spec = commandSpec(command);
    const QString action = spec.action;
    try {
        auto arguments = decodeArguments(spec, raw);
        if (!arguments)
            return QtFuture::makeReadyFuture(errorEnvelope(arguments.error(), action));
        return database
            .run([arguments = *arguments, job = std::move(job)](Storage &storage) { return job(arguments, storage); })
            .then(context,
                [action, arguments = std::move(*arguments), onSuccess = std::move(onSuccess)](
                    const core::Result<QJsonValue> &result) {
                    if (result && onSuccess)
                        onSuccess(arguments, *result);
                    return toEnvelope(result, action);
                });
    } catch (const std::exception &e) {
        return QtFuture::makeReadyFuture(errorEnvelope(unexpectedError(e.what()), action));
    }
}

QFuture<QString> dispatchTextCommand(
    QObject *context, DatabaseThread &database, QStringView command, const QJsonValue &raw, TextCommandJob job)
{
    const CommandSpec &spec = commandSpec(command);
    const QString action = spec.action;
    try {
        auto arguments = decodeArguments(spec, raw);
        if (!arguments)
            return QtFuture::makeReadyFuture(errorEnvelopeText(arguments.error(), action));
        // The text is handed over through `reply` rather than the job's QJsonValue, which would copy it.
        auto reply = std::make_shared<QString>();
        return database
            .run([arguments = std::move(*arguments), job = std::move(job), reply](
                     Storage &storage) -> core::Result<QJsonValue> {
                auto data = job(arguments, storage);
                if (!data)
                    return std::unexpected(std::move(data.error()));
                *reply = okEnvelopeText(*data);
                return QJsonValue(QJsonValue::Null);
            })
            .then(context, [action, reply](const core::Result<QJsonValue> &result) -> QString {
                if (!result)
                    return errorEnvelopeText(result.error(), action);
                return std::move(*reply);
            });
    } catch (const std::exception &e) {
        return QtFuture::makeReadyFuture(errorEnvelopeText(unexpectedError(e.what()), action));
    }
}

QJsonObject dispatchLocal(
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
