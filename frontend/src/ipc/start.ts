// SPDX-License-Identifier: MIT
// The page's one way into the IPC layer at start-up (main.tsx), so nothing outside src/ipc touches
// the channel itself.
import { getChannel, isBridgeAvailable } from '@/ipc/channel';
import { installGlobalInvoke } from '@/ipc/global';

/**
 * Installs window.__QUIRE__ and, inside Quire, starts the channel handshake at once so that it
 * overlaps React's first render. False when the page is not running inside Quire.
 */
export function startIpc(): boolean {
  installGlobalInvoke();
  if (!isBridgeAvailable()) return false;
  getChannel().catch(() => undefined);
  return true;
}
