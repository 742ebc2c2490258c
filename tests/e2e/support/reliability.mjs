// SPDX-License-Identifier: MIT
// Helpers for the reliability tests (crash safety, damaged databases, security).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const isRoot = process.getuid?.() === 0;
export const nobodyUid = 65534;

export function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Runs sql with the sqlite3 shell (for setup: several statements, no output). */
export function sqlite(path, sql) {
  execFileSync('sqlite3', [path], { input: sql, encoding: 'utf8' });
}

/** Waits until the page's visible text contains `text`; returns that text. */
export async function waitForVisibleText(page, text, timeout = 20_000) {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout, polling: 100 }, text);
  return page.evaluate(() => document.body.innerText);
}

/** Opens the new-task dialog like a person and saves a task; resolves when Save was pressed. */
export async function submitNewTask(page, { title, description = '' }) {
  await page.click('[data-testid="new-task-button"]');
  await page.waitForSelector('[data-testid="task-dialog"] input');
  await page.type('[data-testid="task-dialog"] input', title);
  if (description) {
    // Typing 100 KB key by key would take minutes: set the value the way React notices it.
    await page.evaluate((text) => {
      const area = document.querySelector('[data-testid="task-dialog"] textarea');
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(area, text);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, description);
  }
  await page.click('[data-testid="save-task"]');
}

/** The dialog's inline error (role=alert) once it shows. */
export async function dialogError(page, timeout = 20_000) {
  const handle = await page.waitForSelector('[data-testid="task-dialog"] .form-error', { timeout });
  return handle.evaluate((el) => el.textContent);
}

/** Creates tasks through the bridge from the page; returns their ids. */
export async function createTasks(page, count, { descriptionLength = 0 } = {}) {
  return page.evaluate(
    async (n, length) => {
      const ids = [];
      for (let i = 0; i < n; i += 1) {
        const task = await window.__QUIRE__.invoke('db_create_task', {
          title: `Task ${i}`,
          description: 'd'.repeat(length) || null,
          priority: 'standard',
          tags: [`tag${i % 5}`],
          projectIds: [],
        });
        ids.push(task.id);
      }
      return ids;
    },
    count,
    descriptionLength,
  );
}
