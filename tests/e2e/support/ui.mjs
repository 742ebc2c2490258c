// SPDX-License-Identifier: MIT
// Person-like helpers for the end-to-end tests: find things the way a user (or Testing Library)
// would — by data-testid, label text, accessible name or visible text — then click and type on
// them with puppeteer's mouse and keyboard. Nothing here calls window.__QUIRE__.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { artifactsDir } from './quire-app.mjs';

export const byTestId = (id) => `[data-testid="${id}"]`;

const defaultTimeout = 10_000;

/** Waits for a visible element with this data-testid (optionally inside `scope`, a selector). */
export async function waitForTestId(page, id, { scope = '', timeout = defaultTimeout } = {}) {
  return page.waitForSelector(`${scope ? `${scope} ` : ''}${byTestId(id)}`, { visible: true, timeout });
}

export async function clickTestId(page, id, options) {
  const handle = await waitForTestId(page, id, options);
  await handle.click();
  return handle;
}

/**
 * The form control labelled `labelText` (a <label for=…> with exactly that text), inside the
 * element matched by `scope`. Waits until it exists.
 */
export async function fieldByLabel(page, labelText, { scope = 'body', timeout = defaultTimeout } = {}) {
  await page.waitForFunction(
    (scopeSelector, text) =>
      [...(document.querySelector(scopeSelector)?.querySelectorAll('label') ?? [])].some(
        (l) => l.textContent.trim() === text && l.control,
      ),
    { timeout },
    scope,
    labelText,
  );
  return page.evaluateHandle(
    (scopeSelector, text) =>
      [...document.querySelector(scopeSelector).querySelectorAll('label')].find(
        (l) => l.textContent.trim() === text && l.control,
      ).control,
    scope,
    labelText,
  );
}

/** Clicks into the labelled field, selects what is there and types `text` over it. */
export async function fillField(page, labelText, text, { scope = 'body' } = {}) {
  const field = await fieldByLabel(page, labelText, { scope });
  await field.click({ count: 3 });
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
  return field;
}

/** Picks an option of the labelled <select> (by value), as choosing it from the drop-down would. */
export async function chooseOption(page, labelText, value, { scope = 'body' } = {}) {
  const field = await fieldByLabel(page, labelText, { scope });
  await field.focus();
  await field.select(value);
}

/** The element whose accessible name (aria-label) is exactly `name`. */
export async function byAriaLabel(page, name, { scope = 'body', timeout = defaultTimeout } = {}) {
  const selector = `${scope} [aria-label="${name.replaceAll('"', '\\"')}"]`;
  return page.waitForSelector(selector, { visible: true, timeout });
}

/** A checkbox inside `scope` whose label text is `text` (e.g. a project in the task dialog). */
export async function checkboxByText(page, text, { scope = 'body' } = {}) {
  await page.waitForFunction(
    (scopeSelector, t) =>
      [...(document.querySelector(scopeSelector)?.querySelectorAll('label') ?? [])].some(
        (l) => l.textContent.trim() === t && l.querySelector('input[type=checkbox]'),
      ),
    { timeout: defaultTimeout },
    scope,
    text,
  );
  return page.evaluateHandle(
    (scopeSelector, t) =>
      [...document.querySelector(scopeSelector).querySelectorAll('label')]
        .find((l) => l.textContent.trim() === t && l.querySelector('input[type=checkbox]'))
        .querySelector('input[type=checkbox]'),
    scope,
    text,
  );
}

/** Titles of the task rows on screen, top to bottom. */
export async function rowTitles(page) {
  return page.$$eval(byTestId('task-row'), (rows) => rows.map((r) => r.getAttribute('aria-label')));
}

/** Waits until the rows on screen are exactly `titles` (in any order unless `ordered`). */
export async function waitForRows(page, titles, { ordered = false, timeout = defaultTimeout } = {}) {
  try {
    await page.waitForFunction(
      (sel, expected, inOrder) => {
        const actual = [...document.querySelectorAll(sel)].map((r) => r.getAttribute('aria-label'));
        const a = inOrder ? actual : [...actual].sort();
        const e = inOrder ? expected : [...expected].sort();
        return a.length === e.length && a.every((t, i) => t === e[i]);
      },
      { timeout },
      byTestId('task-row'),
      titles,
      ordered,
    );
  } catch (error) {
    throw new Error(`rows on screen are ${JSON.stringify(await rowTitles(page))}, wanted ${JSON.stringify(titles)}: ${error.message}`);
  }
}

/** The CSS selector of the row of the task titled `title`. */
export const rowSelector = (title) => `${byTestId('task-row')}[aria-label="${title.replaceAll('"', '\\"')}"]`;

/** The row of the task titled `title`. */
export async function rowByTitle(page, title) {
  return page.waitForSelector(rowSelector(title), {
    visible: true,
    timeout: defaultTimeout,
  });
}

/**
 * A button of a task row that only shows on hover or focus (e.g. "Edit <title>", data-testid
 * "delete-task"): moves the mouse over the row first, as a person would, then returns the button.
 */
