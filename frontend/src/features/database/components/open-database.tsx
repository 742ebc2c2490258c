// SPDX-License-Identifier: MIT
// File ▸ Open database… (the menu bar's database.open), Ctrl+O and the palette's "Open database…":
// the dialog that opens another database for the window. It also opens by itself when a read
// fails because the server open now wants a password libpq found nowhere (src/lib/password-prompt.ts),
// with that server's URL filled in and the focus in the password field.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { currentServerUrl } from '@/features/database/api/database-api';
import { OpenDatabaseDialog, type PasswordRequest } from '@/features/database/components/open-database-dialog';
import { useRegisterActions } from '@/lib/action-registry';
import { latestRead, registerPasswordPrompt } from '@/lib/password-prompt';
import { useKeyShortcut } from '@/lib/use-key-shortcut';
import { useOpenerFocus } from '@/lib/use-opener-focus';

/** Opens the dialog: the menu bar shows it as the platform's Open key, which is Ctrl+O (⌘O) everywhere. */
export const OPEN_DATABASE_KEY = 'Ctrl+O';

export function OpenDatabase() {
  const client = useQueryClient();
  // What the dialog shows while open: the password asked for, when it opened by itself.
  const [shown, setShown] = useState<{ request?: PasswordRequest } | null>(null);
  // Open, or about to be (the prompt reads the server's URL first): set at once, unlike `shown`.
  const opened = useRef(false);
  // The latest read started when the dialog was last closed: the failures of those it has said.
  const closedAfterRead = useRef(0);
  const opener = useOpenerFocus();

  const show = () => {
    // The menu bar may ask again while it is open: the focus is in the dialog then.
    if (opened.current) return;
    opened.current = true;
    opener.remember();
    setShown({});
  };
  useKeyShortcut(OPEN_DATABASE_KEY, show);
  useRegisterActions([
    {
      id: 'database.open',
      label: 'Open database…',
      group: 'File',
      shortcut: OPEN_DATABASE_KEY,
      keywords: ['database', 'switch', 'server', 'postgresql', 'sqlite', 'file'],
      run: show,
    },
  ]);

  // Every read fails alike while the password is missing: the dialog opens for the first failure,
  // not again for those that come while it is open, nor for reads sent before it was closed; a read
  // sent since (Retry, another list) that fails opens it again.
  useEffect(
    () =>
      registerPasswordPrompt((error, read) => {
        if (opened.current || read <= closedAfterRead.current) return;
        opened.current = true;
        void currentServerUrl(client).then((url) => {
          opener.remember();
          setShown({ request: { url, reason: error.message } });
        });
      }),
    [client, opener],
  );

  const close = () => {
    closedAfterRead.current = latestRead();
    opened.current = false;
    setShown(null);
  };

  return shown ? <OpenDatabaseDialog request={shown.request} onClose={close} onReturnFocus={opener.restore} /> : null;
}
