// SPDX-License-Identifier: MIT
// What the bulk bar's changes send: one db_update_tasks per change, so one transaction and one undo
// step. A field is set on every task; a tag or a project is added to (or removed from) each
// task's own list with addTags / removeTags / addProjectIds / removeProjectIds. Tasks the change
// leaves as they are are not sent at all.
import type { CommandArgs, Priority, Status, Task } from '@/ipc/contract';

export type BulkChange =
  | { kind: 'priority'; value: Priority }
  | { kind: 'status'; value: Status }
  | { kind: 'add-tag'; value: string }
  | { kind: 'remove-tag'; value: string }
  | { kind: 'add-project'; value: string }
  | { kind: 'remove-project'; value: string };

/** The fields db_update_tasks sets, and the list items it adds and removes, on every task it is given. */
export type TasksPatch = Omit<CommandArgs<'db_update_tasks'>, 'taskIds'>;

export interface BulkUpdate {
  ids: string[];
  patch: TasksPatch;
}

/** `items` without `removed`, then `added` after them, each once (as the backend edits a list). */
function editedList(items: readonly string[], added: readonly string[] = [], removed: readonly string[] = []): string[] {
  const result = items.filter((item) => !removed.includes(item));
  for (const item of added) if (!result.includes(item)) result.push(item);
  return result;
}

/** `task` as db_update_tasks leaves it after `patch`: its fields set, items added to and removed from its lists. */
export function patchedTask(task: Task, patch: TasksPatch): Task {
  const { addTags, removeTags, addProjectIds, removeProjectIds, ...fields } = patch;
  const next: Task = { ...task, ...fields };
  if (addTags || removeTags) {
    const added = (addTags ?? []).map((tag) => tag.trim()).filter(Boolean);
    next.tags = editedList(next.tags, added, removeTags?.map((tag) => tag.trim()));
  }
  if (addProjectIds || removeProjectIds) next.projectIds = editedList(next.projectIds, addProjectIds, removeProjectIds);
  return next;
}

/** One update of the tasks `affected` keeps, or none when it keeps none. */
function updateOf(tasks: readonly Task[], affected: (task: Task) => boolean, patch: TasksPatch): BulkUpdate[] {
  const ids = tasks.filter(affected).map((t) => t.id);
  return ids.length > 0 ? [{ ids, patch }] : [];
}

/** The db_update_tasks call that makes `change` to `tasks` (at most one): none when it changes nothing. */
export function bulkUpdates(tasks: readonly Task[], change: BulkChange): BulkUpdate[] {
  switch (change.kind) {
    case 'priority':
      return updateOf(tasks, (t) => t.priority !== change.value, { priority: change.value });
    case 'status':
      return updateOf(tasks, (t) => t.status !== change.value, { status: change.value });
    case 'add-tag': {
      const tag = change.value.trim();
      return tag ? updateOf(tasks, (t) => !t.tags.includes(tag), { addTags: [tag] }) : [];
    }
    case 'remove-tag':
      return updateOf(tasks, (t) => t.tags.includes(change.value), { removeTags: [change.value] });
    case 'add-project':
      return updateOf(tasks, (t) => !t.projectIds.includes(change.value), { addProjectIds: [change.value] });
    case 'remove-project':
      return updateOf(tasks, (t) => t.projectIds.includes(change.value), { removeProjectIds: [change.value] });
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
