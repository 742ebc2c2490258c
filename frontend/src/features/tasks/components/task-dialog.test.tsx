// SPDX-License-Identifier: MIT
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TaskDialog } from '@/features/tasks/components/task-dialog';
import { fakeBackend } from '@/testing/fake-backend';
import type { Task } from '@/ipc/contract';
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
      { taskId: 't-1', title: 'Write the docs', description: null, complexity: null, expectedUpdatedAt: task.updatedAt },
    ]);
  });

  it('shows a failed save inline as "Saving task: <reason>"', async () => {
    const backend = fakeBackend({ tasks: [task] });
    backend.failNext('db_update_task', 'storage', 'Failed to update task: disk I/O error');
    const { user } = renderWithProviders(<TaskDialog task={task} projects={[]} defaultProjectId={null} onClose={() => {}} />);

    await user.selectOptions(screen.getByLabelText('Status'), 'blocked');
    await user.click(screen.getByTestId('save-task'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Saving task: Failed to update task: disk I/O error');
  });
});

describe('TaskDialog (changed elsewhere)', () => {
  const task = makeTask({ id: 't-1', title: 'Plan the trip', priority: 'standard', tags: ['travel'] });

  /** Opens the task, changes its priority in the form, has another client change it, then saves. */
  async function saveAfterTheyChangedIt(theirs: Partial<Task> | null) {
    const backend = fakeBackend({ tasks: [task] });
    const onClose = vi.fn();
    const view = renderWithProviders(<TaskDialog task={task} projects={[]} defaultProjectId={null} onClose={onClose} />);
    await view.user.selectOptions(screen.getByLabelText('Priority'), 'high');
    backend.changeElsewhere(task.id, theirs);
    const theirUpdatedAt = backend.tasks[0]?.updatedAt;
    await view.user.click(screen.getByTestId('save-task'));
    return { backend, onClose, user: view.user, theirUpdatedAt };
  }

  it('refuses to overwrite their change and asks what to keep, the form left as typed', async () => {
    const { backend, onClose, user } = await saveAfterTheyChangedIt({ title: 'Plan the trip to Rome' });

    const choice = await screen.findByRole('alertdialog', { name: 'Changed elsewhere' });
    expect(choice).toHaveTextContent('“Plan the trip” was changed in another window or on another computer');
    expect(backend.tasks[0]!.title).toBe('Plan the trip to Rome');
    expect(backend.tasks[0]!.priority).toBe('standard');

    await user.click(within(choice).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText('Priority')).toHaveValue('high');
    expect(screen.getByRole('alert')).toHaveTextContent('was changed elsewhere after it was read');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('reloads their version on Reload, dropping the change typed here', async () => {
    const { backend, onClose, user } = await saveAfterTheyChangedIt({ title: 'Plan the trip to Rome' });

    await user.click(await screen.findByTestId('conflict-reload'));

    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Plan the trip to Rome'));
    expect(screen.getByLabelText('Priority')).toHaveValue('standard');
    expect(onClose).not.toHaveBeenCalled();
    // Saved from here, the next change is made from their version and goes through.
    await user.selectOptions(screen.getByLabelText('Priority'), 'long term');
    await user.click(screen.getByTestId('save-task'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.tasks[0]).toMatchObject({ title: 'Plan the trip to Rome', priority: 'long term' });
  });

  it('writes only the fields changed here over their version on "Save mine"', async () => {
    const { backend, onClose, user, theirUpdatedAt } = await saveAfterTheyChangedIt({ title: 'Plan the trip to Rome' });

    await user.click(await screen.findByTestId('conflict-overwrite'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.tasks[0]).toMatchObject({ title: 'Plan the trip to Rome', priority: 'high' });
    const saves = backend.bridge.callsTo('db_update_task');
    expect(saves).toHaveLength(2);
    // Still guarded: made from their version, it would be refused again if a third change came first.
    expect(saves[1]).toEqual({ taskId: 't-1', priority: 'high', expectedUpdatedAt: theirUpdatedAt });
  });

  it('offers to create again, with the changes typed here, a task deleted elsewhere meanwhile', async () => {
    const { backend, onClose, user } = await saveAfterTheyChangedIt(null);

    const choice = await screen.findByRole('alertdialog', { name: 'Deleted elsewhere' });
    await user.click(within(choice).getByRole('button', { name: 'Create again' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.tasks).toHaveLength(1);
    expect(backend.tasks[0]).toMatchObject({ title: 'Plan the trip', priority: 'high', tags: ['travel'] });
    expect(backend.tasks[0]!.id).not.toBe(task.id);
  });

  it('shows a project deleted elsewhere as the reason, not the task as deleted', async () => {
    const backend = fakeBackend({ tasks: [task] });
    backend.failNext('db_update_task', 'not_found', 'Failed to update task: project p-gone not found');
    const { user } = renderWithProviders(<TaskDialog task={task} projects={[]} defaultProjectId={null} onClose={() => {}} />);

    await user.selectOptions(screen.getByLabelText('Priority'), 'high');
    await user.click(screen.getByTestId('save-task'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Saving task: Failed to update task: project p-gone not found');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('closes without saving on Discard when the task was deleted elsewhere', async () => {
    const { backend, onClose, user } = await saveAfterTheyChangedIt(null);

    await user.click(await screen.findByTestId('deleted-discard'));

    expect(onClose).toHaveBeenCalled();
    expect(backend.tasks).toHaveLength(0);
    expect(backend.bridge.callsTo('db_create_task')).toHaveLength(0);
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
    expect(backend.bridge.callsTo('db_update_task')[0]).toEqual({ taskId: 't-r', dueDate: null, recurrence: null, expectedUpdatedAt: task.updatedAt });
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
