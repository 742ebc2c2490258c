// SPDX-License-Identifier: MIT
import { connectedChannel, getChannel, type WebChannel } from '@/ipc/channel';
import {
  commandSpecs,
  defaultTimeoutMs,
  isCommandName,
  limits,
  type CommandArgs,
  type CommandName,
  type CommandResult,
  type Task,
} from '@/ipc/contract';
import { IpcError, isIpcErrorCode, TimeoutError } from '@/ipc/errors';
import { emitLateReply, onProgressReport, onTaskListPart, type ProgressReport } from '@/ipc/events';
import { decodeTaskColumns } from '@/ipc/task-columns';
import { fetchTaskList, wantsWholeList, type SendCall } from '@/ipc/task-list';

export interface InvokeOptions {
  /** Overrides the default (15 s for list commands, 10 s for the rest). A timeout also cancels a cancellable command. */
  timeoutMs?: number;
  /**
   * Cancels the call: the promise rejects at once with IpcError 'cancelled'. A command the
   * contract marks cancellable is also stopped in the backend (dropped while queued, interrupted
   * and rolled back while running); any other one still runs to its end, unheard.
   */
  signal?: AbortSignal;
  /** For commands that report progress: how far the call has come, about ten times a second. */
  onProgress?: (progress: ProgressReport) => void;
  /**
   * Whole task lists only: called with the first page when more pages follow, so a view can show
   * the first rows of a long list before the rest has arrived. The promise still resolves with
   * the whole list.
   */
  onFirstPage?: (tasks: Task[]) => void;
}

const NO_REPLY = 'no reply from backend';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Turns the bridge's reply envelope into data, or throws the IpcError it carries. */
function unwrapEnvelope(command: string, reply: unknown): unknown {
  let value = reply;
  // Large lists may come as one JSON string (faster over QWebChannel).
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw new IpcError('internal', NO_REPLY, command);
    }
  }
  if (!isPlainObject(value) || typeof value.ok !== 'boolean') {
    throw new IpcError('internal', NO_REPLY, command);
  }
  if (value.ok) return value.data === undefined ? null : value.data;
  const error = value.error;
  if (!isPlainObject(error)) throw new IpcError('internal', NO_REPLY, command);
  const code = isIpcErrorCode(error.code) ? error.code : 'internal';
  const message =
    typeof error.message === 'string' && error.message ? error.message : `backend error (${String(error.code)})`;
  throw new IpcError(code, message, command);
}

/**
 * Calls a backend command: resolves with the envelope's `data`, rejects with an
 * IpcError (envelope error, unknown command, transport failure) or a
 * TimeoutError. A reply that arrives after the timeout is dropped and reported
 * through onLateReply() so the UI refetches. Arguments and result are typed
 * from the contract table.
 */
export function invoke<C extends CommandName>(
  command: C,
  args: CommandArgs<C>,
  options?: InvokeOptions,
): Promise<CommandResult<C>> {
  return invokeRaw<CommandResult<C>>(command, args, options);
}

/**
 * Untyped form of invoke() for callers that name commands at run time (window.__QUIRE__). Task
 * lists arrive as columns (src/ipc/task-columns.ts) and, unless a window of them is asked for
 * with offset/limit, in pages (src/ipc/task-list.ts); either way the caller gets Task objects.
 */
export function invokeRaw<T = unknown>(command: string, args: unknown = {}, options: InvokeOptions = {}): Promise<T> {
  if (typeof command !== 'string' || !isCommandName(command)) {
    return Promise.reject(new IpcError('invalid_argument', `Unknown command '${String(command)}'`, String(command)));
  }
  if (!isPlainObject(args)) {
    return Promise.reject(
      new IpcError('invalid_argument', `Arguments of '${command}' must be a plain object`, command),
    );
  }
  const given = withoutUnsetKeys(command, args);
  // The bridge refuses it too, but only after QWebChannel has carried and parsed all of it.
  if (JSON.stringify(given).length > limits.callSize) {
    return Promise.reject(
      new IpcError(
        'invalid_argument',
        `The call is too large: one call may carry at most ${limits.callSize} characters of keys and text`,
        command,
      ),
    );
  }
  return dispatch<T>(command, given, options);
}

/**
 * Leaves out keys that say "not given": undefined ones (JSON drops them anyway) and null ones
 * where the contract says null means absent, so the call carries only what was asked for.
 */
function withoutUnsetKeys(command: CommandName, args: Record<string, unknown>): Record<string, unknown> {
  const specs: Readonly<Record<string, { null: string }>> = commandSpecs[command].args;
  return Object.fromEntries(
    Object.entries(args).filter(
      ([key, value]) => value !== undefined && !(value === null && specs[key]?.null === 'absent'),
    ),
  );
}

/** What send() needs beside the command and its arguments. */
interface SendOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ProgressReport) => void) | undefined;
  /** For a list asked in parts (partRows): each part's columns (JSON text) sent ahead of the reply. */
  onPart?: ((columns: string) => void) | undefined;
}

let lastRequestId = 0;
/** Unique among this page's calls, and unlike another page's: the backend keys running calls by it. */
function nextRequestId(): string {
  lastRequestId += 1;
  return `${PAGE_TAG}-${lastRequestId}`;
}
const PAGE_TAG = Math.random().toString(36).slice(2, 10);

