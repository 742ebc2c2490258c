// SPDX-License-Identifier: MIT
// Backend -> frontend notifications: the bridge's change signals with what changed (the
// contract's eventPayloads), and replies that came back after their timeout (the caller already
// gave up; app/use-backend-sync.ts loads views again after a late read).
import { getChannel, type QtSignal } from '@/ipc/channel';
import { enums, eventPayloads, eventSpecs, type EventName, type EventPayloadMap } from '@/ipc/contract';

export type Unsubscribe = () => void;

function isSignal(value: unknown): value is QtSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as QtSignal).connect === 'function' &&
    typeof (value as QtSignal).disconnect === 'function'
  );
}

/** A payload that says "anything may have changed": what a malformed or missing one is taken for. */
export function resetPayload<E extends ChangeEventName>(event: E): EventPayloadMap[E] {
  const empty = Object.fromEntries(Object.keys(eventPayloads[event]).map((key) => [key, []]));
  return { ...empty, kind: 'reset' } as unknown as EventPayloadMap[E];
}

/** The payload as the contract describes it, or a reset when it is not (so views reload rather than guess). */
export function parsePayload<E extends ChangeEventName>(event: E, raw: unknown): EventPayloadMap[E] {
  if (typeof raw !== 'object' || raw === null) return resetPayload(event);
  const payload = raw as Record<string, unknown>;
  const kindOk = (enums.changeKind as readonly unknown[]).includes(payload.kind);
  const listsOk = Object.keys(eventPayloads[event])
    .filter((key) => key !== 'kind')
    .every((key) => Array.isArray(payload[key]));
  return kindOk && listsOk ? (payload as unknown as EventPayloadMap[E]) : resetPayload(event);
}

/**
 * Calls `listener` with what changed each time the backend emits `event`. The channel connects
 * asynchronously; unsubscribing before it is ready is fine.
 */
export function listen<E extends ChangeEventName>(event: E, listener: (payload: EventPayloadMap[E]) => void): Unsubscribe {
  return listenRaw(event, (raw) => listener(parsePayload(event, raw)));
}

/** The change events: those whose payload says what kind of change it was. */
export type ChangeEventName = {
  [E in EventName]: 'kind' extends keyof EventPayloadMap[E] ? E : never;
}[EventName];

/** Calls `listener` with whatever the backend's signal `event` carries. */
function listenRaw(event: EventName, listener: (raw: unknown) => void): Unsubscribe {
  let active = true;
  let detach: Unsubscribe = () => {};
  const handler = (raw?: unknown) => listener(raw);
  getChannel().then(
    (channel) => {
      if (!active) return;
      const signal = channel.objects[eventSpecs[event]]?.[event];
      if (!isSignal(signal)) {
        console.warn(`[ipc] backend object '${eventSpecs[event]}' has no signal '${event}'`);
        return;
      }
      signal.connect(handler);
      detach = () => signal.disconnect(handler);
    },
    () => {
      // No channel: invoke() reports that to the user; nothing to listen to.
    },
  );
  return () => {
    active = false;
    detach();
  };
}

/** How far a call that reports progress has come (the contract's progress payload, less its requestId). */
export interface ProgressReport {
  done: number;
  total: number;
  phase: string;
}

const progressListeners = new Map<string, (progress: ProgressReport) => void>();
let stopProgressSignal: Unsubscribe | undefined;

function isProgressPayload(raw: unknown): raw is EventPayloadMap['progress'] {
  if (typeof raw !== 'object' || raw === null) return false;
  const { requestId, done, total, phase } = raw as Record<string, unknown>;
  return typeof requestId === 'string' && typeof done === 'number' && typeof total === 'number' && typeof phase === 'string';
}

/**
 * Calls `listener` with the progress reports of call `requestId` until unsubscribed. One
 * connection to the backend's progress signal serves every call; it is made on first use.
 */
export function onProgressReport(requestId: string, listener: (progress: ProgressReport) => void): Unsubscribe {
  progressListeners.set(requestId, listener);
  stopProgressSignal ??= listenRaw('progress', (raw) => {
    if (!isProgressPayload(raw)) return;
    progressListeners.get(raw.requestId)?.({ done: raw.done, total: raw.total, phase: raw.phase });
  });
  return () => {
    progressListeners.delete(requestId);
  };
}

export const onTasksChanged = (listener: (change: EventPayloadMap['tasksChanged']) => void): Unsubscribe =>
  listen('tasksChanged', listener);
export const onProjectsChanged = (listener: (change: EventPayloadMap['projectsChanged']) => void): Unsubscribe =>
  listen('projectsChanged', listener);

type LateReplyListener = (command: string) => void;
const lateReplyListeners = new Set<LateReplyListener>();

/** Subscribes to replies dropped because they arrived after their timeout. */
export function onLateReply(listener: LateReplyListener): Unsubscribe {
  lateReplyListeners.add(listener);
  return () => {
    lateReplyListeners.delete(listener);
  };
}

export function emitLateReply(command: string): void {
  for (const listener of [...lateReplyListeners]) listener(command);
}
