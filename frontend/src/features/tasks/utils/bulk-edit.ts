// SPDX-License-Identifier: MIT
// What the bulk bar's changes send: db_update_tasks sets one value on all of its tasks, so a
// change that leaves tasks with different lists (a tag added to tasks with different tags) is one
// update per resulting list, and tasks the change leaves as they are are not sent at all.
import type { Priority, Status, Task } from '@/ipc/contract';

export type BulkChange =
  | { kind: 'priority'; value: Priority }
  | { kind: 'status'; value: Status }
  | { kind: 'add-tag'; value: string }
  | { kind: 'remove-tag'; value: string }
  | { kind: 'add-project'; value: string }
  | { kind: 'remove-project'; value: string };

export interface BulkUpdate {
  ids: string[];
  patch: { priority?: Priority; status?: Status; tags?: string[]; projectIds?: string[] };
}

function byResultingList(tasks: readonly Task[], next: (task: Task) => string[] | null, field: 'tags' | 'projectIds'): BulkUpdate[] {
  const groups = new Map<string, BulkUpdate>();
  for (const task of tasks) {
    const list = next(task);
    if (list === null) continue;
    const key = JSON.stringify(list);
    const group = groups.get(key);
    if (group) group.ids.push(task.id);
    else groups.set(key, { ids: [task.id], patch: { [field]: list } });
  }
  return [...groups.values()];
}

/** The db_update_tasks calls that make `change` to `tasks`: none when it changes nothing. */
export function bulkUpdates(tasks: readonly Task[], change: BulkChange): BulkUpdate[] {
  switch (change.kind) {
    case 'priority':
    case 'status': {
      const ids = tasks.filter((t) => t[change.kind] !== change.value).map((t) => t.id);
      return ids.length > 0 ? [{ ids, patch: { [change.kind]: change.value } }] : [];
    }
    case 'add-tag': {
      const tag = change.value.trim();
      if (!tag) return [];
      return byResultingList(tasks, (t) => (t.tags.includes(tag) ? null : [...t.tags, tag]), 'tags');
    }
    case 'remove-tag':
      return byResultingList(tasks, (t) => (t.tags.includes(change.value) ? t.tags.filter((x) => x !== change.value) : null), 'tags');
    case 'add-project':
      return byResultingList(
        tasks,
        (t) => (t.projectIds.includes(change.value) ? null : [...t.projectIds, change.value]),
        'projectIds',
      );
    case 'remove-project':
      return byResultingList(
        tasks,
        (t) => (t.projectIds.includes(change.value) ? t.projectIds.filter((x) => x !== change.value) : null),
        'projectIds',
      );
  }
}

/** What the undo toast says after `change` to `count` tasks: "Priority set to high on 3 tasks". */
export function describeBulkChange(change: BulkChange, count: number, projectName: (id: string) => string): string {
  const tasks = count === 1 ? '1 task' : `${count} tasks`;
  switch (change.kind) {
    case 'priority':
      return `Priority set to ${change.value} on ${tasks}`;
    case 'status':
      return `Status set to ${change.value.replace('_', ' ')} on ${tasks}`;
    case 'add-tag':
      return `Tag “${change.value.trim()}” added to ${tasks}`;
    case 'remove-tag':
      return `Tag “${change.value}” removed from ${tasks}`;
    case 'add-project':
      return `${tasks} added to “${projectName(change.value)}”`;
    case 'remove-project':
      return `${tasks} removed from “${projectName(change.value)}”`;
  }
}
