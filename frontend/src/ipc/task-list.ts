// SPDX-License-Identifier: MIT
// A whole task list. Pages carry the database's version; a list whose pages differ (a write
// landed between them) is fetched again.
// - All tasks (or only the open or completed ones, which SQLite reads in order and checks row by
//   row): a small first page (wireForms.TaskColumns.firstPageSize rows), which a view shows at
//   once, then every other page (pageSize rows) at once; the second page is asked together with
//   the first unless the first is to be shown (onFirstPage), in which case the rest waits for the
//   frame that shows it (a reply arriving meanwhile held up that frame). The app reads one page
//   from SQLite while it sends the previous one and the page decodes the one before (bench/run
//   measures this against one reply and against pages one after another).
// - A list filtered by project or due date comes from one call ({offset: 0} and no limit): its
//   tasks are found and sorted before any part of them can be cut, so each page paid for the
//   whole sort again, and SQLite's sort for a LIMIT was the slower one. Upcoming on 100 000 tasks
//   (16 470 of them) took 455 ms in two pages and 304 ms in one reply; two projects (20 000) 310
//   and 239 ms; one project (10 000, one page either way) the same. That one read comes in parts
//   of wireForms.TaskColumns.partRows rows (taskListPart events, then the reply with the last):
//   the page decodes one part while the app writes and sends the next.
import { wireForms, type CommandName, type Task } from '@/ipc/contract';
import { IpcError, TimeoutError } from '@/ipc/errors';
import { decodeTaskColumns, decodeTaskColumnsText } from '@/ipc/task-columns';

/** Sends one call and resolves with its envelope's data (invoke.ts provides it). */
export type SendCall = (
  command: CommandName,
  args: Record<string, unknown>,
  timeoutMs: number,
  onPart?: (columns: string) => void,
) => Promise<unknown>;

const { pageSize, firstPageSize, partRows } = wireForms.TaskColumns;
const ATTEMPTS = 3;
/** Filters that SQLite checks on each row as it reads the list in order, without sorting first. */
const inOrderFilters = new Set(['completed']);

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

/** True when the caller asked for the whole list rather than a window of it. */
export function wantsWholeList(args: Record<string, unknown>): boolean {
  return !('offset' in args) && !('limit' in args);
}

/** `onFirstPage` gets the first page when more follow (once, not again if the list is fetched anew). */
export async function fetchTaskList(
  command: CommandName,
  args: Record<string, unknown>,
  timeoutMs: number,
  send: SendCall,
  onFirstPage?: (tasks: Task[]) => void,
): Promise<Task[]> {
  const deadline = Date.now() + timeoutMs;
  const call = (range: { offset?: number; limit?: number; partRows?: number }, onPart?: (columns: string) => void) =>
    send(command, { ...args, ...range }, Math.max(1, deadline - Date.now()), onPart).then((data) =>
      decodeTaskColumns(data, command),
    );
  const filtered = Object.entries(args).some(([key, value]) => value != null && !inOrderFilters.has(key));
  const page = (offset: number) => call(offset === 0 ? { limit: firstPageSize } : { offset, limit: pageSize });
  try {
    if (filtered) {
      const parts: Task[][] = [];
      let partError: IpcError | undefined;
      const last = await call({ offset: 0, partRows }, (columns) => {
        if (partError !== undefined) return;
        try {
          parts.push(decodeTaskColumnsText(columns, command).tasks);
        } catch (error) {
          // Thrown once the reply is in, to the caller rather than into the channel's signal handler.
          partError = error instanceof IpcError ? error : new IpcError('internal', String(error), command);
        }
      });
      if (partError !== undefined) throw partError;
      const tasks = parts.length === 0 ? last.tasks : parts.flat().concat(last.tasks);
      if (tasks.length !== last.total) {
        throw new IpcError('internal', `The task list from Quire was malformed (${last.total - tasks.length} rows missing)`, command);
      }
      performance.mark('quire:task-list-complete');
      return tasks;
    }
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const showsFirstPage = attempt === 0 && onFirstPage !== undefined;
      // Without a first page to show, the second page is asked with the first, before the total
      // is known: a list longer than the first page mostly fits in one more, which then costs no
      // round trip of its own. With one, the rest is asked once the first page is on screen: the
      // next page's reply, arriving meanwhile, kept the page's thread busy past the frame that
      // would have shown the first rows.
      const firstCall = page(0);
      const secondCall = showsFirstPage ? undefined : page(firstPageSize);
      secondCall?.catch(() => undefined); // awaited below; not an unhandled rejection if the first fails
      const first = await firstCall;
      if (attempt === 0) performance.mark('quire:first-page-decoded');
      if (showsFirstPage && first.total > first.tasks.length) {
        onFirstPage(first.tasks);
        await afterNextPaint();
      }
      const offsets: number[] = [];
      const unasked = secondCall ? firstPageSize + pageSize : firstPageSize;
      for (let offset = unasked; offset < first.total; offset += pageSize) offsets.push(offset);
      const rest = await Promise.all([...(secondCall ? [secondCall] : []), ...offsets.map(page)]);
      performance.mark('quire:task-list-complete');
      if (rest.every((p) => p.version === first.version)) return first.tasks.concat(...rest.map((p) => p.tasks));
    }
  } catch (error) {
    // One deadline for the whole list: say so with the caller's timeout, not a page's remainder.
    throw error instanceof TimeoutError ? new TimeoutError(command, timeoutMs, error.calledOff) : error;
  }
  throw new IpcError('conflict', 'The task list kept changing while it loaded', command);
}
