// SPDX-License-Identifier: MIT
import { setTheme, themeChoices, themeLabels, useTheme } from '@/features/theme/theme';
import { useRegisterActions } from '@/lib/action-registry';

/** "Theme: System", "Theme: Light", "Theme: Dark" in the command palette, the current one marked. */
export function useThemeActions(): void {
  const theme = useTheme();
  useRegisterActions(
    themeChoices.map((c) => ({
      id: `theme:${c}`,
      label: `Theme: ${themeLabels[c]}${c === theme ? ' (current)' : ''}`,
      group: 'General',
      keywords: ['appearance', 'colours', 'colors'],
      run: () => setTheme(c),
    })),
  );
}
