// SPDX-License-Identifier: MIT
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { askForPassword, nextRead, wantsPassword } from '@/lib/password-prompt';
import { reportError } from '@/lib/report-error';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { action?: string };
    /** inlineErrors: the component shows the error itself (a dialog keeping the user's input). */
    mutationMeta: { action?: string; inlineErrors?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  // The number of each query's latest read (src/lib/password-prompt.ts), given as its fetch starts:
  // the password prompt tells by it the failures it has said from those of reads sent since.
  const reads = new WeakMap<object, number>();
  const queryCache = new QueryCache({
    onError: (error, query) => {
      // The database server wants a password: every read fails alike, and the prompt for the
      // password says so once, rather than a toast for each.
      if (wantsPassword(error) && askForPassword(error, reads.get(query) ?? nextRead())) return;
      reportError(query.meta?.action ?? 'Loading data', error);
    },
  });
  queryCache.subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'fetch') reads.set(event.query, nextRead());
  });
  return new QueryClient({
    queryCache,
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
