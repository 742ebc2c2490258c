// SPDX-License-Identifier: MIT
// Working the list like a power user, through the real window and the keyboard alone: make,
// edit, complete and delete tasks, then undo and redo, with the focus checked after every step;
// the command palette, global search and the journal surviving a restart. The palette and the
// search results are photographed at three widths, light and dark, and checked with axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchQuire, queryDatabase, quireOnAFreshDatabase } from './support/quire-app.mjs';
import {
  byTestId,
  screenshotsAtEveryWidth,
  toastTexts,
  waitForHeading,
  waitForNoDialog,
  waitForRows,
  waitForTestId,
} from './support/ui.mjs';

const quire = quireOnAFreshDatabase();
const db = (sql) => queryDatabase(quire.workspace.databasePath, sql);

/** Waits until the row of `title` itself has the focus (not a control inside it). */
async function waitForFocusedRow(page, title) {
  await page
    .waitForFunction(
      (t) => document.activeElement?.dataset.testid === 'task-row' && document.activeElement.getAttribute('aria-label') === t,
      { timeout: 10_000 },
      title,
    )
    .catch(async (error) => {
      const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
      throw new Error(`the row "${title}" never had the focus; it is on ${where}`, { cause: error });
    });
}

async function press(page, ...keys) {
  for (const key of keys.slice(0, -1)) await page.keyboard.down(key);
  await page.keyboard.press(keys.at(-1));
  for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key);
}

async function waitForToast(page, text) {
  await page.waitForFunction(
    (region, t) => [...document.querySelectorAll(`${region} [data-sonner-toast]`)].some((toast) => toast.textContent.includes(t)),
    { timeout: 10_000 },
    byTestId('toast-region'),
    text,
  );
}

/** Makes a task with N, its title typed and Enter; its row then has the focus. */
async function newTask(page, title) {
  await page.keyboard.press('n');
  await waitForTestId(page, 'task-dialog');
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await waitForNoDialog(page);
  await waitForFocusedRow(page, title);
}

test('makeEditCompleteDeleteUndoAndRedoWithTheKeyboardAlone', async () => {
  const { page } = quire.app;
  await waitForTestId(page, 'new-task-button');

  await newTask(page, 'Plan the week');
  await newTask(page, 'Water the plants');

  // Enter edits the focused task; the title is replaced and saved with Enter; the row has the focus again
  await page.keyboard.press('Enter');
  await waitForTestId(page, 'task-dialog');
  await press(page, 'Control', 'a');
  await page.keyboard.type('Water the garden');
  await page.keyboard.press('Enter');
  await waitForNoDialog(page);
  await waitForFocusedRow(page, 'Water the garden');
  assert.deepEqual(db("SELECT count(*) AS n FROM tasks WHERE title = 'Water the garden'"), [{ n: 1 }]);

  // Ctrl+Enter completes it: it leaves the open list and the task in its place has the focus
  await press(page, 'Control', 'Enter');
  await waitForRows(page, ['Plan the week']);
  await waitForFocusedRow(page, 'Plan the week');
  await waitForToast(page, 'Task completed');

  // Delete asks first; Tab reaches Delete, Enter confirms
  await page.keyboard.press('Delete');
  await page.waitForSelector('[role="alertdialog"]', { visible: true, timeout: 5_000 });
  assert.match(await page.$eval('[role="alertdialog"]', (d) => d.textContent), /Ctrl\+Z brings it back/);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'confirm-delete');
  await page.keyboard.press('Enter');
  await waitForNoDialog(page);
  await waitForRows(page, []);
  await waitForToast(page, 'Task deleted');
  assert.deepEqual(db('SELECT count(*) AS n FROM tasks'), [{ n: 1 }]);

  // Ctrl+Z brings the deleted task back exactly, then reopens the completed one
  await press(page, 'Control', 'z');
  await waitForRows(page, ['Plan the week']);
  await waitForToast(page, 'Undone: Delete “Plan the week”');
  await press(page, 'Control', 'z');
  await waitForRows(page, ['Plan the week', 'Water the garden'], { ordered: true });
  await waitForToast(page, 'Undone: Complete “Water the garden”');
  assert.deepEqual(db("SELECT title, status, completed_at FROM tasks ORDER BY created_at"), [
    { title: 'Plan the week', status: 'backlog', completed_at: null },
    { title: 'Water the garden', status: 'backlog', completed_at: null },
  ]);

  // Ctrl+Shift+Z completes it again
  await press(page, 'Control', 'Shift', 'Z');
  await waitForRows(page, ['Plan the week']);
  await waitForToast(page, 'Redone: Complete “Water the garden”');
  assert.deepEqual(db("SELECT status FROM tasks WHERE title = 'Water the garden'"), [{ status: 'completed' }]);
});

