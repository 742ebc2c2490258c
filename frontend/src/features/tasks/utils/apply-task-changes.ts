// SPDX-License-Identifier: MIT
// A cached task list brought up to date with the backend's change events, instead of loading the
// whole list again after every write (which, for 100 000 tasks, costs far more than the write).
import { matchesListQuery, type TaskListQuery } from '@/features/tasks/utils/task-lists';
import type { EventPayloadMap, Task } from '@/ipc/contract';

export type TaskChange = EventPayloadMap['tasksChanged'];

/** Puts `task` after every task created no later than it, as the backend orders lists. */
function insertInCreationOrder(tasks: Task[], task: Task): void {
  let low = 0;
  let high = tasks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tasks[middle]!.createdAt <= task.createdAt) low = middle + 1;
    else high = middle;
  }
  tasks.splice(low, 0, task);
}

/**
 * The list that `query` loads after `changes`, or null when one of them is a reset (the list must
 * be loaded again). Changed tasks keep their place, new ones go in creation order, and tasks that
 * no longer belong (deleted, moved out of the project, completed, due another day) leave. Search
 * results load again after any change: whether a task matches, and where it ranks, depend on words
 * (its projects' names among them) that only the backend weighs.
 */
export function applyTaskChanges(
  tasks: readonly Task[],
  query: TaskListQuery,
  changes: readonly TaskChange[],
): Task[] | null {
  if (query.search !== undefined && changes.length > 0) return null;
  let result = [...tasks];
  for (const change of changes) {
    if (change.kind === 'reset') return null;
    const changed = new Set(change.ids);
    const incoming = new Map(
      change.kind === 'upserted' ? change.tasks.filter((t) => matchesListQuery(t, query)).map((t) => [t.id, t]) : [],
    );
    const next: Task[] = [];
    for (const task of result) {
      if (!changed.has(task.id)) next.push(task);
      else if (incoming.has(task.id)) {
        next.push(incoming.get(task.id)!);
        incoming.delete(task.id);
      }
    }
    for (const task of incoming.values()) insertInCreationOrder(next, task);
    result = next;
  }
  return result;
}
