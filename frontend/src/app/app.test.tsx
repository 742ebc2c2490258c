// SPDX-License-Identifier: MIT
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, NARROW_WINDOW } from '@/app/app';
import { setTheme } from '@/features/theme/theme';
import { menuActions, wireForms } from '@/ipc/contract';
import { useActions } from '@/lib/action-registry';
import { fakeBackend } from '@/testing/fake-backend';
import { makeProject, makeTask } from '@/testing/fixtures';
import { NEVER_REPLY, mockBridge, ok } from '@/testing/mock-bridge';
import { encodeTaskColumns, taskListPage } from '@/testing/task-columns';
import { renderWithProviders } from '@/testing/render';

const home = makeProject({ id: 'p-home', name: 'Home' });
const work = makeProject({ id: 'p-work', name: 'Work' });

function seed() {
  return fakeBackend({
    projects: [home, work],
    tasks: [
      makeTask({ id: 't-milk', title: 'Buy milk', projectIds: ['p-home'], tags: ['errand'] }),
      makeTask({ id: 't-report', title: 'Write report', priority: 'pinned', projectIds: ['p-work'] }),
      makeTask({ id: 't-deploy', title: 'Deploy', status: 'completed', priority: 'nit', projectIds: ['p-work'] }),
    ],
  });
}

const rowTitles = () => screen.queryAllByTestId('task-row').map((row) => row.getAttribute('aria-label'));

