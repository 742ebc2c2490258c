// SPDX-License-Identifier: MIT
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { offerUndo, redoLatest, undoLatest } from '@/lib/undo';
import { invokeDbCreateTask, invokeDbDeleteTask } from '@/ipc/commands';
import { fakeBackend } from '@/testing/fake-backend';
import { makeTask } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

describe('undo and redo', () => {
  it('undoes the latest change and says which it was, offering to redo it', async () => {
    const backend = fakeBackend({ tasks: [makeTask({ id: 't1', title: 'Buy milk' })] });
    const { user } = renderWithProviders(<div />);
    await invokeDbDeleteTask({ taskId: 't1' });
    expect(backend.tasks).toHaveLength(0);

    await act(() => undoLatest());

    expect(backend.tasks.map((t) => t.title)).toEqual(['Buy milk']);
    expect(await screen.findByText('Undone: db_delete_task')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    await waitFor(() => expect(backend.tasks).toHaveLength(0));
  });

  it('says when there is nothing to undo or redo', async () => {
    fakeBackend();
    renderWithProviders(<div />);

    await act(() => undoLatest());
    expect(await screen.findByText('Nothing to undo')).toBeInTheDocument();
    await act(() => redoLatest());
    expect(await screen.findByText('Nothing to redo')).toBeInTheDocument();
  });

  it('shows a refused undo as an error with its reason', async () => {
    const backend = fakeBackend();
    renderWithProviders(<div />);
    await invokeDbCreateTask({ title: 'A', priority: 'standard', tags: [], projectIds: [] });
    backend.failNext('db_undo', 'conflict', 'the task “A” has changed since; nothing was undone');

    await act(() => undoLatest());

    expect(
      await screen.findByText('Undoing: the task “A” has changed since; nothing was undone'),
    ).toBeInTheDocument();
    expect(backend.tasks).toHaveLength(1);
  });

  it('offers to undo a change it announces', async () => {
    const backend = fakeBackend();
    const { user } = renderWithProviders(<div />);
    await invokeDbCreateTask({ title: 'A', priority: 'standard', tags: [], projectIds: [] });

    act(() => offerUndo('Task added'));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));

    await waitFor(() => expect(backend.tasks).toHaveLength(0));
  });
});
