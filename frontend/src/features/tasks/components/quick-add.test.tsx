// SPDX-License-Identifier: MIT
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/app/app';
import { fakeBackend } from '@/testing/fake-backend';
import { makeProject, makeTask } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

const home = makeProject({ id: 'p-home', name: 'Home' });
const chips = () => screen.queryAllByTestId('quick-add-chip').map((chip) => chip.textContent);
const rowTitles = () => screen.queryAllByTestId('task-row').map((row) => row.getAttribute('aria-label'));

describe('quick add', () => {
  beforeEach(() => {
    // Sunday 29 November 2026, 10:00 local: dates in the line are read against this day.
    vi.useFakeTimers({ now: new Date(2026, 10, 29, 10, 0), toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows what it understood as chips and adds the task on Enter', async () => {
    const backend = fakeBackend({ projects: [home] });
    const { user } = renderWithProviders(<App />);
    await screen.findByText('No open tasks');

    await user.click(screen.getByTestId('quick-add'));
    await user.paste('Pay rent every month on the 1st #Home !high');
    await waitFor(() => expect(chips()).toEqual(['Repeats: Every month on the 1st', 'Project: Home', 'Priority: High']));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(backend.bridge.callsTo('db_create_task')).toHaveLength(1));
    expect(backend.bridge.callsTo('db_create_task')[0]).toEqual({
      title: 'Pay rent',
      priority: 'high',
      tags: [],
      projectIds: ['p-home'],
      dueDate: '2026-12-01',
      recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
    });
    await waitFor(() => expect(rowTitles()).toEqual(['Pay rent']));
    expect(screen.getByTestId('quick-add')).toHaveValue('');
  });

  it('is focused by Q, creates a project it does not know, and puts the task in the shown project otherwise', async () => {
    const backend = fakeBackend({ projects: [home], tasks: [makeTask({ title: 'Existing', projectIds: ['p-home'] })] });
    const { user } = renderWithProviders(<App />);
    await user.click(await screen.findByText('Home'));
    await waitFor(() => expect(rowTitles()).toEqual(['Existing']));

    await user.keyboard('q');
    expect(screen.getByTestId('quick-add')).toHaveFocus();
    await user.paste('Water plants tomorrow 5pm');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.bridge.callsTo('db_create_task')).toHaveLength(1));
    expect(backend.bridge.callsTo('db_create_task')[0]).toMatchObject({
      title: 'Water plants',
      projectIds: ['p-home'],
      dueDate: '2026-11-30T17:00',
    });

    await user.paste('Plant bulbs #Garden');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.bridge.callsTo('db_create_task')).toHaveLength(2));
    expect(backend.bridge.callsTo('db_create_project')).toEqual([{ name: 'Garden' }]);
    expect(backend.bridge.callsTo('db_create_task')[1]).toMatchObject({ title: 'Plant bulbs', projectIds: [backend.projects[1]!.id] });
  });

  it('opens the full dialog filled in with Shift+Enter, and adds nothing by itself', async () => {
    const backend = fakeBackend({ projects: [home] });
    const { user } = renderWithProviders(<App />);
    await screen.findByText('No open tasks');

    await user.click(screen.getByTestId('quick-add'));
    await user.paste('Call plumber next fri @house p1');
    await user.keyboard('{Shift>}{Enter}{/Shift}');

    expect(await screen.findByRole('dialog', { name: 'New task' })).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Call plumber');
    expect(screen.getByLabelText('Due date')).toHaveValue('2026-12-04');
    expect(screen.getByLabelText('Priority')).toHaveValue('pinned');
    expect(screen.getByText('house')).toBeInTheDocument();
    expect(backend.bridge.callsTo('db_create_task')).toEqual([]);
  });
});