describe('the task screen', () => {
  it('lists the open tasks grouped by status in the user’s own order, with the projects in the sidebar', async () => {
    seed();
    const { user } = renderWithProviders(<App />);

    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'priority');
    await waitFor(() => expect(rowTitles()).toEqual(['Write report', 'Buy milk']));
    expect(screen.getAllByTestId('project-item').map((p) => p.textContent)).toEqual(['Home', 'Work']);
    expect(screen.getByTestId('all-tasks')).toHaveAttribute('aria-current', 'page');

    await user.click(screen.getByTestId('show-completed'));
    await waitFor(() => expect(rowTitles()).toEqual(['Write report', 'Buy milk', 'Deploy']));
  });

  it('announces each group as a heading with how many tasks it has', async () => {
    seed();
    renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));

    const [header] = screen.getAllByTestId('group-header');
    expect(header).not.toHaveAttribute('aria-hidden');
    expect(within(header!).getByRole('heading', { level: 2 })).toHaveAccessibleName(/^Backlog, 2 tasks$/i);
  });

  it('skips from the first Tab stop past the sidebar to the list', async () => {
    seed();
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));

    await user.tab();
    expect(screen.getByTestId('skip-to-tasks')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getAllByTestId('task-row')[0]).toHaveFocus();
  });

  it('shows a project’s tasks when it is picked in the sidebar', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.click(screen.getAllByTestId('project-item')[1]!);

    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Work');
    expect(backend.bridge.callsTo('db_get_tasks')).toContainEqual({
      completed: false,
      projectIds: ['p-work'],
      offset: 0,
      partRows: wireForms.TaskColumns.partRows,
    });
  });

  it('completes a task in one click: it leaves the open list for the Logbook', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    const milk = (await screen.findAllByTestId('task-row')).find((r) => r.textContent?.includes('Buy milk'))!;

    await user.click(within(milk).getByTestId('complete-task'));

    expect(backend.bridge.callsTo('db_update_tasks')).toEqual([{ taskIds: ['t-milk'], status: 'completed' }]);
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));
    await user.click(screen.getByTestId('list-logbook'));
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Deploy']));
  });

  it('deletes a task only after the confirmation', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    const milk = (await screen.findAllByTestId('task-row')).find((r) => r.textContent?.includes('Buy milk'))!;

    await user.click(within(milk).getByTestId('delete-task'));
    expect(screen.getByRole('alertdialog', { name: 'Delete task?' })).toBeInTheDocument();
    expect(backend.bridge.callsTo('db_delete_tasks')).toEqual([]);
    await user.click(screen.getByTestId('confirm-delete'));

    expect(backend.bridge.callsTo('db_delete_tasks')).toEqual([{ taskIds: ['t-milk'] }]);
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));
  });

  it('brings a deleted task back with the toast’s Undo, Ctrl+Z, and not while typing', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    const milk = (await screen.findAllByTestId('task-row')).find((r) => r.textContent?.includes('Buy milk'))!;
    await user.click(within(milk).getByTestId('delete-task'));
    expect(screen.getByRole('alertdialog', { name: 'Delete task?' })).toHaveTextContent('Ctrl+Z brings it back');
    await user.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));

    // The toast offers the undo
    expect(await screen.findByText('Task deleted')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));

    // Ctrl+Shift+Z redoes the delete, Ctrl+Z undoes it again; in a field, Ctrl+Z is the field's own
    await user.click(document.body);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));
    await user.click(screen.getByTestId('task-filter'));
    await user.keyboard('{Control>}z{/Control}');
    expect(backend.bridge.callsTo('db_undo')).toHaveLength(1);
    await user.click(document.body);
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));
    expect(backend.bridge.callsTo('db_undo')).toHaveLength(2);
  });

  it('cancelling the confirmation deletes nothing', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    const milk = (await screen.findAllByTestId('task-row')).find((r) => r.textContent?.includes('Buy milk'))!;

    await user.click(within(milk).getByTestId('delete-task'));
    // Asked of the dialog, not the screen: jsdom makes a role query over the whole app slow.
    await user.click(within(screen.getByTestId('confirm-dialog')).getByRole('button', { name: 'Cancel' }));

    expect(backend.bridge.callsTo('db_delete_tasks')).toEqual([]);
    expect(rowTitles()).toHaveLength(2);
  });

  it('completes and deletes several selected tasks together', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    // By label rather than role: a role query works out the role and name of every element in the app.
    await user.click(screen.getByLabelText('Select “Buy milk”'));
    await user.click(screen.getByLabelText('Select “Write report”'));
    await user.click(screen.getByTestId('complete-selected'));
    // One command for the selection: one transaction, one change event
    await waitFor(() => expect(backend.bridge.callsTo('db_update_tasks')).toHaveLength(1));
    const [completion] = backend.bridge.callsTo('db_update_tasks');
    expect(completion).toEqual({ taskIds: expect.arrayContaining(['t-milk', 't-report']) as unknown, status: 'completed' });
    expect(completion!.taskIds).toHaveLength(2);

    // Completed, they left the open list; with completed tasks shown they can be deleted together.
    await waitFor(() => expect(rowTitles()).toEqual([]));
    await user.click(screen.getByTestId('show-completed'));
    await screen.findAllByTestId('task-row');
    await user.click(screen.getByLabelText('Select “Buy milk”'));
    await user.click(screen.getByLabelText('Select “Deploy”'));
    await user.click(screen.getByTestId('delete-selected'));
    await user.click(screen.getByTestId('confirm-delete'));

    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));
    expect(backend.bridge.callsTo('db_delete_tasks')).toEqual([
      { taskIds: expect.arrayContaining(['t-milk', 't-deploy']) as unknown },
    ]);
  });

  it('filters by text, tag and priority', async () => {
    seed();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.type(screen.getByTestId('task-filter'), 'REPORT');
    expect(rowTitles()).toEqual(['Write report']);
    await user.clear(screen.getByTestId('task-filter'));

    await user.selectOptions(screen.getByLabelText('Filter by tag'), 'errand');
    expect(rowTitles()).toEqual(['Buy milk']);
    await user.selectOptions(screen.getByLabelText('Filter by tag'), '');

    await user.selectOptions(screen.getByLabelText('Filter by priority'), 'pinned');
    expect(rowTitles()).toEqual(['Write report']);
  });

  it('says how many of the tasks the filters show, and clears them when none match', async () => {
    seed();
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(screen.getByTestId('task-count')).toHaveTextContent('2 tasks'));

    await user.selectOptions(screen.getByLabelText('Filter by priority'), 'pinned');
    expect(screen.getByTestId('task-count')).toHaveTextContent('1 of 2 tasks');
    await user.type(screen.getByTestId('task-filter'), 'nothing like this');
    expect(rowTitles()).toEqual([]);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'title');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));
    expect(screen.getByTestId('task-filter')).toHaveValue('');
    expect(screen.getByLabelText('Filter by priority')).toHaveValue('');
    expect(screen.getByLabelText('Sort by')).toHaveValue('title'); // the order is not a filter
    expect(screen.getByTestId('task-count')).toHaveTextContent('2 tasks');
  });

  it('offers the tags in use while a tag is typed in the dialog, and names type and complexity on rows', async () => {
    fakeBackend({ tasks: [makeTask({ title: 'Tagged', tags: ['errand', 'home'], type: 'bug', complexity: 'hard' })] });
    const { user } = renderWithProviders(<App />);
    const row = await screen.findByTestId('task-row');
    expect(within(row).getByTitle('Type: bug')).toHaveTextContent('Type: bug');
    expect(within(row).getByTitle('Complexity: hard')).toHaveTextContent('Complexity: hard');

    await user.click(screen.getByTestId('new-task-button'));
    const tags = await screen.findByLabelText('Tags');
    const list = document.getElementById(tags.getAttribute('list') ?? '');
    expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual(['errand', 'home']);
  });

  it('opens the new-task dialog with N, but not while typing in a field', async () => {
    seed();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.type(screen.getByTestId('task-filter'), 'n');
    expect(screen.queryByTestId('task-dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('heading', { level: 1 }));
    await user.keyboard('n');
    expect(await screen.findByTestId('task-dialog')).toBeInTheDocument();
  });

  it('creates a task from the dialog in the selected project and shows it in the list', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');
    await user.click(screen.getAllByTestId('project-item')[0]!);
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk']));

    await user.click(screen.getByTestId('new-task-button'));
    // Pasted, not typed: each key would render the form again, and keys are not the point here.
    await user.click(screen.getByLabelText('Title'));
    await user.paste('Call plumber');
    await user.click(screen.getByTestId('save-task'));

    // A new task comes last in the user's own order.
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Call plumber']));
    expect(backend.bridge.callsTo('db_create_task')[0]).toMatchObject({ projectIds: ['p-home'] });
    expect(screen.queryByTestId('task-dialog')).not.toBeInTheDocument();
  });

  it('moves through the rows with the arrow keys and opens the focused one with Enter', async () => {
    seed();
    const { user } = renderWithProviders(<App />);
    const rows = await screen.findAllByTestId('task-row');

    rows[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByTestId('task-row')[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getAllByTestId('task-row')[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{Enter}');

    expect(await screen.findByRole('dialog', { name: 'Edit task' })).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Buy milk');
  });

  it('works a task from the keyboard alone and gives the focus back to the list after each dialog', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    const row = (title: string) => screen.getAllByTestId('task-row').find((r) => r.getAttribute('aria-label') === title)!;
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));

    // Edit with Enter, leave with Esc: the row has the focus again
    row('Buy milk').focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'Edit task' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(row('Buy milk')).toHaveFocus());

    // Tab walks the focused row's own controls, which the other rows keep out of the tab order
    await user.tab();
    expect(within(row('Buy milk')).getByRole('checkbox', { name: 'Select “Buy milk”' })).toHaveFocus();
    await user.tab();
    expect(within(row('Buy milk')).getByRole('button', { name: 'Complete “Buy milk”' })).toHaveFocus();
    expect(within(row('Write report')).getByRole('button', { name: 'Complete “Write report”' })).toHaveAttribute('tabindex', '-1');

    // Delete asks first; once it is done the focus is on the row that took its place
    row('Buy milk').focus();
    await user.keyboard('{Delete}');
    await user.click(await screen.findByTestId('confirm-delete'));
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));
    await waitFor(() => expect(row('Write report')).toHaveFocus());

    // Ctrl+Enter completes the focused task
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(backend.tasks.find((t) => t.id === 't-report')?.status).toBe('completed'));

    // N makes a task; once saved, its row has the focus
    await user.keyboard('n');
    await screen.findByRole('dialog', { name: 'New task' });
    await user.keyboard('Call the plumber{Enter}');
    await waitFor(() => expect(row('Call the plumber')).toHaveFocus());
  });

  it('renders user text as text, never as HTML', async () => {
    fakeBackend({ tasks: [makeTask({ title: '<img src=x onerror=alert(1)>', tags: ['<b>x</b>'] })] });
    renderWithProviders(<App />);

    const row = await screen.findByTestId('task-row');
    expect(row).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(row.querySelector('img, b')).toBeNull();
  });

  it('refetches when the backend says tasks changed', async () => {
    const backend = seed();
    renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    backend.tasks.push(makeTask({ title: 'Added by a script' }));
    await act(async () => backend.bridge.emit('tasksChanged'));

    await waitFor(() => expect(rowTitles()).toContain('Added by a script'));
  });

  it('gathers a burst of change signals into one refetch', async () => {
    const backend = seed();
    renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');
    const loadsBefore = backend.bridge.loadsOf('db_get_tasks');

    backend.tasks.push(makeTask({ title: 'Bulk 1' }), makeTask({ title: 'Bulk 2' }));
    await act(async () => {
      for (let i = 0; i < 20; i += 1) backend.bridge.emit('tasksChanged');
    });

    await waitFor(() => expect(rowTitles()).toContain('Bulk 2'));
    expect(backend.bridge.loadsOf('db_get_tasks') - loadsBefore).toBe(1);
  });

  it('refetches projects when the backend says projects changed', async () => {
    const backend = seed();
    renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    backend.projects.push(makeProject({ name: 'Garden' }));
    await act(async () => backend.bridge.emit('projectsChanged'));

    await waitFor(() => expect(screen.getAllByTestId('project-item').map((p) => p.textContent)).toContain('Garden'));
  });

  it('renders only the visible rows of 10 000 tasks', async () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) => makeTask({ title: `Task number ${i}` }));
    fakeBackend({ tasks });
    renderWithProviders(<App />);

    await screen.findAllByTestId('task-row');
    const rendered = screen.getAllByTestId('task-row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    // The rest of the list is asked once the first page is on screen.
    expect(await screen.findByText('10,000 tasks')).toBeInTheDocument();
  });
});

