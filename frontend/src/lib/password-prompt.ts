// SPDX-License-Identifier: MIT
// A database server that wants a password libpq could not find (no ~/.pgpass, no PGPASSWORD):
// every read then fails with 'unauthenticated'. The query client (src/lib/query-client.ts) hands
// those failures here instead of to a toast, and the one prompt registered (the Open database
// dialog, src/features/database) asks for the password. Here in src/lib because the query client
// may not know the feature, nor the feature another's queries.
import { IpcError } from '@/ipc/errors';

/** Whether `error` says the server wants a password, or refused the one given. */
export function wantsPassword(error: unknown): error is IpcError {
  return error instanceof IpcError && error.code === 'unauthenticated';
}

// Reads are numbered as they start, so that a prompt can tell a failure of a read sent before it
// was closed from one sent since.
let reads = 0;

/** Numbers a read that starts now: later reads have higher numbers. */
export function nextRead(): number {
  reads += 1;
  return reads;
}

/** The number of the latest read started. */
export function latestRead(): number {
  return reads;
}

/** Shows the prompt, or not (it is open, or was closed since `read` started): its own decision. */
export type PasswordPrompt = (error: IpcError, read: number) => void;

let prompt: PasswordPrompt | null = null;

/** Makes `show` the prompt while it is registered (the latest one registered); returns the unregistering. */
export function registerPasswordPrompt(show: PasswordPrompt): () => void {
  prompt = show;
  return () => {
    if (prompt === show) prompt = null;
  };
}

/**
 * Tells the prompt that read `read` failed with `error`, which wantsPassword(): true when there is
 * one, which says it (or has said it) instead of the caller; false when the caller must say it.
 */
export function askForPassword(error: IpcError, read: number): boolean {
  if (!prompt) return false;
  prompt(error, read);
  return true;
}
