// SPDX-License-Identifier: MIT
// A whole task list: one call, one read in the app, whose rows come in parts of
// wireForms.TaskColumns.partRows as the app reads them (taskListPart events ahead of the reply,
// which carries the last part); the page decodes one part while the app reads and sends the next.
// One read is one version of the database: nothing to check or fetch again.
// A view's first load (onFirstPage) of a list read in order first asks for a page of
// firstPageSize rows alone and shows it; the rest comes in parts once that page is drawn (while
// the app streamed the rest, the renderer drew the first rows later), and if the database changed
// in between, the whole list is read again in parts.
// This replaced pages of 10 000 asked at once, and one reply for a list filtered by project or
// due date: bench/README.md has the figures of each.
import { wireForms, type CommandName, type Task } from '@/ipc/contract';
import { IpcError, TimeoutError } from '@/ipc/errors';
import { decodeTaskColumns, decodeTaskColumnsText } from '@/ipc/task-columns';

/** Sends one call and resolves with its envelope's data (invoke.ts provides it); `onPart` gets the parts sent ahead. */
export type SendCall = (
  command: CommandName,
  args: Record<string, unknown>,
  timeoutMs: number,
  onPart?: (columns: string) => void,
) => Promise<unknown>;

const { firstPageSize, partRows } = wireForms.TaskColumns;
/** Filters that SQLite checks on each row as it reads the list in order, without sorting first. */
const inOrderFilters = new Set(['completed']);

/** True when the caller asked for the whole list rather than a window of it. */
export function wantsWholeList(args: Record<string, unknown>): boolean {
  return !('offset' in args) && !('limit' in args);
}

/** Waiting for a frame longer than this means none is coming (a hidden window draws none). */
const PAINT_WAIT_LIMIT_MS = 100;

/** Resolves once the page has drawn a frame after what has been rendered so far. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const limit = setTimeout(resolve, PAINT_WAIT_LIMIT_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    // A frame's rAF runs before it is drawn; a task queued from it runs after.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(limit);
        resolve();
      }, 0),
    );
  });
}

/**
 * The tasks from `offset` on, in one call whose parts are decoded as they arrive; `version` is
 * the database's as the app read them.
 */
async function fetchInParts(
  command: CommandName,
  args: Record<string, unknown>,
  offset: number,
  timeoutMs: number,
  send: SendCall,
): Promise<{ tasks: Task[]; version: string }> {
  const parts: Task[][] = [];
  let partError: IpcError | undefined;
  const takePart = (columns: string) => {
    if (partError !== undefined) return;
    try {
      parts.push(decodeTaskColumnsText(columns, command).tasks);
    } catch (error) {
      // Thrown once the reply is in, to the caller rather than into the channel's signal handler.
      partError = error instanceof IpcError ? error : new IpcError('internal', String(error), command);
    }
  };
  const last = decodeTaskColumns(await send(command, { ...args, offset, partRows }, timeoutMs, takePart), command);
  if (partError !== undefined) throw partError;
  const tasks = parts.length === 0 ? last.tasks : parts.flat().concat(last.tasks);
  if (offset + tasks.length !== last.total) {
    const missing = last.total - offset - tasks.length;
    throw new IpcError('internal', `The task list from Quire was malformed (${missing} rows missing)`, command);
  }
  return { tasks, version: last.version };
}

/**
 * `onFirstPage` gets the first page (firstPageSize rows) of a list read in order (all tasks, or
 * the open or completed ones) when more follow; the rest is asked once that page is on screen,
 * and the list is read again whole if the database changed in between. A list filtered by project
 * or due date is sorted before any of it can be cut, so a first page would cost that sort twice:
 * it comes whole, in parts.
 */
export async function fetchTaskList(
  command: CommandName,
  args: Record<string, unknown>,
  timeoutMs: number,
  send: SendCall,
  onFirstPage?: (tasks: Task[]) => void,
): Promise<Task[]> {
  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  try {
    const inOrder = Object.entries(args).every(([key, value]) => value == null || inOrderFilters.has(key));
    if (onFirstPage !== undefined && inOrder) {
      const first = decodeTaskColumns(await send(command, { ...args, limit: firstPageSize }, remaining()), command);
      performance.mark('quire:first-page-decoded');
      if (first.total <= first.tasks.length) return complete(first.tasks);
      onFirstPage(first.tasks);
      await afterNextPaint();
      const rest = await fetchInParts(command, args, first.tasks.length, remaining(), send);
      if (rest.version === first.version) return complete(first.tasks.concat(rest.tasks));
    }
    const whole = await fetchInParts(command, args, 0, remaining(), send);
    return complete(whole.tasks);
  } catch (error) {
    // One deadline for the whole list: say so with the caller's timeout, not a call's remainder.
    throw error instanceof TimeoutError ? new TimeoutError(command, timeoutMs, error.calledOff) : error;
  }
}

function complete(tasks: Task[]): Task[] {
  performance.mark('quire:task-list-complete');
  return tasks;
}
