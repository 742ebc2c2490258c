// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  exportedMessage,
  importedMessage,
  previewAdds,
  previewSkips,
  previewTitle,
  tasksAndProjects,
} from '@/features/transfer/utils/transfer-text';
import { makeImportPreview } from '@/testing/fake-backend';

const summary = { fileName: 'quire.ics', tasks: 312, projects: 4, tasksSkipped: 0, projectsSkipped: 0 };

describe('what import and export say', () => {
  it('counts tasks and projects in words, one or many, thousands apart', () => {
    expect(tasksAndProjects(312, 4)).toBe('312 tasks and 4 projects');
    expect(tasksAndProjects(1, 1)).toBe('1 task and 1 project');
    expect(tasksAndProjects(100000, 0)).toBe('100\u202f000 tasks');
    expect(tasksAndProjects(0, 2)).toBe('2 projects');
    expect(tasksAndProjects(0, 0)).toBe('');
  });

  it('says what an import adds and what it skips', () => {
    const preview = makeImportPreview({ fileName: 'tasks.ics', tasks: 312, projects: 4, tasksSkipped: 2, projectsSkipped: 1 });
    expect(previewTitle(preview)).toBe('Import “tasks.ics”?');
    expect(previewAdds(preview)).toBe('Adds 312 tasks and 4 projects.');
    expect(previewSkips(preview)).toBe('Skips 2 tasks and 1 project Quire already has.');
    expect(previewSkips(makeImportPreview())).toBeNull();
  });

  it('says when a file adds nothing, and why', () => {
    const known = makeImportPreview({ fileName: 'old.json', tasks: 0, projects: 0, tasksSkipped: 5 });
    expect(previewTitle(known)).toBe('Nothing to import from “old.json”');
    expect(previewAdds(known)).toBe('Nothing to add: Quire already has everything in this file.');
    expect(previewAdds(makeImportPreview({ tasks: 0, projects: 0 }))).toBe(
      'Nothing to add: the file holds no tasks or projects.',
    );
  });

  it('says what an export wrote and where, and what an import added', () => {
    expect(exportedMessage(summary)).toBe('Exported 312 tasks and 4 projects to quire.ics');
    expect(exportedMessage({ ...summary, tasks: 0, projects: 0 })).toBe('Exported no tasks to quire.ics');
    expect(importedMessage(summary)).toBe('Imported 312 tasks and 4 projects');
    expect(importedMessage({ ...summary, tasks: 0, projects: 0 })).toBeNull();
  });
});
