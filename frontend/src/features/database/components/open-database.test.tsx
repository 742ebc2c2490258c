// SPDX-License-Identifier: MIT
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '@/app/app';
import { OpenDatabase } from '@/features/database/components/open-database';
import { useMenuActions } from '@/lib/use-menu-actions';
import { DEFAULT_DATABASE_PATH, fakeBackend, type FakeBackend } from '@/testing/fake-backend';
import { renderWithProviders } from '@/testing/render';

const SERVER = 'postgresql://me@db.example.com:5432/quire';

/** The feature as the app mounts it, with the menu bar's requests, and a button to start from. */
function Harness() {
  useMenuActions();
  return (
    <>
      <button type="button">Elsewhere</button>
      <OpenDatabase />
    </>
  );
}

async function setUp(configure: (backend: FakeBackend) => void = () => {}) {
  const backend = fakeBackend();
  configure(backend);
  const rendered = renderWithProviders(<Harness />);
  await act(async () => {}); // the page connects to the backend's signals
  return { backend, ...rendered };
}

type User = Awaited<ReturnType<typeof setUp>>['user'];

async function openDialog(user: User) {
  await user.keyboard('{Control>}o{/Control}');
  const dialog = await screen.findByTestId('open-database-dialog');
  // What is open now has been read.
  await waitFor(() => expect(screen.getByTestId('open-database-current')).not.toHaveTextContent('Reading…'));
  return dialog;
}

const urlField = () => screen.getByTestId('open-database-url');
const passwordField = () => screen.queryByTestId('open-database-password');
const connectButton = () => screen.getByTestId('open-database-connect');
const fileButton = () => screen.getByTestId('open-database-file');
const defaultButton = () => screen.getByTestId('open-database-default');
const failure = () => screen.queryByTestId('open-database-error');
const status = () => screen.getByRole('status');

/** What the toasts on screen say. */
const toasts = () => [...screen.getByTestId('toast-region').querySelectorAll('[data-sonner-toast]')].map((t) => t.textContent);

