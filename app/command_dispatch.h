// SPDX-License-Identifier: MIT
#pragma once

#include "argument_decoder.h"
#include "database_thread.h"

#include <QFuture>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

#include <functional>

class QObject;

namespace quire::app {

using CommandJob = std::function<core::Result<QJsonValue>(const Arguments &, Storage &)>;

/**
 * @brief The path every database command takes: decode `raw` strictly against the command's spec,
 * run `job` on the database thread, and turn its Result into the reply envelope back on
 * `context`'s thread, where `onSuccess` (e.g. emitting a change signal) runs after a success.
 */
[[nodiscard]] QFuture<QJsonObject> dispatchCommand(QObject *context, DatabaseThread &database,
                                                   QStringView command, const QJsonValue &raw, CommandJob job,
                                                   std::function<void()> onSuccess = {});

/** @brief For commands that need no database: decode, run, envelope, synchronously. */
[[nodiscard]] QJsonObject dispatchLocal(QStringView command, const QJsonValue &raw,
                                        const std::function<core::Result<QJsonValue>(const Arguments &)> &job);

} // namespace quire::app
