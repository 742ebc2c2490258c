// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace quire::test {

/**
 * @brief Writes at `path` a Quire database of 200 tasks whose pages 3 to 6 are garbage, as a
 * failing disk leaves them; its header and schema still read, so opening it gets past the version
 * check to the integrity check. Fails the test (ASSERT) when it cannot.
 */
void writeDamagedDatabase(const QString &path);

} // namespace quire::test
