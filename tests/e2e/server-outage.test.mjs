// SPDX-License-Identifier: MIT
// Issue 15: the PostgreSQL server stops in the middle of a session. Quire says so in a banner,
// refuses changes with a clear reason, does not crash, reconnects once the server is back, and
// has lost nothing it acknowledged. The server is this test's own cluster (tests/postgres/
// pg_cluster.mjs), since stopping the shared fixture's would break the tests running beside it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchQuire } from './support/quire-app.mjs';
import {
  byTestId,
  clickTestId,
  createTaskThroughUi,
  fillTaskDialog,
  screenshotsAtEveryWidth,
  waitForRows,
  waitForTestId,
} from './support/ui.mjs';

const clusterScript = fileURLToPath(new URL('../postgres/pg_cluster.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'quire-e2e-outage-'));
const stateFile = join(scratch, 'cluster.json');
const cluster = (command) => execFileSync(process.execPath, [clusterScript, command, stateFile], { stdio: 'pipe' });
let app;

before(async () => {
  cluster('start');
  const { url } = JSON.parse(readFileSync(stateFile, 'utf8'));
  app = await launchQuire({ databasePath: url, home: join(scratch, 'home') });
});

after(async () => {
  await app?.stop();
  cluster('stop');
  rmSync(scratch, { recursive: true, force: true });
});

test('aServerThatStopsMidSessionIsShownRefusesChangesClearlyAndIsReconnectedWithNothingLost', async () => {
  const { page } = app;
  await createTaskThroughUi(page, { title: 'Acknowledged before the outage' });

  // The server stops: the banner says so without any action of the user's (an idle check)
  cluster('pause');
  const banner = await page.waitForSelector(byTestId('connection-banner'), { visible: true, timeout: 15_000 });
  assert.match(await banner.evaluate((e) => e.textContent), /The database server cannot be reached\. Changes cannot be saved/);
  assert.deepEqual(await screenshotsAtEveryWidth(page, 'server-outage-banner'), []);

  // A change is refused with the reason, and what was typed stays in the dialog
  await clickTestId(page, 'new-task-button');
  await waitForTestId(page, 'task-dialog');
  await fillTaskDialog(page, { title: 'Typed during the outage' });
  await clickTestId(page, 'save-task', { scope: byTestId('task-dialog') });
  const refusal = await page.waitForSelector(`${byTestId('task-dialog')} [role="alert"]`, { visible: true });
  assert.match(await refusal.evaluate((e) => e.textContent), /Creating task: .*the database server cannot be reached/);
  await page.keyboard.press('Escape');
  await clickTestId(page, 'confirm-discard');

  // The server is back: Quire reconnects by itself (backoff up to 30 s), the banner goes, and the
  // list is what the database holds
  cluster('resume');
  await page.waitForSelector(byTestId('connection-banner'), { hidden: true, timeout: 45_000 });
  await waitForRows(page, ['Acknowledged before the outage']);
  await createTaskThroughUi(page, { title: 'Saved after reconnecting' });
  await waitForRows(page, ['Acknowledged before the outage', 'Saved after reconnecting']);
  assert.equal(app.process.exitCode, null, 'Quire kept running');
});
