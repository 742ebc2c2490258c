// SPDX-License-Identifier: MIT
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CommandPalette } from '@/features/commands/components/command-palette';
import { ActionsProvider, useRegisterActions, type Action } from '@/lib/action-registry';

function Actions({ actions }: { actions: Action[] }) {
  useRegisterActions(actions);
  return null;
}

function setup() {
  const goToToday = vi.fn();
  const newTask = vi.fn();
  const user = userEvent.setup();
  render(
    <ActionsProvider>
      <Actions
        actions={[
          { id: 'today', label: 'Go to Today', group: 'Navigation', run: goToToday },
          { id: 'new-task', label: 'New task', group: 'Tasks', shortcut: 'N', keywords: ['add'], run: newTask },
        ]}
      />
      <input aria-label="Filter tasks" />
      <button type="button">Elsewhere</button>
      <CommandPalette />
    </ActionsProvider>,
  );
  return { user, goToToday, newTask };
}

const options = () => screen.getAllByRole('option').map((o) => o.textContent);

describe('the command palette', () => {
  it('opens with Ctrl+K and lists every action by group, with its key', async () => {
    const { user } = setup();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.keyboard('{Control>}k{/Control}');

    expect(screen.getByRole('dialog', { name: 'Command palette' })).toBeInTheDocument();
    expect(screen.getByRole('combobox')).toHaveFocus();
    expect(options()).toEqual(['Go to Today', 'New taskN']);
    expect(screen.getByRole('group', { name: 'Tasks' })).toHaveTextContent('New task');
  });

  it('opens with ⌘K too, and from a field, where a plain key would be typed', async () => {
    const { user } = setup();
    await user.click(screen.getByLabelText('Filter tasks'));

    await user.keyboard('{Meta>}k{/Meta}');

    expect(screen.getByRole('dialog', { name: 'Command palette' })).toBeInTheDocument();
  });

  it('filters as the user types, by label and keyword, and runs the chosen action with Enter', async () => {
    const { user, goToToday, newTask } = setup();
    await user.keyboard('{Control>}k{/Control}');

    await user.keyboard('today');
    expect(options()).toEqual(['Go to Today']);
    await user.clear(screen.getByRole('combobox'));
    await user.keyboard('add');
    expect(options()).toEqual(['New taskN']);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(newTask).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(goToToday).not.toHaveBeenCalled();
  });

  it('says when nothing matches', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}k{/Control}zzzz');

    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(screen.getByText('No command matches.')).toBeInTheDocument();
  });

  it('closes with Esc and gives the focus back to where it was', async () => {
    const { user, goToToday, newTask } = setup();
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    elsewhere.focus();
    await user.keyboard('{Control>}k{/Control}');
    expect(elsewhere).not.toHaveFocus();

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(elsewhere).toHaveFocus());
    expect(goToToday).not.toHaveBeenCalled();
    expect(newTask).not.toHaveBeenCalled();
  });
});
