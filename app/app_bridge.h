// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>

namespace quire::app {

/** @brief Commands that need no database (object "app"). */
class AppBridge final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

public Q_SLOTS:
    // Called by the page and the benchmarks: the cheapest full round trip, answered "pong".
    QJsonObject ping(const QJsonValue &args);
};

} // namespace quire::app
