// SPDX-License-Identifier: MIT
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TaskDialog } from '@/features/tasks/components/task-dialog';
import { fakeBackend } from '@/testing/fake-backend';
import { makeProject, makeTask } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

const home = makeProject({ id: 'p-home', name: 'Home' });
const work = makeProject({ id: 'p-work', name: 'Work' });

/**
 * Enters text in one input event, as pasting does. Typing it key by key renders the form once per
 * character (10–20 ms each under jsdom), which pushed these tests past the 5 s timeout on a loaded
 * machine; keys that mean something here (Enter, comma, Escape) are still typed.
 */
async function enterText(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('TaskDialog (create)', () => {
  it('shows "Title is required" inline and calls nothing when the title is blank', async () => {
    const backend = fakeBackend();
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <TaskDialog task={null} projects={[home]} defaultProjectId={null} onClose={onClose} />,
    );

    await user.type(screen.getByLabelText('Title'), '   ');
    await user.click(screen.getByTestId('save-task'));

    expect(screen.getByRole('alert')).toHaveTextContent('Title is required');
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Title is required');
    expect(backend.bridge.calls.filter((c) => c.command === 'db_create_task')).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('is a labelled dialog that starts in the title field with the current project preselected', () => {
    fakeBackend();
    renderWithProviders(<TaskDialog task={null} projects={[home, work]} defaultProjectId="p-work" onClose={() => {}} />);

    const dialog = screen.getByRole('dialog', { name: 'New task' });
    expect(dialog).toHaveAttribute('data-testid', 'task-dialog');
    expect(screen.getByLabelText('Title')).toHaveFocus();
    const projects = within(screen.getByRole('group', { name: 'Projects' }));
    expect(projects.getByRole('checkbox', { name: 'Work' })).toBeChecked();
    expect(projects.getByRole('checkbox', { name: 'Home' })).not.toBeChecked();
  });

  it('creates the task with every field under its contract key, then closes', async () => {
    const backend = fakeBackend();
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <TaskDialog task={null} projects={[home, work]} defaultProjectId="p-work" onClose={onClose} />,
    );

    await enterText(user, screen.getByLabelText('Title'), '  Fix the <b>parser</b>  ');
    await enterText(user, screen.getByLabelText('Description'), 'Crashes on empty input');
    await user.selectOptions(screen.getByLabelText('Status'), 'in_progress');
    await user.selectOptions(screen.getByLabelText('Priority'), 'long term');
    await user.selectOptions(screen.getByLabelText('Complexity'), 'deep dive');
    await user.selectOptions(screen.getByLabelText('Type'), 'bug');
    await user.type(screen.getByLabelText('Tags'), 'parser{Enter}urgent,');
    await user.click(screen.getByLabelText('Remove tag urgent'));
    await user.type(screen.getByLabelText('Tags'), 'core{Enter}');
    await user.click(screen.getByLabelText('Home'));
    await user.click(screen.getByTestId('save-task'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.bridge.callsTo('db_create_task')).toEqual([
      {
        title: 'Fix the <b>parser</b>',
        description: 'Crashes on empty input',
        status: 'in_progress',
        priority: 'long term',
        complexity: 'deep dive',
        type: 'bug',
        tags: ['parser', 'core'],
        projectIds: ['p-work', 'p-home'],
      },
    ]);
  });

  it('saves with Enter from the title field and leaves optional fields absent', async () => {
    const backend = fakeBackend();
    const onClose = vi.fn();
    const { user } = renderWithProviders(<TaskDialog task={null} projects={[]} defaultProjectId={null} onClose={onClose} />);

    await enterText(user, screen.getByLabelText('Title'), 'Quick one');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.bridge.callsTo('db_create_task')).toEqual([
      { title: 'Quick one', priority: 'standard', status: 'backlog', tags: [], projectIds: [] },
    ]);
  });

  it('shows the backend error inline as "Creating task: <reason>" and stays open with the input kept', async () => {
    const backend = fakeBackend();
    backend.failNext('db_create_task', 'invalid_argument', 'title is too long');
    const onClose = vi.fn();
    const { user } = renderWithProviders(<TaskDialog task={null} projects={[]} defaultProjectId={null} onClose={onClose} />);

    await enterText(user, screen.getByLabelText('Title'), 'Too long');
    await user.click(screen.getByTestId('save-task'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Creating task: title is too long');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Title')).toHaveValue('Too long');
  });

  it('closes on Escape without saving, once the user agrees to lose what was typed', async () => {
    const backend = fakeBackend();
    const onClose = vi.fn();
    const { user } = renderWithProviders(<TaskDialog task={null} projects={[]} defaultProjectId={null} onClose={onClose} />);

    await user.type(screen.getByLabelText('Title'), 'Draft');
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('alertdialog', { name: 'Discard changes?' })).toHaveTextContent('The new task will be lost.');
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('confirm-discard'));

    expect(onClose).toHaveBeenCalled();
    expect(backend.bridge.calls.filter((c) => c.command === 'db_create_task')).toHaveLength(0);
  });
});

