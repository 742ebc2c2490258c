// SPDX-License-Identifier: MIT
// The colour theme: System (follows the desktop's light or dark setting), Light or Dark, kept in
// localStorage. It is applied as data-theme="light" | "dark" on <html>, which index.css keys its
// colours on, so the stylesheet has one set of dark colours and no media query to override.
import { useSyncExternalStore } from 'react';

export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];
export const themeLabels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

const storageKey = 'quire.theme';
const darkQuery = '(prefers-color-scheme: dark)';

// The choice is one per window, as <html> is; the listeners are the components showing it.
let choice: ThemeChoice = 'system';
const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(storageKey);
    return themeChoices.find((c) => c === stored) ?? 'system';
  } catch {
    // Storage refused (no origin to keep it for): the system's colours rather than no app.
    return 'system';
  }
}

function apply() {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia(darkQuery).matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  for (const listener of listeners) listener();
}

/**
 * Applies the saved theme now (main.tsx calls it before React renders, so the first frame has the
 * right colours) and from then on follows the desktop's setting, and a choice made in another
 * Quire window. Returns what stops following.
 */
export function startTheme(): () => void {
  choice = readChoice();
  apply();
  const media = window.matchMedia(darkQuery);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== storageKey) return;
    choice = readChoice();
    apply();
  };
  media.addEventListener('change', apply);
  window.addEventListener('storage', onStorage);
  return () => {
    media.removeEventListener('change', apply);
    window.removeEventListener('storage', onStorage);
  };
}

export function setTheme(next: ThemeChoice): void {
  choice = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Not kept across restarts, but still applied to this window.
  }
  apply();
}

/** The current choice, re-rendering when it changes. */
export function useTheme(): ThemeChoice {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => choice,
  );
}
