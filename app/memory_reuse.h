// SPDX-License-Identifier: MIT
#pragma once

namespace quire::app {

/**
 * Keeps memory that a listing freed for the next one, in this process and in the page's renderer
 * that it starts (glibc only; elsewhere nothing changes). Call first in main(), before any thread.
 */
void reuseFreedMemory();

} // namespace quire::app
