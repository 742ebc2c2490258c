// SPDX-License-Identifier: MIT
// A person's day with Quire, through the real window: make a project, add tasks with the dialog
// (including a rejected empty title), edit, complete, filter, delete with confirmation, quit and
// start again on the same file. Every step is a click or a key press; the database file is read
// with the sqlite3 shell afterwards to check what the UI claims.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchQuire, queryDatabase, quireOnAFreshDatabase } from './support/quire-app.mjs';
import {
  rowAction,
  byTestId,
  clickTestId,
  fieldByLabel,
  fillField,
  fillTaskDialog,
  createProjectThroughUi,
  createTaskThroughUi,
  projectItem,
  rowByTitle,
  rowTitles,
  saveScreenshot,
  viewHeading,
  waitForHeading,
  waitForNoDialog,
  waitForRows,
  waitForTestId,
} from './support/ui.mjs';

const quire = quireOnAFreshDatabase();
const db = (sql) => queryDatabase(quire.workspace.databasePath, sql);

test('aNewDatabaseShowsTheEmptyMainScreen', async () => {
  const { page } = quire.app;
  await waitForTestId(page, 'new-task-button');
  await page.waitForFunction(() => document.body.textContent.includes('No open tasks'), { timeout: 10_000 });
  assert.equal(await viewHeading(page), 'All tasks');
  await page.waitForFunction(() => document.body.textContent.includes('No projects yet'), { timeout: 10_000 });
  await saveScreenshot(page, '01-empty-main-screen');
});

test('createAProjectThroughTheSidebarDialog', async () => {
  const { page } = quire.app;
  await createProjectThroughUi(page, 'Website relaunch', 'New site before the summer');
  // A new project is opened at once.
  await waitForHeading(page, 'Website relaunch');
  await createProjectThroughUi(page, 'Home');
  await waitForHeading(page, 'Home');

  const projects = db('SELECT name, description FROM projects ORDER BY name');
  assert.deepEqual(projects, [
    { name: 'Home', description: null },
    { name: 'Website relaunch', description: 'New site before the summer' },
  ]);
});

test('anEmptyTitleShowsTheInlineErrorAndNothingIsSaved', async () => {
  const { page } = quire.app;
  await clickTestId(page, 'all-tasks');
  await waitForHeading(page, 'All tasks');
  await clickTestId(page, 'new-task-button');
  const dialog = byTestId('task-dialog');
  await waitForTestId(page, 'task-dialog');

  // The title gets the focus; a description alone is not enough.
  const focusedLabel = await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent);
  assert.equal(focusedLabel, 'Title');
  await fillField(page, 'Description', 'A task without a title', { scope: dialog });
  await clickTestId(page, 'save-task', { scope: dialog });

  const error = await page.waitForSelector(`${dialog} [role="alert"]`, { visible: true, timeout: 5_000 });
  assert.equal(await error.evaluate((e) => e.textContent), 'Title is required');
  const title = await fieldByLabel(page, 'Title', { scope: dialog });
  assert.equal(await title.evaluate((e) => e.getAttribute('aria-invalid')), 'true');
  assert.equal(await title.evaluate((e) => document.activeElement === e), true, 'focus goes back to the title');
  // Styles that QtWebEngine 6.4 (Chromium 102) actually applies: a focus ring on the title, and
  // the hovered primary button keeps its own colour (color-mix() was once silently dropped).
  assert.notEqual(await title.evaluate((e) => getComputedStyle(e).boxShadow), 'none', 'focus ring shown');
  const save = await page.$(`${dialog} ${byTestId('save-task')}`);
  await save.hover();
  const saveStyle = await save.evaluate((b) => ({ bg: getComputedStyle(b).backgroundColor, fg: getComputedStyle(b).color }));
  assert.deepEqual(saveStyle, { bg: 'rgb(52, 98, 197)', fg: 'rgb(255, 255, 255)' });
  await saveScreenshot(page, '02-task-dialog-validation-error');

  // Blanks are no title either, and Enter (form submit) hits the same check.
  // (typing hides the message until the next save attempt).
  await page.keyboard.type('   ');
  await page.waitForFunction((sel) => !document.querySelector(`${sel} [role="alert"]`), { timeout: 5_000 }, dialog);
  await page.keyboard.press('Enter');
  const again = await page.waitForSelector(`${dialog} [role="alert"]`, { visible: true, timeout: 5_000 });
  assert.equal(await again.evaluate((e) => e.textContent), 'Title is required');
  assert.ok(await page.$(dialog), 'the dialog stays open');

  // Typing clears the message; Escape asks before it throws the typing away, then abandons the dialog.
  await page.keyboard.type('x');
  await page.waitForFunction((sel) => !document.querySelector(`${sel} [role="alert"]`), { timeout: 5_000 }, dialog);
  await page.keyboard.press('Escape');
  await clickTestId(page, 'confirm-discard');
  await waitForNoDialog(page);

  assert.deepEqual(db('SELECT count(*) AS n FROM tasks'), [{ n: 0 }]);
  assert.deepEqual(await rowTitles(page), []);
});