describe('opening the dialog', () => {
  it('opens with Ctrl+O, says which database is open, and puts the focus in the Server URL field', async () => {
    const { backend, user } = await setUp();

    const dialog = await openDialog(user);

    expect(within(dialog).getByRole('heading', { level: 2, name: 'Open database' })).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Open database' })).toBe(dialog);
    const current = screen.getByTestId('open-database-current');
    expect(current).toHaveTextContent('SQLite file (the default local database)');
    expect(current).toHaveTextContent(DEFAULT_DATABASE_PATH);
    expect(screen.getByLabelText('Server URL')).toBe(urlField());
    expect(urlField()).toHaveFocus();
    expect(urlField()).toHaveAttribute('placeholder', 'postgresql://user@host:5432/quire');
    expect(urlField()).toHaveAccessibleDescription(/~\/\.pgpass or PGPASSWORD.*never saved/);
    expect(passwordField()).not.toBeInTheDocument();
    expect(backend.bridge.callsTo('app_get_database')).toEqual([{}]);
    expect(backend.bridge.callsTo('app_open_database')).toEqual([]);
  });

  it('opens from the command palette and from the menu bar’s File ▸ Open database…, with Ctrl+O listed', async () => {
    const backend = fakeBackend();
    const { user } = renderWithProviders(<App />);
    await screen.findByTestId('empty-list');

    await user.keyboard('{Control>}k{/Control}');
    const entry = screen.getByRole('option', { name: /Open database…/ });
    expect(entry).toHaveTextContent('Open database…Ctrl+O');
    await user.keyboard('open database{Enter}');
    expect(await screen.findByTestId('open-database-dialog')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('open-database-dialog')).not.toBeInTheDocument());
    act(() => backend.bridge.emit('actionRequested', { action: 'database.open' }));
    expect(await screen.findByTestId('open-database-dialog')).toBeInTheDocument();
  });

  it('gives the focus back to where it was when closed with Cancel', async () => {
    const { user } = await setUp();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await openDialog(user);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByTestId('open-database-dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });
});

describe('a PostgreSQL server', () => {
  it('connects to the URL as typed less the spaces around it, then says “Opening…” until the page loads again', async () => {
    const { backend, user } = await setUp();
    await openDialog(user);
    const release = backend.holdNext('app_open_database');

    await user.type(urlField(), `  ${SERVER}  {Enter}`);

    await waitFor(() => expect(status()).toHaveTextContent('Connecting…'));
    for (const control of [urlField(), connectButton(), fileButton(), defaultButton()]) expect(control).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    release();

    await waitFor(() => expect(status()).toHaveTextContent('Opening…'));
    expect(backend.bridge.callsTo('app_open_database')).toEqual([{ url: SERVER }]);
    expect(backend.database.current).toEqual({ engine: 'postgresql', location: SERVER, isDefault: false });
    // The backend loads the page again: the dialog waits for it, its controls still off.
    expect(screen.getByTestId('open-database-dialog')).toBeInTheDocument();
    expect(connectButton()).toBeDisabled();
    expect(failure()).not.toBeInTheDocument();
  });

  it('asks for the password when the server wants one, and sends it with the URL', async () => {
    const { backend, user } = await setUp((b) => b.requirePassword(SERVER, 's3cret'));
    await openDialog(user);

    await user.type(urlField(), SERVER);
    await user.click(connectButton());

    await waitFor(() => expect(passwordField()).toHaveFocus());
    expect(screen.getByLabelText('Password')).toBe(passwordField());
    expect(passwordField()).toHaveAttribute('type', 'password');
    expect(passwordField()).toHaveAttribute('autocomplete', 'off');
    expect(failure()).toHaveTextContent('the server asks for the password of me');
    expect(failure()).toHaveAttribute('role', 'alert');
    expect(urlField()).toHaveValue(SERVER);
    expect(status()).toHaveTextContent('');

    await user.type(passwordField()!, 'nope{Enter}');
    await waitFor(() => expect(failure()).toHaveTextContent('the server refused the password of me'));
    expect(passwordField()).toHaveValue('');
    expect(passwordField()).toHaveFocus();

    await user.type(passwordField()!, 's3cret{Enter}');
    await waitFor(() => expect(status()).toHaveTextContent('Opening…'));
    expect(backend.bridge.callsTo('app_open_database')).toEqual([
      { url: SERVER },
      { url: SERVER, password: 'nope' },
      { url: SERVER, password: 's3cret' },
    ]);
    expect(backend.database.current.location).toBe(SERVER);
  });

  it('shows any other failure in the dialog, keeping the URL typed', async () => {
    const { backend, user } = await setUp();
    await openDialog(user);

    await user.type(urlField(), 'mysql://me@db.example.com/quire{Enter}');

    await waitFor(() => expect(failure()).toHaveTextContent("is not a postgresql:// URL"));
    expect(failure()).toHaveAttribute('role', 'alert');
    expect(urlField()).toHaveValue('mysql://me@db.example.com/quire');
    expect(urlField()).toHaveAttribute('aria-invalid', 'true');
    expect(urlField()).toHaveFocus();
    expect(passwordField()).not.toBeInTheDocument();

    await user.clear(urlField());
    expect(failure()).not.toBeInTheDocument();
    backend.failNext('app_open_database', 'storage', 'could not connect to server: Connection refused');
    await user.type(urlField(), `${SERVER}{Enter}`);

    await waitFor(() =>
      expect(failure()).toHaveTextContent('Connecting to the server: could not connect to server: Connection refused'),
    );
    expect(urlField()).toHaveValue(SERVER);
    expect(urlField()).toBeEnabled();
    expect(screen.getByTestId('open-database-dialog')).toBeInTheDocument();
    expect(backend.database.current.engine).toBe('sqlite');
  });

  it('says an empty URL needs filling in, and sends nothing', async () => {
    const { backend, user } = await setUp();
    await openDialog(user);

    await user.type(urlField(), '   ');
    await user.click(connectButton());

    expect(failure()).toHaveTextContent('Enter the server’s URL');
    expect(urlField()).toHaveFocus();
    expect(urlField()).toHaveAccessibleDescription(/Enter the server’s URL/);
    await act(async () => {});
    expect(backend.bridge.callsTo('app_open_database')).toEqual([]);
  });

  it('keeps no password once the dialog is closed, nor once the URL changes', async () => {
    const { backend, user } = await setUp((b) => b.requirePassword(SERVER, 's3cret'));
    await openDialog(user);
    await user.type(urlField(), `${SERVER}{Enter}`);
    await waitFor(() => expect(passwordField()).toHaveFocus());
    await user.type(passwordField()!, 'half-typed');

    // Another URL: the password was for the server before.
    await user.type(urlField(), '2');
    expect(passwordField()).not.toBeInTheDocument();
    await user.type(urlField(), '{Backspace}{Enter}');
    await waitFor(() => expect(passwordField()).toHaveFocus());
    expect(passwordField()).toHaveValue('');
    await user.type(passwordField()!, 'half-typed');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('open-database-dialog')).not.toBeInTheDocument());
    await openDialog(user);

    expect(urlField()).toHaveValue('');
    expect(passwordField()).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('half-typed')).not.toBeInTheDocument();
    await user.type(urlField(), `${SERVER}{Enter}`);
    await waitFor(() => expect(passwordField()).toBeInTheDocument());
    expect(passwordField()).toHaveValue('');
    expect(backend.bridge.callsTo('app_open_database')).toEqual([{ url: SERVER }, { url: SERVER }, { url: SERVER }]);
  });

  it('still closes while connecting, and tells a failure that comes after in a toast', async () => {
    const { backend, user } = await setUp();
    await openDialog(user);
    const release = backend.holdNext('app_open_database');
    backend.failNext('app_open_database', 'storage', 'timeout expired');
    await user.type(urlField(), `${SERVER}{Enter}`);
    await waitFor(() => expect(status()).toHaveTextContent('Connecting…'));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('open-database-dialog')).not.toBeInTheDocument());
    release();

    await waitFor(() => expect(toasts()).toEqual(['Connecting to the server: timeout expired']));
  });
});