describe('selecting several tasks', () => {
  const titles = ['One', 'Two', 'Three', 'Four', 'Five'];
  function seedFive() {
    return fakeBackend({
      projects: [home, work],
      tasks: titles.map((title, i) =>
        makeTask({
          id: `t-${title.toLowerCase()}`,
          title,
          tags: i % 2 === 0 ? ['errand'] : [],
          projectIds: i === 0 ? ['p-home'] : [],
          priority: i === 4 ? 'high' : 'standard',
        }),
      ),
    });
  }
  const checked = () =>
    screen
      .queryAllByTestId('task-row')
      .filter((row) => row.classList.contains('is-selected'))
      .map((row) => row.getAttribute('aria-label'));
  async function shown() {
    const rendered = renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(titles));
    return rendered;
  }

  it('selects the range from the last clicked task with Shift-click, in the order shown', async () => {
    seedFive();
    const { user } = await shown();

    await user.click(screen.getByLabelText('Select “Two”'));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByLabelText('Select “Four”'));
    await user.keyboard('{/Shift}');
    expect(checked()).toEqual(['Two', 'Three', 'Four']);
    expect(screen.getByTestId('bulk-bar')).toHaveTextContent('3 selected');

    // Upwards from the same anchor, adding to what is selected
    await user.keyboard('{Shift>}');
    await user.click(screen.getByLabelText('Select “One”'));
    await user.keyboard('{/Shift}');
    expect(checked()).toEqual(['One', 'Two', 'Three', 'Four']);

    // Shift+Space on a focused row does the same from the keyboard
    screen.getAllByTestId('task-row')[4]!.focus();
    await user.keyboard('{Shift>} {/Shift}');
    expect(checked()).toEqual(titles);
  });

  it('toggles a task with Ctrl-click on its title instead of opening it', async () => {
    seedFive();
    const { user } = await shown();

    await user.keyboard('{Control>}');
    await user.click(within(screen.getAllByTestId('task-row')[2]!).getByText('Three'));
    await user.click(within(screen.getAllByTestId('task-row')[4]!).getByText('Five'));
    await user.keyboard('{/Control}');
    expect(checked()).toEqual(['Three', 'Five']);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('{Control>}');
    await user.click(within(screen.getAllByTestId('task-row')[2]!).getByText('Three'));
    await user.keyboard('{/Control}');
    expect(checked()).toEqual(['Five']);
  });

  it('selects every task shown with Ctrl+A, not while typing in a field, and clears the selection with Esc', async () => {
    seedFive();
    const { user } = await shown();

    await user.type(screen.getByTestId('task-filter'), 'T');
    await waitFor(() => expect(rowTitles()).toEqual(['Two', 'Three']));
    await user.keyboard('{Control>}a{/Control}');
    expect(checked()).toEqual([]); // the field's own Ctrl+A

    screen.getAllByTestId('task-row')[0]!.focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(checked()).toEqual(['Two', 'Three']);
    expect(screen.getByTestId('bulk-bar')).toHaveTextContent('2 selected');

    await user.keyboard('{Escape}');
    expect(checked()).toEqual([]);
    expect(screen.queryByTestId('bulk-bar')).not.toBeInTheDocument();
  });

  it('sets the priority and the status of the selection in one command each, undoably', async () => {
    const backend = seedFive();
    const { user } = await shown();
    await user.click(screen.getByLabelText('Select “One”'));
    await user.click(screen.getByLabelText('Select “Two”'));

    await user.selectOptions(screen.getByLabelText('Change'), 'priority');
    await user.selectOptions(screen.getByLabelText('New priority'), 'high');
    await user.click(screen.getByTestId('bulk-apply'));
    await waitFor(() => expect(backend.bridge.callsTo('db_update_tasks')).toEqual([{ taskIds: ['t-one', 't-two'], priority: 'high' }]));
    expect(await screen.findByText('Priority set to high on 2 tasks')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Change'), 'status');
    await user.selectOptions(screen.getByLabelText('New status'), 'in_progress');
    await user.click(screen.getByTestId('bulk-apply'));
    await waitFor(() => expect(backend.bridge.callsTo('db_update_tasks')).toHaveLength(2));
    expect(backend.bridge.callsTo('db_update_tasks')[1]).toEqual({ taskIds: ['t-one', 't-two'], status: 'in_progress' });
    await waitFor(() => expect(backend.tasks.filter((t) => t.status === 'in_progress').map((t) => t.title)).toEqual(['One', 'Two']));
    expect(checked()).toEqual(['One', 'Two']); // the selection stays for the next change
  });

  it('shows how far a slow bulk change has come, and Cancel stops it in the backend and puts the tasks back', async () => {
    const backend = seedFive();
    const { user } = await shown();
    await user.click(screen.getByLabelText('Select “One”'));
    await user.click(screen.getByLabelText('Select “Two”'));
    const before = structuredClone(backend.tasks);
    const release = backend.holdNext('db_update_tasks');

    await user.selectOptions(screen.getByLabelText('Change'), 'priority');
    await user.selectOptions(screen.getByLabelText('New priority'), 'high');
    await user.click(screen.getByTestId('bulk-apply'));

    const panel = await screen.findByTestId('transfer-progress', {}, { timeout: 3000 });
    expect(panel).toHaveAccessibleName('Updating tasks');
    act(() => backend.reportProgress('db_update_tasks', { done: 500, total: 2000, phase: 'saving' }));
    expect(panel).toHaveTextContent('Saving…');
    expect(panel).toHaveTextContent('500 of 2 000');

    await user.click(screen.getByTestId('transfer-cancel'));
    const { requestId } = backend.bridge.calls.find((c) => c.command === 'db_update_tasks')!;
    expect(backend.bridge.callsTo('cancel_request')).toEqual([{ requestId }]);
    release();
    await waitFor(() => expect(screen.queryByTestId('transfer-progress')).not.toBeInTheDocument());
    expect(backend.tasks).toEqual(before);
    expect(screen.queryByText('Priority set to high on 2 tasks')).not.toBeInTheDocument();
    expect(screen.queryByTestId('toast-region')).not.toHaveTextContent(/could not|failed|error/i);
  });

  it('adds and removes a tag, and adds to and removes from a project, on the selected tasks', async () => {
    const backend = seedFive();
    const { user } = await shown();
    await user.click(screen.getByLabelText('Select “One”'));
    await user.click(screen.getByLabelText('Select “Three”'));
    const calls = () => backend.bridge.callsTo('db_update_tasks');

    await user.selectOptions(screen.getByLabelText('Change'), 'add-tag');
    await user.type(screen.getByLabelText('Tag to add'), 'urgent{Enter}');
    // One call for both, whatever tags each has: each keeps its own
    await waitFor(() => expect(calls()).toEqual([{ taskIds: ['t-one', 't-three'], addTags: ['urgent'] }]));

    await user.selectOptions(screen.getByLabelText('Change'), 'remove-tag');
    await user.selectOptions(screen.getByLabelText('Tag to remove'), 'errand');
    await user.click(screen.getByTestId('bulk-apply'));
    await waitFor(() => expect(calls()[1]).toEqual({ taskIds: ['t-one', 't-three'], removeTags: ['errand'] }));
    await waitFor(() => expect(backend.tasks.filter((t) => t.tags.includes('urgent')).map((t) => t.tags)).toEqual([['urgent'], ['urgent']]));

    // One is in Home already: only Three is sent
    await user.selectOptions(screen.getByLabelText('Change'), 'add-project');
    await user.selectOptions(screen.getByLabelText('Project'), 'p-home');
    await user.click(screen.getByTestId('bulk-apply'));
    await waitFor(() => expect(calls()[2]).toEqual({ taskIds: ['t-three'], addProjectIds: ['p-home'] }));
    expect(await screen.findByText('1 task added to “Home”')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Change'), 'remove-project');
    await user.click(screen.getByTestId('bulk-apply'));
    await waitFor(() => expect(calls()[3]).toEqual({ taskIds: ['t-one', 't-three'], removeProjectIds: ['p-home'] }));
    await waitFor(() => expect(backend.tasks.filter((t) => t.projectIds.length > 0)).toEqual([]));
  });
});

