// SPDX-License-Identifier: MIT
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  invokeDbCreateProject,
  invokeDbCreateTask,
  invokeDbDeleteTasks,
  invokeDbGetTask,
  invokeDbGetTasks,
  invokeDbMoveTask,
  invokeDbSearchTasks,
  invokeDbUpdateTask,
  invokeDbUpdateTasks,
  type TaskPatch,
} from '@/ipc/commands';
import { invokeListTotal } from '@/ipc/invoke';
import { runLongCall } from '@/lib/long-call';
import { offerUndo } from '@/lib/undo';
import { keyAfterTask } from '@/features/tasks/utils/order-keys';
import { patchedTask, type BulkUpdate, type TasksPatch } from '@/features/tasks/utils/bulk-edit';
import {
  listQueryOfKey,
  matchesListQuery,
  SEARCH_RESULT_LIMIT,
  type TaskListQuery,
} from '@/features/tasks/utils/task-lists';
import type { CommandArgs, Status, Task } from '@/ipc/contract';

export const taskKeys = {
  /** Every cached list (optimistic updates patch them all). */
  lists: ['tasks', 'list'] as const,
  list: (query: TaskListQuery) => ['tasks', 'list', query] as const,
  /** Counts load again after any change to tasks (app/use-backend-sync.ts). */
  counts: ['tasks', 'count'] as const,
  count: (query: TaskListQuery) => ['tasks', 'count', query] as const,
};

/**
 * The query of the tasks that db_get_tasks loads with the filters of `query`, or, for a search,
 * the best matches db_search_tasks finds. The key is the query either way, so the optimistic
 * updates below patch search results as they patch the lists.
 */
export function tasksQuery(query: TaskListQuery) {
  const { search, ...filters } = query;
  if (search !== undefined)
    return queryOptions({
      queryKey: taskKeys.list(query),
      // The signal stops a search the next keystroke made stale, in the backend too.
      queryFn: ({ signal }) => invokeDbSearchTasks({ query: search, limit: SEARCH_RESULT_LIMIT }, { signal }),
      // While the next word's results load, the last ones stay on screen rather than "Loading".
      placeholderData: keepPreviousData,
      meta: { action: 'Searching tasks' },
    });
  return queryOptions({
    queryKey: taskKeys.list(query),
    // A long list shows its first page while the rest loads, when nothing is shown yet: a
    // refetch keeps the list on screen until the new one is whole.
    queryFn: ({ client, queryKey, signal }) => {
      if (client.getQueryData(queryKey) !== undefined) return invokeDbGetTasks(filters, { signal });
      const onFirstPage = (tasks: Task[]) => {
        if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, tasks);
      };
      return invokeDbGetTasks(filters, { signal, onFirstPage });
    },
    // Kept as given: each change patches the list (applyTaskChanges) keeping the tasks it leaves
    // alone, so comparing the whole list again for equal tasks to keep found nothing to keep, and
    // cost 100 000 tasks 6 ms after every change.
    structuralSharing: false,
    meta: { action: 'Loading tasks' },
  });
}

export function useTasks(query: TaskListQuery) {
  return useQuery(tasksQuery(query));
}

/** How many tasks `query` lists, without loading them; null while unknown or when not `enabled`. */
export function useTaskCount(query: TaskListQuery, enabled = true): number | null {
  const count = useQuery({
    queryKey: taskKeys.count(query),
    queryFn: ({ signal }) => invokeListTotal('db_get_tasks', query, { signal }),
    enabled,
    meta: { action: 'Counting tasks' },
  });
  return enabled ? (count.data ?? null) : null;
}

export type NewTask = CommandArgs<'db_create_task'>;

// Writes need no cache invalidation here: the bridge signals tasksChanged with the changed rows
// after every successful write, whoever made it, and app/use-backend-sync.ts patches the lists.

export function useCreateTask() {
  return useMutation({
    mutationFn: (task: NewTask) => invokeDbCreateTask(task),
    meta: { action: 'Creating task', inlineErrors: true },
  });
}

/**
 * Creates a task from quick add: first the projects it names that do not exist yet (a name the
 * user typed after #), then the task in all of its projects.
 */
export function useQuickAddTask() {
  return useMutation({
    mutationFn: async ({ task, newProjects }: { task: NewTask; newProjects: string[] }) => {
      const created = [];
      for (const name of newProjects) created.push(await invokeDbCreateProject({ name }));
      return invokeDbCreateTask({ ...task, projectIds: [...task.projectIds, ...created.map((p) => p.id)] });
    },
    meta: { action: 'Adding task', inlineErrors: true },
  });
}

export type { TaskPatch };

/** The task as it is stored now, or null when it no longer exists (deleted, here or elsewhere). */
export function readTask(taskId: string): Promise<Task | null> {
  return invokeDbGetTask({ taskId });
}

