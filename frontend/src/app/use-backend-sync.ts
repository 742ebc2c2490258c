// SPDX-License-Identifier: MIT
// Keeps what is on screen in step with the database, whoever wrote to it:
// the bridge's change signals and late replies (dropped after a timeout) both
// mark the cached lists stale so they refetch.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onLateReply, onProjectsChanged, onTasksChanged } from '@/ipc/events';

/**
 * How long a burst of change signals is gathered before one refetch. The bridge signals before it
 * replies, so refetching at once would put a list load in front of the reply the user waits for,
 * and a bulk action (complete 50 tasks) would reload the list 50 times.
 */
export const CHANGE_COALESCE_MS = 16;

type Stale = 'tasks' | 'projects' | 'everything';

function coalescedInvalidation(client: QueryClient) {
  const pending = new Set<Stale>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.has('everything')) void client.invalidateQueries();
    else for (const key of pending) void client.invalidateQueries({ queryKey: [key] });
    pending.clear();
  };
  return {
    mark(...keys: Stale[]) {
      keys.forEach((key) => pending.add(key));
      // A window, not a debounce: a steady stream of writes still refreshes every window.
      timer ??= setTimeout(flush, CHANGE_COALESCE_MS);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

export function useBackendSync(): void {
  const client = useQueryClient();
  useEffect(() => {
    const stale = coalescedInvalidation(client);
    const subscriptions = [
      onTasksChanged(() => stale.mark('tasks')),
      onProjectsChanged(() => stale.mark('projects', 'tasks')),
      onLateReply(() => stale.mark('everything')),
    ];
    return () => {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      stale.cancel();
    };
  }, [client]);
}
