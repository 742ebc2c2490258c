// SPDX-License-Identifier: MIT
#pragma once

#include <quire/exchange/format.h>
#include <quire/exchange/parsed_file.h>

#include <quire/core/data_transfer.h>
#include <quire/core/error.h>
#include <quire/core/operation.h>

#include <QByteArray>
#include <QByteArrayView>

namespace quire::exchange {

/**
 * @brief `snapshot` as the bytes of a file in `format`. Reports progress per record ("writing");
 * Cancelled when `operation` is cancelled.
 */
[[nodiscard]] core::Result<QByteArray> writeSnapshot(
    Format format, const core::Snapshot &snapshot, core::Operation &operation);

/**
 * @brief The records of a file in `format`. A bad file is InvalidArgument naming the line or the
 * record and the reason; Cancelled when `operation` is cancelled.
 */
[[nodiscard]] core::Result<ParsedFile> readSnapshot(Format format, QByteArrayView bytes, core::Operation &operation);

} // namespace quire::exchange
