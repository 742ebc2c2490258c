// SPDX-License-Identifier: MIT
// The lists a user can open (All, Today, Upcoming, Logbook, a project) as the db_get_tasks filters
// that load them, and the same filters as a test on one task: a change event can then put a task
// into, or take it out of, every cached list without loading any of them again. The results of a
// search are a list too, which db_search_tasks loads; no test on one task decides its members.
import type { CommandArgs, Task } from '@/ipc/contract';
import { addDays } from '@/lib/local-date';

export type TaskListView = 'all' | 'today' | 'upcoming' | 'logbook';

/** What the sidebar selects: one of the views, or a project's open tasks. */
export type SidebarSelection = { view: TaskListView } | { view: 'project'; projectId: string };

/** What the main area shows: what the sidebar selects, or the results of the global search. */
export type TaskListSelection = SidebarSelection | { view: 'search'; query: string };

/**
 * The filters of db_get_tasks that make a list (its window, offset and limit, aside), or, with
 * `search`, the results of db_search_tasks for that text (best match first), which no filter
 * narrows.
 */
export type TaskListQuery = Omit<CommandArgs<'db_get_tasks'>, 'offset' | 'limit'> & { search?: string };

/** How many results a search shows, best first (db_search_tasks takes up to 500). */
export const SEARCH_RESULT_LIMIT = 200;

/** How far ahead Upcoming shows day by day; later tasks follow in one group. */
export const UPCOMING_DAYS = 14;

/**
 * The filters of a list on the day `today` (YYYY-MM-DD). Completed tasks leave every list but the
 * Logbook, unless `showCompleted` keeps them in All or a project.
 */
export function listQueryOf(selection: TaskListSelection, today: string, showCompleted = false): TaskListQuery {
  const open = showCompleted ? {} : { completed: false };
  switch (selection.view) {
    case 'all':
      return open;
    case 'project':
      return { ...open, projectIds: [selection.projectId] };
    case 'today':
      return { completed: false, dueUntil: today };
    case 'upcoming':
      return { completed: false, dueFrom: addDays(today, 1) };
    case 'logbook':
      return { completed: true };
    case 'search':
      return { search: selection.query };
  }
}

/** The day of a due date ("2026-03-01T09:30" -> "2026-03-01"). */
export const dueDay = (dueDate: string) => dueDate.slice(0, 10);

/**
 * Whether `task` is one of the tasks `query` loads: the backend's filter, on one task. A search
 * keeps every task it has (a task completed from the results stays there, completed); which tasks
 * join or leave it only the backend can say (applyTaskChanges loads it again).
 */
export function matchesListQuery(task: Task, query: TaskListQuery): boolean {
  if (query.search !== undefined) return true;
  if (query.projectIds && !query.projectIds.some((id) => task.projectIds.includes(id))) return false;
  if (query.completed != null && (task.status === 'completed') !== query.completed) return false;
  if (query.dueFrom != null || query.dueUntil != null) {
    if (task.dueDate === null) return false;
    const day = dueDay(task.dueDate);
    if (query.dueFrom != null && day < dueDay(query.dueFrom)) return false;
    if (query.dueUntil != null && day > dueDay(query.dueUntil)) return false;
  }
  return true;
}

/** The filters of a task list's query key, ['tasks', 'list', query]. */
export function listQueryOfKey(queryKey: readonly unknown[]): TaskListQuery {
  const query = queryKey[2];
  return typeof query === 'object' && query !== null ? query : {};
}