describe('a SQLite file', () => {
  it('“Open a file…” asks the backend for one; a closed file dialog leaves this one as it was', async () => {
    const { backend, user } = await setUp((b) => (b.database.chosenFile = null));
    await openDialog(user);
    await user.type(urlField(), SERVER);

    await user.click(fileButton());

    await waitFor(() => expect(fileButton()).toHaveFocus());
    expect(backend.bridge.callsTo('app_choose_database_file')).toEqual([{}]);
    expect(screen.getByTestId('open-database-dialog')).toBeInTheDocument();
    expect(status()).toHaveTextContent('');
    expect(failure()).not.toBeInTheDocument();
    expect(urlField()).toHaveValue(SERVER);
    expect(urlField()).toBeEnabled();
    expect(backend.bridge.callsTo('app_open_database')).toEqual([]);
  });

  it('opens the file chosen, saying “Opening…”, and shows a file that cannot be opened in the dialog', async () => {
    const { backend, user } = await setUp();
    await openDialog(user);
    backend.failNext('app_choose_database_file', 'storage', 'work.db is not a Quire database');

    await user.click(fileButton());

    await waitFor(() => expect(failure()).toHaveTextContent('Opening the database file: work.db is not a Quire database'));
    expect(fileButton()).toHaveFocus();
    backend.database.chosenFile = '/home/me/work.db';
    await user.click(fileButton());

    await waitFor(() => expect(status()).toHaveTextContent('Opening…'));
    expect(failure()).not.toBeInTheDocument();
    expect(backend.database.current).toEqual({ engine: 'sqlite', location: '/home/me/work.db', isDefault: false });
    expect(backend.bridge.callsTo('app_choose_database_file')).toEqual([{}, {}]);
  });

  it('does not offer the default local database while it is the one open', async () => {
    const { user } = await setUp();
    await openDialog(user);

    expect(defaultButton()).toBeDisabled();
    expect(fileButton()).toBeEnabled();
  });

  it('opens the default local database when another one is open', async () => {
    const { backend, user } = await setUp((b) => (b.database.current = { engine: 'postgresql', location: SERVER, isDefault: false }));
    await openDialog(user);
    expect(defaultButton()).toBeEnabled();
    expect(screen.getByTestId('open-database-current')).toHaveTextContent(`PostgreSQL server${SERVER}`);
    expect(screen.getByTestId('open-database-current')).not.toHaveTextContent('default');

    await user.click(defaultButton());

    await waitFor(() => expect(status()).toHaveTextContent('Opening…'));
    expect(backend.bridge.callsTo('app_open_database')).toEqual([{}]);
    expect(backend.database.current.isDefault).toBe(true);
  });
});