test('createTasksInAProjectThroughTheDialog', async () => {
  const { page } = quire.app;
  await (await projectItem(page, 'Website relaunch')).click();
  await waitForHeading(page, 'Website relaunch');

  await createTaskThroughUi(page, {
    title: 'Write landing page copy',
    description: 'Hero, features, pricing',
    priority: 'high',
    tags: ['copy', 'marketing'],
  });
  await createTaskThroughUi(page, { title: 'Fix broken footer links', tags: ['bug'] });
  // The N key opens the dialog too; Enter in the title saves.
  await page.keyboard.press('KeyN');
  await waitForTestId(page, 'task-dialog');
  await page.keyboard.type('Pick a hosting provider');
  await page.keyboard.press('Enter');
  await waitForNoDialog(page);
  await waitForRows(page, ['Write landing page copy', 'Fix broken footer links', 'Pick a hosting provider']);

  // From "All tasks", a task for the other project, ticked in the dialog's project list.
  await clickTestId(page, 'all-tasks');
  await waitForHeading(page, 'All tasks');
  await createTaskThroughUi(page, { title: 'Buy groceries', priority: 'pinned', projects: ['Home'] });
  await waitForRows(page, ['Write landing page copy', 'Fix broken footer links', 'Pick a hosting provider', 'Buy groceries']);

  const rows = db(`SELECT t.title, t.priority, t.status, t.description, p.name AS project
                   FROM tasks t JOIN task_projects tp ON tp.task_id = t.id JOIN projects p ON p.id = tp.project_id
                   ORDER BY t.title`);
  assert.deepEqual(rows, [
    { title: 'Buy groceries', priority: 'pinned', status: 'backlog', description: null, project: 'Home' },
    { title: 'Fix broken footer links', priority: 'standard', status: 'backlog', description: null, project: 'Website relaunch' },
    { title: 'Pick a hosting provider', priority: 'standard', status: 'backlog', description: null, project: 'Website relaunch' },
    { title: 'Write landing page copy', priority: 'high', status: 'backlog', description: 'Hero, features, pricing', project: 'Website relaunch' },
  ]);
  // Double-check the tags through the contract rather than the storage layout.
  const copyTask = await page.evaluate(async () =>
    (await window.__QUIRE__.invoke('db_get_tasks', {})).find((t) => t.title === 'Write landing page copy'),
  );
  assert.deepEqual(copyTask.tags, ['copy', 'marketing']);
});

