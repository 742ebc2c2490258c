// SPDX-License-Identifier: MIT
#pragma once

namespace quire::app {

/**
 * @brief The composition root: parses the command line, opens the database on its thread, wires
 * repositories into the bridges, the bridges onto the page's channel, and runs the event loop.
 */
[[nodiscard]] int runQuire(int argc, char *argv[]);

} // namespace quire::app
