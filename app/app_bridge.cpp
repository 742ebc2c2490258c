// SPDX-License-Identifier: MIT
#include "app_bridge.h"

#include "command_dispatch.h"

using namespace Qt::StringLiterals;

namespace quire::app {

QJsonObject AppBridge::ping(const QJsonValue &args)
{
    return dispatchLocal(
        u"ping", args, [](const Arguments &) -> core::Result<QJsonValue> { return QJsonValue(u"pong"_s); });
}

} // namespace quire::app
