// SPDX-License-Identifier: MIT
import { useEffect, useRef } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Whether `event` is `shortcut`, written as the user reads it: "N", "?", "Ctrl+K", "Ctrl+Shift+Z". */
function matches(event: KeyboardEvent, shortcut: string): boolean {
  const withCtrl = shortcut.startsWith('Ctrl+');
  const rest = withCtrl ? shortcut.slice('Ctrl+'.length) : shortcut;
  const withShift = rest.startsWith('Shift+');
  const key = withShift ? rest.slice('Shift+'.length) : rest;
  if (event.key.toLowerCase() !== key.toLowerCase() || event.altKey) return false;
  // Shift counts only with Ctrl (Ctrl+Z is not Ctrl+Shift+Z); alone it is not checked: "?" needs
  // it on most layouts, and "N" is either case.
  if (withCtrl && withShift !== event.shiftKey) return false;
  // ⌘ is the Mac's Ctrl.
  return withCtrl === (event.ctrlKey || event.metaKey);
}

/**
 * Runs `onKey` when `shortcut` ("N", "?", or "Ctrl+" and a key, which also takes ⌘) is pressed
 * anywhere in the window, except while a dialog is open (it has the keyboard) and, for a key
 * without Ctrl or one a field has a use for (`fieldsOwnIt`: Ctrl+Z undoes typing), while the user
 * is typing in a field. While `when` is false the key is left alone (not even its default prevented).
 */
export function useKeyShortcut(shortcut: string, onKey: () => void, { fieldsOwnIt = false, when = true } = {}): void {
  const callback = useRef(onKey);
  useEffect(() => {
    callback.current = onKey;
  });
  useEffect(() => {
    if (!when) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!matches(event, shortcut) || event.repeat || event.defaultPrevented) return;
      if ((fieldsOwnIt || !shortcut.startsWith('Ctrl+')) && isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      event.preventDefault();
      callback.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcut, fieldsOwnIt, when]);
}
