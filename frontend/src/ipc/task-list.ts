// SPDX-License-Identifier: MIT
// A whole task list, fetched in pages of wireForms.TaskColumns.pageSize rows: the first page, then
// every other page at once. With several pages in flight the app reads one page from SQLite while
// it sends the previous one and the page decodes the one before, which more than halves the time
// a 100 000-task list takes compared with one call. Pages carry the database's version; a list
// whose pages differ (a write landed between them) is fetched again.
import { wireForms, type CommandName, type Task } from '@/ipc/contract';
import { IpcError, TimeoutError } from '@/ipc/errors';
import { decodeTaskColumns } from '@/ipc/task-columns';

/** Sends one call and resolves with its envelope's data (invoke.ts provides it). */
export type SendCall = (command: CommandName, args: Record<string, unknown>, timeoutMs: number) => Promise<unknown>;

const { pageSize } = wireForms.TaskColumns;
const ATTEMPTS = 3;

/** True when the caller asked for the whole list rather than a window of it. */
export function wantsWholeList(args: Record<string, unknown>): boolean {
  return !('offset' in args) && !('limit' in args);
}

export async function fetchTaskList(
  command: CommandName,
  args: Record<string, unknown>,
  timeoutMs: number,
  send: SendCall,
): Promise<Task[]> {
  const deadline = Date.now() + timeoutMs;
  const page = (offset: number) => {
    const range = offset === 0 ? { limit: pageSize } : { offset, limit: pageSize };
    return send(command, { ...args, ...range }, Math.max(1, deadline - Date.now())).then((data) =>
      decodeTaskColumns(data, command),
    );
  };
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const first = await page(0);
      const offsets: number[] = [];
      for (let offset = pageSize; offset < first.total; offset += pageSize) offsets.push(offset);
      const rest = await Promise.all(offsets.map(page));
      performance.mark('quire:task-list-complete');
      if (rest.every((p) => p.version === first.version)) return first.tasks.concat(...rest.map((p) => p.tasks));
    }
  } catch (error) {
    // One deadline for the whole list: say so with the caller's timeout, not a page's remainder.
    throw error instanceof TimeoutError ? new TimeoutError(command, timeoutMs) : error;
  }
  throw new IpcError('conflict', 'The task list kept changing while it loaded', command);
}
