// SPDX-License-Identifier: MIT
// Tasks in and out (issue 14): an iCalendar export from the palette that ical.js (Thunderbird's
// parser) reads and an empty database imports back the same; a 100 000-task import cancelled
// half way that leaves the database as it was; and `quire export` / `quire import` without a
// window. The file dialogs answer with paths the test plans (testHooks.plan_chosen_file).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import ICAL from 'ical.js';
import { callTestHook, launchQuire, makeWorkspace, queryDatabase, quireOnAFreshDatabase } from './support/quire-app.mjs';
import { byTestId, screenshotsAtEveryWidth, waitForRows, waitForTestId } from './support/ui.mjs';

const hooks = { env: { QUIRE_TEST_HOOKS: '1' } };
const quire = quireOnAFreshDatabase(hooks);
const others = [];
after(async () => {
  for (const { app, workspace } of others) {
    await app?.stop();
    workspace.cleanup();
  }
});

async function press(page, ...keys) {
  for (const key of keys.slice(0, -1)) await page.keyboard.down(key);
  await page.keyboard.press(keys.at(-1));
  for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key);
}

/** Runs a palette action by typing its name, as a person does. */
async function runFromPalette(page, name) {
  await page.evaluate(() => document.activeElement?.blur());
  await press(page, 'Control', 'k');
  await waitForTestId(page, 'command-palette');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

async function waitForToast(page, pattern, timeout = 20_000) {
  await page.waitForFunction(
    (region, source) =>
      [...document.querySelectorAll(`${region} [data-sonner-toast]`)].some((toast) => new RegExp(source).test(toast.textContent)),
    { timeout },
    byTestId('toast-region'),
    pattern.source,
  );
}

const taskColumns = 'SELECT id, title, description, status, priority, due_date, recurrence, tags_json, project_ids_json FROM tasks ORDER BY id';

test('anICalendarExportFromThePaletteIsReadByIcalJsAndAnEmptyDatabaseImportsItBack', async () => {
  const { page } = quire.app;
  // Setup (not the user's steps): a project and two tasks, one due with a rule.
  await page.evaluate(async () => {
    const { invoke } = window.__QUIRE__;
    const home = await invoke('db_create_project', { name: 'Home' });
    await invoke('db_create_task', {
      title: 'Pay rent',
      description: 'Transfer to the landlord',
      priority: 'high',
      tags: ['money'],
      projectIds: [home.id],
      dueDate: '2026-12-01',
      recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
    });
    await invoke('db_create_task', { title: 'Water the plants', priority: 'standard', tags: [], projectIds: [] });
  });
  await waitForRows(page, ['Pay rent', 'Water the plants']);
  const file = join(quire.workspace.dir, 'tasks.ics');
  await callTestHook(page, 'plan_chosen_file', file);

  // The person exports as iCalendar from the palette
  await runFromPalette(page, 'Export tasks as iCalendar');
  await waitForToast(page, /Exported 2 tasks and 1 project to tasks\.ics/);

  // ical.js reads every to-do with what other apps understand
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const todos = calendar.getAllSubcomponents('vtodo');
  const rent = todos.find((todo) => todo.getFirstPropertyValue('summary') === 'Pay rent');
  assert.deepEqual(todos.map((todo) => todo.getFirstPropertyValue('summary')).sort(), ['Pay rent', 'Water the plants']);
  assert.equal(rent.getFirstPropertyValue('description'), 'Transfer to the landlord');
  assert.equal(rent.getFirstPropertyValue('status'), 'NEEDS-ACTION');
  assert.equal(rent.getFirstPropertyValue('due').toString(), '2026-12-01');
  assert.equal(rent.getFirstPropertyValue('rrule').toString(), 'FREQ=MONTHLY;BYMONTHDAY=1');
  assert.deepEqual(rent.getFirstProperty('categories').getValues(), ['money']);

  // An empty database imports it: the preview says what comes, Enter imports it
  const workspace = makeWorkspace();
  const other = { workspace, app: await launchQuire({ databasePath: workspace.databasePath, ...hooks }) };
  others.push(other);
  const target = other.app.page;
  await callTestHook(target, 'plan_chosen_file', file);
  await runFromPalette(target, 'Import tasks from a file');
  await waitForTestId(target, 'import-preview');
  const preview = await target.$eval(byTestId('import-preview'), (dialog) => dialog.textContent);
  assert.match(preview, /Adds 2 tasks and 1 project/);
  const violations = await screenshotsAtEveryWidth(target, 'import-preview');
  assert.deepEqual(violations, []);
  await target.keyboard.press('Enter');
  await waitForRows(target, ['Pay rent', 'Water the plants'], { timeout: 20_000 });

  // The same tasks, ids, links and fields on both sides
  assert.deepEqual(queryDatabase(workspace.databasePath, taskColumns), queryDatabase(quire.workspace.databasePath, taskColumns));
});

/** A Quire JSON file of `count` open tasks, written as Quire writes them. */
function writeManyTasks(path, count) {
  const tasks = [];
  for (let i = 0; i < count; i += 1) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    tasks.push({
      id,
      title: `Imported task ${i}`,
      description: null,
      priority: 'standard',
      status: 'backlog',
      complexity: null,
      type: null,
      dueDate: null,
      recurrence: null,
      checklist: [],
      tags: ['bulk'],
      projectIds: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      completedAt: null,
      sortKey: '',
    });
  }
  writeFileSync(path, JSON.stringify({ format: 'quire', version: 1, projects: [], tasks }));
}

