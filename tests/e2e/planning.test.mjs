// SPDX-License-Identifier: MIT
// Planning through the real window: quick add with a recurrence, Upcoming, completing a recurring
// task (the next occurrence appears), the Logbook, Today with an overdue task in red, the dialog
// with a checklist typed from the keyboard and its count on the row. Each view is
// photographed at three widths, light and dark, and checked with axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchQuire, localDay, queryDatabase, quireOnAFreshDatabase } from './support/quire-app.mjs';
import {
  byTestId,
  clickTestId,
  createProjectThroughUi,
  projectItem,
  rowByTitle,
  saveScreenshot,
  screenshotsAtEveryWidth,
  seriousAxeViolations,
  waitForHeading,
  waitForNoDialog,
  waitForRows,
  waitForTestId,
} from './support/ui.mjs';

const quire = quireOnAFreshDatabase();
const db = (sql) => queryDatabase(quire.workspace.databasePath, sql);

/** The first day of the month `months` after this one, YYYY-MM-01. */
function firstOfMonth(months) {
  const date = new Date();
  const first = new Date(date.getFullYear(), date.getMonth() + months, 1);
  return `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}-01`;
}

/** Types `text` into quick add, opened with Q unless the line has the focus already. */
async function quickAdd(page, text) {
  const focused = await page.evaluate(() => document.activeElement?.dataset.testid === 'quick-add');
  if (!focused) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('q');
  }
  await page.waitForFunction((id) => document.activeElement?.dataset.testid === id, { timeout: 5_000 }, 'quick-add');
  await page.keyboard.type(text);
}

async function chipTexts(page) {
  return page.$$eval(byTestId('quick-add-chip'), (chips) => chips.map((c) => c.textContent.trim()));
}

test('quickAddUnderstandsARecurringTaskAndItAppearsInUpcoming', async () => {
  const { page } = quire.app;
  await createProjectThroughUi(page, 'Home');
  await waitForHeading(page, 'Home');
  await clickTestId(page, 'all-tasks');
  await waitForHeading(page, 'All tasks');

  await quickAdd(page, 'Pay rent every month on the 1st #Home !high');
  await page.waitForFunction(
    (selector) => document.querySelectorAll(selector).length === 3,
    { timeout: 5_000 },
    byTestId('quick-add-chip'),
  );
  assert.deepEqual(await chipTexts(page), ['Repeats: Every month on the 1st', 'Project: Home', 'Priority: High']);
  await page.keyboard.press('Enter');
  await waitForRows(page, ['Pay rent']);

  const [rent] = db("SELECT title, priority, due_date, recurrence FROM tasks WHERE title = 'Pay rent'");
  const expectedDue = localDay() === firstOfMonth(0) ? firstOfMonth(0) : firstOfMonth(1);
  assert.deepEqual(rent, {
    title: 'Pay rent',
    priority: 'high',
    due_date: expectedDue,
    recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
  });

  // Upcoming starts tomorrow: on the 1st of a month the task is due today, and Today lists it.
  const dueToday = expectedDue === localDay();
  await clickTestId(page, dueToday ? 'list-today' : 'list-upcoming');
  await waitForHeading(page, dueToday ? 'Today' : 'Upcoming');
  await waitForRows(page, ['Pay rent']);
  const row = await rowByTitle(page, 'Pay rent');
  assert.ok(await row.$('[data-testid="due-label"] svg'), 'the row shows that the task repeats');
  const violations = await screenshotsAtEveryWidth(page, dueToday ? 'planning-today-repeating' : 'planning-upcoming');
  assert.deepEqual(violations, []);
});

test('completingARecurringTaskMakesItsNextOccurrenceAndLogsTheDoneOne', async () => {
  const { page } = quire.app;
  await clickTestId(page, 'all-tasks');
  await waitForRows(page, ['Pay rent']);
  const row = await rowByTitle(page, 'Pay rent');
  await (await row.$(byTestId('complete-task'))).click();

  // The completed one leaves, the next one (a month later) takes its place
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="task-row"][data-status="backlog"]').length === 1,
    { timeout: 10_000 },
  );
  const rows = db("SELECT status, due_date, recurrence FROM tasks WHERE title = 'Pay rent' ORDER BY created_at");
  assert.equal(rows.length, 2);
  assert.equal(rows[0].status, 'completed');
  assert.equal(rows[1].status, 'backlog');
  assert.ok(rows[1].due_date > rows[0].due_date, `${rows[1].due_date} follows ${rows[0].due_date}`);
  assert.equal(rows[1].due_date.slice(8), '01');

  await clickTestId(page, 'list-logbook');
  await waitForHeading(page, 'Logbook');
  await waitForRows(page, ['Pay rent']);
  const done = await rowByTitle(page, 'Pay rent');
  assert.equal(await done.evaluate((r) => r.dataset.status), 'completed');
  const violations = await screenshotsAtEveryWidth(page, 'planning-logbook');
  assert.deepEqual(violations, []);
});

