// SPDX-License-Identifier: MIT
import { actionGroups, type Action, type ActionGroup } from '@/lib/action-registry';

/** Opens the command palette. */
export const PALETTE_KEY = 'Ctrl+K';
/** Opens the list of keys. */
export const KEYS_KEY = '?';

export interface KeyEntry {
  keys: string;
  label: string;
  group: ActionGroup;
}

/**
 * Keys that act where the focus is (the list, a field, a dialog) and so have no action in the
 * palette. Everything else the keys list shows comes from the registered actions' shortcuts.
 */
const focusKeys: readonly KeyEntry[] = [
  { keys: '↑ / ↓', label: 'Previous or next task', group: 'Navigation' },
  { keys: 'Home / End', label: 'First or last task', group: 'Navigation' },
  { keys: 'Page Up / Page Down', label: 'Ten tasks up or down', group: 'Navigation' },
  { keys: 'Tab / Shift+Tab', label: 'Next or previous control', group: 'Navigation' },
  { keys: 'Space', label: 'Select or unselect the focused task', group: 'Tasks' },
  { keys: 'Shift+Space', label: 'Select from the task selected last to the focused one', group: 'Tasks' },
  { keys: 'Ctrl+click / Shift+click', label: 'Select or unselect a task, or a range of tasks', group: 'Tasks' },
  { keys: 'Enter', label: 'Add the task typed in quick add', group: 'Editing' },
  { keys: 'Shift+Enter', label: 'Open the task typed in quick add in the full dialog', group: 'Editing' },
  { keys: 'Ctrl+Enter', label: 'Save the task dialog, even from its description', group: 'Editing' },
  { keys: 'Esc', label: 'Close the dialog, or clear quick add', group: 'General' },
];

/** The keys list: the registered actions' shortcuts, then the focus keys, by group in order. */
export function keyList(actions: readonly Action[]): [ActionGroup, KeyEntry[]][] {
  const entries = [
    ...actions.flatMap(({ shortcut, label, group }) => (shortcut ? [{ keys: shortcut, label, group }] : [])),
    ...focusKeys,
  ];
  return actionGroups
    .map((group): [ActionGroup, KeyEntry[]] => [group, entries.filter((entry) => entry.group === group)])
    .filter(([, inGroup]) => inGroup.length > 0);
}