test('aHundredThousandTaskImportCancelledHalfWayLeavesTheDatabaseAsItWas', async () => {
  const { page } = quire.app;
  const db = quire.workspace.databasePath;
  const before = queryDatabase(db, 'SELECT (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM journal) AS steps');
  const file = join(quire.workspace.dir, 'many.json');
  writeManyTasks(file, 100_000);
  await callTestHook(page, 'plan_chosen_file', file);

  await runFromPalette(page, 'Import tasks from a file');
  await waitForTestId(page, 'import-preview', { timeout: 120_000 });
  await page.keyboard.press('Enter');

  // The progress panel shows how far the writing has come; Cancel stops it half way
  await waitForTestId(page, 'transfer-progress', { timeout: 30_000 });
  await page.waitForFunction(
    (selector) => {
      const bar = document.querySelector(`${selector} [role="progressbar"]`);
      return bar && /writ/i.test(document.querySelector(selector).textContent) && Number(bar.getAttribute('aria-valuenow')) > 0;
    },
    { timeout: 120_000 },
    byTestId('transfer-progress'),
  );
  const violations = await screenshotsAtEveryWidth(page, 'transfer-progress');
  assert.deepEqual(violations, []);
  await page.click(byTestId('transfer-cancel'));

  // The panel goes, the app answers at once, and nothing of the file is in the database
  await page.waitForFunction((selector) => !document.querySelector(selector), { timeout: 10_000 }, byTestId('transfer-progress'));
  const started = Date.now();
  assert.equal(await page.evaluate(() => window.__QUIRE__.invoke('ping', {})), 'pong');
  assert.equal(
    await page.evaluate(() => window.__QUIRE__.invoke('db_get_task', { taskId: '00000000-0000-4000-8000-000000000001' })),
    null,
  );
  assert.ok(Date.now() - started < 5_000, 'the database thread was free again');
  assert.deepEqual(queryDatabase(db, 'SELECT (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM journal) AS steps'), before);
});

test('quireExportAndImportWorkWithoutAWindowAndSayWhyWhenTheyCannot', () => {
  const binary = process.env.QUIRE_BINARY;
  const workspace = makeWorkspace();
  others.push({ workspace });
  const csv = join(workspace.dir, 'tasks.csv');
  const fresh = join(workspace.dir, 'fresh.db');
  const run = (...args) => spawnSync(binary, args, { encoding: 'utf8', env: { ...process.env, HOME: workspace.dir } });

  const exported = run('--database', quire.workspace.databasePath, 'export', csv);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stdout, /^Exported 2 tasks and 1 project to .*tasks\.csv \(CSV\)$/m);
  assert.ok(readFileSync(csv, 'utf8').startsWith('\uFEFFID,Title,'));

  const imported = run('--database', fresh, 'import', csv);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /^Imported 2 tasks and 1 project from .*tasks\.csv \(CSV\)$/m);
  assert.deepEqual(
    queryDatabase(fresh, 'SELECT title FROM tasks ORDER BY title'),
    [{ title: 'Pay rent' }, { title: 'Water the plants' }],
  );
  // Again: nothing doubled, and it says so
  const again = run('--database', fresh, 'import', csv);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /^Imported 0 tasks and 0 projects/m);
  assert.match(again.stdout, /^Skipped 3 already in the database$/m);

  const missing = run('--database', fresh, 'import', join(workspace.dir, 'missing.json'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^quire: cannot import .*missing\.json: “missing\.json” does not exist$/m);

  const unknown = run('--database', fresh, 'export', join(workspace.dir, 'tasks.xml'));
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /give --format json, csv or ics/);
  assert.equal(execFileSync('sqlite3', [fresh, 'SELECT count(*) FROM tasks'], { encoding: 'utf8' }).trim(), '2');
});
