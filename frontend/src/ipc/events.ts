// SPDX-License-Identifier: MIT
// Backend -> frontend notifications: the bridge's change signals, and replies
// that came back after their timeout (the caller already gave up, so whatever
// they changed must be refetched).
import { getChannel, type QtSignal } from '@/ipc/channel';
import { eventSpecs, type EventName } from '@/ipc/contract';

export type Unsubscribe = () => void;

function isSignal(value: unknown): value is QtSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as QtSignal).connect === 'function' &&
    typeof (value as QtSignal).disconnect === 'function'
  );
}

/**
 * Calls `listener` each time the backend emits `event`. The channel connects
 * asynchronously; unsubscribing before it is ready is fine.
 */
export function listen(event: EventName, listener: () => void): Unsubscribe {
  let active = true;
  let detach: Unsubscribe = () => {};
  const handler = () => listener();
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

export const onTasksChanged = (listener: () => void): Unsubscribe => listen('tasksChanged', listener);
export const onProjectsChanged = (listener: () => void): Unsubscribe => listen('projectsChanged', listener);

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
