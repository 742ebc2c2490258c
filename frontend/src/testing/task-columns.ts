// SPDX-License-Identifier: MIT
// The bridge's side of the task-list wire form, for the fake backend and the decoder's tests:
// what core's SqliteTaskRepository::listColumnsJson writes, from Task objects.
import { enums, type Task } from '@/ipc/contract';
import type { TaskColumns } from '@/ipc/task-columns';

const indexIn = (values: readonly string[], value: string) => values.indexOf(value);

/** `tasks` as one page of a list of `total` tasks (all of it by default). */
export function encodeTaskColumns(
  tasks: readonly Task[],
  { total = tasks.length, version = '1' }: { total?: number; version?: string } = {},
): TaskColumns {
  return {
    count: tasks.length,
    total,
    version,
    id: tasks.map((t) => t.id),
    title: tasks.map((t) => t.title),
    description: tasks.map((t) => t.description),
    priority: tasks.map((t) => indexIn(enums.priority, t.priority)),
    status: tasks.map((t) => indexIn(enums.status, t.status)),
    complexity: tasks.map((t) => (t.complexity === null ? null : indexIn(enums.complexity, t.complexity))),
    type: tasks.map((t) => (t.type === null ? null : indexIn(enums.taskType, t.type))),
    tags: tasks.map((t) => t.tags),
    projectIds: tasks.map((t) => t.projectIds),
    createdAt: tasks.map((t) => t.createdAt),
    updatedAt: tasks.map((t) => (t.updatedAt === t.createdAt ? null : t.updatedAt)),
  };
}
