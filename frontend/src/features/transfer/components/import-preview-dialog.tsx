// SPDX-License-Identifier: MIT
// "Import “tasks.ics”?": what importing a file would do, before anything is written. Import has the
// focus, so Enter imports; Esc (or Cancel) lets the file go. When the file adds nothing, the dialog
// says so and only closes.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useRef } from 'react';
import type { ImportPreview } from '@/ipc/contract';
import {
  addsAnything,
  previewAdds,
  previewSkips,
  previewTitle,
} from '@/features/transfer/utils/transfer-text';

interface ImportPreviewDialogProps {
  /** The file to show, or null for no dialog. */
  preview: ImportPreview | null;
  onImport: (preview: ImportPreview) => void;
  /** Cancel, Close or Esc: the file is not imported. */
  onDismiss: (preview: ImportPreview) => void;
}

export function ImportPreviewDialog({ preview, onImport, onDismiss }: ImportPreviewDialogProps) {
  const primary = useRef<HTMLButtonElement>(null);
  // The choice made: Radix reports only "closed", for a click on Import as for Esc.
  const chosen = useRef<'import' | null>(null);
  if (!preview) return null;
  const adds = addsAnything(preview);
  const skips = previewSkips(preview);

  return (
    <AlertDialog.Root
      open
      onOpenChange={(open) => {
        if (open) return;
        if (chosen.current === 'import') onImport(preview);
        else onDismiss(preview);
        chosen.current = null;
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="overlay" />
        <AlertDialog.Content
          className="modal modal-small import-preview"
          data-testid="import-preview"
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            primary.current?.focus();
          }}
        >
          <AlertDialog.Title className="modal-title import-preview-title">{previewTitle(preview)}</AlertDialog.Title>
          <AlertDialog.Description className="import-preview-adds">{previewAdds(preview)}</AlertDialog.Description>
          {skips ? <p className="import-preview-skips">{skips}</p> : null}
          {preview.notes.length > 0 ? (
            <ul className="import-preview-notes" aria-label="Notes">
              {preview.notes.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ul>
          ) : null}
          {adds ? <p className="import-preview-undo muted">Undo (Ctrl+Z) takes the whole import back.</p> : null}
          <div className="modal-actions">
            {adds ? (
              <>
                <AlertDialog.Cancel className="button">Cancel</AlertDialog.Cancel>
                <AlertDialog.Action
                  ref={primary}
                  className="button button-primary"
                  data-testid="confirm-import"
                  onClick={() => {
                    chosen.current = 'import';
                  }}
                >
                  Import
                </AlertDialog.Action>
              </>
            ) : (
              <AlertDialog.Cancel ref={primary} className="button button-primary">
                Close
              </AlertDialog.Cancel>
            )}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
