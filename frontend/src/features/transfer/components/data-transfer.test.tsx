// SPDX-License-Identifier: MIT
import { act, screen, waitFor, within } from '@testing-library/react';
import { toast } from 'sonner';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataTransfer } from '@/features/transfer/components/data-transfer';
import { useActions, useRunAction } from '@/lib/action-registry';
import { useMenuActions } from '@/lib/use-menu-actions';
import { fakeBackend, makeImportPreview } from '@/testing/fake-backend';
import { makeTask } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

/** The feature as the app mounts it, with a button per action (as the palette lists them) and the menu bar's requests. */
function Harness() {
  const actions = useActions();
  const run = useRunAction();
  useMenuActions();
  return (
    <>
      <DataTransfer />
      {actions.map((action) => (
        <button key={action.id} type="button" onClick={() => run(action.id)}>
          {action.label}
        </button>
      ))}
    </>
  );
}

const preview = makeImportPreview({
  importId: 'import-7',
  fileName: 'tasks.ics',
  format: 'ics',
  tasks: 312,
  projects: 4,
  tasksSkipped: 2,
  projectsSkipped: 1,
  notes: ['3 events skipped: Quire keeps tasks, not events', 'Unknown property X-COLOUR ignored'],
});

async function setUp() {
  const backend = fakeBackend({ tasks: [makeTask({ id: 't1', title: 'Buy milk' })] });
  backend.transfer.preview = preview;
  const rendered = renderWithProviders(<Harness />);
  await act(async () => {}); // the page connects to the backend's signals
  return { backend, ...rendered };
}

// sonner keeps its toasts between tests, and shows a new toaster those still up.
beforeEach(() => {
  toast.dismiss();
});

/** What the toasts on screen say. */
const toasts = () => [...screen.getByTestId('toast-region').querySelectorAll('[data-sonner-toast]')].map((t) => t.textContent);

const dialog = () => screen.findByTestId('import-preview');

describe('export', () => {
  it('offers the three formats, under the ids the menu bar uses', async () => {
    await setUp();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Export tasks as Quire JSON…',
      'Export tasks as CSV…',
      'Export tasks as iCalendar…',
      'Import tasks from a file…',
      'Import from BlueKit…',
    ]);
  });

  it('exports in the chosen format and says what it wrote where', async () => {
    const { backend, user } = await setUp();
    backend.transfer.exported = { fileName: 'quire.ics', tasks: 312, projects: 4, tasksSkipped: 0, projectsSkipped: 0 };

    await user.click(screen.getByRole('button', { name: 'Export tasks as iCalendar…' }));

    expect(await screen.findByText('Exported 312 tasks and 4 projects to quire.ics')).toBeInTheDocument();
    expect(backend.bridge.callsTo('transfer_export_tasks')).toEqual([{ format: 'ics' }]);
  });

  it('does nothing when the save dialog is closed', async () => {
    const { backend, user } = await setUp();
    backend.transfer.exported = null;

    await user.click(screen.getByRole('button', { name: 'Export tasks as CSV…' }));
    await waitFor(() => expect(backend.bridge.callsTo('transfer_export_tasks')).toEqual([{ format: 'csv' }]));
    await act(async () => {});

    expect(toasts()).toEqual([]);
    expect(screen.queryByTestId('transfer-progress')).not.toBeInTheDocument();
  });

  it('runs when the menu bar asks for it', async () => {
    const { backend } = await setUp();

    act(() => backend.bridge.emit('actionRequested', { action: 'transfer.export-json' }));

    expect(await screen.findByText('Exported 1 task to quire.json')).toBeInTheDocument();
    expect(backend.bridge.callsTo('transfer_export_tasks')).toEqual([{ format: 'json' }]);
  });
});

