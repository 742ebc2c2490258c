// SPDX-License-Identifier: MIT
#include "write_all.h"

namespace quire::exchange {

core::Result<> writeAll(QIODevice &device, QByteArrayView bytes)
{
    for (qsizetype at = 0; at < bytes.size();) {
        const qint64 written = device.write(bytes.data() + at, bytes.size() - at);
        if (written <= 0)
            return core::fail(core::ErrorCode::Storage, device.errorString());
        at += static_cast<qsizetype>(written);
    }
    return {};
}

} // namespace quire::exchange
