// SPDX-License-Identifier: MIT
// Backend -> frontend notifications: the bridge's change signals with what changed (the
// contract's eventPayloads), the progress of long calls, the parts of a list sent ahead of its
// reply, the backend's requests to the page (a menu bar action to run), and replies that came
// back after their timeout (the caller already gave up; app/use-backend-sync.ts loads views again
// after a late read).
import { getChannel, type QtSignal } from '@/ipc/channel';
import { enums, eventPayloads, eventSpecs, typeSpecs, type EnumName, type EventName, type EventPayloadMap } from '@/ipc/contract';

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

/** The events bound to one call by its requestId. */
type BoundEventName = 'progress' | 'taskListPart';
type BoundListener<E extends BoundEventName> = (payload: EventPayloadMap[E]) => void;
/** A bound event's listeners by requestId, and its one connection with the channel it was made on. */
interface BoundEvent<E extends BoundEventName> {
  listeners: Map<string, BoundListener<E>>;
  connection?: { channel: Promise<unknown>; stop: Unsubscribe };
}

const boundEvents: { [E in BoundEventName]: BoundEvent<E> } = {
  progress: { listeners: new Map() },
  taskListPart: { listeners: new Map() },
};

/**
 * Calls `listener` with the payloads of `event` bound to call `requestId` until unsubscribed. One
 * connection to the backend's signal serves every call; it is made on first use, and again if the
 * channel was (as each test's fake bridge is). A payload unlike the contract's is ignored.
 */
function onBoundEvent<E extends BoundEventName>(event: E, requestId: string, listener: BoundListener<E>): Unsubscribe {
  const bound = boundEvents[event] as BoundEvent<E>;
  bound.listeners.set(requestId, listener);
  const channel = getChannel();
  if (bound.connection?.channel !== channel) {
    bound.connection?.stop();
    bound.connection = {
      channel,
      stop: listenRaw(event, (raw) => {
        if (!hasFields(raw, eventPayloads[event])) return;
        const payload = raw as EventPayloadMap[E];
        bound.listeners.get(payload.requestId)?.(payload);
      }),
    };
  }
  return () => {
    if (bound.listeners.get(requestId) === listener) bound.listeners.delete(requestId);
  };
}

/** Calls `listener` with the progress reports of call `requestId` until unsubscribed. */
export function onProgressReport(requestId: string, listener: (progress: ProgressReport) => void): Unsubscribe {
  return onBoundEvent('progress', requestId, ({ done, total, phase }) => listener({ done, total, phase }));
}

/** Calls `listener` with the columns (JSON text) of each part of list call `requestId` sent ahead of its reply. */
export function onTaskListPart(requestId: string, listener: (columns: string) => void): Unsubscribe {
  return onBoundEvent('taskListPart', requestId, (part) => listener(part.columns));
}

/**
 * The events that ask the page for something rather than say what changed (actionRequested):
 * each payload is handed over whole, or not at all.
 */
export type RequestEventName = Exclude<EventName, ChangeEventName | BoundEventName>;

/** Whether `value` is of the contract's field type `type` ('count', 'string[]', 'Task[]', 'enum:x|null'…). */
function isOfType(value: unknown, type: string): boolean {
  if (type.endsWith('|null')) return value === null || isOfType(value, type.slice(0, -'|null'.length));
  if (type.endsWith('[]')) return Array.isArray(value) && value.every((item) => isOfType(item, type.slice(0, -2)));
  if (type.startsWith('enum:')) return (enums[type.slice('enum:'.length) as EnumName] as readonly unknown[]).includes(value);
  if (type === 'count') return Number.isInteger(value) && (value as number) >= 0;
  if (type === 'boolean') return typeof value === 'boolean';
  if (type in typeSpecs) return hasFields(value, typeSpecs[type as keyof typeof typeSpecs]);
  return typeof value === 'string'; // string, timestamp, localDate
}

function hasFields(value: unknown, fields: Readonly<Record<string, string>>): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(fields).every(([field, type]) => isOfType(record[field], type));
}

/**
 * Calls `listener` with the payload each time the backend emits `event`; a payload that is not
 * as the contract describes it is ignored (with a warning), since there is nothing safe to guess.
 */
export function onRequest<E extends RequestEventName>(event: E, listener: (payload: EventPayloadMap[E]) => void): Unsubscribe {
  return listenRaw(event, (raw) => {
    if (hasFields(raw, eventPayloads[event])) listener(raw as EventPayloadMap[E]);
    else console.warn(`[ipc] ignored a malformed '${event}' payload`, raw);
  });
}

/** The window's menu bar asks the page to run one of its actions, by id. */
export const onActionRequested = (listener: (request: EventPayloadMap['actionRequested']) => void): Unsubscribe =>
  onRequest('actionRequested', listener);

/** A shared database's server stopped being reachable (with why), or is back (message null). */
export const onConnectionChanged = (listener: (state: EventPayloadMap['connectionChanged']) => void): Unsubscribe =>
  onRequest('connectionChanged', listener);

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
