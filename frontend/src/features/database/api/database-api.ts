// SPDX-License-Identifier: MIT
// Which database the window shows, and opening another: a PostgreSQL server by its URL, a SQLite
// file the system's file dialog picks (Qt's, opened by the backend: the page never names a path),
// or the default local file. Once one is open the backend loads the page again on it, so a
// success leaves nothing to update here; a failure leaves the database shown as it was.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { invokeAppChooseDatabaseFile, invokeAppGetDatabase, invokeAppOpenDatabase } from '@/ipc/commands';
import type { DatabaseInfo } from '@/ipc/contract';

export const databaseKeys = { current: ['database'] as const };

export function currentDatabaseQuery() {
  return queryOptions({
    queryKey: databaseKeys.current,
    queryFn: () => invokeAppGetDatabase(),
    // Only opening another database changes it, and that loads the page again.
    staleTime: Infinity,
    meta: { action: 'Reading which database is open' },
  });
}

export function useCurrentDatabase() {
  return useQuery(currentDatabaseQuery());
}

/**
 * The URL of the server open now, read as currentDatabaseQuery() does (once: it is kept); '' when
 * a file is open, or when it cannot be read (the query client has said why).
 */
export async function currentServerUrl(client: QueryClient): Promise<string> {
  try {
    const info = await client.fetchQuery(currentDatabaseQuery());
    return info.engine === 'postgresql' ? info.location : '';
  } catch {
    return '';
  }
}

/** A server's URL, with the password the person typed when it asked for one; neither: the default local file. */
export interface DatabaseTarget {
  url?: string;
  password?: string;
}

// Plain calls rather than react-query mutations: a mutation keeps its variables, the password
// among them, in the query client's cache; here the password lives only in the dialog's state.

/** Opens `target` and makes it the window's database (the page is loaded again on it). */
export function openDatabase(target: DatabaseTarget): Promise<DatabaseInfo> {
  return invokeAppOpenDatabase(target);
}

/** Asks the person for a database file and opens it as openDatabase() does; null when they closed the dialog. */
export function chooseDatabaseFile(): Promise<DatabaseInfo | null> {
  return invokeAppChooseDatabaseFile();
}

// Whether an error says the server wants a password, or refused the one given: the same test the
// query client makes of a failed read (src/lib/password-prompt.ts).
export { wantsPassword } from '@/lib/password-prompt';
