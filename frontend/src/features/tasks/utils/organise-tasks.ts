// SPDX-License-Identifier: MIT
import type { TaskPatch } from '@/ipc/commands';
import { enums, type Priority, type Status, type Task } from '@/ipc/contract';

export type SortOrder = 'priority' | 'updated';

export interface TaskFilters {
  text: string;
  tag: string | null;
  priority: Priority | null;
  sort: SortOrder;
}

export const emptyFilters: TaskFilters = { text: '', tag: null, priority: null, sort: 'priority' };

export const statusLabels: Record<Status, string> = {
  backlog: 'Backlog',
  in_progress: 'In progress',
  blocked: 'Blocked',
  completed: 'Completed',
};

/** Order of the groups on screen: what needs attention first, done last. */
export const statusOrder: Status[] = ['in_progress', 'backlog', 'blocked', 'completed'];

const priorityRank = new Map<string, number>(enums.priority.map((p, i) => [p, i]));

// What String#localeCompare does, without building the locale's rules on every call: sorting
// 100 000 tasks by title makes over a million comparisons.
const textOrder = new Intl.Collator().compare;

const byUpdatedDesc = (a: Task, b: Task) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);

export function compareTasks(sort: SortOrder): (a: Task, b: Task) => number {
  if (sort === 'updated') return (a, b) => byUpdatedDesc(a, b) || textOrder(a.title, b.title);
  return (a, b) =>
    (priorityRank.get(a.priority) ?? 99) - (priorityRank.get(b.priority) ?? 99) ||
    byUpdatedDesc(a, b) ||
    textOrder(a.title, b.title);
}

// The lower-cased text the filter searches, once per task object rather than once per keystroke:
// with 100 000 tasks, lower-casing every title on each key made typing lag. A list refetch brings
// new task objects, so the cache never outlives what it describes.
const searchTexts = new WeakMap<Task, string>();

function searchText(task: Task): string {
  let text = searchTexts.get(task);
  if (text === undefined) {
    // Newline-separated: the filter field is one line, so a match never spans two fields.
    text = [task.title, task.description ?? '', ...task.tags].join('\n').toLocaleLowerCase();
    searchTexts.set(task, text);
  }
  return text;
}

export function matchesFilters(task: Task, filters: TaskFilters): boolean {
  if (filters.priority && task.priority !== filters.priority) return false;
  if (filters.tag && !task.tags.includes(filters.tag)) return false;
  const needle = filters.text.trim().toLocaleLowerCase();
  return !needle || searchText(task).includes(needle);
}

export type ListItem =
  | { kind: 'header'; status: Status; count: number }
  | { kind: 'task'; task: Task; index: number };

/** Filters, groups by status and sorts: the rows of the (virtualised) list. */
export function buildListItems(tasks: Task[], filters: TaskFilters): { items: ListItem[]; visibleTasks: Task[] } {
  const groups = new Map<Status, Task[]>(statusOrder.map((s) => [s, []]));
  for (const task of tasks) {
    if (matchesFilters(task, filters)) (groups.get(task.status) ?? groups.get('backlog')!).push(task);
  }
  const compare = compareTasks(filters.sort);
  const items: ListItem[] = [];
  const visibleTasks: Task[] = [];
  for (const status of statusOrder) {
    const group = groups.get(status)!;
    if (group.length === 0) continue;
    group.sort(compare);
    items.push({ kind: 'header', status, count: group.length });
    for (const task of group) {
      items.push({ kind: 'task', task, index: visibleTasks.length });
      visibleTasks.push(task);
    }
  }
  return { items, visibleTasks };
}

export function allTags(tasks: Task[]): string[] {
  return [...new Set(tasks.flatMap((t) => t.tags))].sort(textOrder);
}

export interface TaskDraft {
  title: string;
  description: string;
  status: Status;
  priority: Priority;
  complexity: Task['complexity'];
  type: Task['type'];
  tags: string[];
  projectIds: string[];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Only what the user changed: absent = leave unchanged, null = clear. */
export function taskPatch(original: Task, draft: TaskDraft): TaskPatch {
  const patch: TaskPatch = {};
  const title = draft.title.trim();
  if (title !== original.title) patch.title = title;
  const description = draft.description.trim() === '' ? null : draft.description;
  if (description !== (original.description ?? null)) patch.description = description;
  if (draft.status !== original.status) patch.status = draft.status;
  if (draft.priority !== original.priority) patch.priority = draft.priority;
  if (draft.complexity !== original.complexity) patch.complexity = draft.complexity;
  if (draft.type !== original.type) patch.type = draft.type;
  if (draft.tags.join('\n') !== original.tags.join('\n')) patch.tags = draft.tags;
  if (!sameSet(draft.projectIds, original.projectIds)) patch.projectIds = draft.projectIds;
  return patch;
}
