// SPDX-License-Identifier: MIT
// The window's menu bar (Qt's, drawn by the C++ side) runs the page's own actions: it emits
// actionRequested with an action's id, and the page runs it as the palette would, so each action
// is written once. The menu's ids are those of the registry, plus a few spelt the menu's way.
import { useEffect } from 'react';
import { onActionRequested } from '@/ipc/events';
import { useRunAction } from '@/lib/action-registry';

/** Menu ids whose action is registered under another id. */
const menuAliases: Readonly<Record<string, string>> = {
  'history.undo': 'undo',
  'history.redo': 'redo',
};

/** Runs the registered action each actionRequested names; an unknown id is ignored with a warning. */
export function useMenuActions(): void {
  const runAction = useRunAction();
  useEffect(
    () =>
      onActionRequested(({ action }) => {
        if (!runAction(menuAliases[action] ?? action)) console.warn(`[quire] the menu asked for an unknown action '${action}'`);
      }),
    [runAction],
  );
}
