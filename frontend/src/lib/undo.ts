// SPDX-License-Identifier: MIT
// Undo and redo for the whole app: the journal is in the database (db_undo, db_redo), so they
// undo whatever the last change was, made from here or from another window, and the views
// follow through the change signals like after any write. What remains is to tell the user.
import { toast } from 'sonner';
import { invokeDbRedo, invokeDbUndo } from '@/ipc/commands';
import type { UndoStep } from '@/ipc/contract';
import { reportError } from '@/lib/report-error';

/** One toast for undo and redo, replaced by the next rather than stacked. */
const HISTORY_TOAST = 'history';

async function step(
  run: () => Promise<UndoStep | null>,
  action: string,
  done: string,
  nothing: string,
  then: { label: string; run: () => Promise<void> },
): Promise<void> {
  try {
    const result = await run();
    if (result === null) {
      toast(nothing, { id: HISTORY_TOAST });
      return;
    }
    toast.success(`${done}: ${result.label}`, {
      id: HISTORY_TOAST,
      action: { label: then.label, onClick: () => void then.run() },
    });
  } catch (error) {
    reportError(action, error);
  }
}

/** Undoes the latest change and says which it was, offering to redo it. */
export function undoLatest(): Promise<void> {
  return step(() => invokeDbUndo(), 'Undoing', 'Undone', 'Nothing to undo', { label: 'Redo', run: redoLatest });
}

/** Does again the change undone last. */
export function redoLatest(): Promise<void> {
  return step(() => invokeDbRedo(), 'Redoing', 'Redone', 'Nothing to redo', { label: 'Undo', run: undoLatest });
}

/** Tells the user what just changed, with an Undo button: "Task deleted · Undo". */
export function offerUndo(message: string): void {
  toast(message, { id: HISTORY_TOAST, action: { label: 'Undo', onClick: () => void undoLatest() } });
}
