// SPDX-License-Identifier: MIT
// Issue 7: an acknowledged write survives the app being killed mid-write (WAL + synchronous=FULL).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { launchQuire, makeWorkspace, queryDatabase } from './support/quire-app.mjs';

let workspace;
const apps = [];

after(async () => {
  for (const app of apps) await app.stop();
  workspace?.cleanup();
});

test('everyTaskWhoseCreateWasAcknowledgedSurvivesSigkillMidLoop', async () => {
  // Given: the page creates tasks in a loop and reports each acknowledged id to this process
  workspace = makeWorkspace();
  const first = await launchQuire({ databasePath: workspace.databasePath });
  apps.push(first);
  const acknowledged = [];
  await first.page.exposeFunction('__recordAcknowledged', (id) => {
    acknowledged.push(id);
  });
  await first.page.evaluate(() => {
    void (async () => {
      for (let i = 0; ; i += 1) {
        const task = await window.__QUIRE__.invoke('db_create_task', {
          title: `Crash test ${i}`,
          description: 'x'.repeat(i % 7 === 0 ? 5000 : 10),
          priority: 'standard',
          tags: ['crash', `n${i % 3}`],
          projectIds: [],
        });
        await window.__recordAcknowledged(task.id);
      }
    })();
  });
  const deadline = Date.now() + 60_000;
  while (acknowledged.length < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.ok(acknowledged.length >= 150, `only ${acknowledged.length} creates were acknowledged in 60 s`);

  // When: the app is killed without warning while the loop keeps writing
  process.kill(-first.process.pid, 'SIGKILL');
  const { signal } = await first.exited;
  await first.stop();
  assert.equal(signal, 'SIGKILL');
  const recorded = [...acknowledged];

  // Then: after a restart every acknowledged task is there, readable through the app
  const second = await launchQuire({ databasePath: workspace.databasePath });
  apps.push(second);
  const listed = await second.page.evaluate(() => window.__QUIRE__.invoke('db_get_tasks', {}));
  const ids = new Set(listed.map((task) => task.id));
  const missing = recorded.filter((id) => !ids.has(id));
  assert.deepEqual(missing, [], `${missing.length} of ${recorded.length} acknowledged tasks were lost`);
  for (const task of listed) assert.match(task.title, /^Crash test \d+$/);
  await second.stop();

  // And the file is sound
  assert.deepEqual(queryDatabase(workspace.databasePath, 'PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
  assert.deepEqual(queryDatabase(workspace.databasePath, 'PRAGMA foreign_key_check'), []);
});