describe('the command palette, the keys list and the theme', () => {
  afterEach(() => {
    setTheme('system');
    localStorage.clear();
  });

  const options = () => screen.getAllByRole('option').map((o) => o.textContent);
  /** Opens the palette with Ctrl+K, types `search` and runs the first match with Enter. */
  async function runFromPalette(user: ReturnType<typeof renderWithProviders>['user'], search: string) {
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard(search);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId('command-palette')).not.toBeInTheDocument());
  }

  it('offers every list and project, the task keys on the active row, and the theme choices', async () => {
    seed();
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));

    await user.keyboard('{Control>}k{/Control}');

    expect(options()).toEqual([
      'Search all tasks/',
      'Go to All tasks',
      'Go to Today',
      'Go to Upcoming',
      'Go to Logbook',
      'Go to Home',
      'Go to Work',
      'New taskN',
      'Select all tasks shownCtrl+A',
      'Quick addQ',
      'Filter tasks',
      'Edit “Buy milk”Enter',
      'Complete “Buy milk”Ctrl+Enter',
      'Delete “Buy milk”Delete',
      'Move “Buy milk” upAlt+↑',
      'Move “Buy milk” downAlt+↓',
      'Undo the latest changeCtrl+Z',
      'RedoCtrl+Shift+Z',
      'Open database…Ctrl+O',
      'Export tasks as Quire JSON…',
      'Export tasks as CSV…',
      'Export tasks as iCalendar…',
      'Import tasks from a file…',
      'Import from BlueKit…',
      'Keyboard shortcuts?',
      'Theme: System (current)',
      'Theme: Light',
      'Theme: Dark',
    ]);
  });

  it('goes to a project, opens the new-task dialog and focuses quick add', async () => {
    seed();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await runFromPalette(user, 'go to work');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Work');
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));

    await runFromPalette(user, 'new task');
    expect(await screen.findByTestId('task-dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await runFromPalette(user, 'quick add');
    await waitFor(() => expect(screen.getByTestId('quick-add')).toHaveFocus());
  });

  it('completes the active task', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));

    await runFromPalette(user, 'complete');

    await waitFor(() => expect(backend.tasks.find((t) => t.id === 't-milk')?.status).toBe('completed'));
  });

  it('lists the task keys under Tasks when ? is pressed', async () => {
    seed();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.keyboard('?');

    const tasks = within(await screen.findByTestId('keys-dialog')).getByRole('heading', { name: 'Tasks' }).parentElement!;
    expect(within(tasks).getAllByRole('term').map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['N', 'Q', 'Enter', 'Ctrl+Enter', 'Delete', 'Space']),
    );
  });

  it('exports and imports from the palette, and runs what the menu bar asks for', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));

    await runFromPalette(user, 'export tasks as csv');
    expect(await screen.findByText('Exported 3 tasks and 2 projects to quire.csv')).toBeInTheDocument();

    await runFromPalette(user, 'import tasks from a file');
    await user.click(within(await screen.findByTestId('import-preview')).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported 2 tasks and 1 project')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('project-item')).toHaveLength(3));

    // Edit ▸ Undo in the menu bar: the page's own undo
    act(() => backend.bridge.emit('actionRequested', { action: 'history.undo' }));
    await waitFor(() => expect(screen.getAllByTestId('project-item')).toHaveLength(2));
    expect(backend.bridge.callsTo('db_undo')).toHaveLength(1);
  });

  it('switches the theme from the sidebar and from the palette', async () => {
    seed();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.selectOptions(screen.getByLabelText('Theme'), 'dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem('quire.theme')).toBe('dark');

    await runFromPalette(user, 'theme: light');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    expect(screen.getByLabelText('Theme')).toHaveValue('light');
  });
});