test('todayShowsAnOverdueTaskInRedAndATaskDueToday', async () => {
  const { page } = quire.app;
  // A task from yesterday, as if the window had been closed since; one due later today
  await page.evaluate(
    (yesterday, today) =>
      Promise.all([
        window.__QUIRE__.invoke('db_create_task', {
          title: 'Renew passport',
          priority: 'pinned',
          tags: ['admin'],
          projectIds: [],
          dueDate: yesterday,
        }),
        window.__QUIRE__.invoke('db_create_task', {
          title: 'Call the dentist',
          priority: 'standard',
          tags: [],
          projectIds: [],
          dueDate: `${today}T16:30`,
        }),
      ]),
    localDay(-1),
    localDay(),
  );
  await clickTestId(page, 'list-today');
  await waitForHeading(page, 'Today');
  await waitForRows(page, ['Renew passport', 'Call the dentist'], { ordered: true });

  const overdue = await rowByTitle(page, 'Renew passport');
  const label = await overdue.$eval(byTestId('due-label'), (l) => ({
    text: l.textContent,
    overdue: l.classList.contains('is-overdue'),
    color: getComputedStyle(l).color,
  }));
  assert.equal(label.overdue, true);
  assert.match(label.text, /Yesterday/);
  const danger = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--danger').trim());
  assert.ok(danger, 'the theme has a danger colour');
  const violations = await screenshotsAtEveryWidth(page, 'planning-today');
  assert.deepEqual(violations, []);
});

test('theTaskDialogEditsTheDueDateRepetitionAndChecklist', async () => {
  const { page } = quire.app;
  const row = await rowByTitle(page, 'Call the dentist');
  await row.focus();
  await page.keyboard.press('Enter');
  await waitForTestId(page, 'task-dialog');
  await page.select(`${byTestId('task-dialog')} ${byTestId('repeat')}`, 'FREQ=WEEKLY;INTERVAL=2');
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.textContent.includes('Every 2 weeks on'),
    { timeout: 5_000 },
    byTestId('repeat-summary'),
  );
  // "Custom…" opens the editor on the same rule; every 3 weeks instead, typed in its number field
  await page.select(`${byTestId('task-dialog')} ${byTestId('repeat')}`, 'custom');
  await page.click(`${byTestId('recurrence-editor')} input[type="number"]`, { clickCount: 3 });
  await page.keyboard.type('3');
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.textContent.includes('Every 3 weeks on'),
    { timeout: 5_000 },
    byTestId('repeat-summary'),
  );
  // A checklist from the keyboard: two items, the first ticked with Space
  await page.focus(byTestId('checklist-add'));
  await page.keyboard.type('Find the card');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ask about the bill');
  await page.keyboard.press('Enter');
  await page.focus(`${byTestId('checklist-item')} input[type="checkbox"]`);
  await page.keyboard.press('Space');
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.textContent.includes('1 of 2 done'),
    { timeout: 5_000 },
    byTestId('checklist-progress'),
  );
  const violations = await screenshotsAtEveryWidth(page, 'planning-dialog');
  assert.deepEqual(violations, []);
  await clickTestId(page, 'save-task', { scope: byTestId('task-dialog') });
  await waitForNoDialog(page);
  const [dentist] = db("SELECT due_date, recurrence, checklist FROM tasks WHERE title = 'Call the dentist'");
  assert.deepEqual(
    { ...dentist, checklist: JSON.parse(dentist.checklist) },
    {
      due_date: `${localDay()}T16:30`,
      recurrence: 'FREQ=WEEKLY;INTERVAL=3',
      checklist: [
        { title: 'Find the card', done: true },
        { title: 'Ask about the bill', done: false },
      ],
    },
  );
  const count = await (await rowByTitle(page, 'Call the dentist')).$eval(byTestId('checklist-count'), (c) => c.textContent);
  assert.match(count, /^1\/2/);
  assert.deepEqual(await screenshotsAtEveryWidth(page, 'planning-checklist-row'), []);

  // At 480 px the row keeps its title and gives up the default priority pill; the lists move to
  // a drawer. (Qt 6.4's Chromium 102 ignores media query ranges, so this also checks the CSS build.)
  await page.setViewport({ width: 480, height: 800 });
  try {
    const narrow = await (await rowByTitle(page, 'Call the dentist')).evaluate((r) => ({
      title: r.querySelector('.task-title-text').getBoundingClientRect().width,
      pill: getComputedStyle(r.querySelector('.priority-standard')).display,
    }));
    assert.equal(narrow.pill, 'none');
    assert.ok(narrow.title > 90, `the title keeps room (${narrow.title} px)`);
    await clickTestId(page, 'open-navigation');
    await waitForTestId(page, 'navigation-drawer');
    await saveScreenshot(page, 'planning-drawer-480-light');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.keyboard.press('Escape');
  } finally {
    await page.setViewport(null);
  }
});

