// SPDX-License-Identifier: MIT
// window.__QUIRE__.invoke, the counterpart of Tauri's window.__TAURI__.invoke:
// lets scripts, devtools and the end-to-end tests call any command.
import { invokeRaw, type InvokeOptions } from '@/ipc/invoke';

export interface QuireGlobal {
  invoke: (command: string, args?: unknown, options?: InvokeOptions) => Promise<unknown>;
}

declare global {
  interface Window {
    __QUIRE__?: QuireGlobal;
  }
}

export function installGlobalInvoke(): void {
  window.__QUIRE__ = Object.freeze({
    invoke: (command: string, args?: unknown, options?: InvokeOptions) =>
      invokeRaw(command, args ?? {}, options),
  });
}
