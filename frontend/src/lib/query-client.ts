// SPDX-License-Identifier: MIT
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { reportError } from '@/lib/report-error';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { action?: string };
    /** inlineErrors: the component shows the error itself (a dialog keeping the user's input). */
    mutationMeta: { action?: string; inlineErrors?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => reportError(query.meta?.action ?? 'Loading data', error),
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.inlineErrors) reportError(mutation.meta?.action ?? 'Saving changes', error);
      },
    }),
    defaultOptions: {
      // The backend is local: a failure is real, retrying only delays the message.
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
