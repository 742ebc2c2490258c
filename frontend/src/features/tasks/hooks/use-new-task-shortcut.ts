// SPDX-License-Identifier: MIT
import { useKeyShortcut } from '@/lib/use-key-shortcut';

/** The key that opens the new-task dialog, as bound here and as the palette and keys list show it. */
export const NEW_TASK_KEY = 'N';

/** "N" opens the new-task dialog unless the user is typing or a dialog is open. */
export function useNewTaskShortcut(onNewTask: () => void): void {
  useKeyShortcut(NEW_TASK_KEY, onNewTask);
}

// QuickAdd binds its "Q" under this older name.
export { useKeyShortcut as useLetterShortcut } from '@/lib/use-key-shortcut';
