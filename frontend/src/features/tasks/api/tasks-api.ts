// SPDX-License-Identifier: MIT
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  invokeDbCreateTask,
  invokeDbDeleteTask,
  invokeDbGetProjectTasks,
  invokeDbGetTasks,
  invokeDbUpdateTask,
  type TaskPatch,
} from '@/ipc/commands';
import type { CommandArgs, Status, Task } from '@/ipc/contract';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (projectId: string | null) => ['tasks', 'list', projectId] as const,
};

/** The query of one project's tasks, or of all tasks when projectId is null. */
export function tasksQuery(projectId: string | null) {
  return queryOptions({
    queryKey: taskKeys.list(projectId),
    queryFn: () => (projectId ? invokeDbGetProjectTasks({ projectId }) : invokeDbGetTasks()),
    meta: { action: 'Loading tasks' },
  });
}

export function useTasks(projectId: string | null) {
  return useQuery(tasksQuery(projectId));
}

export type NewTask = CommandArgs<'db_create_task'>;

// Writes need no cache invalidation here: the bridge signals tasksChanged after every successful
// write, whoever made it, and app/use-backend-sync.ts refetches once per burst.

export function useCreateTask() {
  return useMutation({
    mutationFn: (task: NewTask) => invokeDbCreateTask(task),
    meta: { action: 'Creating task', inlineErrors: true },
  });
}

export function useUpdateTask() {
  return useMutation({
    mutationFn: ({ taskId, patch }: { taskId: string; patch: TaskPatch }) => invokeDbUpdateTask({ ...patch, taskId }),
    meta: { action: 'Saving task', inlineErrors: true },
  });
}

/** Runs `run` for every id; fails with one message if any of them failed. */
async function forEachTask(ids: string[], run: (id: string) => Promise<unknown>): Promise<void> {
  const results = await Promise.allSettled(ids.map(run));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length === 0) return;
  const first = failures[0]!.reason as unknown;
  if (ids.length === 1) throw first;
  const reason = first instanceof Error ? first.message : String(first);
  throw new Error(`${failures.length} of ${ids.length} tasks failed (${reason})`);
}

/** Sets the status of one or more tasks, showing the change at once and rolling back on failure. */
export function useSetTaskStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, status }: { ids: string[]; status: Status }) =>
      forEachTask(ids, (id) => invokeDbUpdateTask({ taskId: id, status })),
    meta: { action: 'Updating task status' },
    onMutate: async ({ ids, status }) => {
      await client.cancelQueries({ queryKey: taskKeys.all });
      const previous = client.getQueriesData<Task[]>({ queryKey: taskKeys.all });
      const wanted = new Set(ids);
      client.setQueriesData<Task[]>({ queryKey: taskKeys.all }, (tasks) =>
        tasks?.map((t) => (wanted.has(t.id) ? { ...t, status } : t)),
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      for (const [key, data] of context?.previous ?? []) client.setQueryData(key, data);
    },
  });
}

export function useDeleteTasks() {
  return useMutation({
    mutationFn: (ids: string[]) => forEachTask(ids, (id) => invokeDbDeleteTask({ taskId: id })),
    meta: { action: 'Deleting tasks' },
  });
}