describe('the window’s menu bar', () => {
  /** The ids of the actions registered now, as the palette and the menu bar see them. */
  function RegisteredActions({ into }: { into: Set<string> }) {
    for (const action of useActions()) into.add(action.id);
    return null;
  }

  it('finds an action for every item of the menu bar', async () => {
    seed();
    const registered = new Set<string>();
    renderWithProviders(
      <>
        <App />
        <RegisteredActions into={registered} />
      </>,
    );
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));

    expect(menuActions.filter((action) => !registered.has(action))).toEqual([]);
  });

  it('goes to a list and opens the command palette from the View menu', async () => {
    const backend = seed();
    renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));

    act(() => backend.bridge.emit('actionRequested', { action: 'go-to:logbook' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Logbook'));
    act(() => backend.bridge.emit('actionRequested', { action: 'command-palette' }));
    expect(await screen.findByRole('dialog', { name: /command palette/i })).toBeInTheDocument();
  });
});

describe('the search of every task', () => {
  function searchable() {
    return fakeBackend({
      projects: [home, work],
      tasks: [
        makeTask({ id: 't-cafe', title: 'Meet at Café Luna', projectIds: ['p-home'] }),
        makeTask({ id: 't-beans', title: 'Buy coffee beans', description: 'For the café downstairs' }),
        makeTask({ id: 't-menu', title: 'Cafeteria menu', status: 'completed', priority: 'nit' }),
        makeTask({ id: 't-report', title: 'Write report', projectIds: ['p-work'] }),
      ],
    });
  }
  const field = () => screen.getByTestId('global-search');
  const heading = () => screen.getByRole('heading', { level: 1 });
  const marks = (row: HTMLElement) => [...row.querySelectorAll('mark')].map((m) => m.textContent);
  const row = (title: string) => screen.getAllByTestId('task-row').find((r) => r.getAttribute('aria-label') === title)!;

  it('shows the matches, best first, with the words they match marked, in a plain ranked list', async () => {
    const backend = searchable();
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Meet at Café Luna', 'Buy coffee beans', 'Write report']));
    expect(screen.getByRole('search', { name: 'Search all tasks' })).toContainElement(field());
    expect(field()).toHaveAttribute('placeholder', 'Search all tasks');

    await user.type(field(), 'cafe');

    await waitFor(() => expect(heading()).toHaveTextContent('Search: “cafe”'));
    // Title matches first; the completed one included; a match in the description last.
    await waitFor(() => expect(rowTitles()).toEqual(['Meet at Café Luna', 'Cafeteria menu', 'Buy coffee beans']));
    expect(backend.bridge.callsTo('db_search_tasks').at(-1)).toEqual({ query: 'cafe', limit: 200 });
    expect(row('Cafeteria menu')).toHaveAttribute('data-status', 'completed');
    expect(marks(row('Meet at Café Luna'))).toEqual(['Café']);
    expect(marks(row('Cafeteria menu'))).toEqual(['Cafe']);
    expect(marks(row('Buy coffee beans'))).toEqual([]);
    expect(screen.getByTestId('task-count')).toHaveTextContent('3 matches');
    // No groups, no other order, no per-list text filter, no quick add, no "Show completed"
    expect(document.querySelector('.group-header')).toBeNull();
    expect(screen.queryByLabelText('Sort by')).not.toBeInTheDocument();
    expect(screen.queryByTestId('task-filter')).not.toBeInTheDocument();
    expect(screen.queryByTestId('quick-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('show-completed')).not.toBeInTheDocument();
    // No list is current in the sidebar while the search is shown
    expect(screen.getByTestId('all-tasks')).not.toHaveAttribute('aria-current');
  });

  it('searches once typing pauses, not for every key', async () => {
    const backend = searchable();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.type(field(), 'meet luna');

    await waitFor(() => expect(rowTitles()).toEqual(['Meet at Café Luna']));
    // (Exactly one unless the machine is slow enough to pause 150 ms between keys.)
    expect(backend.bridge.callsTo('db_search_tasks').length).toBeLessThan('meet luna'.length);
    expect(marks(row('Meet at Café Luna'))).toEqual(['Meet', 'Luna']);
  });

  it('stops a search in the backend once more typing has made it stale', async () => {
    const backend = searchable();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');
    const release = backend.holdNext('db_search_tasks');
    await user.type(field(), 'meet');
    await waitFor(() => expect(backend.bridge.callsTo('db_search_tasks')).toHaveLength(1));
    const stale = backend.bridge.calls.find((c) => c.command === 'db_search_tasks')?.requestId;

    await user.type(field(), ' luna');

    await waitFor(() => expect(backend.bridge.callsTo('cancel_request')).toEqual([{ requestId: stale }]));
    release();
    await waitFor(() => expect(rowTitles()).toEqual(['Meet at Café Luna']));
    expect(screen.queryByTestId('toast-region')).not.toHaveTextContent(/cancel/i);
  });

  it('puts the focus in the field with / from anywhere but a field, and with Ctrl+F from anywhere', async () => {
    searchable();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.click(heading());
    await user.keyboard('/');
    expect(field()).toHaveFocus();
    expect(field()).toHaveValue('');

    // In another field "/" is a character like any other
    await user.click(screen.getByTestId('task-filter'));
    await user.keyboard('/');
    expect(screen.getByTestId('task-filter')).toHaveValue('/');
    expect(field()).not.toHaveFocus();

    // Ctrl+F is ours, even there: the browser's find does not open
    await user.keyboard('{Control>}f{/Control}');
    expect(field()).toHaveFocus();
    await user.clear(screen.getByTestId('task-filter'));
    (await screen.findAllByTestId('task-row'))[0]!.focus();
    expect(fireEvent.keyDown(document.activeElement!, { key: 'f', ctrlKey: true })).toBe(false);
    expect(field()).toHaveFocus();
  });

  it('goes back to the list shown before with Esc, or when the field is emptied', async () => {
    searchable();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');
    await user.click(screen.getAllByTestId('project-item')[1]!);
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));

    await user.type(field(), 'cafe');
    await waitFor(() => expect(heading()).toHaveTextContent('Search: “cafe”'));
    await user.keyboard('{Escape}');

    expect(heading()).toHaveTextContent('Work');
    expect(field()).toHaveValue('');
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));

    await user.type(field(), 'beans');
    await waitFor(() => expect(rowTitles()).toEqual(['Buy coffee beans']));
    await user.clear(field());
    expect(heading()).toHaveTextContent('Work');
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));
  });

  it('leaves the search, and empties the field, when a list is chosen in the sidebar', async () => {
    searchable();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');
    await user.type(field(), 'cafe');
    await waitFor(() => expect(heading()).toHaveTextContent('Search: “cafe”'));

    await user.click(screen.getByTestId('list-logbook'));

    expect(heading()).toHaveTextContent('Logbook');
    expect(field()).toHaveValue('');
    await waitFor(() => expect(rowTitles()).toEqual(['Cafeteria menu']));
  });

  it('takes Enter to the first result, whose keys work as in any list but moving it', async () => {
    const backend = searchable();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    // Enter at once, before the pause that starts the search
    await user.type(field(), 'cafe{Enter}');

    await waitFor(() => expect(row('Meet at Café Luna')).toHaveFocus());
    await user.keyboard('{ArrowDown}');
    expect(row('Cafeteria menu')).toHaveFocus();
    // The rank is the order: Alt+arrows move nothing
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(backend.bridge.callsTo('db_move_task')).toEqual([]);
    expect(rowTitles()).toEqual(['Meet at Café Luna', 'Cafeteria menu', 'Buy coffee beans']);
    expect(screen.queryByRole('button', { name: 'Move task' })).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Edit task' })).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Cafeteria menu');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(row('Cafeteria menu')).toHaveFocus());

    // Typing on in the field keeps the focus there, through no results and back
    await user.click(field());
    await user.type(field(), 'zzz');
    await waitFor(() => expect(screen.getByTestId('empty-list')).toBeInTheDocument());
    await user.keyboard('{Backspace}{Backspace}{Backspace}');
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    expect(field()).toHaveFocus();
  });

  it('keeps a completed result in the results, completed', async () => {
    const backend = searchable();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');
    await user.type(field(), 'luna');
    await waitFor(() => expect(rowTitles()).toEqual(['Meet at Café Luna']));
    const searches = backend.bridge.callsTo('db_search_tasks').length;

    await user.click(within(row('Meet at Café Luna')).getByTestId('complete-task'));

    await waitFor(() => expect(backend.tasks.find((t) => t.id === 't-cafe')?.status).toBe('completed'));
    expect(row('Meet at Café Luna')).toHaveAttribute('data-status', 'completed');
    // The change loads the results again: the backend says who belongs
    await waitFor(() => expect(backend.bridge.callsTo('db_search_tasks').length).toBeGreaterThan(searches));
    await waitFor(() => expect(row('Meet at Café Luna')).toHaveAttribute('data-status', 'completed'));
    expect(rowTitles()).toEqual(['Meet at Café Luna']);
  });

  it('says so when nothing matches, and what the search looks at', async () => {
    searchable();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.type(field(), 'zebra');

    const empty = await screen.findByTestId('empty-list');
    expect(empty).toHaveTextContent('No tasks match “zebra”');
    expect(empty).toHaveTextContent('title, description, tags, checklist or projects');
    expect(empty).toHaveAttribute('role', 'status');
    expect(rowTitles()).toEqual([]);
  });

  it('shows titles that look like HTML as text, marks and all', async () => {
    fakeBackend({ tasks: [makeTask({ title: '<b>Cafe</b> <img src=x onerror=alert(1)>' })] });
    const { user } = renderWithProviders(<App />);
    await screen.findByTestId('task-row');

    await user.type(field(), 'cafe');

    await waitFor(() => expect(heading()).toHaveTextContent('Search: “cafe”'));
    const result = await screen.findByTestId('task-row');
    await waitFor(() => expect(marks(result)).toEqual(['Cafe']));
    expect(result).toHaveTextContent('<b>Cafe</b> <img src=x onerror=alert(1)>');
    expect(result.querySelector('b, img')).toBeNull();
  });

  it('reports a failed search as "Searching tasks: <reason>"', async () => {
    const backend = searchable();
    backend.failNext('db_search_tasks', 'storage', 'database is locked');
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.type(field(), 'cafe');

    await waitFor(() => expect(screen.getByTestId('toast-region')).toHaveTextContent('Searching tasks: database is locked'));
    expect(screen.getByText('The tasks could not be loaded.')).toBeInTheDocument();
  });

  it('is in the command palette', async () => {
    searchable();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');

    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('search all');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(field()).toHaveFocus());
  });
});

