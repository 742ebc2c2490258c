// SPDX-License-Identifier: MIT
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '@/app/app';
import { makeTask } from '@/testing/fixtures';
import { mockBridge, ok } from '@/testing/mock-bridge';
import { renderWithProviders } from '@/testing/render';
import { encodeTaskColumns } from '@/testing/task-columns';

describe('a reply that arrives after its timeout', () => {
  it('is dropped without an error and makes the list refetch', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let listCalls = 0;
    let answerFirst: (reply: unknown) => void = () => {};
    mockBridge((command) => {
      if (command === 'db_get_projects') return ok([]);
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