describe('TaskDialog (edit)', () => {
  const task = makeTask({
    id: 't-1',
    title: 'Write docs',
    description: 'README',
    priority: 'high',
    complexity: 'easy',
    tags: ['docs'],
    projectIds: ['p-home'],
  });

  it('fills the fields from the task', () => {
    fakeBackend({ tasks: [task] });
    renderWithProviders(<TaskDialog task={task} projects={[home]} defaultProjectId={null} onClose={() => {}} />);

    expect(screen.getByRole('dialog', { name: 'Edit task' })).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Write docs');
    expect(screen.getByLabelText('Description')).toHaveValue('README');
    expect(screen.getByLabelText('Priority')).toHaveValue('high');
    expect(screen.getByLabelText('Complexity')).toHaveValue('easy');
    expect(screen.getByText('docs')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Home' })).toBeChecked();
  });

  it('sends only the changed keys, with null to clear description and complexity', async () => {
    const backend = fakeBackend({ tasks: [task] });
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <TaskDialog task={task} projects={[home]} defaultProjectId={null} onClose={onClose} />,
    );

    await user.clear(screen.getByLabelText('Title'));
    await enterText(user, screen.getByLabelText('Title'), 'Write the docs');
    await user.clear(screen.getByLabelText('Description'));
    await user.selectOptions(screen.getByLabelText('Complexity'), '');
    await user.click(screen.getByTestId('save-task'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.bridge.callsTo('db_update_task')).toEqual([
      { taskId: 't-1', title: 'Write the docs', description: null, complexity: null },
    ]);
  });

  it('shows a failed save inline as "Saving task: <reason>"', async () => {
    const backend = fakeBackend({ tasks: [task] });
    backend.failNext('db_update_task', 'not_found', 'Failed to update task: no task with id t-1');
    const { user } = renderWithProviders(<TaskDialog task={task} projects={[]} defaultProjectId={null} onClose={() => {}} />);

    await user.selectOptions(screen.getByLabelText('Status'), 'blocked');
    await user.click(screen.getByTestId('save-task'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Saving task: Failed to update task: no task with id t-1',
    );
  });
});

describe('TaskDialog (dates)', () => {
  it('sets a due day, a time and a repetition from the keyboard, with the repetition in words', async () => {
    const backend = fakeBackend();
    const { user } = renderWithProviders(
      <TaskDialog task={null} projects={[]} defaultProjectId={null} onClose={() => {}} />,
    );

    await enterText(user, screen.getByLabelText('Title'), 'Standup');
    expect(screen.getByLabelText('Time')).toBeDisabled();
    await user.type(screen.getByLabelText('Due date'), '2026-12-07');
    await user.type(screen.getByLabelText('Time'), '09:15');
    await user.selectOptions(screen.getByLabelText('Repeat'), 'Every weekday');
    expect(screen.getByTestId('repeat-summary')).toHaveTextContent('Every weekday');
    await user.click(screen.getByTestId('save-task'));

    await waitFor(() => expect(backend.bridge.callsTo('db_create_task')).toHaveLength(1));
    expect(backend.bridge.callsTo('db_create_task')[0]).toMatchObject({
      dueDate: '2026-12-07T09:15',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    });
  });

  it('keeps a rule it has no name for, shown in words, and clears the date and rule with null', async () => {
    const task = makeTask({ id: 't-r', dueDate: '2026-12-08', recurrence: 'FREQ=MONTHLY;BYDAY=2TU' });
    const backend = fakeBackend({ tasks: [task] });
    const { user } = renderWithProviders(<TaskDialog task={task} projects={[]} defaultProjectId={null} onClose={() => {}} />);

    expect(screen.getByTestId('repeat-summary')).toHaveTextContent('Every month on the second Tuesday');
    await user.clear(screen.getByLabelText('Due date'));
    await user.selectOptions(screen.getByLabelText('Repeat'), 'Never');
    await user.click(screen.getByTestId('save-task'));

    await waitFor(() => expect(backend.bridge.callsTo('db_update_task')).toHaveLength(1));
    expect(backend.bridge.callsTo('db_update_task')[0]).toEqual({ taskId: 't-r', dueDate: null, recurrence: null });
  });
});

describe('TaskDialog (leaving with changes)', () => {
  it('closes at once with Esc when nothing was changed', async () => {
    fakeBackend();
    const onClose = vi.fn();
    const { user } = renderWithProviders(<TaskDialog task={null} projects={[]} defaultProjectId={null} onClose={onClose} />);

    await user.keyboard('{Escape}');

    expect(onClose).toHaveBeenCalledOnce();
  });

  it('asks before Esc throws a typed description away, and keeps it on "Keep editing"', async () => {
    const task = makeTask({ title: 'Write report' });
    const backend = fakeBackend({ tasks: [task] });
    const onClose = vi.fn();
    const { user } = renderWithProviders(<TaskDialog task={task} projects={[]} defaultProjectId={null} onClose={onClose} />);
    await enterText(user, screen.getByLabelText('Description'), 'Three pages of findings');

    await user.keyboard('{Escape}');
    const confirm = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
    expect(confirm).toHaveTextContent('Your changes to “Write report” will be lost.');
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Description')).toHaveValue('Three pages of findings');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(await screen.findByTestId('confirm-discard'));
    expect(onClose).toHaveBeenCalledOnce();
    expect(backend.bridge.callsTo('db_update_task')).toEqual([]);
  });

  it('does not ask once the changes are undone by hand', async () => {
    fakeBackend();
    const onClose = vi.fn();
    const { user } = renderWithProviders(<TaskDialog task={null} projects={[]} defaultProjectId={null} onClose={onClose} />);
    await user.type(screen.getByLabelText('Title'), 'x');
    await user.keyboard('{Backspace}{Escape}');

    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
