// SPDX-License-Identifier: MIT
import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EventPayloadMap } from '@/ipc/contract';
import { ActionsProvider, useRegisterActions, type Action } from '@/lib/action-registry';
import { useMenuActions } from '@/lib/use-menu-actions';
import { mockBridge, ok } from '@/testing/mock-bridge';

function Page({ actions }: { actions: Action[] }) {
  useRegisterActions(actions);
  useMenuActions();
  return null;
}

async function setUp() {
  const bridge = mockBridge(() => ok(null));
  const runs: string[] = [];
  const action = (id: string): Action => ({ id, label: id, group: 'General', run: () => runs.push(id) });
  render(
    <ActionsProvider>
      <Page actions={[action('transfer.export-ics'), action('undo'), action('redo'), action('go-to:today')]} />
    </ActionsProvider>,
  );
  await act(async () => {}); // connected to the signal
  const request = (payload: unknown) =>
    act(() => bridge.emit('actionRequested', payload as EventPayloadMap['actionRequested']));
  return { runs, request };
}

describe('the menu bar’s action requests', () => {
  it('runs the registered action the menu bar names, as the palette would', async () => {
    const { runs, request } = await setUp();

    request({ action: 'transfer.export-ics' });
    request({ action: 'go-to:today' });

    expect(runs).toEqual(['transfer.export-ics', 'go-to:today']);
  });

  it('takes history.undo and history.redo for Undo and Redo', async () => {
    const { runs, request } = await setUp();

    request({ action: 'history.undo' });
    request({ action: 'history.redo' });

    expect(runs).toEqual(['undo', 'redo']);
  });

  it('ignores an unknown action, or a malformed request, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runs, request } = await setUp();

    request({ action: 'file.print' });
    request({ action: 42 });
    request(undefined);

    expect(runs).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[0]![0]).toContain("unknown action 'file.print'");
  });
});