describe('a narrow window', () => {
  afterEach(() => vi.restoreAllMocks());
  /** matchMedia as a window `width` px wide would answer it, for the one query the app asks. */
  function windowOfWidth(width: number) {
    const narrow = width <= 720;
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) =>
        ({
          matches: query === NARROW_WINDOW && narrow,
          media: query,
          addEventListener() {},
          removeEventListener() {},
        }) as unknown as MediaQueryList,
    );
  }

  it('keeps the lists and projects in a drawer that a button opens and a choice closes', async () => {
    windowOfWidth(480);
    seed();
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));
    expect(screen.queryByTestId('project-item')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Lists and projects' }));
    const drawer = await screen.findByRole('dialog', { name: 'Lists and projects' });
    await user.click(within(drawer).getByText('Work'));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Work');
    await waitFor(() => expect(rowTitles()).toEqual(['Write report']));
  });

  it('opens the drawer with the search field focused on /, and closes it to the first result on Enter', async () => {
    windowOfWidth(480);
    seed();
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk', 'Write report']));
    expect(screen.queryByTestId('global-search')).not.toBeInTheDocument();

    await user.keyboard('/');
    const drawer = await screen.findByRole('dialog', { name: 'Lists and projects' });
    expect(within(drawer).getByTestId('global-search')).toHaveFocus();

    await user.keyboard('milk{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Search: “milk”');
    await waitFor(() => expect(rowTitles()).toEqual(['Buy milk']));
    await waitFor(() => expect(screen.getByTestId('task-row')).toHaveFocus());
    // Radix gives the focus back a moment after closing: not here.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.getByTestId('task-row')).toHaveFocus();

    // Opened from its button, the drawer keeps the search and leaves the focus to Radix
    await user.click(screen.getByRole('button', { name: 'Lists and projects' }));
    const again = await screen.findByRole('dialog', { name: 'Lists and projects' });
    expect(within(again).getByTestId('global-search')).toHaveValue('milk');
    expect(within(again).getByTestId('global-search')).not.toHaveFocus();
  });

  it('shows the sidebar beside the tasks, and no drawer button, in a wide window', async () => {
    windowOfWidth(1280);
    seed();
    renderWithProviders(<App />);
    await waitFor(() => expect(screen.getAllByTestId('project-item')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Lists and projects' })).not.toBeInTheDocument();
  });
});