describe('import', () => {
  it('says in plain words what importing the chosen file would do, with Import focused', async () => {
    const { backend, user } = await setUp();

    await user.click(screen.getByRole('button', { name: 'Import tasks from a file…' }));

    const shown = await dialog();
    expect(backend.bridge.callsTo('transfer_preview_import')).toEqual([{ source: 'file' }]);
    expect(within(shown).getByRole('heading', { name: 'Import “tasks.ics”?' })).toBeInTheDocument();
    expect(shown).toHaveTextContent('Adds 312 tasks and 4 projects.');
    expect(shown).toHaveTextContent('Skips 2 tasks and 1 project Quire already has.');
    expect(within(shown).getAllByRole('listitem').map((li) => li.textContent)).toEqual(preview.notes);
    expect(within(shown).getByRole('button', { name: 'Import' })).toHaveFocus();
    expect(backend.bridge.callsTo('transfer_import')).toEqual([]);
  });

  it('imports on Import, by the preview’s importId, and offers to undo it', async () => {
    const { backend, user } = await setUp();
    await user.click(screen.getByRole('button', { name: 'Import tasks from a file…' }));
    await dialog();

    await user.keyboard('{Enter}');

    expect(await screen.findByText('Imported 312 tasks and 4 projects')).toBeInTheDocument();
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
    expect(backend.bridge.callsTo('transfer_import')).toEqual([{ importId: 'import-7' }]);
    expect(backend.tasks).toHaveLength(313);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(backend.tasks).toHaveLength(1));
    expect(backend.bridge.callsTo('transfer_discard_import')).toEqual([]);
  });

  it('lets the file go on Cancel or Esc, importing nothing', async () => {
    const { backend, user } = await setUp();
    await user.click(screen.getByRole('button', { name: 'Import tasks from a file…' }));
    await user.click(within(await dialog()).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(backend.bridge.callsTo('transfer_discard_import')).toEqual([{ importId: 'import-7' }]));
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Import from BlueKit…' }));
    await dialog();
    await user.keyboard('{Escape}');

    await waitFor(() => expect(backend.bridge.callsTo('transfer_discard_import')).toHaveLength(2));
    expect(backend.bridge.callsTo('transfer_preview_import')).toEqual([{ source: 'file' }, { source: 'bluekit' }]);
    expect(backend.bridge.callsTo('transfer_import')).toEqual([]);
    expect(backend.tasks).toHaveLength(1);
  });

  it('says so when a file adds nothing, and only offers to close', async () => {
    const { backend, user } = await setUp();
    backend.transfer.preview = makeImportPreview({ fileName: 'old.json', tasks: 0, projects: 0, tasksSkipped: 3 });
    await user.click(screen.getByRole('button', { name: 'Import tasks from a file…' }));

    const shown = await dialog();
    expect(within(shown).getByRole('heading', { name: 'Nothing to import from “old.json”' })).toBeInTheDocument();
    expect(shown).toHaveTextContent('Nothing to add: Quire already has everything in this file.');
    expect(shown).toHaveTextContent('Skips 3 tasks Quire already has.');
    expect(within(shown).getAllByRole('button').map((b) => b.textContent)).toEqual(['Close']);
    await user.click(within(shown).getByRole('button', { name: 'Close' }));

    await waitFor(() => expect(backend.bridge.callsTo('transfer_discard_import')).toEqual([{ importId: 'import-1' }]));
    expect(backend.bridge.callsTo('transfer_import')).toEqual([]);
  });

  it('does nothing when the open dialog is closed', async () => {
    const { backend, user } = await setUp();
    backend.transfer.preview = null;

    await user.click(screen.getByRole('button', { name: 'Import tasks from a file…' }));
    await waitFor(() => expect(backend.bridge.callsTo('transfer_preview_import')).toHaveLength(1));
    await act(async () => {});

    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
    expect(toasts()).toEqual([]);
  });

  it('reports a failed import once, as “Importing tasks: <reason>”', async () => {
    const { backend, user } = await setUp();
    backend.failNext('transfer_import', 'storage', 'the disk is full; nothing was imported');
    await user.click(screen.getByRole('button', { name: 'Import tasks from a file…' }));
    await user.click(within(await dialog()).getByRole('button', { name: 'Import' }));

    expect(await screen.findByText('Importing tasks: the disk is full; nothing was imported')).toBeInTheDocument();
    await act(async () => {});
    expect(screen.getAllByText(/Importing tasks:/)).toHaveLength(1);
    expect(backend.tasks).toHaveLength(1);
  });

  it('reports a file it cannot read, naming the line', async () => {
    const { backend, user } = await setUp();
    backend.failNext('transfer_preview_import', 'invalid_argument', 'tasks.csv, line 12: unterminated quote');

    await user.click(screen.getByRole('button', { name: 'Import tasks from a file…' }));

    expect(await screen.findByText('Reading the file to import: tasks.csv, line 12: unterminated quote')).toBeInTheDocument();
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
  });
});
