// SPDX-License-Identifier: MIT
// `kill` (SIGTERM) closes Quire like its close button: the window's geometry is saved, the
// database is closed (its WAL checkpointed and removed) and every acknowledged task is there.
// Issue 16 item 9: also while lists are running and queued, which the database thread answers
// ("Quire is closing") instead of running, so closing does not wait for them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { launchQuire, makeWorkspace, queryDatabase } from './support/quire-app.mjs';

const workspace = makeWorkspace();
const busyWorkspace = makeWorkspace();
let app;
let busyApp;

after(async () => {
  await app?.stop();
  await busyApp?.stop();
  workspace.cleanup();
  busyWorkspace.cleanup();
});

/** Resolves to the app's exit, or to 'still running' after `ms`. */
async function exitWithin(running, ms) {
  let timer;
  const outcome = await Promise.race([
    running.exited,
    new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), ms))),
  ]);
  clearTimeout(timer);
  return outcome;
}

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

test('sigtermWhileListsAreRunningAndQueuedExitsCleanlyWithoutRunningThem', async () => {
  // Given a database big enough for a list to take a while, and many lists sent at once
  busyApp = await launchQuire({ databasePath: busyWorkspace.databasePath });
  const seeded = await busyApp.page.evaluate(async () => {
    let created = 0;
    for (let batch = 0; batch < 10; batch += 1) {
      const titles = Array.from({ length: 100 }, (_, i) => `Task ${batch}-${i}`);
      await Promise.all(
        titles.map((title) => window.__QUIRE__.invoke('db_create_task', { title, priority: 'standard', tags: ['bulk'], projectIds: [] })),
      );
      created += titles.length;
    }
    return created;
  });
  await busyApp.page.evaluate(() => {
    for (let i = 0; i < 300; i += 1) window.__QUIRE__.invoke('db_get_tasks', {}).catch(() => {});
  });
  await new Promise((r) => setTimeout(r, 200));

  // When
  process.kill(busyApp.process.pid, 'SIGTERM');
  const outcome = await exitWithin(busyApp, 20_000);

  // Then it exits normally, the lists still queued were answered without running, and the data is whole
  assert.deepEqual(outcome, { code: 0, signal: null }, `${JSON.stringify(outcome)}\n${busyApp.output()}`);
  assert.match(busyApp.output(), /Quire is closing/, 'lists were still queued when the app closed');
  assert.doesNotMatch(busyApp.output(), /ASSERT|QFATAL|Segmentation/);
  assert.equal(existsSync(`${busyWorkspace.databasePath}-wal`), false, 'the WAL was checkpointed and removed');
  assert.deepEqual(queryDatabase(busyWorkspace.databasePath, 'SELECT count(*) AS n FROM tasks'), [{ n: seeded }]);
});
