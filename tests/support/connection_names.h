// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace quire::test {

/** @brief A QSqlDatabase connection name no other test in this process has used: "<prefix>-<n>-<uuid>". */
[[nodiscard]] QString uniqueConnectionName(const QString &prefix = QStringLiteral("test"));

} // namespace quire::test
