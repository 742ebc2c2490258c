// SPDX-License-Identifier: MIT
// mockBridge()/clearBridgeMocks(): a fake window.qt + QWebChannel in the style
// of Tauri's mockIPC/clearMocks. The handler gets each call and returns the raw
// reply the bridge would send (use ok()/err() for envelopes), or a promise of it.
import { resetChannel, type WebChannel } from '@/ipc/channel';
import { commandSpecs, eventSpecs, objectNames, type EventName, type EventPayloadMap } from '@/ipc/contract';
import type { IpcErrorCode } from '@/ipc/errors';

export interface BridgeCall {
  object: string;
  command: string;
  /** The arguments less the requestId, which invoke() adds to cancellable calls. */
  args: Record<string, unknown>;
  requestId?: string;
}

export type BridgeHandler = (command: string, args: Record<string, unknown>) => unknown;

/** Returned by a handler to make the fake bridge never answer. */
export const NEVER_REPLY = Symbol('never reply');

export const ok = (data: unknown) => ({ ok: true, data });
export const err = (code: IpcErrorCode, message: string) => ({ ok: false, error: { code, message } });

export interface MockBridge {
  /** Every call the page made, with its arguments as they crossed the (JSON) transport. */
  calls: BridgeCall[];
  callsTo(command: string): Array<Record<string, unknown>>;
  /** How many whole lists the page loaded with `command`: its calls for a list's start (a first page, or all in parts). */
  loadsOf(command: string): number;
  /**
   * Emits a backend signal (tasksChanged, projectsChanged) with its payload, which crosses the
   * JSON transport; without one the page sees a signal with no argument (taken as a reset).
   */
  emit<E extends EventName>(event: E, payload?: EventPayloadMap[E]): void;
  /** Number of listeners currently connected to a signal. */
  listenerCount(event: EventName): number;
}

export function mockBridge(handler: BridgeHandler): MockBridge {
  clearBridgeMocks();
  const calls: BridgeCall[] = [];
  const listeners = new Map<EventName, Set<(...a: unknown[]) => void>>();
  const objects: Record<string, Record<string, unknown>> = {};
  for (const name of objectNames) objects[name] = {};

  for (const [command, spec] of Object.entries(commandSpecs)) {
    objects[spec.object]![command] = (args: unknown, callback: (reply: unknown) => void) => {
      // The real transport serialises to JSON: undefined keys vanish.
      const wireArgs = JSON.parse(JSON.stringify(args ?? null)) as Record<string, unknown>;
      const { requestId, ...rest } = wireArgs;
      const recorded = command === 'cancel_request' ? wireArgs : rest;
      calls.push({
        object: spec.object,
        command,
        args: recorded,
        ...(typeof requestId === 'string' && command !== 'cancel_request' ? { requestId } : {}),
      });
      void Promise.resolve()
        .then(() => handler(command, wireArgs))
        .then(
          (reply) => {
            // Replies cross the same JSON transport: the page never shares objects with the handler.
            if (reply !== NEVER_REPLY) callback(reply === undefined ? null : (JSON.parse(JSON.stringify(reply)) as unknown));
          },
          () => callback(null),
        );
    };
  }
  for (const [event, objectName] of Object.entries(eventSpecs) as Array<[EventName, string]>) {
    const set = new Set<(...a: unknown[]) => void>();
    listeners.set(event, set);
    objects[objectName]![event] = {
      connect: (cb: (...a: unknown[]) => void) => set.add(cb),
      disconnect: (cb: (...a: unknown[]) => void) => set.delete(cb),
    };
  }

  class FakeQWebChannel {
    objects = objects;
    constructor(_transport: unknown, onReady: (channel: WebChannel) => void) {
      onReady(this);
    }
  }
  window.QWebChannel = FakeQWebChannel;
  window.qt = { webChannelTransport: { send() {}, onmessage: null } };

  return {
    calls,
    callsTo: (command) => calls.filter((c) => c.command === command).map((c) => c.args),
    loadsOf: (command) =>
      calls.filter((c) => c.command === command && (!('offset' in c.args) || (c.args.offset === 0 && 'partRows' in c.args)))
        .length,
    emit: (event, payload) => {
      const args = payload === undefined ? [] : [JSON.parse(JSON.stringify(payload)) as unknown];
      for (const cb of [...(listeners.get(event) ?? [])]) cb(...args);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

export function clearBridgeMocks(): void {
  delete window.QWebChannel;
  delete window.qt;
  resetChannel();
}
