// SPDX-License-Identifier: MIT
import { useId } from 'react';
import { setTheme, themeChoices, themeLabels, useTheme, type ThemeChoice } from '@/features/theme/theme';

export function ThemeSelect() {
  const theme = useTheme();
  const id = useId();
  return (
    <div className="theme-field">
      <label htmlFor={id}>Theme</label>
      <select id={id} data-testid="theme-select" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
        {themeChoices.map((c) => (
          <option key={c} value={c}>
            {themeLabels[c]}
          </option>
        ))}
      </select>
    </div>
  );
}
