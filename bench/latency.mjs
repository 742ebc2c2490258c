// SPDX-License-Identifier: MIT
// Commit-to-paint latency between two Quires on one PostgreSQL database: A creates a task; how long
// until B, showing the project the task goes to, has painted its row. Against A's own round trip of
// the same create (its commit acknowledged), measured in the same runs.
//
//   node bench/latency.mjs <postgresql URL> [probes]     prints one JSON line (bench/run calls it
//                                                        through run.mjs, QUIRE_BENCH_SERVER_URL)
//
// Both pages stamp times with performance.timeOrigin + performance.now(): one clock across
// processes on one machine, to a fraction of a millisecond.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const { launchQuire } = await import('../tests/e2e/support/quire-app.mjs');
const { projectItem, rowSelector } = await import('../tests/e2e/support/ui.mjs');
const { stats } = await import('./stats.mjs');

// Longer than any refresh should take, shorter than the page's protocol timeout (30 s).
const PROBE_WAIT_MS = 10_000;

/** Resolves to { paint: {median, p99, n}, own: {median, p99, n}, missed } in ms; missed counts rows never painted. */
export async function benchCommitToPaint({ url, probes = 20, binary = process.env.QUIRE_BINARY }) {
  const scratch = mkdtempSync(join(tmpdir(), 'quire-bench-latency-'));
  let writer;
  let watcher;
  try {
    writer = await launchQuire({ databasePath: url, home: join(scratch, 'writer'), binary });
    watcher = await launchQuire({ databasePath: url, home: join(scratch, 'watcher'), binary });
    const name = `Latency probes ${Date.now()}`;
    const projectId = await writer.page.evaluate(async (n) => (await window.__QUIRE__.invoke('db_create_project', { name: n })).id, name);
    await (await projectItem(watcher.page, name)).click();
    await watcher.page.waitForFunction((n) => document.querySelector('#task-view-heading')?.textContent?.includes(n), { timeout: 30_000 }, name);

    const paint = [];
    const own = [];
    const missed = [];
    for (let i = 0; i < probes; i += 1) {
      const title = `Probe ${i} ${Date.now()}`;
      // B watches for the row, and stamps the frame after it appears (the row is then painted);
      // null when it has not appeared after PROBE_WAIT_MS, counted as missed instead of waiting on.
      const painted = watcher.page.evaluate(
        (row, waitMs) =>
          new Promise((resolve) => {
            const seen = () => document.querySelector(row);
            const stamp = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
            if (seen()) return stamp();
            const observer = new MutationObserver(() => {
              if (!seen()) return;
              observer.disconnect();
              stamp();
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true });
            setTimeout(() => {
              observer.disconnect();
              resolve(null);
            }, waitMs);
          }),
        rowSelector(title),
        PROBE_WAIT_MS,
      );
      const { started, acknowledged, taskId } = await writer.page.evaluate(
        async (t, p) => {
          const start = performance.timeOrigin + performance.now();
          const task = await window.__QUIRE__.invoke('db_create_task', { title: t, priority: 'standard', tags: [], projectIds: [p] });
          return { started: start, acknowledged: performance.timeOrigin + performance.now(), taskId: task.id };
        },
        title,
        projectId,
      );
      const shown = await painted;
      // The probe goes again, and the next one starts once B no longer shows it: a view longer
      // than the window would not render a row added below its last visible one.
      await writer.page.evaluate((id) => window.__QUIRE__.invoke('db_delete_task', { taskId: id }), taskId);
      await watcher.page
        .waitForFunction((row) => !document.querySelector(row), { timeout: PROBE_WAIT_MS }, rowSelector(title))
        .catch(() => undefined);
      if (i === 0) continue; // warm-up
      own.push(acknowledged - started);
      if (shown === null) missed.push(title);
      else paint.push(shown - started);
    }
    if (missed.length > 0) {
      // What the other Quire showed then, and what it logged: enough to tell a lost change from a moved view.
      const shown = await watcher.page.evaluate(() => ({
        heading: document.querySelector('#task-view-heading')?.textContent,
        rows: document.querySelectorAll('[data-testid="task-row"]').length,
        alerts: [...document.querySelectorAll('[role=alert], [role=status]')].map((e) => e.textContent).filter(Boolean),
      }));
      console.error(`[bench] rows never painted in the other Quire: ${missed.join(', ')}`);
      console.error(`[bench] it showed ${JSON.stringify(shown)}; its log:\n${watcher.output()}`);
    }
    return { paint: stats(paint), own: stats(own), missed: missed.length };
  } finally {
    await writer?.stop();
    await watcher?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url, probes] = process.argv.slice(2);
  if (!url) {
    console.error('usage: node bench/latency.mjs <postgresql URL> [probes]');
    process.exit(2);
  }
  const result = await benchCommitToPaint({ url, probes: Number(probes ?? 20) });
  console.log(JSON.stringify({ name: 'server_commit_to_paint', ...result }));
}