test('editATaskThroughItsEditButton', async () => {
  const { page } = quire.app;
  await (await rowAction(page, 'Pick a hosting provider', { label: 'Edit Pick a hosting provider' })).click();
  const dialog = byTestId('task-dialog');
  await waitForTestId(page, 'task-dialog');
  assert.equal(await page.$eval(`${dialog} .modal-title`, (e) => e.textContent), 'Edit task');
  const title = await fieldByLabel(page, 'Title', { scope: dialog });
  assert.equal(await title.evaluate((e) => e.value), 'Pick a hosting provider');

  await fillTaskDialog(page, { title: 'Pick a hosting provider (EU)', priority: 'high', status: 'in_progress', tags: ['infra'] });
  await clickTestId(page, 'save-task', { scope: dialog });
  await waitForNoDialog(page);
  const row = await rowByTitle(page, 'Pick a hosting provider (EU)');
  assert.equal(await row.evaluate((r) => r.dataset.status), 'in_progress');
  assert.ok(!(await rowTitles(page)).includes('Pick a hosting provider'));

  assert.deepEqual(db("SELECT title, priority, status FROM tasks WHERE title LIKE 'Pick%'"), [
    { title: 'Pick a hosting provider (EU)', priority: 'high', status: 'in_progress' },
  ]);
});

