// SPDX-License-Identifier: MIT
// The only module that touches qwebchannel.js. index.html loads /qwebchannel.js
// (served by the app from Qt's own copy) before the bundle, which defines
// window.QWebChannel; QtWebEngine injects window.qt.webChannelTransport.
import type { ObjectName } from '@/ipc/contract';
import { IpcError } from '@/ipc/errors';

export type ReplyCallback = (reply: unknown) => void;

export interface QtSignal {
  connect(callback: (...args: unknown[]) => void): void;
  disconnect(callback: (...args: unknown[]) => void): void;
}

/** A QObject proxy: slots are methods, signals are objects with connect/disconnect. */
export type BridgeObject = Record<string, unknown>;

export interface WebChannel {
  objects: Partial<Record<ObjectName, BridgeObject>> & Record<string, BridgeObject | undefined>;
}

export type WebChannelConstructor = new (
  transport: unknown,
  onReady: (channel: WebChannel) => void,
) => unknown;

declare global {
  interface Window {
    QWebChannel?: WebChannelConstructor;
    qt?: { webChannelTransport?: unknown };
  }
}

let channelPromise: Promise<WebChannel> | null = null;
let connected: WebChannel | null = null;

/** True when the page runs inside Quire's web view (or under mockBridge). */
export function isBridgeAvailable(): boolean {
  return typeof window.QWebChannel === 'function' && window.qt?.webChannelTransport != null;
}

/** Connects once and shares the channel; a failed attempt is retried on the next call. */
export function getChannel(): Promise<WebChannel> {
  if (channelPromise) return channelPromise;
  const attempt = new Promise<WebChannel>((resolve, reject) => {
    const Ctor = window.QWebChannel;
    const transport = window.qt?.webChannelTransport;
    if (typeof Ctor !== 'function' || transport == null) {
      reject(new IpcError('internal', 'Not running inside Quire: the Qt web channel is unavailable', ''));
      return;
    }
    new Ctor(transport, (channel) => {
      connected = channel;
      performance.mark('quire:channel-connected');
      resolve(channel);
    });
  });
  channelPromise = attempt;
  attempt.catch(() => {
    if (channelPromise === attempt) channelPromise = null;
  });
  return attempt;
}

/** The channel once connected, so calls skip a promise hop each (measurable on tiny commands). */
export function connectedChannel(): WebChannel | null {
  return connected;
}

/** Forgets the connection; used by the test helpers when they swap the fake channel. */
export function resetChannel(): void {
  channelPromise = null;
  connected = null;
}
