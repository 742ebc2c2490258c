// SPDX-License-Identifier: MIT
// Keeps what is on screen in step with the database, whoever wrote to it. The bridge's change
// signals say what changed, so cached lists are patched in place; a reset, or a list that was being
// loaded when the change came, make a list load again. A late write reply needs nothing: its
// change signal came before it. A late read reply makes the lists load again, once however many
// arrive, joining a load already under way rather than starting another.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyProjectChanges, type ProjectChange } from '@/features/projects/utils/apply-project-changes';
import { applyTaskChanges, type TaskChange } from '@/features/tasks/utils/apply-task-changes';
import { listQueryOfKey } from '@/features/tasks/utils/task-lists';
import { commandSpecs, isCommandName, type Project, type Task } from '@/ipc/contract';
import { onConnectionChanged, onLateReply, onProjectsChanged, onTasksChanged } from '@/ipc/events';

/**
 * How long a burst of change signals is gathered before the caches are touched once. The bridge
 * signals before it replies, so touching them at once would put a render in front of the reply
 * the user waits for, and a stream of writes would re-render the list for each.
 */
export const CHANGE_COALESCE_MS = 16;

/**
 * Brings every cached query under `queryKey` up to date with `apply`, or loads it again where
 * `apply` cannot (null) or the query was loading when the change came (it may have been read
 * before the change).
 */
function patchQueries<T>(
  client: QueryClient,
  queryKey: readonly unknown[],
  apply: (data: T, queryKey: readonly unknown[]) => T | null,
): void {
  for (const query of client.getQueryCache().findAll({ queryKey })) {
    const data = query.state.data as T | undefined;
    const patched = data === undefined || query.state.fetchStatus === 'fetching' ? null : apply(data, query.queryKey);
    if (patched === null) void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
    else client.setQueryData(query.queryKey, patched);
  }
}

function coalescedSync(client: QueryClient) {
  let tasks: TaskChange[] = [];
  let projects: ProjectChange[] = [];
  let everything = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (everything) void client.invalidateQueries(undefined, { cancelRefetch: false });
    else {
      const [taskChanges, projectChanges] = [tasks, projects];
      if (taskChanges.length > 0) {
        patchQueries<Task[]>(client, ['tasks', 'list'], (list, key) => applyTaskChanges(list, listQueryOfKey(key), taskChanges));
        // A count is one call that carries no rows: loading it again is cheaper than deciding.
        void client.invalidateQueries({ queryKey: ['tasks', 'count'] }, { cancelRefetch: false });
      }
      if (projectChanges.length > 0)
        patchQueries<Project[]>(client, ['projects'], (list) => applyProjectChanges(list, projectChanges));
    }
    tasks = [];
    projects = [];
    everything = false;
  };
  // A window, not a debounce: a steady stream of writes still refreshes every window.
  const schedule = () => {
    timer ??= setTimeout(flush, CHANGE_COALESCE_MS);
  };
  return {
    tasksChanged(change: TaskChange) {
      tasks.push(change);
      schedule();
    },
    projectsChanged(change: ProjectChange) {
      projects.push(change);
      schedule();
    },
    reloadEverything() {
      everything = true;
      schedule();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

export function useBackendSync(): void {
  const client = useQueryClient();
  useEffect(() => {
    const sync = coalescedSync(client);
    const subscriptions = [
      onTasksChanged((change) => sync.tasksChanged(change)),
      onProjectsChanged((change) => sync.projectsChanged(change)),
      onLateReply((command) => {
        if (!isCommandName(command) || !commandSpecs[command].writes) sync.reloadEverything();
      }),
      // Back from a lost server: others may have written anything meanwhile, and nothing told us.
      onConnectionChanged(({ connected }) => {
        if (connected) sync.reloadEverything();
      }),
    ];
    return () => {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      sync.cancel();
    };
  }, [client]);
}
