// SPDX-License-Identifier: MIT
import { useState } from 'react';
import { Modal } from '@/components/modal';
import { KEYS_KEY, keyList } from '@/features/commands/utils/key-list';
import { useActions, useRegisterActions } from '@/lib/action-registry';
import { useKeyShortcut } from '@/lib/use-key-shortcut';
import { useOpenerFocus } from '@/lib/use-opener-focus';

/** "?": every key Quire answers to, by group, from the registered actions and the focus keys. */
export function KeysDialog() {
  const [open, setOpen] = useState(false);
  const opener = useOpenerFocus();
  const show = () => {
    opener.remember();
    setOpen(true);
  };
  useKeyShortcut(KEYS_KEY, show);
  useRegisterActions([
    { id: 'keyboard-shortcuts', label: 'Keyboard shortcuts', group: 'General', shortcut: KEYS_KEY, keywords: ['keys', 'help'], run: show },
  ]);
  const groups = keyList(useActions());

  return (
    <Modal open={open} onOpenChange={setOpen} title="Keyboard shortcuts" testId="keys-dialog" onReturnFocus={opener.restore}>
      <div className="keys-groups">
        {groups.map(([group, entries]) => (
          <section key={group} className="keys-group">
            <h3>{group}</h3>
            <dl className="keys-list">
              {entries.map((entry) => (
                <div key={`${entry.keys} ${entry.label}`} className="keys-entry">
                  <dt>
                    <kbd>{entry.keys}</kbd>
                  </dt>
                  <dd>{entry.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