test('completeATaskWithItsToggle', async () => {
  const { page } = quire.app;
  const row = await rowByTitle(page, 'Fix broken footer links');
  const toggle = await row.$(byTestId('complete-task'));
  assert.equal(await toggle.evaluate((b) => b.getAttribute('aria-pressed')), 'false');
  await toggle.click();

  // A completed task leaves the open tasks; "Show completed" brings it back, listed last.
  await page.waitForFunction(
    (selector) => !document.querySelector(selector),
    { timeout: 10_000 },
    `${byTestId('task-row')}[aria-label="Fix broken footer links"]`,
  );
  await clickTestId(page, 'show-completed');
  await page.waitForSelector(`${byTestId('task-row')}[aria-label="Fix broken footer links"][data-status="completed"]`, {
    timeout: 10_000,
  });
  const after = await rowByTitle(page, 'Fix broken footer links');
  assert.equal(await after.$eval(byTestId('complete-task'), (b) => b.getAttribute('aria-pressed')), 'true');
  const titles = await rowTitles(page);
  assert.equal(titles.at(-1), 'Fix broken footer links');
  for (let i = 0; i < 50; i += 1) {
    if (db("SELECT status FROM tasks WHERE title = 'Fix broken footer links'")[0].status === 'completed') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(db("SELECT status FROM tasks WHERE title = 'Fix broken footer links'"), [{ status: 'completed' }]);
  await saveScreenshot(page, '03-main-list');
});

test('filterByProjectAndByText', async () => {
  const { page } = quire.app;
  const all = ['Pick a hosting provider (EU)', 'Write landing page copy', 'Buy groceries', 'Fix broken footer links'];
  await waitForRows(page, all);

  await (await projectItem(page, 'Home')).click();
  await waitForHeading(page, 'Home');
  await waitForRows(page, ['Buy groceries']);

  await (await projectItem(page, 'Website relaunch')).click();
  await waitForHeading(page, 'Website relaunch');
  await waitForRows(page, ['Pick a hosting provider (EU)', 'Write landing page copy']);
  await clickTestId(page, 'show-completed');
  await waitForRows(page, ['Pick a hosting provider (EU)', 'Write landing page copy', 'Fix broken footer links']);
  await saveScreenshot(page, '04-project-view');

  const filter = await waitForTestId(page, 'task-filter');
  await filter.click();
  await page.keyboard.type('FOOTER');
  await waitForRows(page, ['Fix broken footer links']);
  // The description is searched too.
  await filter.click({ count: 3 });
  await page.keyboard.type('pricing');
  await waitForRows(page, ['Write landing page copy']);
  await filter.click({ count: 3 });
  await page.keyboard.type('no such task');
  await waitForRows(page, []);
  await page.waitForFunction(() => document.body.textContent.includes('No task matches the filters'), { timeout: 5_000 });
  await saveScreenshot(page, '05-project-view-no-match');

  await filter.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await waitForRows(page, ['Pick a hosting provider (EU)', 'Write landing page copy', 'Fix broken footer links']);

  await clickTestId(page, 'all-tasks');
  await waitForRows(page, ['Pick a hosting provider (EU)', 'Write landing page copy', 'Buy groceries']);
  await clickTestId(page, 'show-completed');
  await waitForRows(page, all);
});

test('deleteATaskAsksForConfirmationFirst', async () => {
  const { page } = quire.app;
  const row = await rowByTitle(page, 'Write landing page copy');
  const taskId = await row.evaluate((r) => r.dataset.taskId);
  await (await rowAction(page, 'Write landing page copy', { testId: 'delete-task' })).click();

  const confirm = await waitForTestId(page, 'confirm-dialog');
  assert.match(await confirm.evaluate((d) => d.textContent), /“Write landing page copy” will be deleted/);
  // Cancel keeps it.
  const cancel = await page.evaluateHandle(
    (sel) => [...document.querySelectorAll(`${sel} button`)].find((b) => b.textContent.trim() === 'Cancel'),
    byTestId('confirm-dialog'),
  );
  await cancel.click();
  await waitForNoDialog(page);
  await rowByTitle(page, 'Write landing page copy');
  assert.deepEqual(db(`SELECT count(*) AS n FROM tasks WHERE id = '${taskId}'`), [{ n: 1 }]);

  // Asked again, confirmed.
  await (await rowAction(page, 'Write landing page copy', { testId: 'delete-task' })).click();
  await clickTestId(page, 'confirm-delete');
  await waitForNoDialog(page);
  await waitForRows(page, ['Pick a hosting provider (EU)', 'Buy groceries', 'Fix broken footer links']);

  for (let i = 0; i < 50 && db(`SELECT count(*) AS n FROM tasks WHERE id = '${taskId}'`)[0].n > 0; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(db(`SELECT count(*) AS n FROM tasks WHERE id = '${taskId}'`), [{ n: 0 }]);
  assert.deepEqual(db(`SELECT count(*) AS n FROM task_projects WHERE task_id = '${taskId}'`), [{ n: 0 }]);
});

test('afterARestartOnTheSameDatabaseEverythingIsStillThere', async () => {
  await quire.app.stop();
  const { code, signal } = await quire.app.exited;
  assert.ok(code === 0 || signal === 'SIGTERM', `quire stopped cleanly (code ${code}, signal ${signal})`);
  quire.app = await launchQuire({ databasePath: quire.workspace.databasePath });
  const { page } = quire.app;

  await waitForRows(page, ['Pick a hosting provider (EU)', 'Buy groceries'], { timeout: 15_000 });
  await clickTestId(page, 'show-completed');
  await waitForRows(page, ['Pick a hosting provider (EU)', 'Buy groceries', 'Fix broken footer links']);
  const done = await rowByTitle(page, 'Fix broken footer links');
  assert.equal(await done.evaluate((r) => r.dataset.status), 'completed');
  const edited = await rowByTitle(page, 'Pick a hosting provider (EU)');
  assert.equal(await edited.evaluate((r) => r.dataset.status), 'in_progress');
  const projectNames = await page.$$eval(byTestId('project-item'), (items) => items.map((i) => i.textContent.trim()));
  assert.deepEqual([...projectNames].sort(), ['Home', 'Website relaunch']);

  await (await projectItem(page, 'Website relaunch')).click();
  await waitForRows(page, ['Pick a hosting provider (EU)']);
  await clickTestId(page, 'all-tasks');
  await waitForRows(page, ['Pick a hosting provider (EU)', 'Buy groceries']);
  await clickTestId(page, 'show-completed');
  await waitForRows(page, ['Pick a hosting provider (EU)', 'Buy groceries', 'Fix broken footer links']);
  await saveScreenshot(page, '06-main-list-after-restart');

  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await page.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches, { timeout: 5_000 });
  await saveScreenshot(page, '07-main-list-dark');
  await clickTestId(page, 'new-task-button');
  await waitForTestId(page, 'task-dialog');
  await clickTestId(page, 'save-task', { scope: byTestId('task-dialog') });
  await page.waitForSelector(`${byTestId('task-dialog')} [role="alert"]`, { visible: true, timeout: 5_000 });
  await saveScreenshot(page, '08-task-dialog-dark');
  await page.keyboard.press('Escape');
  await waitForNoDialog(page);
  await (await projectItem(page, 'Website relaunch')).click();
  await waitForHeading(page, 'Website relaunch');
  await saveScreenshot(page, '09-project-view-dark');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
});