describe('failures reach the user', () => {
  it('reports a failed task load as "Loading tasks: <reason>" in the toast region', async () => {
    const backend = seed();
    backend.failNext('db_get_tasks', 'storage', 'database is locked');
    renderWithProviders(<App />);

    const region = screen.getByTestId('toast-region');
    await waitFor(() => expect(region).toHaveTextContent('Loading tasks: database is locked'));
    expect(screen.getByText('The tasks could not be loaded.')).toBeInTheDocument();
  });

  it('reports a failed completion and puts the task back', async () => {
    const backend = seed();
    const { user } = renderWithProviders(<App />);
    const milk = (await screen.findAllByTestId('task-row')).find((r) => r.textContent?.includes('Buy milk'))!;
    backend.failNext('db_update_tasks', 'conflict', 'task was changed elsewhere');

    await user.click(within(milk).getByTestId('complete-task'));

    await waitFor(() =>
      expect(screen.getByTestId('toast-region')).toHaveTextContent('Updating task status: task was changed elsewhere'),
    );
    expect(screen.getAllByTestId('task-row').find((r) => r.textContent?.includes('Buy milk'))).toHaveAttribute(
      'data-status',
      'backlog',
    );
  });

  it('shows the first rows of a long list before the rest of it has arrived', async () => {
    const { firstPageSize } = wireForms.TaskColumns;
    const first = Array.from({ length: firstPageSize }, (_, i) => makeTask({ title: `Task ${String(i).padStart(5, '0')}` }));
    mockBridge((command, args) => {
      if (command === 'db_get_projects') return ok([]);
      if (command !== 'db_get_tasks') return NEVER_REPLY;
      // The first page answers; the second one never does.
      return args.offset ? NEVER_REPLY : ok(encodeTaskColumns(first, { total: firstPageSize + 1 }));
    });
    renderWithProviders(<App />);

    await waitFor(() => expect(rowTitles()[0]).toBe('Task 00000'));
  });

  it('keeps a long list whole on screen while it is fetched again', async () => {
    const { firstPageSize } = wireForms.TaskColumns;
    const tasks = Array.from({ length: firstPageSize + 1 }, (_, i) => makeTask({ title: `Task ${i}` }));
    let holdLists = false;
    const bridge = mockBridge((command, args) => {
      if (command === 'db_get_projects') return ok([]);
      if (command !== 'db_get_tasks') return NEVER_REPLY;
      if ('partRows' in args && holdLists) return NEVER_REPLY;
      return ok(taskListPage(tasks, args));
    });
    const { container } = renderWithProviders(<App />);
    await waitFor(() => expect(container).toHaveTextContent(`${(firstPageSize + 1).toLocaleString()} tasks`));

    holdLists = true;
    await act(async () => bridge.emit('tasksChanged')); // no payload: a reset, so the list is fetched again
    await waitFor(() => expect(bridge.loadsOf('db_get_tasks')).toBe(2));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));

    expect(container).toHaveTextContent(`${(firstPageSize + 1).toLocaleString()} tasks`);
  });

  it('says so when the backend does not answer in time', async () => {
    mockBridge((command) => (command === 'db_get_projects' ? ok([]) : NEVER_REPLY));
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderWithProviders(<App />);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(15_000);
    });

    await waitFor(() =>
      expect(screen.getByTestId('toast-region')).toHaveTextContent(
        "Loading tasks: Quire did not answer within 15 s (db_get_tasks timed out); it was called off",
      ),
    );
  });
});

