// SPDX-License-Identifier: MIT
import { useMemo, useRef } from 'react';

/**
 * Gives the focus back to what had it when a dialog opened. Radix returns it only to a
 * Dialog.Trigger, and these dialogs open from a key, with none.
 */
export function useOpenerFocus() {
  const opener = useRef<HTMLElement | null>(null);
  return useMemo(
    () => ({
      remember: () => {
        opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      },
      restore: () => opener.current?.focus(),
    }),
    [],
  );
}
