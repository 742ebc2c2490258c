// SPDX-License-Identifier: MIT
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { closeAutoFocus } from '@/components/return-focus';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  /** "Cancel" unless the choice reads better another way ("Keep editing"). */
  cancelLabel?: string;
  onConfirm: () => void;
  /** data-testid of the confirm button; the end-to-end tests look for confirm-delete. */
  confirmTestId?: string;
  /** Puts the focus somewhere better than where it was when the dialog opened. */
  onReturnFocus?: () => void;
  /** A third choice, between cancelling and confirming ("Reload" beside "Save mine"). */
  alternative?: { label: string; onSelect: () => void; testId: string };
  /** Danger (the default) for a choice that throws something away; primary for one that keeps it. */
  confirmTone?: 'danger' | 'primary';
}

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  confirmTestId = 'confirm-delete',
  onReturnFocus,
  alternative,
  confirmTone = 'danger',
}: ConfirmDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="overlay" />
        <AlertDialog.Content
          className="modal modal-small"
          data-testid="confirm-dialog"
          onCloseAutoFocus={closeAutoFocus(onReturnFocus)}
        >
          <AlertDialog.Title className="modal-title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="modal-description">{description}</AlertDialog.Description>
          <div className="modal-actions">
            <AlertDialog.Cancel className="button">{cancelLabel}</AlertDialog.Cancel>
            {alternative && (
              <AlertDialog.Action className="button" data-testid={alternative.testId} onClick={alternative.onSelect}>
                {alternative.label}
              </AlertDialog.Action>
            )}
            <AlertDialog.Action className={`button button-${confirmTone}`} data-testid={confirmTestId} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