describe('the user’s own order', () => {
  const ordered = () =>
    fakeBackend({
      tasks: [
        makeTask({ id: 'a', title: 'A', sortKey: 'a1' }),
        makeTask({ id: 'b', title: 'B', sortKey: 'a2' }),
        makeTask({ id: 'c', title: 'C', sortKey: 'a3' }),
      ],
    });

  it('moves the focused task with Alt+arrows, one command per move, and keeps it focused', async () => {
    const backend = ordered();
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(rowTitles()).toEqual(['A', 'B', 'C']));

    screen.getAllByTestId('task-row')[1]!.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() => expect(rowTitles()).toEqual(['B', 'A', 'C']));
    expect(backend.bridge.callsTo('db_move_task')).toEqual([{ taskId: 'b' }]); // null and absent mean the same: first
    await waitFor(() => expect(screen.getAllByTestId('task-row')[0]).toHaveFocus());

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(rowTitles()).toEqual(['A', 'B', 'C']));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(rowTitles()).toEqual(['A', 'C', 'B']));
    expect(screen.getAllByTestId('task-row')[2]).toHaveFocus();
    expect(backend.bridge.callsTo('db_move_task').slice(1)).toEqual([
      { taskId: 'b', afterTaskId: 'a' },
      { taskId: 'b', afterTaskId: 'c' },
    ]);
  });

  it('switches to the user’s own order on the first Alt+arrow in another sort', async () => {
    const backend = ordered();
    const { user } = renderWithProviders(<App />);
    await screen.findAllByTestId('task-row');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'priority');

    screen.getAllByTestId('task-row')[0]!.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');

    expect(screen.getByLabelText('Sort by')).toHaveValue('manual');
    expect(backend.bridge.callsTo('db_move_task')).toEqual([]);
  });
});
