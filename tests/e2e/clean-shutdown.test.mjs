// SPDX-License-Identifier: MIT
// `kill` (SIGTERM) closes Quire like its close button: the window's geometry is saved, the
// database is closed (its WAL checkpointed and removed) and every acknowledged task is there.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { launchQuire, makeWorkspace, queryDatabase } from './support/quire-app.mjs';

const workspace = makeWorkspace();
let app;

after(async () => {
  await app?.stop();
  workspace.cleanup();
});

test('sigtermClosesTheWindowAndTheDatabaseCleanly', async () => {
  // Given a running app that has acknowledged a task
  app = await launchQuire({ databasePath: workspace.databasePath });
  const created = await app.page.evaluate(() =>
    window.__QUIRE__.invoke('db_create_task', { title: 'Kept', priority: 'high', tags: [], projectIds: [] }),
  );
  assert.ok(existsSync(`${workspace.databasePath}-wal`), 'a running app keeps a WAL file');

  // When only the main process is told to terminate
  process.kill(app.process.pid, 'SIGTERM');
  let timer;
  const outcome = await Promise.race([
    app.exited,
    new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), 20_000))),
  ]);
  clearTimeout(timer);

  // Then it exits normally, having closed the database and saved its window
  assert.deepEqual(outcome, { code: 0, signal: null }, app.output());
  assert.equal(existsSync(`${workspace.databasePath}-wal`), false, 'the WAL was checkpointed and removed');
  assert.deepEqual(queryDatabase(workspace.databasePath, 'SELECT id FROM tasks'), [{ id: created.id }]);
  const settings = readFileSync(join(workspace.dir, 'home', '.config', 'Quire', 'Quire.conf'), 'utf8');
  assert.match(settings, /geometry=/);
});
