// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>

#include <QString>
#include <QStringView>

namespace quire::core {

/**
 * @brief True when `key` is a key orderKeyBetween() could give: a valid integer part (its head
 * letter 'a'..'z' or 'Z'..'A' says it is 2..27 characters long), then a fraction without a trailing
 * '0', only base-62 digits `0-9A-Za-z`, and not the smallest integer "A" + 26 × '0' (nothing could
 * ever be put before it). Anything else read back from storage cannot be a bound.
 */
[[nodiscard]] bool isValidOrderKey(QStringView key);

/**
 * @brief A key strictly between `before` and `after`, so a manual order changes one row per move.
 * An empty view means "no bound" on that side: a key after every existing one when `after` is
 * empty, before every one when `before` is empty, "a0" when both are. Appending one after another
 * only increments the integer part ("a0", "a1", ..., "az", "b00"), so keys stay short. Keys compare
 * as plain byte strings (ASCII order, SQLite's BINARY collation), which is how they are stored and
 * sorted. InvalidArgument when a given bound is not isValidOrderKey() or `before` >= `after`.
 */
[[nodiscard]] Result<QString> orderKeyBetween(QStringView before, QStringView after);

} // namespace quire::core
