// SPDX-License-Identifier: MIT
// What the import and export say, in plain words: "Adds 312 tasks and 4 projects."
import type { FileFormat, ImportPreview, ImportSource, TransferSummary } from '@/ipc/contract';
import { countOf } from '@/lib/format-count';

/** "312 tasks and 4 projects", "1 task", "4 projects"; "" for none of either. */
export function tasksAndProjects(tasks: number, projects: number): string {
  const parts = [tasks > 0 ? countOf(tasks, 'task') : '', projects > 0 ? countOf(projects, 'project') : ''];
  return parts.filter(Boolean).join(' and ');
}

/** Whether importing the previewed file would add anything. */
export function addsAnything(preview: ImportPreview): boolean {
  return preview.tasks > 0 || preview.projects > 0;
}

/** The preview's first line: what importing adds. */
export function previewAdds(preview: ImportPreview): string {
  if (addsAnything(preview)) return `Adds ${tasksAndProjects(preview.tasks, preview.projects)}.`;
  return skipsAnything(preview)
    ? 'Nothing to add: Quire already has everything in this file.'
    : 'Nothing to add: the file holds no tasks or projects.';
}

function skipsAnything(preview: ImportPreview): boolean {
  return preview.tasksSkipped > 0 || preview.projectsSkipped > 0;
}

/** What importing leaves out because the database has it already, or null when nothing. */
export function previewSkips(preview: ImportPreview): string | null {
  if (!skipsAnything(preview)) return null;
  return `Skips ${tasksAndProjects(preview.tasksSkipped, preview.projectsSkipped)} Quire already has.`;
}

export function previewTitle(preview: ImportPreview): string {
  return addsAnything(preview) ? `Import “${preview.fileName}”?` : `Nothing to import from “${preview.fileName}”`;
}

/** "Exported 312 tasks and 4 projects to quire.ics". */
export function exportedMessage(summary: TransferSummary): string {
  const what = tasksAndProjects(summary.tasks, summary.projects) || 'no tasks';
  return `Exported ${what} to ${summary.fileName}`;
}

/** "Imported 312 tasks and 4 projects", or null when it added nothing (someone else's import came first). */
export function importedMessage(summary: TransferSummary): string | null {
  const what = tasksAndProjects(summary.tasks, summary.projects);
  return what ? `Imported ${what}` : null;
}

/** The formats the palette (and the menu bar, by id) offers to export to. */
export const exportFormats: readonly { format: FileFormat; id: string; label: string; keywords: string[] }[] = [
  { format: 'json', id: 'transfer.export-json', label: 'Export tasks as Quire JSON…', keywords: ['backup', 'save', 'json'] },
  { format: 'csv', id: 'transfer.export-csv', label: 'Export tasks as CSV…', keywords: ['spreadsheet', 'excel', 'calc', 'save'] },
  { format: 'ics', id: 'transfer.export-ics', label: 'Export tasks as iCalendar…', keywords: ['ics', 'vtodo', 'thunderbird', 'nextcloud', 'save'] },
];

/** Where the palette (and the menu bar, by id) offers to import from. */
export const importSources: readonly { source: ImportSource; id: string; label: string; keywords: string[] }[] = [
  { source: 'file', id: 'transfer.import-file', label: 'Import tasks from a file…', keywords: ['open', 'json', 'csv', 'ics', 'restore'] },
  { source: 'bluekit', id: 'transfer.import-bluekit', label: 'Import from BlueKit…', keywords: ['bluekit', 'migrate'] },
];
