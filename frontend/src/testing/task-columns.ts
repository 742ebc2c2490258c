// SPDX-License-Identifier: MIT
// The bridge's side of the task-list wire form, for the fake backend and the decoder's tests:
// what app/task_columns.cpp writes, from Task objects, following the
// contract's description of TaskColumns (so a new Task field needs nothing here).
import { enums, wireForms, type Task } from '@/ipc/contract';
import { taskColumnKeys, type TaskColumns } from '@/ipc/task-columns';

const { enumIndexes, nullMeansSameAs } = wireForms.TaskColumns;

function column(tasks: readonly Task[], key: keyof Task): unknown[] {
  const enumName = (enumIndexes as Partial<Record<keyof Task, keyof typeof enums>>)[key];
  const sameAs = (nullMeansSameAs as Partial<Record<keyof Task, keyof Task>>)[key];
  return tasks.map((task) => {
    const value = task[key];
    if (value === null) return null;
    if (enumName !== undefined) return (enums[enumName] as readonly unknown[]).indexOf(value);
    if (sameAs !== undefined && value === task[sameAs]) return null;
    return value;
  });
}

/** `tasks` as one page of a list of `total` tasks (all of it by default). */
export function encodeTaskColumns(
  tasks: readonly Task[],
  { total = tasks.length, version = '1' }: { total?: number; version?: string } = {},
): TaskColumns {
  const columns: Record<string, unknown> = { count: tasks.length, total, version };
  for (const key of taskColumnKeys) columns[key] = column(tasks, key);
  return columns as unknown as TaskColumns;
}

/** The reply to one list call over `tasks`: the window its `offset` and `limit` ask for. */
export function taskListPage(tasks: readonly Task[], args: Record<string, unknown>, version = '1'): TaskColumns {
  const { partRows: _partRows, ...window } = args;
  return taskListReply(tasks, window, version).reply;
}

/**
 * The reply to one list call over `tasks` as the bridge sends it: the window its `offset` and
 * `limit` ask for; with `partRows`, the parts before the last one (which the bridge sends as
 * taskListPart events, ahead of the reply), each with the rows up to its end as its total, and
 * the last one, with the list's total, as the reply.
 */
export function taskListReply(
  tasks: readonly Task[],
  args: Record<string, unknown>,
  version = '1',
): { parts: TaskColumns[]; reply: TaskColumns } {
  const offset = (args.offset as number | undefined) ?? 0;
  const limit = (args.limit as number | undefined) ?? tasks.length;
  const window = tasks.slice(offset, offset + limit);
  const step = (args.partRows as number | undefined) ?? Math.max(window.length, 1);
  const parts: TaskColumns[] = [];
  let from = 0;
  for (; window.length - from > step; from += step) {
    parts.push(encodeTaskColumns(window.slice(from, from + step), { total: offset + from + step, version }));
  }
  return { parts, reply: encodeTaskColumns(window.slice(from), { total: tasks.length, version }) };
}