export async function rowAction(page, title, { label, testId }) {
  const row = await rowByTitle(page, title);
  await row.hover();
  const selector = testId ? byTestId(testId) : `[aria-label="${label.replaceAll('"', '\\"')}"]`;
  const button = await row.waitForSelector(selector, { visible: true, timeout: defaultTimeout });
  return button;
}

/** The sidebar entry of project `name`. */
export async function projectItem(page, name) {
  await page.waitForFunction(
    (sel, n) => [...document.querySelectorAll(sel)].some((b) => b.textContent.trim() === n),
    { timeout: defaultTimeout },
    byTestId('project-item'),
    name,
  );
  return page.evaluateHandle(
    (sel, n) => [...document.querySelectorAll(sel)].find((b) => b.textContent.trim() === n),
    byTestId('project-item'),
    name,
  );
}

/** Waits until no dialog is open (after save, cancel or confirm). */
export async function waitForNoDialog(page, { timeout = defaultTimeout } = {}) {
  await page.waitForFunction(() => !document.querySelector('[role="dialog"], [role="alertdialog"]'), { timeout });
}

/** Texts of the toasts on screen. */
export async function toastTexts(page) {
  return page.$$eval(`${byTestId('toast-region')} [data-sonner-toast]`, (toasts) =>
    toasts.map((t) => t.textContent.trim()),
  );
}

/** The heading of the task view ("All tasks" or the project's name). */
export async function viewHeading(page) {
  return page.$eval('#task-view-heading', (h) => h.textContent.trim());
}

export async function waitForHeading(page, text) {
  await page.waitForFunction((t) => document.querySelector('#task-view-heading')?.textContent.trim() === t, {
    timeout: defaultTimeout,
  }, text);
}

/** Saves a full-window PNG under QUIRE_E2E_ARTIFACTS; returns its path. */
export async function saveScreenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  // Let transitions (dialogs fading in, toasts sliding) settle before the picture.
  await new Promise((r) => setTimeout(r, 400));
  await page.screenshot({ path, type: 'png' });
  return path;
}

/** Creates a project through the sidebar's "New project" dialog. */
export async function createProjectThroughUi(page, name, description = '') {
  await clickTestId(page, 'new-project-button');
  const scope = byTestId('project-dialog');
  await waitForTestId(page, 'project-dialog');
  await fillField(page, 'Name', name, { scope });
  if (description) await fillField(page, 'Description', description, { scope });
  await clickTestId(page, 'save-project', { scope });
  await waitForNoDialog(page);
  await projectItem(page, name);
}

/**
 * Fills the open task dialog: title, description, priority, tags (typed, Enter after each) and
 * project checkboxes to tick.
 */
export async function fillTaskDialog(page, { title, description, priority, status, tags = [], projects = [] }) {
  const scope = byTestId('task-dialog');
  if (title !== undefined) await fillField(page, 'Title', title, { scope });
  if (description !== undefined) await fillField(page, 'Description', description, { scope });
  if (priority !== undefined) await chooseOption(page, 'Priority', priority, { scope });
  if (status !== undefined) await chooseOption(page, 'Status', status, { scope });
  if (tags.length > 0) {
    const tagField = await fieldByLabel(page, 'Tags', { scope });
    await tagField.click();
    for (const tag of tags) {
      await page.keyboard.type(tag);
      await page.keyboard.press('Enter');
    }
  }
  for (const name of projects) {
    const box = await checkboxByText(page, name, { scope });
    const checked = await box.evaluate((b) => b.checked);
    if (!checked) await box.click();
  }
}

/** Opens the new-task dialog with the button, fills it, saves and waits for the row. */
export async function createTaskThroughUi(page, task) {
  await clickTestId(page, 'new-task-button');
  await waitForTestId(page, 'task-dialog');
  await fillTaskDialog(page, task);
  await clickTestId(page, 'save-task', { scope: byTestId('task-dialog') });
  await waitForNoDialog(page);
  await rowByTitle(page, task.title);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical accessibility violations axe-core finds in the page as it is, each as
 * "rule: target (summary)". axe is evaluated through the debugging protocol, which the page's
 * content security policy does not govern, and nothing of it is left in the app's own scripts.
 */
export async function seriousAxeViolations(page) {
  // Colours still moving (a theme switch's transitions, a toast fading in) read as blends of two
  // colours, with a contrast neither has: axe looks once every finite animation has ended.
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    const settled = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 3000))]);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`));
  });
  return violations;
}

/**
 * Screenshots of what is on screen at 480, 700 and 1280 px wide, light and dark, each checked with
 * axe-core: returns the serious or critical violations found (none expected).
 */
export async function screenshotsAtEveryWidth(page, name) {
  const found = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    for (const width of [480, 700, 1280]) {
      await page.setViewport({ width, height: 800 });
      await saveScreenshot(page, `${name}-${width}-${scheme}`);
      for (const violation of await seriousAxeViolations(page)) found.push(`${width} ${scheme}: ${violation}`);
    }
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.setViewport(null);
  return found;
}
