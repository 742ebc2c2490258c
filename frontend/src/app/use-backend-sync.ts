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
import { commandSpecs, isCommandName, type Project, type Task } from '@/ipc/contract';
import { onLateReply, onProjectsChanged, onTasksChanged } from '@/ipc/events';

/**
 * How long a burst of change signals is gathered before the caches are touched once. The bridge
 * signals before it replies, so touching them at once would put a render in front of the reply
 * the user waits for, and a stream of writes would re-render the list for each.
 */
export const CHANGE_COALESCE_MS = 16;

/** The task list of a query key ['tasks', 'list', projectId]. */
function projectIdOf(queryKey: readonly unknown[]): string | null {
  return typeof queryKey[2] === 'string' ? queryKey[2] : null;
}

function patchTaskLists(client: QueryClient, changes: TaskChange[]): void {
  for (const query of client.getQueryCache().findAll({ queryKey: ['tasks', 'list'] })) {
    const tasks = query.state.data as Task[] | undefined;
    // A list still loading may have been read before the change: load it again instead.
    const patched =
      tasks === undefined || query.state.fetchStatus === 'fetching'
        ? null
        : applyTaskChanges(tasks, projectIdOf(query.queryKey), changes);
    if (patched === null) void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
    else client.setQueryData(query.queryKey, patched);
  }
}

function patchProjects(client: QueryClient, changes: ProjectChange[]): void {
  for (const query of client.getQueryCache().findAll({ queryKey: ['projects'] })) {
    const projects = query.state.data as Project[] | undefined;
    const patched =
      projects === undefined || query.state.fetchStatus === 'fetching' ? null : applyProjectChanges(projects, changes);
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
      if (tasks.length > 0) patchTaskLists(client, tasks);
      if (projects.length > 0) patchProjects(client, projects);
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
    ];
    return () => {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      sync.cancel();
    };
  }, [client]);
}
