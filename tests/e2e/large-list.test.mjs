// SPDX-License-Identifier: MIT
// A whole list travels as one call whose parts (500 rows each) come as taskListPart events ahead
// of its reply, and the start view first shows a page of 1 000 alone, then asks for the rest
// (frontend/src/ipc/task-list.ts): every task arrives once, in creation order, and the window
// shows the whole count. The tasks are written straight into the file, as fast as SQLite
// can, then the app is started on it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchQuire, makeWorkspace, queryDatabase } from './support/quire-app.mjs';

const TASKS = 25_000;
const IN_PROJECT = 12_001;
const PROJECT = 'p-bulk';

let workspace;
let app;

before(async () => {
  workspace = makeWorkspace();
  // A first start creates the schema; the rows go in while the app is closed.
  const first = await launchQuire({ databasePath: workspace.databasePath, attach: false });
  await first.stop();
  queryDatabase(
    workspace.databasePath,
    `PRAGMA foreign_keys = ON;
     BEGIN;
     INSERT INTO projects (id, name, created_at, updated_at)
       VALUES ('${PROJECT}', 'Bulk', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${TASKS})
     INSERT INTO tasks (id, title, created_at, updated_at, tags_json, project_ids_json)
       SELECT printf('t%05d', i), printf('Task %05d', i),
              strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i)),
              strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i)),
              '["bulk"]', iif(i <= ${IN_PROJECT}, '["${PROJECT}"]', '[]')
       FROM n;
     INSERT INTO task_tags (task_id, tag, position) SELECT id, 'bulk', 0 FROM tasks;
     INSERT INTO task_projects (task_id, project_id, position)
       SELECT id, '${PROJECT}', 0 FROM tasks WHERE project_ids_json <> '[]';
     COMMIT;`,
  );
  app = await launchQuire({ databasePath: workspace.databasePath });
});

after(async () => {
  await app?.stop();
  workspace?.cleanup();
});

const expectedIds = (n) => Array.from({ length: n }, (_, i) => `t${String(i + 1).padStart(5, '0')}`);

test('theStartViewShowsEveryTaskOfALongList', async () => {
  await app.page.waitForFunction((n) => document.body.textContent.includes(`${n.toLocaleString()} tasks`), { timeout: 30_000 }, TASKS);
  assert.ok(await app.page.$('[data-testid=task-row]'));
});

test('aLongListArrivesWholeAndInCreationOrder', async () => {
  const ids = await app.page.evaluate(async () => (await window.__QUIRE__.invoke('db_get_tasks', {})).map((t) => t.id));
  assert.equal(ids.length, TASKS);
  assert.deepEqual(ids, expectedIds(TASKS));
});

test('aFilteredListSentInPartsArrivesWholeAndInCreationOrder', async () => {
  const byFilter = await app.page.evaluate(
    async (projectId) => (await window.__QUIRE__.invoke('db_get_tasks', { projectIds: [projectId] })).map((t) => t.id),
    PROJECT,
  );
  const byProject = await app.page.evaluate(
    async (projectId) => (await window.__QUIRE__.invoke('db_get_project_tasks', { projectId })).map((t) => t.id),
    PROJECT,
  );
  assert.deepEqual(byFilter, expectedIds(IN_PROJECT));
  assert.deepEqual(byProject, expectedIds(IN_PROJECT));
});

test('aWindowOfTheListIsJustThatWindow', async () => {
  const ids = await app.page.evaluate(async () =>
    (await window.__QUIRE__.invoke('db_get_tasks', { offset: 19_998, limit: 3 })).map((t) => t.id),
  );
  assert.deepEqual(ids, ['t19999', 't20000', 't20001']);
});