describe('a server that wants a password the window has not got', () => {
  /** The whole page, started on SERVER, which wants a password that was not given (no ~/.pgpass). */
  async function startWithoutPassword(configure: (backend: FakeBackend) => void = () => {}) {
    const backend = fakeBackend();
    backend.startWithoutPassword(SERVER, 's3cret');
    configure(backend);
    const rendered = renderWithProviders(<App />);
    await act(async () => {});
    return { backend, ...rendered };
  }

  const reason = () => screen.queryByTestId('open-database-reason');
  const dialog = () => screen.queryByTestId('open-database-dialog');

  it('opens the dialog when the lists cannot be read, with the server’s URL and the focus in the password field', async () => {
    const { backend, user } = await startWithoutPassword();

    await waitFor(() => expect(passwordField()).toHaveFocus());
    expect(dialog()).toBeInTheDocument();
    expect(urlField()).toHaveValue(SERVER);
    expect(screen.getByTestId('open-database-current')).toHaveTextContent(`PostgreSQL server${SERVER}`);
    // Said as the reason it opened, not as a failure, and read with the password field.
    expect(reason()).toHaveTextContent('The server asks for a password.');
    expect(reason()).toHaveTextContent(`cannot open database at ${SERVER}: the server asks for the password of me`);
    expect(reason()).not.toHaveAttribute('role');
    expect(failure()).not.toBeInTheDocument();
    expect(passwordField()).toHaveAccessibleDescription(/the server asks for the password of me/);
    // One message, in the dialog: no toast for each list that could not be read.
    expect(backend.bridge.callsTo('db_get_tasks').length).toBeGreaterThan(0);
    expect(backend.bridge.callsTo('db_get_projects').length).toBeGreaterThan(0);
    expect(toasts()).toEqual([]);
    expect(backend.bridge.callsTo('app_open_database')).toEqual([]);

    await user.type(passwordField()!, 's3cret{Enter}');

    await waitFor(() => expect(status()).toHaveTextContent('Opening…'));
    expect(backend.bridge.callsTo('app_open_database')).toEqual([{ url: SERVER, password: 's3cret' }]);
    expect(reason()).not.toBeInTheDocument();
    expect(backend.database.unopened).toBe(false);
  });

  it('says a refused password in the dialog as it does when opened by hand', async () => {
    const { user } = await startWithoutPassword();
    await waitFor(() => expect(passwordField()).toHaveFocus());

    await user.type(passwordField()!, 'nope{Enter}');

    await waitFor(() => expect(failure()).toHaveTextContent('the server refused the password of me'));
    expect(reason()).not.toBeInTheDocument();
    expect(passwordField()).toHaveValue('');
    expect(passwordField()).toHaveFocus();
  });

  it('opens once for the reads that fail while it is open, and gives the focus back to where it was', async () => {
    // The lists were read; then the server asks for a password (it restarted, say) and everything loads again.
    const backend = fakeBackend();
    backend.database.current = { engine: 'postgresql', location: SERVER, isDefault: false };
    const { user } = renderWithProviders(<App />);
    await screen.findByTestId('empty-list');
    await user.click(screen.getByTestId('all-tasks'));
    expect(screen.getByTestId('all-tasks')).toHaveFocus();
    backend.startWithoutPassword(SERVER, 's3cret');
    await act(async () => backend.bridge.emit('tasksChanged', { kind: 'reset', ids: [], tasks: [] }));

    await waitFor(() => expect(passwordField()).toHaveFocus());
    expect(urlField()).toHaveValue(SERVER);
    await user.type(passwordField()!, 'half');

    // It all loads again and fails again while the dialog is open.
    const reads = backend.bridge.callsTo('db_get_tasks').length;
    await act(async () => {
      backend.bridge.emit('tasksChanged', { kind: 'reset', ids: [], tasks: [] });
      backend.bridge.emit('projectsChanged', { kind: 'reset', ids: [], projects: [] });
    });
    await waitFor(() => expect(backend.bridge.callsTo('db_get_tasks').length).toBeGreaterThan(reads));
    await act(async () => {});
    expect(screen.getAllByTestId('open-database-dialog')).toHaveLength(1);
    expect(passwordField()).toHaveValue('half');
    expect(passwordField()).toHaveFocus();
    expect(toasts()).toEqual([]);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog()).not.toBeInTheDocument());
    expect(screen.getByTestId('all-tasks')).toHaveFocus();
  });

  it('does not open again, once closed, for the reads sent before; a read sent since that fails opens it', async () => {
    let releaseProjects = () => {};
    const { backend, user } = await startWithoutPassword((b) => (releaseProjects = b.holdNext('db_get_projects')));
    await waitFor(() => expect(passwordField()).toHaveFocus());

    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog()).not.toBeInTheDocument());
    // The read of the projects sent before it was closed fails now: the dialog has said why.
    releaseProjects();
    await waitFor(() => expect(screen.getByText(/Projects could not be loaded/)).toBeInTheDocument());
    await act(async () => {});
    expect(dialog()).not.toBeInTheDocument();
    expect(toasts()).toEqual([]);

    // Ctrl+O opens it as ever: no URL, no password field, no reason.
    await openDialog(user);
    expect(urlField()).toHaveValue('');
    expect(urlField()).toHaveFocus();
    expect(passwordField()).not.toBeInTheDocument();
    expect(reason()).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog()).not.toBeInTheDocument());

    // A read sent since (the list's Retry) that fails asks again, afresh.
    await user.click(within(screen.getByRole('main')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(passwordField()).toHaveFocus());
    expect(urlField()).toHaveValue(SERVER);
    expect(passwordField()).toHaveValue('');
    expect(reason()).toHaveTextContent('the server asks for the password of me');
    expect(backend.bridge.callsTo('app_open_database')).toEqual([]);
  });

  it('does not open for a read failing otherwise, which is said in a toast as ever', async () => {
    const backend = fakeBackend();
    backend.database.current = { engine: 'postgresql', location: SERVER, isDefault: false };
    backend.failNext('db_get_projects', 'storage', 'could not connect to server: Connection refused');
    renderWithProviders(<App />);

    await waitFor(() => expect(toasts()).toEqual(['Loading projects: could not connect to server: Connection refused']));
    await screen.findByTestId('empty-list');
    expect(dialog()).not.toBeInTheDocument();
    expect(backend.bridge.callsTo('app_get_database')).toEqual([]);
  });
});