test('dragARowIntoPlaceAndTheOrderOutlivesARestart', async () => {
  let { page } = quire.app;
  await createProjectThroughUi(page, 'Chores');
  await waitForHeading(page, 'Chores');
  for (const title of ['Sweep', 'Dust', 'Mop']) {
    await quickAdd(page, title);
    await page.keyboard.press('Enter');
    await rowByTitle(page, title);
  }
  await waitForRows(page, ['Sweep', 'Dust', 'Mop'], { ordered: true });

  // Drag Mop by its grip above Sweep, in small steps as a hand would
  const mop = await rowByTitle(page, 'Mop');
  await mop.hover();
  const grip = await (await mop.$('.drag-handle')).boundingBox();
  const sweep = await (await rowByTitle(page, 'Sweep')).boundingBox();
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2, grip.y - 10, { steps: 5 });
  await page.mouse.move(grip.x + grip.width / 2, sweep.y + 4, { steps: 10 });
  await page.mouse.up();
  await waitForRows(page, ['Mop', 'Sweep', 'Dust'], { ordered: true });

  // Alt+↑ on the focused row moves it one up, from the keyboard
  const dust = await rowByTitle(page, 'Dust');
  await dust.focus();
  await page.keyboard.down('Alt');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.up('Alt');
  await waitForRows(page, ['Mop', 'Dust', 'Sweep'], { ordered: true });
  for (let i = 0; i < 50; i += 1) {
    const stored = db("SELECT title FROM tasks WHERE title IN ('Sweep', 'Dust', 'Mop') ORDER BY sort_key").map((r) => r.title);
    if (stored.join() === 'Mop,Dust,Sweep') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(
    db("SELECT title FROM tasks WHERE title IN ('Sweep', 'Dust', 'Mop') ORDER BY sort_key").map((r) => r.title),
    ['Mop', 'Dust', 'Sweep'],
  );

  await quire.app.stop();
  quire.app = await launchQuire({ databasePath: quire.workspace.databasePath });
  ({ page } = quire.app);
  await (await projectItem(page, 'Chores')).click();
  await waitForHeading(page, 'Chores');
  await waitForRows(page, ['Mop', 'Dust', 'Sweep'], { ordered: true, timeout: 15_000 });
});

test('rowsNeverOverlapAfterTasksAreCompleted', async () => {
  const { page } = quire.app;
  // Groups of several sizes, so that completing shifts headers into rows' places
  await page.evaluate(() =>
    Promise.all(
      ['In progress A', 'In progress B', 'Blocked C', 'Backlog D', 'Backlog E', 'Backlog F'].map((title) =>
        window.__QUIRE__.invoke('db_create_task', {
          title,
          priority: 'standard',
          tags: [],
          projectIds: [],
          status: title.startsWith('In progress') ? 'in_progress' : title.startsWith('Blocked') ? 'blocked' : 'backlog',
        }),
      ),
    ),
  );
  await clickTestId(page, 'all-tasks');
  await waitForHeading(page, 'All tasks');
  await rowByTitle(page, 'Backlog F');
  for (const title of ['In progress A', 'Blocked C']) {
    await (await (await rowByTitle(page, title)).$(byTestId('complete-task'))).click();
    await page.waitForFunction(
      (t) => ![...document.querySelectorAll('[data-testid="task-row"]')].some((r) => r.getAttribute('aria-label') === t),
      { timeout: 10_000 },
      title,
    );
  }
  // Each box (group header or row) starts at or below where the one before it ends
  const overlaps = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.group-header, [data-testid="task-row"]')]
      .map((element) => ({ text: element.textContent.trim().slice(0, 30), ...element.getBoundingClientRect().toJSON() }))
      .sort((a, b) => a.top - b.top);
    return boxes.slice(1).flatMap((box, i) =>
      box.top < boxes[i].bottom - 0.5 ? [`${box.text} overlaps ${boxes[i].text} by ${boxes[i].bottom - box.top}px`] : [],
    );
  });
  assert.deepEqual(overlaps, []);
});
