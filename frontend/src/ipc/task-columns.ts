// SPDX-License-Identifier: MIT
// The wire form of task lists ("TaskColumns" in resources/ipc-contract.json): db_get_tasks and
// db_get_project_tasks send { count, total, version, and one array of `count` elements per Task
// key } instead of an array of objects. Keys written once and enums as indexes make the text about 40 % shorter,
// which is most of what a 100 000-task list costs on QWebChannel; this module turns it back into
// Task objects so nothing above src/ipc ever sees the wire form.
import { enums, type Task } from '@/ipc/contract';
import { IpcError } from '@/ipc/errors';

/** The columns as they travel. Enum columns hold indexes into `enums`; see the contract. */
export interface TaskColumns {
  count: number;
  /** Tasks in the whole list, of which these are the `count` from the call's offset. */
  total: number;
  /** Changes whenever the database does: pages of one list must all have the same. */
  version: string;
  id: string[];
  title: string[];
  description: Array<string | null>;
  priority: number[];
  status: number[];
  complexity: Array<number | null>;
  type: Array<number | null>;
  tags: string[][];
  projectIds: string[][];
  createdAt: string[];
  /** null where it equals createdAt (most tasks are never edited). */
  updatedAt: Array<string | null>;
}

export const taskColumnKeys = [
  'id',
  'title',
  'description',
  'priority',
  'status',
  'complexity',
  'type',
  'tags',
  'projectIds',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Task & keyof TaskColumns>;

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
  const c = columnsOf(data, command);
  const { priority, status, complexity, taskType } = enums;
  const tasks = new Array<Task>(c.count);
  for (let i = 0; i < c.count; i += 1) {
    const p = priority[c.priority[i]!];
    const s = status[c.status[i]!];
    const cx = c.complexity[i];
    const ty = c.type[i];
    const createdAt = c.createdAt[i]!;
    const task: Task = {
      id: c.id[i]!,
      title: c.title[i]!,
      description: c.description[i]!,
      priority: p!,
      status: s!,
      complexity: cx === null ? null : complexity[cx!]!,
      type: ty === null ? null : taskType[ty!]!,
      tags: c.tags[i]!,
      projectIds: c.projectIds[i]!,
      createdAt,
      updatedAt: c.updatedAt[i] ?? createdAt,
    };
    if (p === undefined || s === undefined || task.complexity === undefined || task.type === undefined) {
      throw malformed(command, `an enum index of task ${i}`);
    }
    tasks[i] = task;
  }
  return { tasks, total: c.total, version: c.version };
}
