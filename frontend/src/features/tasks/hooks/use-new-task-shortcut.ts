// SPDX-License-Identifier: MIT
import { useEffect, useRef } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "N" opens the new-task dialog unless the user is typing or a dialog is open. */
export function useNewTaskShortcut(onNewTask: () => void): void {
  useLetterShortcut('n', onNewTask);
}

/**
 * A single letter (either case, no modifier) runs `onKey`, unless the user is typing in a field or
 * a dialog is open.
 */
export function useLetterShortcut(letter: string, onKey: () => void): void {
  const callback = useRef(onKey);
  useEffect(() => {
    callback.current = onKey;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== letter) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      event.preventDefault();
      callback.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [letter]);
}
