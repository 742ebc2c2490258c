// SPDX-License-Identifier: MIT
// The wire form of task lists ("TaskColumns" in resources/ipc-contract.json): db_get_tasks and
// db_get_project_tasks send { count, total, version, and one array of `count` elements per Task
// key } instead of an array of objects. Keys written once and enums as indexes make the text about
// 40 % shorter, which is most of what a 100 000-task list costs on QWebChannel; this module turns
// it back into Task objects so nothing above src/ipc ever sees the wire form. The row decoder is
// generated from the contract (decodeTaskColumnsRows), so a new Task field needs nothing here.
import { decodeTaskColumnsRows, typeSpecs, type Task, type TaskColumns } from '@/ipc/contract';
import { IpcError } from '@/ipc/errors';

export type { TaskColumns };

/** The Task keys, each a column of the wire form, in the contract's order. */
export const taskColumnKeys = Object.keys(typeSpecs.Task) as Array<keyof Task>;

/** One call's part of a task list. */
export interface TaskPage {
  tasks: Task[];
  total: number;
  version: string;
}

function malformed(command: string, detail: string): IpcError {
  return new IpcError('internal', `The task list from Quire was malformed (${detail})`, command);
}

function columnsOf(data: unknown, command: string): TaskColumns {
  if (typeof data !== 'object' || data === null) throw malformed(command, 'not an object');
  const columns = data as Record<string, unknown>;
  const count = columns.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw malformed(command, 'no count');
  const total = columns.total;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < count) throw malformed(command, 'no total');
  if (typeof columns.version !== 'string') throw malformed(command, 'no version');
  for (const key of taskColumnKeys) {
    const column = columns[key];
    if (!Array.isArray(column) || column.length !== count) throw malformed(command, `column ${key}`);
  }
  return columns as unknown as TaskColumns;
}

/** Task objects from the columns; an IpcError('internal') when they do not fit together. */
export function decodeTaskColumns(data: unknown, command: string): TaskPage {
  const columns = columnsOf(data, command);
  const tasks = decodeTaskColumnsRows(columns);
  if (typeof tasks === 'number') throw malformed(command, `an enum index of task ${tasks}`);
  return { tasks, total: columns.total, version: columns.version };
}

/** decodeTaskColumns() of columns sent as JSON text (a part of a list sent in parts). */
export function decodeTaskColumnsText(text: string, command: string): TaskPage {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    throw malformed(command, 'a part that is not JSON');
  }
  return decodeTaskColumns(data, command);
}
