// SPDX-License-Identifier: MIT
// Page-side benchmarks: IPC round trip, db_create_task, listings, start-up and memory, against the
// real quire binary (tests/e2e/support/quire-app.mjs). Invoked by bench/run, which builds the
// binaries and seeds the databases; prints a table and writes bench/RESULTS.md. Asserts nothing.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const e2eDir = join(here, '..', 'tests', 'e2e');
const require = createRequire(join(e2eDir, 'package.json'));
const puppeteer = require('puppeteer-core');
const { appEnvironment, freePort, launchQuire, makeWorkspace } = await import('../tests/e2e/support/quire-app.mjs');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (bench/run sets it)`);
  return value;
};
const bareBinary = env('QUIRE_BENCH_BARE');
const db100k = env('QUIRE_BENCH_DB_100K');
const db10k = env('QUIRE_BENCH_DB_10K');
const coreFigures = process.env.QUIRE_BENCH_CORE_JSON ? JSON.parse(readFileSync(process.env.QUIRE_BENCH_CORE_JSON, 'utf8')) : {};
const resultsFile = process.env.QUIRE_BENCH_RESULTS ?? join(here, 'RESULTS.md');
const label = process.env.QUIRE_BENCH_LABEL ?? '';
const startupRuns = Number(process.env.QUIRE_BENCH_STARTUP_RUNS ?? 5);

const log = (...args) => console.error('[bench]', ...args);

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99), n: sorted.length };
}

/** Sum of VmHWM (peak RSS) over the process group `pgid` (quire and its QtWebEngineProcess children). */
function peakMemoryMiB(pgid) {
  let totalKiB = 0;
  const processes = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // field 5: pgrp
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '?';
      totalKiB += hwm;
      processes.push(`${name}:${Math.round(hwm / 1024)}`);
    } catch {
      // The process went away.
    }
  }
  return { mib: totalKiB / 1024, processes };
}

// ---- IPC round trip: invoke('ping') against a raw QWebChannel echo, interleaved in one page ----
async function benchIpc(page) {
  return page.evaluate(async () => {
    const transport = window.qt.webChannelTransport;
    const invoke = window.__QUIRE__.invoke;
    await invoke('ping'); // the app's channel is connected
    const appHandler = transport.onmessage;
    // A second QWebChannel on the same transport takes over onmessage; swap the handlers per block,
    // so each channel only ever sees its own replies (nothing else is in flight meanwhile).
    const raw = await new Promise((resolve) => new window.QWebChannel(transport, resolve));
    const rawHandler = transport.onmessage;
    if (!raw.objects.testHooks) {
      transport.onmessage = appHandler;
      throw new Error('testHooks is not on the channel: the IPC baseline needs a build with -DQUIRE_TEST_HOOKS=ON');
    }
    const echo = (value) => new Promise((resolve) => raw.objects.testHooks.echo(value, resolve));
    const useApp = () => (transport.onmessage = appHandler);
    const useRaw = () => (transport.onmessage = rawHandler);

    const block = 100;
    const rounds = 30;
    const single = { app: [], raw: [] };
    const batched = { app: [], raw: [] };
    async function run(kind, call) {
      const start = performance.now();
      for (let i = 0; i < block; i += 1) {
        const t = performance.now();
        await call();
        single[kind].push(performance.now() - t);
      }
      batched[kind].push((performance.now() - start) / block);
    }
    // Warm up both paths.
    useRaw();
    for (let i = 0; i < 200; i += 1) await echo('pong');
    useApp();
    for (let i = 0; i < 200; i += 1) await invoke('ping');
    for (let r = 0; r < rounds; r += 1) {
      useApp();
      await run('app', () => invoke('ping'));
      useRaw();
      await run('raw', () => echo('pong'));
    }
    useApp();
    // The timer's resolution, to judge the per-call figures.
    let resolution = Infinity;
    for (let i = 0; i < 1000; i += 1) {
      const a = performance.now();
      let b = performance.now();
      while (b === a) b = performance.now();
      resolution = Math.min(resolution, b - a);
    }
    return { single, batched, resolution };
  });
}

// ---- db_create_task round trip (durable commit) --------------------------------------------------
async function benchCreate(page, count) {
  const ids = await page.evaluate(async () => {
    const invoke = window.__QUIRE__.invoke;
    const target = await invoke('db_create_project', { name: 'Bench target' });
    const quiet = await invoke('db_create_project', { name: 'Bench quiet view' });
    return { target: target.id, quiet: quiet.id };
  });
  // Show an empty project, so the refetch each tasksChanged triggers stays small.
  await page.waitForFunction(
    (name) => [...document.querySelectorAll('[data-testid=project-item]')].some((e) => e.textContent.includes(name)),
    { timeout: 10_000 },
    'Bench quiet view',
  );
  await page.evaluate((name) => {
    const item = [...document.querySelectorAll('[data-testid=project-item]')].find((e) => e.textContent.includes(name));
    (item.querySelector('button') ?? item).click();
  }, 'Bench quiet view');
  await new Promise((r) => setTimeout(r, 300));
  return page.evaluate(
    async (projectId, n) => {
      const invoke = window.__QUIRE__.invoke;
      const samples = [];
      for (let i = 0; i < n + 20; i += 1) {
        const args = { title: `Bench task ${i}`, priority: 'standard', tags: ['bench'], projectIds: [projectId] };
        const t = performance.now();
        await invoke('db_create_task', args);
        const elapsed = performance.now() - t;
        if (i >= 20) samples.push(elapsed);
        // Let the refetch that tasksChanged triggers run, as it would between a person's clicks.
        await new Promise((r) => setTimeout(r, 5));
      }
      return samples;
    },
    ids.target,
    count,
  );
}

// ---- Listings end to end into JS objects ---------------------------------------------------------
async function benchListing(page) {
  // One evaluate per call: a whole series of 100 000-row listings would outlast the protocol timeout.
  const projectId = await page.evaluate(async () => (await window.__QUIRE__.invoke('db_get_projects'))[0].id);
  const time = async (args, n) => {
    const samples = [];
    let rows = 0;
    for (let i = 0; i < n; i += 1) {
      const sample = await page.evaluate(async (a) => {
        const t = performance.now();
        const tasks = await window.__QUIRE__.invoke('db_get_tasks', a, { timeoutMs: 120_000 });
        return { ms: performance.now() - t, rows: tasks.length };
      }, args);
      samples.push(sample.ms);
      rows = sample.rows;
    }
    return { samples, rows };
  };
  await time({ projectIds: [projectId] }, 2); // warm-up
  const project = await time({ projectIds: [projectId] }, 20);
  const all = await time({}, 7);
  return { project, all };
}

// ---- Start-up: process spawn to the first task row, against a bare QtWebEngine page --------------

async function startOnce(binary, args, extraEnv, isQuire) {
  const port = await freePort();
  const ws = makeWorkspace();
  const env = appEnvironment({ home: join(ws.dir, 'home'), port, env: extraEnv });
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'ignore', 'ignore'], env });
  let browser;
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error('no remote-debugging port');
      try {
        if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
    let page;
    while (!page) {
      if (Date.now() > deadline) throw new Error('no page');
      page = (await browser.pages())[0];
      if (!page) await new Promise((r) => setTimeout(r, 5));
    }
    // Both pages stamp, in the page itself, the start of the frame that paints their first row:
    // the bare page in its script, Quire with a user-timing mark (FIRST_ROWS_MARK in
    // frontend/src/features/tasks/components/task-list.tsx). Neither depends on when we attach.
    const frameAt = isQuire
      ? () => {
          if (!location.href.startsWith('quire://')) return 0;
          const mark = performance.getEntriesByName('quire:first-task-rows-painted')[0];
          return mark ? performance.timeOrigin + mark.startTime : 0;
        }
      : () => window.__BENCH__?.frame ?? 0;
    const frame = await (await page.waitForFunction(frameAt, { timeout: 30_000 })).jsonValue();
    return { frame: frame - spawnedAt };
  } finally {
    try {
      await browser?.disconnect();
    } catch {
      // Gone already.
    }
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
    await new Promise((r) => setTimeout(r, 300));
    ws.cleanup();
  }
}

async function benchStartup() {
  const quire = [];
  const bare = [];
  for (let i = 0; i < startupRuns + 1; i += 1) {
    // Alternate, so both see the same machine state; the first pair warms the page cache.
    const q = await startOnce(env('QUIRE_BINARY'), ['--database', db10k], {}, true);
    const b = await startOnce(bareBinary, [], {}, false);
    log(`start-up run ${i}: quire ${q.frame.toFixed(0)} ms, bare ${b.frame.toFixed(0)} ms`);
    if (i === 0) continue;
    quire.push(q);
    bare.push(b);
  }
  return { quire, bare };
}

// ---- Main ----------------------------------------------------------------------------------------
const figures = {};

{
  log('IPC round trip and db_create_task (empty database)');
  const ws = makeWorkspace();
  const app = await launchQuire({ databasePath: ws.databasePath, env: { QUIRE_TEST_HOOKS: '1' } });
  try {
    const ipc = await benchIpc(app.page);
    figures.ipc = {
      app: stats(ipc.single.app),
      raw: stats(ipc.single.raw),
      appBatched: stats(ipc.batched.app),
      rawBatched: stats(ipc.batched.raw),
      resolution: ipc.resolution,
    };
    figures.create = stats(await benchCreate(app.page, 300));
  } finally {
    await app.stop();
    ws.cleanup();
  }
}

{
  log('Listings and memory (100 000 tasks in 10 projects)');
  const app = await launchQuire({ databasePath: db100k });
  try {
    // The start page lists all tasks: wait for it, so the peak includes a painted 100 000-row view.
    await app.page.waitForSelector('[data-testid=task-row]', { timeout: 120_000 });
    const listing = await benchListing(app.page);
    figures.listProject = { ...stats(listing.project.samples), rows: listing.project.rows };
    figures.listAll = { ...stats(listing.all.samples), rows: listing.all.rows };
    figures.memory = peakMemoryMiB(app.process.pid);
  } finally {
    await app.stop();
  }
}

log('Start-up (10 000 tasks) against a bare QtWebEngine page');
figures.startup = await benchStartup();

// ---- Report --------------------------------------------------------------------------------------
const ms = (v) => (v === undefined || v < 0 ? 'n/a' : v < 1 ? `${v.toFixed(3)} ms` : v < 100 ? `${v.toFixed(2)} ms` : `${v.toFixed(0)} ms`);
const rows = [];
const row = (figure, value, goal = '', pass) => rows.push({ figure, value, goal, result: pass === undefined ? '' : pass ? 'pass' : 'MISS' });

const { ipc } = figures;
row('IPC invoke("ping") median / p99', `${ms(ipc.app.median)} / ${ms(ipc.app.p99)}`);
row('IPC raw QWebChannel echo median / p99', `${ms(ipc.raw.median)} / ${ms(ipc.raw.p99)}`);
const ratio = ipc.app.median / ipc.raw.median;
row('IPC ratio invoke / raw (per-call medians)', ratio.toFixed(2), '<= 1.2', ratio <= 1.2);
const batchedRatio = ipc.appBatched.median / ipc.rawBatched.median;
row('IPC ratio invoke / raw (100-call blocks)', `${batchedRatio.toFixed(2)} (${ms(ipc.appBatched.median)} vs ${ms(ipc.rawBatched.median)})`, '<= 1.2', batchedRatio <= 1.2);
row('db_create_task round trip median / p99', `${ms(figures.create.median)} / ${ms(figures.create.p99)}`, 'median < 1 ms', figures.create.median < 1);
row(`db_get_tasks one project (${figures.listProject.rows} rows) median / p99`, `${ms(figures.listProject.median)} / ${ms(figures.listProject.p99)}`, '< 100 ms', figures.listProject.median < 100);
row(`db_get_tasks all (${figures.listAll.rows} rows) median / p99`, `${ms(figures.listAll.median)} / ${ms(figures.listAll.p99)}`, '< 800 ms', figures.listAll.median < 800);
for (const [key, text] of [
  ['repo_project', 'C++ repository, one project'],
  ['repo_all', 'C++ repository, all'],
  ['repo_text_project', 'C++ repository listColumnsJson (SQLite writes columns), one project'],
  ['repo_text_all', 'C++ repository listColumnsJson (SQLite writes columns), all'],
  ['repo_qjson_project', 'C++ repository + QJsonObject/QJsonDocument, one project'],
  ['repo_qjson_all', 'C++ repository + QJsonObject/QJsonDocument, all'],
]) {
  const f = coreFigures[key];
  if (f) row(`${text} (${f.rows} rows) median / p99`, `${ms(f.median_ms)} / ${ms(f.p99_ms)}`);
}
const sq = stats(figures.startup.quire.map((s) => s.frame));
const sb = stats(figures.startup.bare.map((s) => s.frame));
row(`Start-up to first task row painted, 10 000 tasks (median of ${sq.n})`, ms(sq.median), '< 1.5 s', sq.median < 1500);
row(`Start-up of a bare QtWebEngine page (median of ${sb.n})`, ms(sb.median));
const startupRatio = sq.median / sb.median;
row('Start-up ratio Quire / bare page', startupRatio.toFixed(2), '<= 1.5', startupRatio <= 1.5);
row('Peak memory, app + QtWebEngineProcess children, 100 000 tasks (sum of VmHWM)', `${figures.memory.mib.toFixed(0)} MiB`);

const widths = ['figure', 'value', 'goal', 'result'].map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
const table = [
  line(['figure', 'value', 'goal', 'result']),
  `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
  ...rows.map((r) => line([r.figure, r.value, r.goal, r.result])),
].join('\n');
console.log(table);

