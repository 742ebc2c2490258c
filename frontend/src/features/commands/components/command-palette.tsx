// SPDX-License-Identifier: MIT
// Ctrl+K (⌘K): every registered action, grouped, with its key; typing filters, Enter runs, Esc
// closes. Radix's dialog rather than our Modal: the search line is its header, with no title bar.
import * as Dialog from '@radix-ui/react-dialog';
import { Command, defaultFilter } from 'cmdk';
import { useRef, useState } from 'react';
import { PALETTE_KEY } from '@/features/commands/utils/key-list';
import { actionGroups, useActions, useRegisterActions, type Action } from '@/lib/action-registry';
import { useKeyShortcut } from '@/lib/use-key-shortcut';
import { useOpenerFocus } from '@/lib/use-opener-focus';

// Items are keyed by id, which must not take part in the match: the label and keywords do.
const filter = (_id: string, search: string, words?: string[]) => defaultFilter(words?.join(' ') ?? '', search);

export function CommandPalette() {
  const actions = useActions().filter((action) => !action.notInPalette);
  const groups = actionGroups
    .map((group) => [group, actions.filter((action) => action.group === group)] as const)
    .filter(([, inGroup]) => inGroup.length > 0);
  const [open, setOpen] = useState(false);
  const opener = useOpenerFocus();
  const chosen = useRef<Action | null>(null);

  const openPalette = () => {
    opener.remember();
    setOpen(true);
  };
  useKeyShortcut(PALETTE_KEY, openPalette);
  // Registered so that the keys list shows its key and the menu bar's View ▸ Command palette opens
  // it; not listed in itself.
  useRegisterActions([
    { id: 'command-palette', label: 'Command palette', group: 'General', shortcut: PALETTE_KEY, notInPalette: true, run: openPalette },
  ]);

  const choose = (action: Action) => {
    chosen.current = action;
    setOpen(false);
  };

  // Once the palette is gone: the focus goes back first, then the action runs, so one that moves
  // the focus (quick add) or opens a dialog (which gives it back there on closing) has the last word.
  const onCloseAutoFocus = (event: Event) => {
    event.preventDefault();
    opener.restore();
    const action = chosen.current;
    chosen.current = null;
    action?.run();
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="palette" data-testid="command-palette" aria-describedby={undefined} onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="visually-hidden">Command palette</Dialog.Title>
          <Command label="Commands" filter={filter} loop>
            <Command.Input className="palette-input" placeholder="Type a command or a list…" />
            <Command.List className="palette-list" label="Commands">
              <Command.Empty className="palette-empty">No command matches.</Command.Empty>
              {groups.map(([group, inGroup]) => (
                <Command.Group key={group} heading={group}>
                  {inGroup.map((action) => (
                    <Command.Item
                      key={action.id}
                      value={action.id}
                      keywords={[action.label, ...(action.keywords ?? [])]}
                      onSelect={() => choose(action)}
                      className="palette-item"
                    >
                      <span className="palette-label">{action.label}</span>
                      {action.shortcut ? <kbd>{action.shortcut}</kbd> : null}
                    </Command.Item>
                  ))}
                </Command.Group>
              ))}
            </Command.List>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
