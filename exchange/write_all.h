// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>

#include <QByteArrayView>
#include <QIODevice>

namespace quire::exchange {

/**
 * @brief Writes all of `bytes` to `device`. A file can take part of them (its disk then full): the
 * rest is offered again, so that the error that stops it is the system's ("No space left on
 * device"), not a short count. Storage with the device's error string.
 */
[[nodiscard]] core::Result<> writeAll(QIODevice &device, QByteArrayView bytes);

} // namespace quire::exchange