/** True for the commands that take a requestId (the contract's cancellable / progress). */
function takesRequestId(command: CommandName): boolean {
  const spec = commandSpecs[command];
  return ('cancellable' in spec && spec.cancellable) || ('progress' in spec && spec.progress === true);
}

/** Asks the backend to stop call `requestId`; its own answer (cancelled or done) no longer matters. */
function cancelInBackend(requestId: string): void {
  send('cancel_request', { requestId }, { timeoutMs: defaultTimeoutMs('cancel_request') }).catch(() => undefined);
}

/** The commands whose results are lists that travel in a wire form with a total (TaskColumns). */
export type ListCommandName = {
  [C in CommandName]: (typeof commandSpecs)[C] extends { wire: string } ? C : never;
}[CommandName];

/**
 * How many rows list command `command` has under the filters of `args`: one call that asks for
 * none of them, so a count costs no rows on the wire.
 */
export function invokeListTotal<C extends ListCommandName>(
  command: C,
  args: Omit<CommandArgs<C>, 'offset' | 'limit'>,
  options: InvokeOptions = {},
): Promise<number> {
  const window = { ...withoutUnsetKeys(command, args), offset: 0, limit: 0 };
  const sendOptions = { timeoutMs: options.timeoutMs ?? defaultTimeoutMs(command), signal: options.signal };
  return send(command, window, sendOptions).then(
    (data) => decodeTaskColumns(data, command).total,
  );
}

function dispatch<T>(command: CommandName, args: Record<string, unknown>, options: InvokeOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs(command);
  const { signal, onProgress } = options;
  if (!('wire' in commandSpecs[command])) return send(command, args, { timeoutMs, signal, onProgress }) as Promise<T>;
  if (wantsWholeList(args)) {
    const sendPage: SendCall = (c, a, t, onPart) => send(c, a, { timeoutMs: t, signal, onPart });
    return fetchTaskList(command, args, timeoutMs, sendPage, options.onFirstPage) as Promise<T>;
  }
  return send(command, args, { timeoutMs, signal }).then((data) => decodeTaskColumns(data, command).tasks) as Promise<T>;
}

/**
 * One call: resolves with the envelope's data, rejects with its IpcError, a TimeoutError, or
 * IpcError 'cancelled' when `signal` fires first. A cancellable call that is given up (timeout or
 * signal) is cancelled in the backend too, under the requestId this adds to its arguments.
 */
function send(command: CommandName, givenArgs: Record<string, unknown>, options: SendOptions): Promise<unknown> {
  const objectName = commandSpecs[command].object;
  const { timeoutMs, signal, onProgress, onPart } = options;
  const requestId =
    typeof givenArgs.requestId === 'string' ? givenArgs.requestId : takesRequestId(command) ? nextRequestId() : undefined;
  const args = requestId === undefined ? givenArgs : { ...givenArgs, requestId };

  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    let sent = false;
    const stopProgress = requestId !== undefined && onProgress ? onProgressReport(requestId, onProgress) : () => {};
    const stopParts = requestId !== undefined && onPart ? onTaskListPart(requestId, onPart) : () => {};
    // A listener's first connection to its signal is made once the channel promise settles; the
    // call then waits for it too, so the backend hears of the listener before the call's events.
    const listens = requestId !== undefined && (onProgress !== undefined || onPart !== undefined);
    const giveUp = (error: Error) => {
      if (settled) return;
      settled = true;
      cleanUp();
      reject(error);
      if (sent && requestId !== undefined) cancelInBackend(requestId);
    };
    const timer = setTimeout(() => giveUp(new TimeoutError(command, timeoutMs, sent && requestId !== undefined)), timeoutMs);
    const onAbort = () => giveUp(new IpcError('cancelled', 'Cancelled', command));
    const cleanUp = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      stopProgress();
      stopParts();
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (outcome: () => unknown) => {
      if (settled) return;
      settled = true;
      cleanUp();
      try {
        resolve(outcome());
      } catch (error) {
        reject(error instanceof Error ? error : new IpcError('internal', String(error), command));
      }
    };
    const fail = (error: IpcError) =>
      settle(() => {
        throw error;
      });

    const call = (channel: WebChannel) => {
      if (settled) return;
      const target = channel.objects[objectName];
      const slot = target?.[command];
      if (typeof slot !== 'function') {
        fail(new IpcError('internal', `The backend does not provide '${objectName}.${command}'`, command));
        return;
      }
      try {
        sent = true;
        (slot as (a: unknown, cb: (reply: unknown) => void) => void).call(target, args, (reply: unknown) => {
          if (settled) {
            // A call cancelled on purpose has nothing to make up for; a timed-out one may have changed things.
            if (!signal?.aborted) emitLateReply(command);
            return;
          }
          settle(() => unwrapEnvelope(command, reply));
        });
      } catch (error) {
        fail(new IpcError('internal', error instanceof Error ? error.message : String(error), command));
      }
    };

    const ready = listens ? undefined : connectedChannel();
    if (ready) {
      call(ready);
      return;
    }
    getChannel().then(
      call,
      (error: unknown) => {
        fail(
          error instanceof IpcError
            ? new IpcError(error.code, error.message, command)
            : new IpcError('internal', String(error), command),
        );
      },
    );
  });
}
