// SPDX-License-Identifier: MIT
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThemeSelect } from '@/features/theme/components/theme-select';
import { setTheme, startTheme } from '@/features/theme/theme';

/** A desktop set to dark (or not), which can be switched while Quire runs. */
function mockDesktop(dark: boolean) {
  const listeners = new Set<() => void>();
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query) =>
      ({
        matches: query === '(prefers-color-scheme: dark)' && dark,
        media: query,
        addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
        removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
      }) as unknown as MediaQueryList,
  );
  return {
    switchTo(nowDark: boolean) {
      dark = nowDark;
      act(() => listeners.forEach((listener) => listener()));
    },
  };
}

const applied = () => document.documentElement.dataset.theme;
let stop = () => {};

beforeEach(() => localStorage.clear());
afterEach(() => {
  stop();
  setTheme('system');
  localStorage.clear();
});

describe('the theme', () => {
  it('follows the desktop when the choice is System, the default, as it changes', () => {
    const desktop = mockDesktop(true);
    stop = startTheme();
    expect(applied()).toBe('dark');

    desktop.switchTo(false);
    expect(applied()).toBe('light');
  });

  it('overrides the desktop both ways when chosen, and keeps the choice across restarts', async () => {
    const desktop = mockDesktop(true);
    stop = startTheme();
    const user = userEvent.setup();
    render(<ThemeSelect />);
    const select = screen.getByLabelText('Theme');
    expect(select).toHaveValue('system');

    await user.selectOptions(select, 'light');
    expect(applied()).toBe('light');
    expect(localStorage.getItem('quire.theme')).toBe('light');

    desktop.switchTo(false);
    await user.selectOptions(select, 'dark');
    expect(applied()).toBe('dark');

    // A restart: the page starts from nothing but what was stored.
    stop();
    delete document.documentElement.dataset.theme;
    stop = startTheme();
    expect(applied()).toBe('dark');
    expect(select).toHaveValue('dark');
  });

  it('falls back to System when what is stored is not a theme', () => {
    mockDesktop(false);
    localStorage.setItem('quire.theme', 'sepia');
    stop = startTheme();
    expect(applied()).toBe('light');
  });
});
