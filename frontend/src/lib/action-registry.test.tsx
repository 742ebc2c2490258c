// SPDX-License-Identifier: MIT
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ActionsProvider, useActions, useRegisterActions, type Action } from '@/lib/action-registry';

function Listed() {
  return <output data-testid="listed">{useActions().map((a) => `${a.label}${a.shortcut ? ` [${a.shortcut}]` : ''}`).join(', ')}</output>;
}

function Contributor({ actions }: { actions: Action[] }) {
  useRegisterActions(actions);
  return null;
}

const listed = () => screen.getByTestId('listed').textContent;

describe('the action registry', () => {
  it('lists a component’s actions while it is mounted, and only then', () => {
    const action: Action = { id: 'undo', label: 'Undo', group: 'Editing', shortcut: 'Ctrl+Z', run: () => {} };
    const { rerender } = render(
      <ActionsProvider>
        <Contributor actions={[action]} />
        <Listed />
      </ActionsProvider>,
    );
    expect(listed()).toBe('Undo [Ctrl+Z]');

    rerender(
      <ActionsProvider>
        <Listed />
      </ActionsProvider>,
    );
    expect(listed()).toBe('');
  });

  it('follows a change of label, and runs the run() of the latest render', async () => {
    const runs: number[] = [];
    function Counter() {
      const [count, setCount] = useState(0);
      useRegisterActions([{ id: 'count', label: count < 2 ? 'Count' : 'Count again', group: 'General', run: () => runs.push(count) }]);
      return <button onClick={() => setCount((n) => n + 1)}>more</button>;
    }
    function RunFirst() {
      const actions = useActions();
      return <button onClick={() => actions[0]?.run()}>run</button>;
    }
    const user = userEvent.setup();
    render(
      <ActionsProvider>
        <Counter />
        <RunFirst />
        <Listed />
      </ActionsProvider>,
    );

    await user.click(screen.getByText('more'));
    await user.click(screen.getByText('run'));
    expect(runs).toEqual([1]);
    expect(listed()).toBe('Count');
    await user.click(screen.getByText('more'));
    expect(listed()).toBe('Count again');
  });

  it('keeps a changed action in its place in the list', () => {
    const contributors = (label: string) => (
      <ActionsProvider>
        <Contributor actions={[{ id: 'a', label, group: 'General', run: () => {} }]} />
        <Contributor actions={[{ id: 'b', label: 'B', group: 'General', run: () => {} }]} />
        <Listed />
      </ActionsProvider>
    );
    const { rerender } = render(contributors('A'));
    expect(listed()).toBe('A, B');

    rerender(contributors('A again'));
    expect(listed()).toBe('A again, B');
  });

  it('keeps one action per id, the later registration winning', () => {
    render(
      <ActionsProvider>
        <Contributor actions={[{ id: 'a', label: 'First', group: 'General', run: () => {} }]} />
        <Contributor actions={[{ id: 'a', label: 'Second', group: 'General', run: () => {} }]} />
        <Listed />
      </ActionsProvider>,
    );
    expect(listed()).toBe('Second');
  });

  it('does nothing without a provider', () => {
    expect(() => render(<Contributor actions={[{ id: 'a', label: 'A', group: 'General', run: () => {} }]} />)).not.toThrow();
  });
});
