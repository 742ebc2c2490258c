// SPDX-License-Identifier: MIT
// Import and export: each step a long call (src/lib/long-call.ts) with the progress panel and its
// Cancel, its failure said once through reportError(), and its outcome in a toast. The file
// dialogs are Qt's, opened by the backend; the page never names a path.
import { toast } from 'sonner';
import {
  invokeTransferDiscardImport,
  invokeTransferExportTasks,
  invokeTransferImport,
  invokeTransferPreviewImport,
} from '@/ipc/commands';
import type { FileFormat, ImportPreview, ImportSource } from '@/ipc/contract';
import { runLongCall } from '@/lib/long-call';
import { reportError } from '@/lib/report-error';
import { offerUndo } from '@/lib/undo';
import { exportedMessage, importedMessage } from '@/features/transfer/utils/transfer-text';

/** Asks where to save, writes every task and project there, and says what it wrote; nothing if the dialog was closed. */
export async function exportTasks(format: FileFormat): Promise<void> {
  try {
    // Counted from the first progress report: until then the person is in the save dialog.
    const summary = await runLongCall('Exporting tasks', (options) => invokeTransferExportTasks({ format }, options), {
      showFrom: 'progress',
    });
    if (summary) toast.success(exportedMessage(summary));
  } catch (error) {
    reportError('Exporting tasks', error);
  }
}

/** Asks for a file (or reads BlueKit's database) and says what importing it would do; null if there is nothing to show. */
export async function previewImport(source: ImportSource): Promise<ImportPreview | null> {
  try {
    return await runLongCall(
      source === 'bluekit' ? 'Reading BlueKit’s tasks' : 'Reading the file',
      (options) => invokeTransferPreviewImport({ source }, options),
      { showFrom: 'progress' },
    );
  } catch (error) {
    reportError('Reading the file to import', error);
    return null;
  }
}

/** Imports what `preview` read, as one undoable step, and says what it added. */
export async function importPreviewed(preview: ImportPreview): Promise<void> {
  try {
    const summary = await runLongCall('Importing tasks', (options) =>
      invokeTransferImport({ importId: preview.importId }, options),
    );
    const message = importedMessage(summary);
    if (message) offerUndo(message);
    else toast('Nothing imported: Quire already has all of it');
  } catch (error) {
    reportError('Importing tasks', error);
  }
}

/** Lets the backend forget the file it read for `preview`. */
export async function discardImport(preview: ImportPreview): Promise<void> {
  try {
    await invokeTransferDiscardImport({ importId: preview.importId });
  } catch (error) {
    reportError('Discarding the import', error);
  }
}