const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
const machine = `${cpus().length} CPUs (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${readFileSync('/proc/version', 'utf8').split(' ').slice(0, 3).join(' ')}`;
const notes = [
  `Timer resolution in the page: ${ipc.resolution.toFixed(3)} ms (per-call IPC figures are quantised to it; the 100-call block figures are not).`,
  `Processes in the memory figure (MiB VmHWM each): ${figures.memory.processes.join(', ')}.`,
  `Start-up runs (ms to the frame after the first row): quire ${figures.startup.quire.map((s) => s.frame.toFixed(0)).join(', ')}; bare ${figures.startup.bare.map((s) => s.frame.toFixed(0)).join(', ')}.`,
];
if (resultsFile !== '-') {
  // The hand-written part (from "## History" on: the figures over time and what changed them) is kept.
  let kept = '';
  try {
    const previous = readFileSync(resultsFile, 'utf8');
    const at = previous.indexOf('\n## History');
    if (at >= 0) kept = previous.slice(at);
  } catch {
    // No earlier results.
  }
  writeFileSync(
    resultsFile,
    `# Benchmark results${label ? ` (${label})` : ''}\n\nMachine: ${machine}.\nDate: ${new Date().toISOString()}. Command: \`bench/run\`.\n\n${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n${kept}`,
  );
}
console.log(`\nMachine: ${machine}`);
for (const n of notes) console.log(`- ${n}`);
if (process.env.QUIRE_BENCH_JSON) writeFileSync(process.env.QUIRE_BENCH_JSON, JSON.stringify(figures, null, 2));
