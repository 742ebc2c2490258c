// SPDX-License-Identifier: MIT
// Keeps what is on screen in step with the database, whoever wrote to it:
// the bridge's change signals and late replies (dropped after a timeout) both
// mark the cached lists stale so they refetch.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onLateReply, onProjectsChanged, onTasksChanged } from '@/ipc/events';

export function useBackendSync(): void {
  const client = useQueryClient();
  useEffect(() => {
    const subscriptions = [
      onTasksChanged(() => void client.invalidateQueries({ queryKey: ['tasks'] })),
      onProjectsChanged(() => {
        void client.invalidateQueries({ queryKey: ['projects'] });
        void client.invalidateQueries({ queryKey: ['tasks'] });
      }),
      onLateReply(() => void client.invalidateQueries()),
    ];
    return () => subscriptions.forEach((unsubscribe) => unsubscribe());
  }, [client]);
}
