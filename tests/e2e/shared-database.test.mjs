// SPDX-License-Identifier: MIT
// Issue 15: two Quire processes on one PostgreSQL database (a new database on the ctest fixture
// `postgres`'s cluster, QUIRE_TEST_POSTGRES): what one window writes appears in the other, and a
// save made from what the other had read before is refused with the conflict dialog, not lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchQuire } from './support/quire-app.mjs';
import {
  byTestId,
  chooseOption,
  clickTestId,
  createTaskThroughUi,
  fillField,
  rowAction,
  rowByTitle,
  screenshotsAtEveryWidth,
  waitForNoDialog,
  waitForRows,
  waitForTestId,
} from './support/ui.mjs';

const cluster = JSON.parse(readFileSync(process.env.QUIRE_TEST_POSTGRES ?? '', 'utf8'));
const databaseName = `quire_e2e_${process.pid}_${Date.now()}`;
const databaseUrl = `postgresql://${cluster.user}@${cluster.host}:${cluster.port}/${databaseName}`;

/** Runs one statement on the cluster's maintenance database with psql (the server's own client). */
function onServer(sql) {
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', cluster.url, '-c', sql], { stdio: 'pipe' });
}

const scratch = mkdtempSync(join(tmpdir(), 'quire-e2e-shared-'));
let first;
let second;

before(async () => {
  onServer(`CREATE DATABASE ${databaseName}`);
  // One after the other: the second finds the schema the first made.
  first = await launchQuire({ databasePath: databaseUrl, home: join(scratch, 'first') });
  second = await launchQuire({ databasePath: databaseUrl, home: join(scratch, 'second') });
});

after(async () => {
  await first?.stop();
  await second?.stop();
  rmSync(scratch, { recursive: true, force: true });
  onServer(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

/** Opens the edit dialog of the task titled `title`. */
async function openTask(page, title) {
  await (await rowAction(page, title, { label: `Edit ${title}` })).click();
  await waitForTestId(page, 'task-dialog');
}

test('aTaskCreatedInOneWindowAppearsInTheOther', async () => {
  await createTaskThroughUi(first.page, { title: 'Book the venue', priority: 'high' });

  const started = Date.now();
  await waitForRows(second.page, ['Book the venue'], { timeout: 5000 });
  console.log(`the other window showed the new task ${Date.now() - started} ms after the first had it`);
});

test('theSecondOfTwoSavesFromTheSameReadGetsTheConflictDialogAndLosesNothing', async () => {
  // Both windows open the task as it is now
  await openTask(first.page, 'Book the venue');
  await openTask(second.page, 'Book the venue');

  // The first saves a new title; the second, still showing the old one, changes the status
  const dialog = byTestId('task-dialog');
  await fillField(first.page, 'Title', 'Book the venue for May', { scope: dialog });
  await clickTestId(first.page, 'save-task', { scope: dialog });
  await waitForNoDialog(first.page);
  await chooseOption(second.page, 'Status', 'in_progress', { scope: dialog });
  await clickTestId(second.page, 'save-task', { scope: dialog });

  // Then the second is asked what to keep, and nothing was overwritten
  const choice = await second.page.waitForSelector('[role="alertdialog"]', { visible: true });
  assert.match(await choice.evaluate((e) => e.textContent), /Changed elsewhere.*“Book the venue” was changed in another window/);
  assert.deepEqual(await screenshotsAtEveryWidth(second.page, 'shared-conflict-dialog'), []);
  await rowByTitle(first.page, 'Book the venue for May');

  // "Save mine" writes the status over their version, keeping their title
  await clickTestId(second.page, 'conflict-overwrite');
  await waitForNoDialog(second.page);
  await second.page.waitForSelector(`${byTestId('task-row')}[aria-label="Book the venue for May"][data-status="in_progress"]`, {
    timeout: 5000,
  });
  await first.page.waitForSelector(`${byTestId('task-row')}[aria-label="Book the venue for May"][data-status="in_progress"]`, {
    timeout: 5000,
  });
});
