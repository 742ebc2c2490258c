// SPDX-License-Identifier: MIT
import { formatDueDate } from '@/features/tasks/utils/format-due-date';
import { dueDay, UPCOMING_DAYS } from '@/features/tasks/utils/task-lists';
import type { TaskPatch } from '@/ipc/commands';
import { enums, type ChecklistItem, type Priority, type Status, type Task } from '@/ipc/contract';
import { addDays, localDateToDate, todayText } from '@/lib/local-date';

export type SortOrder = 'manual' | 'due' | 'priority' | 'created' | 'updated' | 'title';

/** The sort menu, in its order. */
export const sortLabels: Record<SortOrder, string> = {
  manual: 'My order',
  due: 'Due date',
  priority: 'Priority',
  created: 'Date added',
  updated: 'Last change',
  title: 'Title',
};

export interface TaskFilters {
  text: string;
  tag: string | null;
  priority: Priority | null;
  sort: SortOrder;
}

export const emptyFilters: TaskFilters = { text: '', tag: null, priority: null, sort: 'manual' };

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
// 100 000 tasks by title makes over a million comparisons. Numeric: "Project 2" before "Project 10".
const textOrder = new Intl.Collator(undefined, { numeric: true }).compare;

const ascending = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byUpdatedDesc = (a: Task, b: Task) => ascending(b.updatedAt, a.updatedAt);
const byPriority = (a: Task, b: Task) => (priorityRank.get(a.priority) ?? 99) - (priorityRank.get(b.priority) ?? 99);
/** The user's own order: order keys compare as plain strings, as the backend stores them. */
export const byManualOrder = (a: Task, b: Task) => ascending(a.sortKey, b.sortKey) || ascending(a.createdAt, b.createdAt);
/** Undated tasks after dated ones. */
const byDue = (a: Task, b: Task) =>
  a.dueDate === b.dueDate ? 0 : a.dueDate === null ? 1 : b.dueDate === null ? -1 : ascending(a.dueDate, b.dueDate);

const comparisons: Record<SortOrder, (a: Task, b: Task) => number> = {
  manual: byManualOrder,
  due: (a, b) => byDue(a, b) || byPriority(a, b) || byManualOrder(a, b),
  priority: (a, b) => byPriority(a, b) || byUpdatedDesc(a, b) || textOrder(a.title, b.title),
  created: (a, b) => ascending(a.createdAt, b.createdAt),
  updated: (a, b) => byUpdatedDesc(a, b) || textOrder(a.title, b.title),
  title: (a, b) => textOrder(a.title, b.title) || byManualOrder(a, b),
};

