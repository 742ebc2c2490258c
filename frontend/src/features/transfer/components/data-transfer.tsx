// SPDX-License-Identifier: MIT
// Getting tasks in and out of Quire: the palette's (and the menu bar's) export and import actions,
// and the preview of a file to import.
import { useRef, useState } from 'react';
import type { ImportPreview } from '@/ipc/contract';
import { useRegisterActions } from '@/lib/action-registry';
import {
  discardImport,
  exportTasks,
  importPreviewed,
  previewImport,
} from '@/features/transfer/api/transfer-api';
import { ImportPreviewDialog } from '@/features/transfer/components/import-preview-dialog';
import { exportFormats, importSources } from '@/features/transfer/utils/transfer-text';

export function DataTransfer() {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // What is shown, for callbacks that outlive a render (a preview read while another came in).
  const shown = useRef<ImportPreview | null>(null);
  const change = (next: ImportPreview | null) => {
    shown.current = next;
    setPreview(next);
  };

  // A second file while one is shown (the menu bar is outside the page's dialog) replaces it: the
  // backend can forget the first.
  const show = (next: ImportPreview) => {
    const before = shown.current;
    if (before && before.importId !== next.importId) void discardImport(before);
    change(next);
  };

  useRegisterActions([
    ...exportFormats.map(({ format, id, label, keywords }) => ({
      id,
      label,
      group: 'File' as const,
      keywords: ['export', ...keywords],
      run: () => void exportTasks(format),
    })),
    ...importSources.map(({ source, id, label, keywords }) => ({
      id,
      label,
      group: 'File' as const,
      keywords: ['import', ...keywords],
      run: () =>
        void previewImport(source).then((read) => {
          if (read) show(read);
        }),
    })),
  ]);

  return (
    <ImportPreviewDialog
      preview={preview}
      onImport={(chosen) => {
        change(null);
        void importPreviewed(chosen);
      }}
      onDismiss={(dismissed) => {
        change(null);
        void discardImport(dismissed);
      }}
    />
  );
}
