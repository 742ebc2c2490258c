// SPDX-License-Identifier: MIT
// Issue 15: File ▸ Open database… (Ctrl+O). A window on a local file opens a database on the ctest
// fixture `postgres`'s cluster whose role must give a password: the dialog asks for it, a wrong
// one is said and nothing changes, the right one shows the server's tasks. The next start, with no
// --database, opens the server again; the settings remember its URL, never the password.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchQuire } from './support/quire-app.mjs';
import {
  byTestId,
  clickTestId,
  createTaskThroughUi,
  rowTitles,
  screenshotsAtEveryWidth,
  waitForRows,
  waitForTestId,
} from './support/ui.mjs';

const cluster = JSON.parse(readFileSync(process.env.QUIRE_TEST_POSTGRES ?? '', 'utf8'));
const databaseName = `quire_e2e_open_${process.pid}_${Date.now()}`;
const serverUrl = `postgresql://${cluster.passwordUser}@${cluster.host}:${cluster.port}/${databaseName}`;

/** The output of one statement on the cluster (psql, the server's own client), as the fixture's trusted role. */
function onServer(sql, database = 'postgres') {
  const url = cluster.url.replace(/\/postgres$/, `/${database}`);
  return execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], { encoding: 'utf8' });
}

const scratch = mkdtempSync(join(tmpdir(), 'quire-e2e-open-'));
const home = join(scratch, 'home');
let app;

before(async () => {
  onServer(`CREATE DATABASE ${databaseName} OWNER ${cluster.passwordUser}`);
  app = await launchQuire({ databasePath: join(scratch, 'local.db'), home });
});

after(async () => {
  await app?.stop();
  rmSync(scratch, { recursive: true, force: true });
  onServer(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

/** Types `text` into the field of `testId`, replacing what it holds. */
async function typeInto(page, testId, text) {
  const field = await waitForTestId(page, testId);
  await field.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  await field.type(text);
}

test('openingAServerDatabaseAsksForItsPasswordThenShowsItsTasks', async () => {
  const { page } = app;
  await createTaskThroughUi(page, { title: 'Local errand' });

  await page.keyboard.down('Control');
  await page.keyboard.press('o');
  await page.keyboard.up('Control');
  const dialog = byTestId('open-database-dialog');
  await waitForTestId(page, 'open-database-dialog');
  assert.match(await page.$eval(byTestId('open-database-current'), (e) => e.textContent), /SQLite file.*local\.db/);

  // Without a password the server says it wants one, and the dialog asks for it
  await typeInto(page, 'open-database-url', serverUrl);
  await clickTestId(page, 'open-database-connect', { scope: dialog });
  await waitForTestId(page, 'open-database-password');
  assert.deepEqual(await screenshotsAtEveryWidth(page, 'open-database-password'), []);

  // A wrong one is refused; the window still shows the local file
  await typeInto(page, 'open-database-password', 'not-the-password');
  await clickTestId(page, 'open-database-connect', { scope: dialog });
  await page.waitForFunction(
    (selector) => /refused the password/.test(document.querySelector(selector)?.textContent ?? ''),
    { timeout: 15_000 },
    byTestId('open-database-error'),
  );
  assert.deepEqual(await rowTitles(page), ['Local errand']);

  // The right one opens the server's (empty) database, and the page shows it
  await typeInto(page, 'open-database-password', cluster.password);
  await clickTestId(page, 'open-database-connect', { scope: dialog });
  await page.waitForFunction(
    (selector) => !document.querySelector(selector) && typeof window.__QUIRE__?.invoke === 'function',
    { timeout: 20_000 },
    dialog,
  );
  const open = await page.evaluate(() => window.__QUIRE__.invoke('app_get_database', {}));
  assert.deepEqual(open, { engine: 'postgresql', location: serverUrl, isDefault: false });
  await createTaskThroughUi(page, { title: 'Server errand' });
  await waitForRows(page, ['Server errand']);
  assert.equal(onServer('SELECT title FROM tasks', databaseName).trim(), 'Server errand');
});

test('theNextStartOpensTheServerAgainAndTheSettingsHoldNoPassword', async () => {
  await app.stop();
  const settingsFolder = join(home, '.config', 'Quire');
  const settings = readdirSync(settingsFolder)
    .map((name) => readFileSync(join(settingsFolder, name), 'utf8'))
    .join('\n');
  assert.ok(settings.includes(databaseName), `the settings do not name the server database:\n${settings}`);
  assert.ok(!settings.includes(cluster.password), 'the password was stored in the settings');

  // libpq's own PGPASSWORD gives the password this time: nothing asks for it
  app = await launchQuire({ databasePath: null, home, env: { PGPASSWORD: cluster.password } });
  await waitForRows(app.page, ['Server errand']);
});
