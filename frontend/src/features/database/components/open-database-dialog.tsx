// SPDX-License-Identifier: MIT
// "Open database": the database the window shows now, and another to show instead: a PostgreSQL
// server by its URL (with a password typed here when the server wants one), a SQLite file the
// system's dialog picks, or the default local file. Once one is open the backend loads the page
// again on it: the dialog says "Opening…" until then and goes nowhere itself. A failure leaves the
// database as it was and is said in the dialog, which keeps what was typed. Mounted only while
// open, so closing it forgets what was typed, the password above all. Opened because the server
// open now wants a password (a PasswordRequest), it starts with that server's URL, the password
// field focused and what the server said.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Modal, ModalClose } from '@/components/modal';
import {
  chooseDatabaseFile,
  openDatabase,
  useCurrentDatabase,
  wantsPassword,
  type DatabaseTarget,
} from '@/features/database/api/database-api';
import type { DatabaseEngine, DatabaseInfo } from '@/ipc/contract';
import { describeError, reportError } from '@/lib/report-error';

const engineLabels: Readonly<Record<DatabaseEngine, string>> = {
  sqlite: 'SQLite file',
  postgresql: 'PostgreSQL server',
};

const URL_PLACEHOLDER = 'postgresql://user@host:5432/quire';

/** What is under way: a server being connected to, a file being opened, or one open that the page is about to show. */
type Busy = 'connecting' | 'opening' | 'opened';
const busyLabels: Readonly<Record<Busy, string>> = {
  connecting: 'Connecting…',
  opening: 'Opening…',
  opened: 'Opening…',
};

/** Why nothing opened, shown under the part of the dialog it concerns, with the field to fix marked. */
interface Failure {
  where: 'server' | 'file';
  message: string;
  field?: 'url' | 'password';
}

/**
 * Why the dialog opened by itself: the server open now wants a password. `url`: that server's,
 * '' when it could not be read (the person types it); `reason`: what the server said.
 */
export interface PasswordRequest {
  url: string;
  reason: string;
}

interface OpenDatabaseDialogProps {
  /** Given when it opened because the database open now wants a password. */
  request?: PasswordRequest;
  onClose: () => void;
  /** Where the focus goes once the dialog has closed; else where Radix puts it. */
  onReturnFocus?: () => void;
}

export function OpenDatabaseDialog({ request, onClose, onReturnFocus }: OpenDatabaseDialogProps) {
  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title="Open database"
      description="The window loads again on the database you open, and Quire opens it at its next start too."
      testId="open-database-dialog"
      onReturnFocus={onReturnFocus}
    >
      <OpenDatabaseForm request={request} />
    </Modal>
  );
}

