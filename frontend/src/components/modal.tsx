// SPDX-License-Identifier: MIT
// An accessible dialog (Radix: focus trapped, labelled by its title, Esc or a click outside closes
// it): centred, or as a drawer that slides in from the left over a narrow window, for what a wide
// window shows beside the content.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { CloseIcon } from '@/components/icons';
import { closeAutoFocus } from '@/components/return-focus';

interface ModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  testId?: string;
  variant?: 'centred' | 'drawer';
  /** Puts the focus somewhere better than where it was when the dialog opened. */
  onReturnFocus?: () => void;
  children: ReactNode;
}

export function Modal({
  open,
  onOpenChange,
  title,
  description,
  testId,
  variant = 'centred',
  onReturnFocus,
  children,
}: ModalProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content
          className={variant === 'drawer' ? 'drawer' : 'modal'}
          data-testid={testId}
          {...(description ? {} : { 'aria-describedby': undefined })}
          onCloseAutoFocus={closeAutoFocus(onReturnFocus)}
        >
          <header className="modal-header">
            <Dialog.Title className="modal-title">{title}</Dialog.Title>
            <Dialog.Close className="icon-button" aria-label="Close">
              <CloseIcon />
            </Dialog.Close>
          </header>
          {description ? <Dialog.Description className="modal-description">{description}</Dialog.Description> : null}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const ModalClose = Dialog.Close;
