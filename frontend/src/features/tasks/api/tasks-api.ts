// SPDX-License-Identifier: MIT
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  invokeDbCreateTask,
  invokeDbDeleteTasks,
  invokeDbGetProjectTasks,
  invokeDbGetTasks,
  invokeDbUpdateTask,
  invokeDbUpdateTasks,
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
    // A long list shows its first page while the others load, when nothing is shown yet: a
    // refetch keeps the list on screen until the new one is whole.
    queryFn: ({ client, queryKey }) => {
      const options = {
        onFirstPage: (tasks: Task[]) => {
          if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, tasks);
        },
      };
      return projectId ? invokeDbGetProjectTasks({ projectId }, options) : invokeDbGetTasks({}, options);
    },
    meta: { action: 'Loading tasks' },
  });
}

export function useTasks(projectId: string | null) {
  return useQuery(tasksQuery(projectId));
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

export function useUpdateTask() {
  return useMutation({
    mutationFn: ({ taskId, patch }: { taskId: string; patch: TaskPatch }) => invokeDbUpdateTask({ ...patch, taskId }),
    meta: { action: 'Saving task', inlineErrors: true },
  });
}

/** Sets the status of one or more tasks, showing the change at once and rolling back on failure. */
export function useSetTaskStatus() {
  const client = useQueryClient();
  return useMutation({
    // One command for any number of tasks: one transaction, one durable commit, one change event.
    mutationFn: ({ ids, status }: { ids: string[]; status: Status }) => invokeDbUpdateTasks({ taskIds: ids, status }),
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
    mutationFn: (ids: string[]) => invokeDbDeleteTasks({ taskIds: ids }),
    meta: { action: 'Deleting tasks' },
  });
}