export function compareTasks(sort: SortOrder): (a: Task, b: Task) => number {
  return comparisons[sort];
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

/**
 * Whether a task passes `filters`; null when they let every task through. Made once per list, not
 * per task: the list is rebuilt after every change, and 100 000 tasks each trimming and
 * lower-casing the filter text cost a tenth of that rebuild.
 */
function taskFilter(filters: TaskFilters): ((task: Task) => boolean) | null {
  const { priority, tag } = filters;
  const needle = filters.text.trim().toLocaleLowerCase();
  if (!priority && !tag && !needle) return null;
  return (task) =>
    (!priority || task.priority === priority) &&
    (!tag || task.tags.includes(tag)) &&
    (!needle || searchText(task).includes(needle));
}

export type ListItem =
  | { kind: 'header'; key: string; label: string; count: number; overdue: boolean }
  | { kind: 'task'; task: Task; index: number };

/**
 * How a list is cut into groups: by status (All, a project), overdue and today (Today), by due
 * day for the next days and then later (Upcoming), by the day of completion (Logbook). Search
 * results are one group without a header, in the backend's order (best match first).
 */
export type Grouping = 'status' | 'today' | 'upcoming' | 'logbook' | 'search';

interface Group {
  key: string;
  label: string;
  overdue?: boolean;
  tasks: Task[];
}

const byCompletedDesc = (a: Task, b: Task) => ascending(b.completedAt ?? '', a.completedAt ?? '');

/** A day's group label: "Today", "Tomorrow", "Fri", "12 Mar" (formatDueDate's words). */
function dayLabel(day: string, today: string): string {
  return formatDueDate(day, localDateToDate(today)).label;
}

function groupsOf(tasks: Task[], grouping: Grouping, today: string): { groups: Group[]; compare?: (a: Task, b: Task) => number } {
  if (grouping === 'search') return { groups: [{ key: 'results', label: 'Results', tasks }] };
  if (grouping === 'status') {
    const groups = statusOrder.map((status): Group => ({ key: status, label: statusLabels[status], tasks: [] }));
    for (const task of tasks) (groups.find((g) => g.key === task.status) ?? groups[1]!).tasks.push(task);
    return { groups };
  }
  if (grouping === 'today') {
    const overdue: Group = { key: 'overdue', label: 'Overdue', overdue: true, tasks: [] };
    const due: Group = { key: 'today', label: 'Today', tasks: [] };
    for (const task of tasks) (task.dueDate !== null && dueDay(task.dueDate) < today ? overdue : due).tasks.push(task);
    return { groups: [overdue, due], compare: byDue };
  }
  if (grouping === 'upcoming') {
    const days = new Map<string, Group>();
    const later: Group = { key: 'later', label: 'Later', tasks: [] };
    const lastDay = addDays(today, UPCOMING_DAYS);
    for (const task of tasks) {
      const day = task.dueDate === null ? null : dueDay(task.dueDate);
      if (day === null || day > lastDay) {
        later.tasks.push(task);
        continue;
      }
      let group = days.get(day);
      if (!group) days.set(day, (group = { key: day, label: dayLabel(day, today), tasks: [] }));
      group.tasks.push(task);
    }
    return { groups: [...[...days.values()].sort((a, b) => (a.key < b.key ? -1 : 1)), later], compare: byDue };
  }
  // By the local day of completion, newest first; tasks with no completion time (none is kept for
  // a task completed before Quire recorded it) last.
  const days = new Map<string, Group>();
  const undated: Group = { key: 'undated', label: 'Completed earlier', tasks: [] };
  for (const task of tasks) {
    if (task.completedAt === null) {
      undated.tasks.push(task);
      continue;
    }
    const day = todayText(new Date(task.completedAt));
    let group = days.get(day);
    if (!group) days.set(day, (group = { key: day, label: dayLabel(day, today), tasks: [] }));
    group.tasks.push(task);
  }
  return { groups: [...[...days.values()].sort((a, b) => (a.key < b.key ? 1 : -1)), undated], compare: byCompletedDesc };
}

/**
 * Filters, groups and sorts: the rows of the (virtualised) list. Within a group tasks follow the
 * chosen sort, after the grouping's own order (due date, or completion, newest first). Search
 * results keep their rank whatever the sort, and have no group header.
 */
export function buildListItems(
  tasks: Task[],
  filters: TaskFilters,
  grouping: Grouping = 'status',
  today = todayText(new Date()),
): { items: ListItem[]; visibleTasks: Task[] } {
  const passes = taskFilter(filters);
  const { groups, compare: first } = groupsOf(passes ? tasks.filter(passes) : tasks, grouping, today);
  const then = compareTasks(filters.sort);
  const compare = first ? (a: Task, b: Task) => first(a, b) || then(a, b) : then;
  const items: ListItem[] = [];
  const visibleTasks: Task[] = [];
  const ranked = grouping === 'search';
  for (const group of groups) {
    if (group.tasks.length === 0) continue;
    if (!ranked) {
      group.tasks.sort(compare);
      items.push({ kind: 'header', key: group.key, label: group.label, count: group.tasks.length, overdue: group.overdue ?? false });
    }
    for (const task of group.tasks) {
      items.push({ kind: 'task', task, index: visibleTasks.length });
      visibleTasks.push(task);
    }
  }
  return { items, visibleTasks };
}

/**
 * The tasks of `ids` that `tasks` holds, in the order of `ids`. One pass, and none for an empty
 * selection: a map of every task, rebuilt after every change, cost 100 000 tasks 14 ms each time.
 */
export function tasksOf(ids: ReadonlySet<string>, tasks: readonly Task[]): Task[] {
  if (ids.size === 0) return [];
  const found = new Map<string, Task>();
  for (const task of tasks) if (ids.has(task.id)) found.set(task.id, task);
  return [...ids].flatMap((id) => found.get(id) ?? []);
}

export function allTags(tasks: Task[]): string[] {
  // A loop rather than flatMap: no array of every task's tags (200 000 of them) on each change.
  const tags = new Set<string>();
  for (const task of tasks) for (const tag of task.tags) tags.add(tag);
  return [...tags].sort(textOrder);
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
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM, or null for none. */
  dueDate: string | null;
  /** An RRULE, or null for none. */
  recurrence: string | null;
  /** In the user's order; items left blank are dropped on save. */
  checklist: ChecklistItem[];
}

/** The dialog's fields as `task` has them. */
export function draftOf(task: Task): TaskDraft {
  return {
    title: task.title,
    description: task.description ?? '',
    status: task.status,
    priority: task.priority,
    complexity: task.complexity,
    type: task.type,
    tags: [...task.tags],
    projectIds: [...task.projectIds],
    dueDate: task.dueDate,
    recurrence: task.recurrence,
    checklist: task.checklist.map((item) => ({ ...item })),
  };
}

/** The checklist as the backend keeps it: titles trimmed, blank items dropped. */
export function savedChecklist(items: readonly ChecklistItem[]): ChecklistItem[] {
  return items.map((item) => ({ title: item.title.trim(), done: item.done })).filter((item) => item.title !== '');
}

const checklistText = (items: readonly ChecklistItem[]) => JSON.stringify(items.map((item) => [item.title, item.done]));

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
  if (draft.dueDate !== original.dueDate) patch.dueDate = draft.dueDate;
  if (draft.recurrence !== original.recurrence) patch.recurrence = draft.recurrence;
  const checklist = savedChecklist(draft.checklist);
  if (checklistText(checklist) !== checklistText(original.checklist)) patch.checklist = checklist;
  return patch;
}

/**
 * The afterTaskId of db_move_task that puts visible task `from` at position `to` of the list (both
 * in one group, shown in the user's own order): after the task it passes when it goes down; when
 * it goes up, after whichever task of `all` comes right before the one it passes (null: first).
 */
export function afterTaskIdForMove(all: readonly Task[], visible: readonly Task[], from: number, to: number): string | null {
  const moving = visible[from]!;
  const target = visible[to]!;
  if (to > from) return target.id;
  let previous: Task | null = null;
  for (const task of all) {
    if (task.id === moving.id || byManualOrder(task, target) >= 0) continue;
    if (previous === null || byManualOrder(task, previous) > 0) previous = task;
  }
  return previous?.id ?? null;
}

/** For each visible task, the [first, last] visible indexes of its group: a move stays inside. */
export function groupRanges(items: readonly ListItem[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (const item of items) {
    if (item.kind === 'header') {
      start = ranges.length;
      for (let i = 0; i < item.count; i += 1) ranges.push([start, start + item.count - 1]);
    }
  }
  return ranges;
}
