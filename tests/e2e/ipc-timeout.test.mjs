// SPDX-License-Identifier: MIT
// When the backend does not answer, the user is told so: with the database thread stalled by the
// test hook (QUIRE_TEST_HOOKS=1), completing a task times out after 10 s, the toast says so and
// the row goes back; the timed-out write was cancelled in the backend, so once the database is
// free again the screen and the file still agree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callTestHook, queryDatabase, quireOnAFreshDatabase } from './support/quire-app.mjs';
import { byTestId, rowByTitle, saveScreenshot, toastTexts, waitForRows } from './support/ui.mjs';

const quire = quireOnAFreshDatabase({ env: { QUIRE_TEST_HOOKS: '1' } });

test('aCommandThatTimesOutIsReportedToTheUserAndCalledOffInTheBackend', async () => {
  const { page } = quire.app;
  // Setup (not the user's step): one task to act on.
  await page.evaluate(() =>
    window.__QUIRE__.invoke('db_create_task', { title: 'Renew passport', priority: 'high', tags: [], projectIds: [] }),
  );
  await waitForRows(page, ['Renew passport']);

  const reply = await callTestHook(page, 'stall_database', 12_000);
  assert.deepEqual(reply, { ok: true, data: 12_000 });
  const stalledAt = Date.now();

  // The user completes the task: it leaves the open tasks at once, then the command times out.
  const row = await rowByTitle(page, 'Renew passport');
  await (await row.$(byTestId('complete-task'))).click();
  await page.waitForFunction((selector) => !document.querySelector(selector), { timeout: 2_000 }, byTestId('task-row'));

  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].some((t) => /timed out/.test(t.textContent)),
    { timeout: 15_000 },
    `${byTestId('toast-region')} [data-sonner-toast]`,
  );
  const elapsed = Date.now() - stalledAt;
  const toasts = await toastTexts(page);
  assert.ok(
    toasts.includes("Updating task status: Quire did not answer within 10 s (db_update_tasks timed out); it was called off"),
    `toasts on screen: ${JSON.stringify(toasts)}`,
  );
  assert.ok(elapsed >= 9_500 && elapsed < 12_000, `timed out after ${elapsed} ms`);
  // The optimistic change is rolled back while the database is still busy.
  await page.waitForSelector(`${byTestId('task-row')}[data-status="backlog"]`, { timeout: 1_500 });
  await saveScreenshot(page, '10-timeout-toast');
  assert.deepEqual(queryDatabase(quire.workspace.databasePath, 'SELECT status FROM tasks'), [{ status: 'backlog' }]);

  // The stall ends; the update that timed out was cancelled while queued, so it never runs and
  // the list on screen and the file agree: still open.
  const ended = await page.evaluate(() => window.__QUIRE__.invoke('ping', {}).then(() => window.__QUIRE__.invoke('db_get_tasks', {})));
  assert.deepEqual(ended.map((t) => t.status), ['backlog']);
  assert.deepEqual(queryDatabase(quire.workspace.databasePath, 'SELECT title, status FROM tasks'), [
    { title: 'Renew passport', status: 'backlog' },
  ]);
  await page.waitForSelector(`${byTestId('task-row')}[data-status="backlog"]`, { timeout: 1_500 });

  // And the app still answers normally afterwards.
  const pong = await page.evaluate(() => window.__QUIRE__.invoke('ping', {}));
  assert.equal(pong, 'pong');
});
