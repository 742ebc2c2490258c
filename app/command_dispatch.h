// SPDX-License-Identifier: MIT
#pragma once

#include "argument_decoder.h"
#include "database_thread.h"

#include <QFuture>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <functional>
#include <memory>

class QObject;

namespace quire::app {

using CommandJob = std::function<core::Result<QJsonValue>(const Arguments &, Storage &)>;
/** @brief Long work: it asks `operation` whether to stop, and tells it how far it has come. */
using OperationJob = std::function<core::Result<QJsonValue>(const Arguments &, Storage &, core::Operation &)>;
/** @brief Runs after a command succeeded, with its arguments and the reply's data (to signal the change). */
using SuccessHandler = std::function<void(const Arguments &, const QJsonValue &)>;

/**
 * @brief The path every database command takes: decode `raw` strictly against the command's spec,
 * run `job` on the database thread, and turn its Result into the reply envelope back on
 * `context`'s thread, where `onSuccess` (e.g. emitting a change signal) runs after a success.
 */
[[nodiscard]] QFuture<QJsonDocument> dispatchCommand(QObject *context, DatabaseThread &database, QStringView command,
    const QJsonValue &raw, CommandJob job, SuccessHandler onSuccess = {});

/**
 * @brief dispatchCommand() for long work that reports progress and checks for a cancel between
 * steps. Any cancellable command can be stopped without it: a cancel drops a queued job and
 * interrupts a running SQL statement.
 */
[[nodiscard]] QFuture<QJsonDocument> dispatchOperation(QObject *context, DatabaseThread &database, QStringView command,
    const QJsonValue &raw, OperationJob job, SuccessHandler onSuccess = {});

/** @brief From the database thread: hands one part of a text command's data (UTF-8 JSON) to its PartHandler. */
using SendPart = std::function<void(const QByteArray &part)>;
/** @brief Gives the command's data as UTF-8 JSON text; may send parts of it before (see PartHandler). */
using TextCommandJob = std::function<core::Result<QByteArray>(const Arguments &, Storage &, const SendPart &)>;
/** @brief On the bridge's thread: one part the job sent, for the call `requestId`, before its reply. */
using PartHandler = std::function<void(const QString &requestId, const QString &part)>;

/**
 * @brief dispatchCommand() for large replies (lists): the whole envelope is built as JSON text on
 * the database thread and crosses the channel as one string, which frontend/src/ipc parses with
 * JSON.parse — much faster than a QJsonObject tree for thousands of rows. Same envelope, same
 * errors. Used by read-only commands, so there is no onSuccess.
 *
 * The job may send parts of its data ahead of the reply: each reaches `onPart` on `context`'s
 * thread, in the order sent and before the reply, so the page can decode one part while the app
 * still writes the next. Without `onPart`, or for a call without a requestId to bind its parts to,
 * the job gets a SendPart that is empty.
 */
[[nodiscard]] QFuture<QString> dispatchTextCommand(QObject *context, DatabaseThread &database, QStringView command,
    const QJsonValue &raw, TextCommandJob job, PartHandler onPart = {});

/** @brief For commands that need no database: decode, run, envelope, synchronously. */
[[nodiscard]] QJsonDocument dispatchLocal(
    QStringView command, const QJsonValue &raw, const std::function<core::Result<QJsonValue>(const Arguments &)> &job);

} // namespace quire::app
