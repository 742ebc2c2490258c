// SPDX-License-Identifier: MIT
// The user's own order as the backend keeps it (core/order_key.cpp), from the same algorithm
// (rocicorp's fractional-indexing): a move shows at once, before the change event brings the key
// the backend chose.
import { generateKeyBetween } from 'fractional-indexing';
import type { Task } from '@/ipc/contract';

/**
 * A sortKey for task `taskId` right after `afterTaskId`'s among `tasks` (first when null), before
 * the next key: null when `afterTaskId` is not among them or a key is not one the algorithm knows.
 */
export function keyAfterTask(tasks: readonly Task[], taskId: string, afterTaskId: string | null): string | null {
  const others = tasks.filter((t) => t.id !== taskId);
  const before = afterTaskId === null ? null : (others.find((t) => t.id === afterTaskId)?.sortKey ?? undefined);
  if (before === undefined) return null;
  const next = others.reduce<string | null>(
    (best, t) => ((before === null || t.sortKey > before) && (best === null || t.sortKey < best) ? t.sortKey : best),
    null,
  );
  try {
    return generateKeyBetween(before, next);
  } catch {
    return null;
  }
}
