// SPDX-License-Identifier: MIT
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CommandPalette } from '@/features/commands/components/command-palette';
import { KeysDialog } from '@/features/commands/components/keys-dialog';
import { ActionsProvider, useRegisterActions } from '@/lib/action-registry';

function Undo() {
  useRegisterActions([
    { id: 'undo', label: 'Undo', group: 'Editing', shortcut: 'Ctrl+Z', run: () => {} },
    { id: 'today', label: 'Go to Today', group: 'Navigation', run: () => {} },
  ]);
  return null;
}

function setup() {
  const user = userEvent.setup();
  render(
    <ActionsProvider>
      <Undo />
      <input aria-label="Filter tasks" />
      <button type="button">Elsewhere</button>
      <CommandPalette />
      <KeysDialog />
    </ActionsProvider>,
  );
  return { user };
}

/** "keys: label" for each line of a group of the keys list. */
const linesOf = (group: string) =>
  within(screen.getByRole('heading', { name: group }).parentElement!)
    .getAllByRole('term')
    .map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);

describe('the keys list', () => {
  it('opens with ? and lists the registered shortcuts and the focus keys, by group', async () => {
    const { user } = setup();

    await user.keyboard('?');

    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Navigation',
      'Tasks',
      'Editing',
      'General',
    ]);
    expect(linesOf('Editing')[0]).toBe('Ctrl+Z: Undo');
    expect(linesOf('Navigation')).toContain('↑ / ↓: Previous or next task');
    expect(linesOf('General')).toEqual(expect.arrayContaining(['?: Keyboard shortcuts', 'Ctrl+K: Command palette']));
    // An action without a key is the palette's, not the keys list's.
    expect(dialog).not.toHaveTextContent('Go to Today');
  });

  it('does not open while the user types in a field, nor over another dialog', async () => {
    const { user } = setup();
    const field = screen.getByLabelText('Filter tasks');
    await user.click(field);

    await user.keyboard('?');
    expect(field).toHaveValue('?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
  });

  it('opens from the palette, and gives the focus back to where it was before both', async () => {
    const { user } = setup();
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    elsewhere.focus();

    await user.keyboard('{Control>}k{/Control}keyboard{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toBeInTheDocument();
    await user.keyboard('{Escape}');

    await waitFor(() => expect(elsewhere).toHaveFocus());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
