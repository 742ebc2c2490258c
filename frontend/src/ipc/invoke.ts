// SPDX-License-Identifier: MIT
import { connectedChannel, getChannel, type WebChannel } from '@/ipc/channel';
import {
  commandSpecs,
  defaultTimeoutMs,
  isCommandName,
  type CommandArgs,
  type CommandName,
  type CommandResult,
  type Task,
} from '@/ipc/contract';
import { IpcError, isIpcErrorCode, TimeoutError } from '@/ipc/errors';
import { emitLateReply } from '@/ipc/events';
import { decodeTaskColumns } from '@/ipc/task-columns';
import { fetchTaskList, wantsWholeList } from '@/ipc/task-list';

export interface InvokeOptions {
  /** Overrides the default (15 s for list commands, 10 s for the rest). */
  timeoutMs?: number;
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
  return dispatch<T>(command, withoutUnsetKeys(command, args), options);
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
  return send(command, window, options.timeoutMs ?? defaultTimeoutMs(command)).then(
    (data) => decodeTaskColumns(data, command).total,
  );
}

function dispatch<T>(command: CommandName, args: Record<string, unknown>, options: InvokeOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs(command);
  if (!('wire' in commandSpecs[command])) return send(command, args, timeoutMs) as Promise<T>;
  if (wantsWholeList(args)) return fetchTaskList(command, args, timeoutMs, send, options.onFirstPage) as Promise<T>;
  return send(command, args, timeoutMs).then((data) => decodeTaskColumns(data, command).tasks) as Promise<T>;
}

/** One call: resolves with the envelope's data, rejects with its IpcError or a TimeoutError. */
function send(command: CommandName, args: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
  const objectName = commandSpecs[command].object;

  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new TimeoutError(command, timeoutMs));
    }, timeoutMs);
    const settle = (outcome: () => unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
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
        (slot as (a: unknown, cb: (reply: unknown) => void) => void).call(target, args, (reply: unknown) => {
          if (settled) {
            emitLateReply(command);
            return;
          }
          settle(() => unwrapEnvelope(command, reply));
        });
      } catch (error) {
        fail(new IpcError('internal', error instanceof Error ? error.message : String(error), command));
      }
    };

    const ready = connectedChannel();
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
