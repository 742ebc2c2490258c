// SPDX-License-Identifier: MIT
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '@/app/app';
import { fakeBackend } from '@/testing/fake-backend';
import { makeProject, makeTask } from '@/testing/fixtures';
import { mockBridge, ok } from '@/testing/mock-bridge';
import { renderWithProviders } from '@/testing/render';
import { invokeDbUpdateTasks } from '@/ipc/commands';
import { emitLateReply } from '@/ipc/events';
import { encodeTaskColumns } from '@/testing/task-columns';

// The screen orders rows its own way (by status, priority, title): compare what is there.
const rowTitles = () =>
  screen
    .queryAllByTestId('task-row')
    .map((row) => row.getAttribute('aria-label'))
    .sort();

describe('a reply that arrives after its timeout', () => {
  it('is dropped without an error and makes the list refetch', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let listCalls = 0;
    let answerFirst: (reply: unknown) => void = () => {};
    mockBridge((command, args) => {
      if (command === 'db_get_projects') return ok([]);
      if (command === 'cancel_request') return ok(true); // the timed-out page is stopped in the backend
      if ('offset' in args) return ok(encodeTaskColumns([])); // the page after the first: none
      listCalls += 1;
      if (listCalls === 1) return new Promise((resolve) => (answerFirst = resolve));
      return ok(encodeTaskColumns([makeTask({ title: 'Fresh from the refetch' })]));
    });
    renderWithProviders(<App />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(15_000);
    });
    await waitFor(() => expect(screen.getByTestId('toast-region')).toHaveTextContent('Quire did not answer within 15 s (db_get_tasks timed out)'));

    await act(async () => answerFirst(ok(encodeTaskColumns([makeTask({ title: 'Stale' })]))));

    expect(await screen.findByText('Fresh from the refetch')).toBeInTheDocument();
    expect(screen.queryByText('Stale')).not.toBeInTheDocument();
    expect(listCalls).toBe(2);
  });
});

describe('a change made anywhere', () => {
  /** Calls that load rows of a list: a count (limit 0) carries none. */
  const listLoads = (backend: ReturnType<typeof fakeBackend>) =>
    backend.bridge.callsTo('db_get_tasks').filter((args) => args.limit !== 0).length;

  it('patches the open list with the rows the signal carries, without loading it again', async () => {
    const backend = fakeBackend({ tasks: [makeTask({ id: 't1', title: 'Kept' }), makeTask({ id: 't2', title: 'Doomed' })] });
    renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Doomed', 'Kept']));
    const loadsBefore = listLoads(backend);

    // Another window creates one task and deletes another
    const added = makeTask({ id: 't3', title: 'From another window', createdAt: '2030-01-01T00:00:00.000Z' });
    await act(async () => {
      backend.bridge.emit('tasksChanged', { kind: 'upserted', ids: ['t3'], tasks: [added] });
      backend.bridge.emit('tasksChanged', { kind: 'deleted', ids: ['t2'], tasks: [] });
    });

    await waitFor(() => expect(rowTitles()).toEqual(['From another window', 'Kept']));
    expect(listLoads(backend)).toBe(loadsBefore);
  });

  it('completing several tasks is one command and patches the list without loading it again', async () => {
    const backend = fakeBackend({
      projects: [makeProject({ id: 'p1', name: 'Home' })],
      tasks: [makeTask({ id: 'a', title: 'One' }), makeTask({ id: 'b', title: 'Two' })],
    });
    renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['One', 'Two']));
    const loadsBefore = listLoads(backend);

    await act(async () => {
      await invokeDbUpdateTasks({ taskIds: ['a', 'b'], status: 'completed' });
    });

    await waitFor(() => expect(backend.tasks.every((t) => t.status === 'completed')).toBe(true));
    expect(backend.bridge.callsTo('db_update_tasks')).toEqual([{ taskIds: ['a', 'b'], status: 'completed' }]);
    // Completed, they leave the list of open tasks.
    await waitFor(() => expect(rowTitles()).toEqual([]));
    expect(listLoads(backend)).toBe(loadsBefore);
  });

  it('counts the completed tasks beside "Show completed" and counts them again after a change', async () => {
    const backend = fakeBackend({
      tasks: [
        makeTask({ id: 'a', title: 'Open' }),
        makeTask({ id: 'b', title: 'Done', status: 'completed', completedAt: '2024-01-02T00:00:00Z' }),
      ],
    });
    renderWithProviders(<App />);
    const toggle = await screen.findByTestId('show-completed');
    await waitFor(() => expect(toggle).toHaveAccessibleName('Show completed (1)'));
    expect(toggle).not.toBeChecked();

    await act(async () => {
      await invokeDbUpdateTasks({ taskIds: ['a'], status: 'completed' });
    });

    await waitFor(() => expect(toggle).toHaveAccessibleName('Show completed (2)'));
    expect(backend.bridge.callsTo('db_get_tasks').filter((args) => args.limit === 0).at(-1)).toEqual({
      completed: true,
      offset: 0,
      limit: 0,
    });
  });

  it('loads the lists again after a reset', async () => {
    const backend = fakeBackend({ tasks: [makeTask({ title: 'Before' })] });
    renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Before']));

    backend.tasks.push(makeTask({ title: 'After a reset', createdAt: '2030-01-01T00:00:00.000Z' }));
    await act(async () => backend.bridge.emit('tasksChanged', { kind: 'reset', ids: [], tasks: [] }));

    await waitFor(() => expect(rowTitles()).toEqual(['After a reset', 'Before']));
  });
});

describe('a shared database whose server goes away', () => {
  it('shows a banner while it cannot be reached, then loads the lists again once it is back', async () => {
    const backend = fakeBackend({ tasks: [makeTask({ title: 'Before' })] });
    renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Before']));

    await act(async () =>
      backend.bridge.emit('connectionChanged', {
        connected: false,
        message: 'cannot save task: server closed the connection unexpectedly',
      }),
    );
    const banner = screen.getByTestId('connection-banner');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('The database server cannot be reached. Changes cannot be saved until it is back');
    expect(banner).toHaveTextContent('Last error: cannot save task: server closed the connection unexpectedly');

    // Written by another client while this one could not hear of it
    backend.tasks.push(makeTask({ title: 'Written meanwhile', createdAt: '2030-01-01T00:00:00.000Z' }));
    await act(async () => backend.bridge.emit('connectionChanged', { connected: true, message: null }));

    expect(screen.queryByTestId('connection-banner')).not.toBeInTheDocument();
    await waitFor(() => expect(rowTitles()).toEqual(['Before', 'Written meanwhile']));
  });
});

describe('replies that arrive after their timeout', () => {
  const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 60)));

  it('start no load for writes, whose change signal came first, and one load for a burst of reads', async () => {
    const backend = fakeBackend({ tasks: [makeTask({ title: 'Listed' })] });
    renderWithProviders(<App />);
    await screen.findByText('Listed');
    await settle();
    const loads = () => backend.bridge.loadsOf('db_get_tasks');
    const before = loads();

    for (let i = 0; i < 50; i += 1) emitLateReply('db_update_tasks');
    await settle();
    expect(loads()).toBe(before);

    for (let i = 0; i < 50; i += 1) emitLateReply('db_get_tasks');
    await settle();
    await waitFor(() => expect(loads()).toBe(before + 1));
  });
});
