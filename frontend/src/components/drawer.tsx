// SPDX-License-Identifier: MIT
// A panel that slides in from the left over a narrow window (Radix dialog: focus trapped,
// labelled, Esc or a click outside closes it), for what a wide window shows beside the content.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { CloseIcon } from '@/components/icons';

interface DrawerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  testId?: string;
  children: ReactNode;
}

export function Drawer({ open, onOpenChange, title, testId, children }: DrawerProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="drawer" data-testid={testId} aria-describedby={undefined}>
          <header className="drawer-header">
            <Dialog.Title className="drawer-title">{title}</Dialog.Title>
            <Dialog.Close className="icon-button" aria-label="Close">
              <CloseIcon />
            </Dialog.Close>
          </header>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