/**
 * Saves what the user changed in a task. With `expectedUpdatedAt` (the updatedAt of the task as
 * the user saw it), a task someone changed since is refused with a `conflict` error and kept as
 * they left it: the caller decides what wins.
 */
export function useUpdateTask() {
  return useMutation({
    mutationFn: ({ taskId, patch, expectedUpdatedAt }: { taskId: string; patch: TaskPatch; expectedUpdatedAt?: string }) =>
      invokeDbUpdateTask({ ...patch, taskId, expectedUpdatedAt }),
    meta: { action: 'Saving task', inlineErrors: true },
  });
}

/** One db_update_tasks call: these tasks all get this patch. */
export type TasksUpdate = BulkUpdate;

/**
 * Changes fields of several tasks, showing the change at once and rolling back on failure, then
 * offers to undo it with `message`. Each update is one command (one transaction, one change
 * event, one undo step); a tag or project added to tasks with different lists is still one
 * update (addTags, addProjectIds, ...: each task keeps its own list).
 */
export function useUpdateTasks(action = 'Updating tasks') {
  const client = useQueryClient();
  return useMutation({
    // A change of thousands shows how far it is ("Saving… 1 000 of 5 000") with Cancel; a quick one
    // never flashes a panel.
    mutationFn: ({ updates }: { updates: TasksUpdate[]; message?: string }) =>
      runLongCall(action, async (options) => {
        const changed: Task[] = [];
        for (const { ids, patch } of updates)
          changed.push(...(await invokeDbUpdateTasks({ ...patch, taskIds: ids }, options)));
        return changed;
      }),
    meta: { action },
    onMutate: async ({ updates }) => {
      await client.cancelQueries({ queryKey: taskKeys.lists });
      const previous = client.getQueriesData<Task[]>({ queryKey: taskKeys.lists });
      const patchOf = new Map<string, TasksPatch>();
      for (const { ids, patch } of updates) for (const id of ids) patchOf.set(id, patch);
      // A completed task leaves the open lists at once (and a reopened one the Logbook; a task
      // taken out of a project, that project's list).
      for (const [key, tasks] of previous) {
        const query = listQueryOfKey(key);
        client.setQueryData<Task[]>(key, () =>
          tasks
            ?.map((t) => {
              const patch = patchOf.get(t.id);
              return patch ? patchedTask(t, patch) : t;
            })
            .filter((t) => !patchOf.has(t.id) || matchesListQuery(t, query)),
        );
      }
      return { previous };
    },
    onError: (_error, _vars, context) => {
      for (const [key, data] of context?.previous ?? []) client.setQueryData(key, data);
    },
    onSuccess: (_data, { message }) => {
      if (message) offerUndo(message);
    },
  });
}

/** Sets the status of one or more tasks, showing the change at once and rolling back on failure. */
export function useSetTaskStatus() {
  const update = useUpdateTasks('Updating task status');
  return {
    ...update,
    // One command for any number of tasks: one transaction, one durable commit, one change event.
    mutate: ({ ids, status }: { ids: string[]; status: Status }) =>
      update.mutate({
        updates: [{ ids, patch: { status } }],
        message:
          status === 'completed' ? (ids.length === 1 ? 'Task completed' : `${ids.length} tasks completed`) : undefined,
      }),
  };
}

/**
 * Moves a task in the user's own order (after another, or first with null), showing it in its new
 * place at once: a key between its new neighbours' in the cached lists until the change event
 * brings the one the backend chose.
 */
export function useMoveTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, afterTaskId }: { taskId: string; afterTaskId: string | null }) =>
      invokeDbMoveTask({ taskId, afterTaskId }),
    meta: { action: 'Moving task' },
    onMutate: async ({ taskId, afterTaskId }) => {
      await client.cancelQueries({ queryKey: taskKeys.lists });
      const previous = client.getQueriesData<Task[]>({ queryKey: taskKeys.lists });
      for (const [key, tasks] of previous) {
        if (!tasks) continue;
        const sortKey = keyAfterTask(tasks, taskId, afterTaskId);
        if (sortKey !== null)
          client.setQueryData<Task[]>(key, tasks.map((t) => (t.id === taskId ? { ...t, sortKey } : t)));
      }
      return { previous };
    },
    onError: (_error, _vars, context) => {
      for (const [key, data] of context?.previous ?? []) client.setQueryData(key, data);
    },
  });
}

export function useDeleteTasks() {
  return useMutation({
    mutationFn: (ids: string[]) =>
      runLongCall('Deleting tasks', (options) => invokeDbDeleteTasks({ taskIds: ids }, options)),
    meta: { action: 'Deleting tasks' },
    onSuccess: (_data, ids) => offerUndo(ids.length === 1 ? 'Task deleted' : `${ids.length} tasks deleted`),
  });
}