test('theCommandPaletteRunsAnyActionAndPassesAxeAtEveryWidth', async () => {
  const { page } = quire.app;
  await press(page, 'Control', 'k');
  await waitForTestId(page, 'command-palette');
  const violations = await screenshotsAtEveryWidth(page, 'palette');
  assert.deepEqual(violations, []);
  await page.keyboard.type('logbook');
  await page.keyboard.press('Enter');
  await waitForNoDialog(page);
  await waitForHeading(page, 'Logbook');
  await waitForRows(page, ['Water the garden']);
});

test('searchFindsTasksByWordPrefixesWithoutAccentsAndHighlightsThem', async () => {
  const { page } = quire.app;
  await newTaskInAll(page, 'Café with Zoë');
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'global-search', { timeout: 5_000 });
  await page.keyboard.type('cafe zo');
  await waitForHeading(page, 'Search: “cafe zo”');
  await waitForRows(page, ['Café with Zoë']);
  const marks = await page.$$eval(`${byTestId('task-row')} mark`, (all) => all.map((m) => m.textContent));
  assert.deepEqual(marks, ['Café', 'Zo']);
  const violations = await screenshotsAtEveryWidth(page, 'search-results');
  assert.deepEqual(violations, []);
  // Esc in the field (which the narrow layout's drawer took away) ends the search
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'global-search', { timeout: 5_000 });
  await page.keyboard.press('Escape');
  await waitForHeading(page, 'Logbook');
});

/** Goes to All tasks through the palette and makes a task there. */
async function newTaskInAll(page, title) {
  await press(page, 'Control', 'k');
  await waitForTestId(page, 'command-palette');
  await page.keyboard.type('go to all tasks');
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'All tasks');
  await newTask(page, title);
  await press(page, 'Control', 'k');
  await waitForTestId(page, 'command-palette');
  await page.keyboard.type('logbook');
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Logbook');
}

test('theJournalOutlivesARestart', async () => {
  await quire.app.stop();
  await quire.app.exited;
  quire.app = await launchQuire({ databasePath: quire.workspace.databasePath });
  const { page } = quire.app;
  await waitForRows(page, ['Plan the week', 'Café with Zoë'], { timeout: 15_000 });
  await page.evaluate(() => document.activeElement?.blur());

  await press(page, 'Control', 'z');
  await waitForToast(page, 'Undone: Add “Café with Zoë”');
  await waitForRows(page, ['Plan the week']);
  assert.deepEqual(await toastTexts(page).then((t) => t.some((x) => x.includes('Redo'))), true);
});

test('shiftClickSelectsARangeAndTheBulkBarSetsItsPriorityInOneUndoableStep', async () => {
  const { page } = quire.app;
  await press(page, 'Control', 'k');
  await waitForTestId(page, 'command-palette');
  await page.keyboard.type('go to all tasks');
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'All tasks');
  for (const title of ['Bulk one', 'Bulk two', 'Bulk three']) await newTask(page, title);
  const select = (title) => page.$(`[aria-label="Select “${title}”"]`);

  // A click selects the first, a Shift-click the range down to the third
  await (await select('Bulk one')).click();
  await page.keyboard.down('Shift');
  await (await select('Bulk three')).click();
  await page.keyboard.up('Shift');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.includes('3 selected'), { timeout: 5_000 }, byTestId('bulk-bar'));
  const violations = await screenshotsAtEveryWidth(page, 'bulk-bar');
  assert.deepEqual(violations, []);

  // Set priority: high, for all three in one command
  await page.select(byTestId('bulk-change'), 'priority');
  await page.select(byTestId('bulk-value'), 'high');
  await page.click(byTestId('bulk-apply'));
  await page.waitForFunction(
    () => window.__QUIRE__.invoke('db_get_tasks', {}).then((tasks) => tasks.filter((t) => t.title.startsWith('Bulk') && t.priority === 'high').length === 3),
    { timeout: 10_000, polling: 200 },
  );
  assert.deepEqual(db("SELECT count(*) AS high FROM tasks WHERE title LIKE 'Bulk%' AND priority = 'high'"), [{ high: 3 }]);

  // One Ctrl+Z takes the three back
  await page.evaluate(() => document.activeElement?.blur());
  await press(page, 'Control', 'z');
  await page.waitForFunction(
    () => window.__QUIRE__.invoke('db_get_tasks', {}).then((tasks) => tasks.filter((t) => t.title.startsWith('Bulk') && t.priority === 'standard').length === 3),
    { timeout: 10_000, polling: 200 },
  );
});
