// SPDX-License-Identifier: MIT
// The one path from a failure to what the user reads: "<what we were doing>: <reason>".
// Queries and mutations reach it through the query client's caches
// (src/lib/query-client.ts); dialogs that keep the user's input show the same
// text inline instead, via describeError().
import { toast } from 'sonner';
import { errorReason, isCancellation } from '@/ipc/errors';

export function describeError(action: string, error: unknown): string {
  return `${action}: ${errorReason(error)}`;
}

export function reportError(action: string, error: unknown): void {
  if (isCancellation(error)) return; // someone chose to stop it: nothing failed
  const text = describeError(action, error);
  console.error(`[quire] ${text}`, error);
  toast.error(text);
}
