// SPDX-License-Identifier: MIT
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChecklistEditor, checklistProgress } from '@/features/tasks/components/checklist-editor';
import { TaskDialog } from '@/features/tasks/components/task-dialog';
import { TaskRow } from '@/features/tasks/components/task-row';
import type { ChecklistItem } from '@/ipc/contract';
import { fakeBackend } from '@/testing/fake-backend';
import { makeTask } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

interface HarnessProps {
  initial: ChecklistItem[];
  seen: (items: ChecklistItem[]) => void;
  onSubmit: () => void;
}

/** The editor in a form with its own state, as the dialog holds it; `seen` gets every list it reports. */
function Harness({ initial, seen, onSubmit }: HarnessProps) {
  const [items, setItems] = useState(initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <ChecklistEditor
        items={items}
        onChange={(next) => {
          seen(next);
          setItems(next);
        }}
      />
      <button type="submit">Save</button>
    </form>
  );
}

const item = (title: string, done = false): ChecklistItem => ({ title, done });

function renderEditor(initial: ChecklistItem[] = []) {
  const seen = vi.fn<(items: ChecklistItem[]) => void>();
  const onSubmit = vi.fn();
  const rendered = renderWithProviders(<Harness initial={initial} seen={seen} onSubmit={onSubmit} />);
  const last = () => seen.mock.calls.at(-1)?.[0];
  const titles = () => screen.queryAllByRole('textbox', { name: /^Checklist item/ }).map((i) => (i as HTMLInputElement).value);
  return { ...rendered, last, titles, onSubmit };
}

describe('ChecklistEditor', () => {
  it('adds items from the new-item line with Enter and keeps the focus there for the next one', async () => {
    const { user, last, onSubmit } = renderEditor();

    await user.click(screen.getByLabelText('New checklist item'));
    await user.keyboard('  passport {Enter}charger{Enter}');

    expect(last()).toEqual([item('passport'), item('charger')]);
    expect(screen.getByLabelText('New checklist item')).toHaveFocus();
    expect(screen.getByLabelText('New checklist item')).toHaveValue('');
    expect(onSubmit).not.toHaveBeenCalled();
    // An empty new-item line lets Enter save the dialog, as from any other field
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('Enter in an item starts an empty item after it, focused, without submitting anything', async () => {
    const { user, titles, onSubmit } = renderEditor([item('a'), item('c')]);

    await user.click(screen.getByLabelText('Checklist item 1 of 2'));
    await user.keyboard('{Enter}b');

    expect(titles()).toEqual(['a', 'b', 'c']);
    expect(screen.getByLabelText('Checklist item 2 of 3')).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('Backspace in an empty item removes it and moves to the item before', async () => {
    const { user, titles } = renderEditor([item('a'), item('b')]);

    await user.click(screen.getByLabelText('Checklist item 2 of 2'));
    await user.keyboard('{Backspace}');
    expect(titles()).toEqual(['a', '']);
    await user.keyboard('{Backspace}');

    expect(titles()).toEqual(['a']);
    expect(screen.getByLabelText('Checklist item 1 of 1')).toHaveFocus();
  });

  it('Alt+↑ and Alt+↓ move the focused item, which keeps the focus; the ends stay put', async () => {
    const { user, titles } = renderEditor([item('a'), item('b'), item('c')]);

    await user.click(screen.getByLabelText('Checklist item 3 of 3'));
    await user.keyboard('{Alt>}{ArrowUp}{ArrowUp}{ArrowUp}{/Alt}');
    expect(titles()).toEqual(['c', 'a', 'b']);
    expect(screen.getByLabelText('Checklist item 1 of 3')).toHaveFocus();

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(titles()).toEqual(['a', 'c', 'b']);
    expect(screen.getByLabelText('Checklist item 2 of 3')).toHaveFocus();
  });

  it('ticks with Space on the box, removes with the button, and counts what is done', async () => {
    const { user, last, titles } = renderEditor([item('a'), item('b', true), item('c')]);
    expect(screen.getByTestId('checklist-progress')).toHaveTextContent('1 of 3 done');

    screen.getByRole('checkbox', { name: 'Done: a' }).focus();
    await user.keyboard(' ');
    expect(last()).toEqual([item('a', true), item('b', true), item('c')]);
    expect(screen.getByTestId('checklist-progress')).toHaveTextContent('2 of 3 done');

    await user.click(screen.getByRole('button', { name: 'Remove b' }));
    expect(titles()).toEqual(['a', 'c']);
    expect(screen.getByLabelText('Checklist item 2 of 2')).toHaveFocus();
  });

  it('counts only items with a title', () => {
    expect(checklistProgress([item(' '), item('x', true)])).toEqual({ done: 1, total: 1 });
    expect(checklistProgress([item('')])).toBeNull();
  });
});

describe('Checklists in the task dialog and the row', () => {
  it('creates a task with the items typed in the dialog, blank ones dropped', async () => {
    const backend = fakeBackend();
    const onClose = vi.fn();
    const { user } = renderWithProviders(<TaskDialog task={null} projects={[]} defaultProjectId={null} onClose={onClose} />);

    await user.click(screen.getByLabelText('Title'));
    await user.paste('Pack');
    await user.click(screen.getByLabelText('New checklist item'));
    await user.keyboard('passport{Enter}charger{Enter}');
    await user.click(screen.getByLabelText('Checklist item 2 of 2'));
    await user.keyboard('{Enter}');
    await user.click(screen.getByTestId('save-task'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.bridge.callsTo('db_create_task')).toEqual([
      {
        title: 'Pack',
        priority: 'standard',
        status: 'backlog',
        tags: [],
        projectIds: [],
        checklist: [item('passport'), item('charger')],
      },
    ]);
  });

  it('sends the whole checklist when an item is ticked, and nothing when only blanks were added', async () => {
    const task = makeTask({ title: 'Pack', checklist: [item('passport'), item('charger')] });
    const backend = fakeBackend({ tasks: [task] });
    const onClose = vi.fn();
    const { user } = renderWithProviders(<TaskDialog task={task} projects={[]} defaultProjectId={null} onClose={onClose} />);

    await user.click(screen.getByRole('checkbox', { name: 'Done: charger' }));
    await user.click(screen.getByLabelText('Checklist item 2 of 2'));
    await user.keyboard('{Enter}');
    await user.click(screen.getByTestId('save-task'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.bridge.callsTo('db_update_task')).toEqual([
      { taskId: task.id, checklist: [item('passport'), item('charger', true)], expectedUpdatedAt: task.updatedAt },
    ]);
  });

  it('shows "done/total" on the row with a spoken label', () => {
    const task = makeTask({ checklist: [item('a', true), item('b'), item('c', true)] });
    renderWithProviders(
      <TaskRow
        task={task}
        active={false}
        selected={false}
        position={1}
        total={1}
        onFocusRow={() => {}}
        onToggleSelected={() => {}}
        onToggleComplete={() => {}}
        onEdit={() => {}}
        onDelete={() => {}}
      />,
    );
    const count = screen.getByTestId('checklist-count');
    expect(within(count).getByText('2/3')).toBeInTheDocument();
    expect(count).toHaveTextContent('Checklist: 2 of 3 done');
  });
});
