// SPDX-License-Identifier: MIT
// The end of a dialog's form: why saving failed (if it did), then Cancel and the submit button.
import { ModalClose } from '@/components/modal';

interface DialogActionsProps {
  /** The message of a failed save, or null. */
  error: string | null;
  submitLabel: string;
  submitTestId: string;
  /** Disables the submit button while a save is under way. */
  pending: boolean;
}

export function DialogActions({ error, submitLabel, submitTestId, pending }: DialogActionsProps) {
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="modal-actions">
        <ModalClose className="button" type="button">
          Cancel
        </ModalClose>
        <button type="submit" className="button button-primary" data-testid={submitTestId} disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