function OpenDatabaseForm({ request }: { request: PasswordRequest | undefined }) {
  const current = useCurrentDatabase();
  const info = current.data;
  const [url, setUrl] = useState(request?.url ?? '');
  // Asked for once the server says it wants one; only ever here, and dropped when the URL changes.
  const [askPassword, setAskPassword] = useState(Boolean(request?.url));
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Why it opened by itself, said until the person connects or types another URL.
  const [reason, setReason] = useState(request?.reason ?? null);
  const ids = {
    server: useId(),
    file: useId(),
    url: useId(),
    hint: useId(),
    password: useId(),
    failure: useId(),
    reason: useId(),
  };
  const urlField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const fileButton = useRef<HTMLButtonElement>(null);
  const defaultButton = useRef<HTMLButtonElement>(null);

  // A call disables the controls, so the focus leaves them; once they are enabled again it goes to
  // the one to act on next, looked up after that render (the password field may only appear in it).
  const focusNext = useRef<(() => HTMLElement | null) | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const refocus = (element: () => HTMLElement | null) => {
    focusNext.current = element;
    setFocusRequest((n) => n + 1);
  };
  useEffect(() => {
    if (busy !== null || !focusNext.current) return;
    focusNext.current()?.focus();
    focusNext.current = null;
  }, [busy, focusRequest]);

  // A call still running when the dialog is closed is not stopped (the backend cannot); if it
  // fails, the failure is told the usual way, nobody seeing the dialog's.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /**
   * Runs `call` with the controls disabled. Once something is open, the dialog says "Opening…"
   * until the page is loaded again; nothing opened (the file dialog closed) leaves it as it was.
   */
  const attempt = async (
    state: 'connecting' | 'opening',
    action: string,
    call: () => Promise<DatabaseInfo | null>,
    onFailure: (error: unknown) => void,
    afterNothing: () => HTMLElement | null = () => null,
  ) => {
    setBusy(state);
    setFailure(null);
    try {
      const opened = await call();
      if (opened) {
        setBusy('opened');
        return;
      }
      refocus(afterNothing);
    } catch (error) {
      if (!mounted.current) {
        reportError(action, error);
        return;
      }
      onFailure(error);
    }
    setBusy(null);
  };

  const changeUrl = (value: string) => {
    setUrl(value);
    // A password belongs to the server it was typed for, and so does what that server said.
    setAskPassword(false);
    setPassword('');
    setReason(null);
    if (failure?.where === 'server') setFailure(null);
  };

  const connect = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = url.trim();
    if (!trimmed) {
      setFailure({ where: 'server', field: 'url', message: `Enter the server’s URL, such as ${URL_PLACEHOLDER}` });
      urlField.current?.focus();
      return;
    }
    if (askPassword && !password) {
      setFailure({ where: 'server', field: 'password', message: 'Enter the password' });
      passwordField.current?.focus();
      return;
    }
    const target: DatabaseTarget = askPassword ? { url: trimmed, password } : { url: trimmed };
    const action = 'Connecting to the server';
    // What the server says now replaces what it said before.
    setReason(null);
    void attempt('connecting', action, () => openDatabase(target), (error) => {
      if (wantsPassword(error)) {
        // The server's own words: that it wants a password, or refused the one typed.
        setAskPassword(true);
        setPassword('');
        setFailure({ where: 'server', field: 'password', message: error.message });
        refocus(() => passwordField.current);
        return;
      }
      setFailure({ where: 'server', field: 'url', message: describeError(action, error) });
      refocus(() => urlField.current);
    });
  };

  const openFile = () => {
    const action = 'Opening the database file';
    void attempt(
      'opening',
      action,
      chooseDatabaseFile,
      (error) => {
        setFailure({ where: 'file', message: describeError(action, error) });
        refocus(() => fileButton.current);
      },
      () => fileButton.current,
    );
  };

  const openDefault = () => {
    const action = 'Opening the default local database';
    void attempt('opening', action, () => openDatabase({}), (error) => {
      setFailure({ where: 'file', message: describeError(action, error) });
      refocus(() => defaultButton.current);
    });
  };

  const pending = busy !== null;
  const failureLine = (where: Failure['where']) =>
    failure?.where === where ? (
      <p id={ids.failure} className="form-error" role="alert" data-testid="open-database-error">
        {failure.message}
      </p>
    ) : null;
  // The reason describes the field it opened at: the password's, or the URL's when that is unknown.
  const reasonFor: Failure['field'] = askPassword ? 'password' : 'url';
  const describedBy = (field: Failure['field'], ...more: string[]) =>
    [
      ...more,
      ...(reason !== null && field === reasonFor ? [ids.reason] : []),
      ...(failure?.field === field ? [ids.failure] : []),
    ].join(' ') || undefined;

  return (
    <div className="database-dialog" aria-busy={pending}>
      <p className="database-current" data-testid="open-database-current">
        <span className="database-current-label">Open now</span>
        {info ? (
          <>
            <span>
              {engineLabels[info.engine]}
              {info.isDefault ? <span className="muted"> (the default local database)</span> : null}
            </span>
            <span className="database-location">{info.location}</span>
          </>
        ) : (
          <span className="muted">{current.isError ? 'Quire could not say which database is open' : 'Reading…'}</span>
        )}
      </p>

      <form className="form database-section" aria-labelledby={ids.server} onSubmit={connect} noValidate>
        <h3 id={ids.server} className="database-section-title">
          PostgreSQL server
        </h3>
        {reason !== null ? (
          <div id={ids.reason} className="database-reason" data-testid="open-database-reason">
            <p className="database-reason-title">The server asks for a password.</p>
            <p className="database-reason-detail">{reason}</p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.url}>Server URL</label>
          <input
            id={ids.url}
            ref={urlField}
            data-testid="open-database-url"
            type="text"
            inputMode="url"
            placeholder={URL_PLACEHOLDER}
            value={url}
            onChange={(e) => changeUrl(e.target.value)}
            disabled={pending}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-invalid={failure?.field === 'url' ? true : undefined}
            aria-describedby={describedBy('url', ids.hint)}
            autoFocus={!request?.url}
          />
          <p id={ids.hint} className="field-hint">
            The password comes from ~/.pgpass or PGPASSWORD, or Quire asks for it here. It is never saved.
          </p>
        </div>
        {askPassword ? (
          <div className="field">
            <label htmlFor={ids.password}>Password</label>
            <input
              id={ids.password}
              ref={passwordField}
              data-testid="open-database-password"
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                if (failure?.field === 'password') setFailure(null);
              }}
              disabled={pending}
              aria-invalid={failure?.field === 'password' ? true : undefined}
              aria-describedby={describedBy('password')}
              autoFocus={Boolean(request?.url)}
            />
          </div>
        ) : null}
        {failureLine('server')}
        <div className="database-section-actions">
          <button type="submit" className="button button-primary" data-testid="open-database-connect" disabled={pending}>
            Connect
          </button>
        </div>
      </form>

      <section className="database-section" aria-labelledby={ids.file}>
        <h3 id={ids.file} className="database-section-title">
          SQLite file
        </h3>
        <div className="database-file-actions">
          <button
            type="button"
            ref={fileButton}
            className="button"
            data-testid="open-database-file"
            onClick={openFile}
            disabled={pending}
          >
            Open a file…
          </button>
          <button
            type="button"
            ref={defaultButton}
            className="button"
            data-testid="open-database-default"
            onClick={openDefault}
            disabled={pending || info?.isDefault === true}
          >
            Use the default local database
          </button>
        </div>
        {failureLine('file')}
      </section>

      <div className="modal-actions">
        <p className="database-status" role="status">
          {busy ? busyLabels[busy] : ''}
        </p>
        <ModalClose className="button" type="button">
          Cancel
        </ModalClose>
      </div>
    </div>
  );
}
