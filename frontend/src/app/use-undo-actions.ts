// SPDX-License-Identifier: MIT
import { useRegisterActions } from '@/lib/action-registry';
import { redoLatest, undoLatest } from '@/lib/undo';
import { useKeyShortcut } from '@/lib/use-key-shortcut';

const undo = () => void undoLatest();
const redo = () => void redoLatest();

/**
 * Ctrl+Z undoes the latest change, Ctrl+Shift+Z (or Ctrl+Y) redoes it, from anywhere but a text
 * field, whose own undo takes the keys while the user types; both are in the command palette.
 */
export function useUndoActions(): void {
  useKeyShortcut('Ctrl+Z', undo, { fieldsOwnIt: true });
  useKeyShortcut('Ctrl+Shift+Z', redo, { fieldsOwnIt: true });
  useKeyShortcut('Ctrl+Y', redo, { fieldsOwnIt: true });
  useRegisterActions([
    { id: 'undo', label: 'Undo the latest change', group: 'Editing', shortcut: 'Ctrl+Z', keywords: ['undo', 'revert'], run: undo },
    { id: 'redo', label: 'Redo', group: 'Editing', shortcut: 'Ctrl+Shift+Z', keywords: ['redo', 'again'], run: redo },
  ]);
}
