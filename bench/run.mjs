// SPDX-License-Identifier: MIT
// Page-side benchmarks against the real quire binary (tests/e2e/support/quire-app.mjs), each set
// against a raw baseline measured in the same run: the IPC round trips against a bare QWebChannel
// echo in the same page plus the raw SQLite work (quire_bench_raw, straight on the sqlite3 C API),
// the listings against a raw SQLite read of the same rows, start-up against a bare QtWebEngine page.
// Invoked by bench/run, which builds the binaries and seeds the databases; prints a table and
// writes bench/RESULTS.md (every figure in it comes from here). Asserts nothing: a missed goal is
// printed as MISS. What each figure means: bench/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const e2eDir = join(here, '..', 'tests', 'e2e');
const require = createRequire(join(e2eDir, 'package.json'));
const puppeteer = require('puppeteer-core');
const { appEnvironment, freePort, launchQuire, localDay, makeWorkspace } = await import('../tests/e2e/support/quire-app.mjs');
const { stats } = await import('./stats.mjs');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (bench/run sets it)`);
  return value;
};
const quireBinary = env('QUIRE_BINARY');
const bareBinary = env('QUIRE_BENCH_BARE');
const rawBinary = env('QUIRE_BENCH_RAW');
const db1k = env('QUIRE_BENCH_DB_1K');
const databases = [
  { tasks: 10_001, path: env('QUIRE_BENCH_DB_10K') },
  { tasks: 50_000, path: env('QUIRE_BENCH_DB_50K') },
  { tasks: 100_000, path: env('QUIRE_BENCH_DB_100K') },
];
const db100k = databases[2].path;
const stubLibrary = process.env.QUIRE_BENCH_STUB_LIB ?? '';
const coreFigures = (() => {
  try {
    return process.env.QUIRE_BENCH_CORE_JSON ? JSON.parse(readFileSync(process.env.QUIRE_BENCH_CORE_JSON, 'utf8')) : {};
  } catch {
    return {};
  }
})();
const transferFigures = (() => {
  try {
    return process.env.QUIRE_BENCH_TRANSFER_JSON ? JSON.parse(readFileSync(process.env.QUIRE_BENCH_TRANSFER_JSON, 'utf8')) : {};
  } catch {
    return {};
  }
})();
const serverFigures = (() => {
  try {
    return process.env.QUIRE_BENCH_SERVER_JSON ? JSON.parse(readFileSync(process.env.QUIRE_BENCH_SERVER_JSON, 'utf8')) : {};
  } catch {
    return {};
  }
})();
const resultsFile = process.env.QUIRE_BENCH_RESULTS ?? join(here, 'RESULTS.md');
const label = process.env.QUIRE_BENCH_LABEL ?? '';
const startupRuns = Number(process.env.QUIRE_BENCH_STARTUP_RUNS ?? 5);

// How many samples each figure takes (the warm-ups are on top).
const COUNTS = { ipcRounds: 30, ipcBlock: 100, creates: 200, moves: 100, bulkRounds: 7, bulkSize: 1000, undoRounds: 5, searches: 20, listProject: 20, listAll: 7 };
// The raw lookups and commits use the very ids the page used, as many times.
const RAW_COUNTS = { lookups: COUNTS.ipcRounds * COUNTS.ipcBlock, commits: COUNTS.creates };

const log = (...args) => console.error('[bench]', ...args);

/** Sum of VmHWM (peak RSS) over the process group `pgid` (the app or page and its QtWebEngineProcess children). */
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

/** Runs quire_bench_raw and returns its JSON lines by name. */
function raw(...args) {
  const out = execFileSync(rawBinary, args.map(String), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  const figures = {};
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const figure = JSON.parse(line);
    figures[figure.name] = figure;
  }
  return figures;
}

// ---- In the page: the ids the benchmarks use, picked from the whole list ------------------------
async function pickIds(page, { lookups, creates, bulkRounds, bulkSize }) {
  return page.evaluate(
    async (n) => {
      const tasks = await window.__QUIRE__.invoke('db_get_tasks', {}, { timeoutMs: 120_000 });
      const shuffled = tasks.map((t) => t.id);
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = Math.floor(Math.random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      const byId = new Map(tasks.map((t) => [t.id, t]));
      const open = shuffled.filter((id) => byId.get(id).status !== 'completed');
      // Templates for the creates: existing tasks, so a create writes what a seeded task holds.
      const templateIds = shuffled.slice(0, n.creates);
      const templates = templateIds.map((id) => {
        const t = byId.get(id);
        const args = { title: t.title, priority: t.priority, tags: t.tags, projectIds: t.projectIds, status: t.status };
        if (t.description) args.description = t.description;
        if (t.complexity) args.complexity = t.complexity;
        if (t.type) args.type = t.type;
        return args;
      });
      window.__BENCH_IDS__ = {
        lookups: shuffled.slice(-n.lookups),
        templates,
        bulk: Array.from({ length: n.bulkRounds }, (_, r) => open.slice(r * n.bulkSize, (r + 1) * n.bulkSize)),
      };
      // After a write of many tasks: lets the change signal reach the view and the patched list
      // be drawn before the next round.
      window.__BENCH_SETTLE__ = async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await Promise.race([new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))), new Promise((r) => setTimeout(r, 500))]);
      };
      const { lookups, bulk } = window.__BENCH_IDS__;
      return { total: tasks.length, open: open.length, lookups, templateIds, bulk };
    },
    { lookups, creates, bulkRounds, bulkSize },
  );
}

// ---- IPC round trips: invoke('ping') and invoke('db_get_task') against a raw QWebChannel echo ----
async function benchIpc(page) {
  return page.evaluate(
    async ({ rounds, block }) => {
      const transport = window.qt.webChannelTransport;
      const invoke = window.__QUIRE__.invoke;
      await invoke('ping'); // the app's channel is connected
      const appHandler = transport.onmessage;
      // A second QWebChannel on the same transport takes over onmessage; swap the handlers per block,
      // so each channel only ever sees its own replies (nothing else is in flight meanwhile).
      const raw = await new Promise((resolve) => new window.QWebChannel(transport, resolve));
      const rawHandler = transport.onmessage;
      transport.onmessage = appHandler;
      if (!raw.objects.testHooks) {
        throw new Error('testHooks is not on the channel: the IPC baseline needs a build with -DQUIRE_TEST_HOOKS=ON');
      }
      const echo = (value) => new Promise((resolve) => raw.objects.testHooks.echo(value, resolve));
      const ids = window.__BENCH_IDS__.lookups;
      let next = 0;
      const getTask = async () => {
        const task = await invoke('db_get_task', { taskId: ids[next++ % ids.length] });
        if (!task) throw new Error('db_get_task found no task');
      };
      // An id no task has: the same trip through the database thread, with no row to read or send.
      let missing = 0;
      const getMissing = async () => {
        const task = await invoke('db_get_task', { taskId: `no-such-task-${missing++}` });
        if (task !== null) throw new Error('db_get_task found a task that does not exist');
      };
      const kinds = {
        ping: { handler: appHandler, call: () => invoke('ping') },
        echo: { handler: rawHandler, call: () => echo('pong') },
        getTask: { handler: appHandler, call: getTask },
        getMissing: { handler: appHandler, call: getMissing },
      };
      const single = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]));
      const batched = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]));
      async function run(kind, record) {
        transport.onmessage = kinds[kind].handler;
        const { call } = kinds[kind];
        const start = performance.now();
        for (let i = 0; i < block; i += 1) {
          const t = performance.now();
          await call();
          if (record) single[kind].push(performance.now() - t);
        }
        if (record) batched[kind].push((performance.now() - start) / block);
      }
      for (const kind of Object.keys(kinds)) for (let i = 0; i < 2; i += 1) await run(kind, false); // warm-up
      next = 0; // the measured lookups take the ids in order, as quire_bench_raw lookup does
      for (let r = 0; r < rounds; r += 1) for (const kind of Object.keys(kinds)) await run(kind, true);
      transport.onmessage = appHandler;
      // The timer's resolution, to judge the per-call figures.
      let resolution = Infinity;
      for (let i = 0; i < 1000; i += 1) {
        const a = performance.now();
        let b = performance.now();
        while (b === a) b = performance.now();
        resolution = Math.min(resolution, b - a);
      }
      return { single, batched, resolution };
    },
    { rounds: COUNTS.ipcRounds, block: COUNTS.ipcBlock },
  );
}

// ---- db_create_task round trip with the all-tasks view (100 000 rows) open ----------------------
async function benchCreate(page, count) {
  const samples = [];
  const chunk = 25; // one evaluate per chunk: the list re-renders after each create
  for (let from = -20; from < count; from += chunk) {
    const part = await page.evaluate(
      async (first, n) => {
        // Lets the change signal of each create reach the view and its frame be drawn, as between clicks.
        const settle = async () => {
          await new Promise((r) => setTimeout(r, 20)); // past CHANGE_COALESCE_MS: the caches are patched
          await Promise.race([new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))), new Promise((r) => setTimeout(r, 200))]);
        };
        const invoke = window.__QUIRE__.invoke;
        const { templates } = window.__BENCH_IDS__;
        const out = [];
        for (let i = first; i < first + n; i += 1) {
          const args = { ...templates[(i + templates.length) % templates.length] };
          args.title = `Bench task ${i}: ${args.title}`.slice(0, 200);
          const t = performance.now();
          await invoke('db_create_task', args);
          out.push(performance.now() - t);
          await settle();
        }
        return out;
      },
      from,
      Math.min(chunk, count - from),
    );
    if (from >= 0) samples.push(...part); // the first 20 warm up
    else samples.push(...part.slice(-from));
  }
  return samples.slice(0, count);
}

// ---- Bulk complete: db_update_tasks of 1000 open tasks to completed, the view open -----------------
async function benchBulk(page, rounds) {
  const samples = [];
  for (let r = 0; r < rounds; r += 1) {
    samples.push(
      await page.evaluate(
        async (round) => {
          const taskIds = window.__BENCH_IDS__.bulk[round];
          if (taskIds.length === 0) throw new Error('not enough open tasks for the bulk complete');
          const t = performance.now();
          const updated = await window.__QUIRE__.invoke('db_update_tasks', { taskIds, status: 'completed' }, { timeoutMs: 60_000 });
          const ms = performance.now() - t;
          if (updated.length !== taskIds.length) throw new Error(`db_update_tasks returned ${updated.length} tasks`);
          await window.__BENCH_SETTLE__();
          return { ms, rows: taskIds.length };
        },
        r,
      ),
    );
  }
  return samples;
}

// ---- Undo of a bulk delete: db_delete_tasks of 1000 tasks, then db_undo timed, the view open ------
async function benchUndo(page, rounds) {
  const samples = [];
  for (let r = 0; r < rounds; r += 1) {
    samples.push(
      await page.evaluate(
        async (round) => {
          const taskIds = window.__BENCH_IDS__.bulk[round];
          await window.__QUIRE__.invoke('db_delete_tasks', { taskIds }, { timeoutMs: 60_000 });
          await window.__BENCH_SETTLE__();
          const t = performance.now();
          const step = await window.__QUIRE__.invoke('db_undo', {}, { timeoutMs: 60_000 });
          const ms = performance.now() - t;
          if (step?.label !== `Delete ${taskIds.length} tasks`) throw new Error(`db_undo undid ${JSON.stringify(step)}`);
          await window.__BENCH_SETTLE__();
          return { ms, rows: taskIds.length };
        },
        r,
      ),
    );
  }
  return samples;
}

// ---- Search: db_search_tasks end to end into JS objects, the view open --------------------------
// A broad query (every seeded title says "list view": all 100 000 tasks match and are ranked) and
// a narrow one; each with the FTS5 text the repository makes of it, for the raw baseline.
const SEARCHES = [
  { name: 'broad', query: 'list view', match: '"list"* "view"*' },
  { name: 'narrow', query: 'task 4242', match: '"task"* "4242"*' },
];
async function benchSearch(page, repetitions) {
  const figures = {};
  for (const { name, query } of SEARCHES) {
    const samples = [];
    let rows = 0;
    for (let r = 0; r <= repetitions; r += 1) {
      const sample = await page.evaluate(async (q) => {
        const t = performance.now();
        const found = await window.__QUIRE__.invoke('db_search_tasks', { query: q }, { timeoutMs: 60_000 });
        return { ms: performance.now() - t, rows: found.length };
      }, query);
      if (r > 0) samples.push(sample.ms); // the first warms the FTS pages, as the raw warm-up does
      rows = sample.rows;
    }
    figures[name] = { ...stats(samples), rows };
  }
  return figures;
}

// ---- Listings end to end into JS objects, each sample next to a raw read of the same rows -------
// The machine drifts: one run's raw read of Today took 140 ms, the next run's 87 ms, and a raw
// read taken after the app has closed saw another machine than the listing it is the baseline of.
// So each listing sample is followed by one raw read (quire_bench_raw, its own warm-up first) while
// the app stays open, and each figure's two sides are medians of samples taken in turn. Each side
// reads once, untimed, right before its timed read.
async function benchListing(page) {
  // One evaluate per call: a whole series of 100 000-row listings would outlast the protocol timeout.
  const projectId = await page.evaluate(async () => (await window.__QUIRE__.invoke('db_get_projects'))[0].id);
  const raws = {};
  const time = async (args, n, rawArgs) => {
    const samples = [];
    const rawSamples = {};
    let rows = 0;
    for (let i = 0; i < n; i += 1) {
      const sample = await page.evaluate(
        async (a, warm) => {
          // As quire_bench_raw reads once before the read it times: the app had sat idle while it ran.
          if (warm) await window.__QUIRE__.invoke('db_get_tasks', a, { timeoutMs: 120_000 });
          const t = performance.now();
          const tasks = await window.__QUIRE__.invoke('db_get_tasks', a, { timeoutMs: 120_000 });
          return { ms: performance.now() - t, rows: tasks.length };
        },
        args,
        Boolean(rawArgs),
      );
      samples.push(sample.ms);
      rows = sample.rows;
      if (!rawArgs) continue;
      for (const figure of Object.values(raw(...rawArgs, 1))) {
        (rawSamples[figure.name] ??= { rows: figure.rows, samples: [] }).samples.push(figure.median_ms);
      }
    }
    for (const [name, { rows: rawRows, samples: taken }] of Object.entries(rawSamples)) {
      const { median, p99 } = stats(taken);
      raws[name] = { name, rows: rawRows, median_ms: median, p99_ms: p99 };
    }
    return { samples, rows };
  };
  await time({ projectIds: [projectId] }, 2); // warm-up
  const project = await time({ projectIds: [projectId] }, COUNTS.listProject, ['read', db100k, projectId]);
  const all = await time({}, COUNTS.listAll, ['read', db100k, 'all']);
  // Today and Upcoming as the views ask them; a build without due dates refuses the keys.
  const today = localDay(0);
  const dated = async (args, rawArgs) => {
    try {
      await time(args, 2); // warm-up
      return await time(args, COUNTS.listProject, rawArgs);
    } catch (error) {
      log(`no due-date listing in this build (${error.message.split('\n')[0]})`);
      return undefined;
    }
  };
  // Today: open tasks due before tomorrow; Upcoming: from tomorrow on.
  const dueToday = await dated({ completed: false, dueUntil: today }, ['read-due', db100k, 'today', '-', localDay(1)]);
  const upcoming = await dated({ completed: false, dueFrom: localDay(1) }, ['read-due', db100k, 'upcoming', localDay(1), '-']);
  return { projectId, project, all, dueToday, upcoming, raws };
}

/**
 * db_move_task round trips: a random task after another random one, as a drag does, with the
 * all-tasks view open; null when this build has no such command.
 */
async function benchMove(page, count) {
  return page.evaluate(async (n) => {
    const invoke = window.__QUIRE__.invoke;
    const tasks = await invoke('db_get_tasks', { offset: 0, limit: 500 });
    const samples = [];
    try {
      for (let i = -10; i < n; i += 1) {
        const pick = (step, offset) => tasks[(((i * step + offset) % tasks.length) + tasks.length) % tasks.length].id;
        const moved = pick(7919, 0);
        const after = pick(104_729, 3);
        const t = performance.now();
        await invoke('db_move_task', moved === after ? { taskId: moved } : { taskId: moved, afterTaskId: after });
        if (i >= 0) samples.push(performance.now() - t);
        // As between drags (and as benchCreate does): the change event reaches the view and its
        // frame is drawn before the next move is timed.
        await new Promise((r) => setTimeout(r, 20));
        await Promise.race([new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))), new Promise((r) => setTimeout(r, 200))]);
      }
    } catch (error) {
      return { error: String(error?.message ?? error) };
    }
    return samples;
  }, count);
}

// ---- The list path: three ways to fetch a whole list, at 1 000 to 100 000 tasks -----------------
// Today's: one call in parts of wireForms.TaskColumns.partRows, which the app sends as it reads
// them, so the page decodes one while the app reads the next. One reply: the whole list in one
// call ({offset: 0} asks exactly that). Pages one after another: the transport a keyset cursor
// needs (each page starts after the last row of the one before, so it cannot be asked before that
// reply); the SQL side of keys against offsets is `quire_bench_raw pages`. (Until e5fe5c0 the
// app's way was pages of 10 000 asked at once; RESULTS.md of that commit has its figures.)
async function benchListPaths(page, repetitions) {
  const samples = { parts: [], oneReply: [], sequentialPages: [] };
  let rows = 0;
  for (let i = 0; i <= repetitions; i += 1) {
    // Interleaved, the first round a warm-up; one evaluate per fetch, so that no protocol timeout
    // covers more than one listing of the largest database.
    for (const way of Object.keys(samples)) {
      const { ms, count } = await page.evaluate(async (way) => {
        const invoke = window.__QUIRE__.invoke;
        const options = { timeoutMs: 120_000 };
        const pageSize = 10_000;
        const ways = {
          parts: () => invoke('db_get_tasks', {}, options),
          oneReply: () => invoke('db_get_tasks', { offset: 0 }, options),
          sequentialPages: async () => {
            const all = [];
            for (let offset = 0; ; offset += pageSize) {
              const part = await invoke('db_get_tasks', { offset, limit: pageSize }, options);
              all.push(...part);
              if (part.length < pageSize) return all;
            }
          },
        };
        const t = performance.now();
        const tasks = await ways[way]();
        return { ms: performance.now() - t, count: tasks.length };
      }, way);
      if (i > 0) samples[way].push(ms);
      rows = count;
    }
  }
  return { samples, rows };
}

// ---- Start-up: process spawn to the first task row, against a bare QtWebEngine page --------------

const FIRST_ROWS_MARK = 'quire:first-task-rows-painted'; // frontend/src/features/tasks/components/task-list.tsx
const LIST_COMPLETE_MARK = 'quire:task-list-complete'; // frontend/src/ipc/task-list.ts

/** kind: 'quire', 'stub' (quire with the stub bundle preloaded) or 'bare'. */
async function startOnce(kind, database) {
  const binary = kind === 'bare' ? bareBinary : quireBinary;
  const args = kind === 'bare' ? [] : ['--database', database];
  const port = await freePort();
  const ws = makeWorkspace();
  const extraEnv = kind === 'stub' ? { LD_PRELOAD: [stubLibrary, process.env.LD_PRELOAD].filter(Boolean).join(':') } : {};
  const env = appEnvironment({ home: join(ws.dir, 'home'), port, env: extraEnv });
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'ignore', 'ignore'], env });
  let browser;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error('no remote-debugging port');
      try {
        if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null, protocolTimeout: 60_000 });
    let page;
    while (!page) {
      if (Date.now() > deadline) throw new Error('no page');
      page = (await browser.pages())[0];
      if (!page) await new Promise((r) => setTimeout(r, 5));
    }
    // Both pages stamp, in the page itself, the start of the frame that paints their first row:
    // the bare page in its script, Quire with a user-timing mark. Neither depends on when we attach.
    const frameAt =
      kind === 'bare'
        ? () => window.__BENCH__?.frame ?? 0
        : (mark) => {
            if (!location.href.startsWith('quire://')) return 0;
            const entry = performance.getEntriesByName(mark)[0];
            return entry ? performance.timeOrigin + entry.startTime : 0;
          };
    const frame = await (await page.waitForFunction(frameAt, { timeout: 60_000 }, FIRST_ROWS_MARK)).jsonValue();
    const result = { frame: frame - spawnedAt };
    if (kind === 'stub') {
      const text = await page.evaluate(() => document.querySelector('[data-testid=task-row]')?.textContent);
      if (text !== 'stub') throw new Error('the stub bundle was not served (is LD_PRELOAD honoured?)');
    }
    if (kind === 'quire') {
      // When the whole list had arrived (the last page decoded), if this build stamps it.
      try {
        const complete = await (await page.waitForFunction(frameAt, { timeout: 30_000 }, LIST_COMPLETE_MARK)).jsonValue();
        result.complete = complete - spawnedAt;
      } catch {
        result.complete = undefined;
      }
      // The page's own phases, ms from spawn: where the time between the bare page and Quire goes.
      const phases = await page.evaluate(() => {
        const at = (ms) => performance.timeOrigin + ms;
        const navigation = performance.getEntriesByType('navigation')[0];
        const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, at(m.startTime)]));
        return { navigation: at(0), html: navigation ? at(navigation.responseEnd) : undefined, ...marks };
      });
      result.phases = Object.fromEntries(Object.entries(phases).map(([name, when]) => [name, when - spawnedAt]));
    }
    result.memory = peakMemoryMiB(child.pid);
    return result;
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

/** Alternates `kind` and the bare page, so both see the same machine state; the first pair warms the page cache. */
async function benchStartup(kind, database, what) {
  const app = [];
  const bare = [];
  for (let i = 0; i < startupRuns + 1; i += 1) {
    const q = await startOnce(kind, database);
    const b = await startOnce('bare');
    const complete = q.complete === undefined ? '' : `, whole list ${q.complete.toFixed(0)} ms`;
    log(`start-up ${what} run ${i}: ${kind} ${q.frame.toFixed(0)} ms${complete}, bare ${b.frame.toFixed(0)} ms`);
    if (i === 0) continue;
    app.push(q);
    bare.push(b);
  }
  return { app, bare };
}

// ---- Main ----------------------------------------------------------------------------------------
const figures = {};
const workDir = dirname(db100k);

{
  log('100 000 tasks, the all-tasks view open: IPC, db_get_task, listings, memory, db_create_task, bulk complete');
  // A copy, on the same file system as the raw baselines' databases: the creates and the bulk
  // complete write to it, and the seeded file stays as seeded for the raw reads and the start-ups.
  const sessionDir = join(workDir, 'session-100k');
  rmSync(sessionDir, { recursive: true, force: true });
  mkdirSync(sessionDir, { recursive: true });
  const databasePath = join(sessionDir, 'quire.db');
  copyFileSync(db100k, databasePath);
  if (existsSync(`${db100k}-wal`)) copyFileSync(`${db100k}-wal`, `${databasePath}-wal`);
  const app = await launchQuire({ databasePath, env: { QUIRE_TEST_HOOKS: '1' } });
  try {
    // The start view lists all tasks: wait for it, so everything below runs with it on screen.
    await app.page.waitForSelector('[data-testid=task-row]', { timeout: 120_000 });
    const picked = await pickIds(app.page, {
      lookups: 2000,
      creates: COUNTS.creates + 20,
      bulkRounds: COUNTS.bulkRounds + 1,
      bulkSize: COUNTS.bulkSize,
    });
    log(`picked ids from ${picked.total} tasks (${picked.open} not completed)`);
    // The same ids for the raw lookups and commits: measured lookup i reads id i and measured
    // create i copies template i, on both sides.
    writeFileSync(join(workDir, 'lookup-ids.txt'), picked.lookups.join('\n'));
    writeFileSync(join(workDir, 'template-ids.txt'), picked.templateIds.join('\n'));
    // The bulk rounds' ids for the raw update, measured rounds first and the page's warm-up round
    // (its first) last, as quire_bench_raw bulk takes them.
    writeFileSync(join(workDir, 'bulk-ids.txt'), [...picked.bulk.slice(1), picked.bulk[0]].flat().join('\n'));
    const ipc = await benchIpc(app.page);
    figures.ipc = {
      single: Object.fromEntries(Object.entries(ipc.single).map(([k, v]) => [k, stats(v)])),
      batched: Object.fromEntries(Object.entries(ipc.batched).map(([k, v]) => [k, stats(v)])),
      resolution: ipc.resolution,
    };
    const listing = await benchListing(app.page);
    figures.projectId = listing.projectId;
    figures.listProject = { ...stats(listing.project.samples), rows: listing.project.rows };
    figures.listAll = { ...stats(listing.all.samples), rows: listing.all.rows };
    for (const [key, part] of [['listToday', listing.dueToday], ['listUpcoming', listing.upcoming]])
      if (part) figures[key] = { ...stats(part.samples), rows: part.rows };
    figures.rawListings = listing.raws;
    // The peak with a painted 100 000-row view and seven listings of all of it behind it.
    figures.memory = peakMemoryMiB(app.process.pid);
    log('db_create_task with the all-tasks view open');
    figures.create = stats(await benchCreate(app.page, COUNTS.creates));
    log('db_move_task with the all-tasks view open');
    const moves = await benchMove(app.page, COUNTS.moves);
    if (Array.isArray(moves)) figures.move = stats(moves);
    else log(`no db_move_task figure: ${moves.error}`);
    log('bulk complete (db_update_tasks of 1000 tasks)');
    const bulk = await benchBulk(app.page, COUNTS.bulkRounds + 1);
    figures.bulk = { ...stats(bulk.slice(1).map((b) => b.ms)), rows: bulk[0].rows };
    log('search (db_search_tasks, a broad and a narrow query)');
    figures.search = await benchSearch(app.page, COUNTS.searches);
    log('undo of a bulk delete (db_undo after db_delete_tasks of 1000 tasks)');
    const undo = await benchUndo(app.page, COUNTS.undoRounds + 1);
    figures.undo = { ...stats(undo.slice(1).map((u) => u.ms)), rows: undo[0].rows };
  } finally {
    await app.stop();
    rmSync(sessionDir, { recursive: true, force: true });
  }
}

{
  log('raw baselines: SQLite straight through its C API (quire_bench_raw), on the seeded 100 000-task database');
  figures.raw = {
    ...raw('lookup', db100k, RAW_COUNTS.lookups, join(workDir, 'lookup-ids.txt')),
    ...figures.rawListings, // the reads of the listings' rows, taken in turn with them (benchListing)
    ...raw('commit', db100k, RAW_COUNTS.commits, join(workDir, 'template-ids.txt')),
    ...raw('bulk', db100k, COUNTS.bulkRounds, COUNTS.bulkSize, join(workDir, 'bulk-ids.txt')),
    ...Object.assign({}, ...SEARCHES.map(({ name, match }) => raw('search', db100k, name, match, 50, COUNTS.searches))),
  };
}

figures.listPaths = {};
for (const { tasks, path } of [{ tasks: 1000, path: db1k }, ...databases]) {
  log(`list paths (${tasks} tasks): one call in parts, one reply, pages one after another`);
  const app = await launchQuire({ databasePath: path });
  try {
    await app.page.waitForSelector('[data-testid=task-row]', { timeout: 120_000 });
    const reps = tasks > 20_000 ? 5 : 10;
    const { samples, rows } = await benchListPaths(app.page, reps);
    figures.listPaths[tasks] = {
      rows,
      ways: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])),
      raw: raw('read', path, 'all', reps).raw_read_all,
      sql: raw('pages', path, 10_000, reps),
    };
  } finally {
    await app.stop();
  }
}

figures.startup = {};
for (const { tasks, path } of databases) {
  log(`start-up (${tasks} tasks) against a bare QtWebEngine page`);
  figures.startup[tasks] = await benchStartup('quire', path, `${tasks}`);
}
if (stubLibrary) {
  log('start-up of the app with the stub bundle (QUIRE_BENCH_STUB=1) against a bare QtWebEngine page');
  figures.stub = await benchStartup('stub', databases[0].path, 'stub');
}
if (process.env.QUIRE_BENCH_SERVER_URL) {
  log('PostgreSQL: from a create in one Quire to its row painted in another (bench/latency.mjs)');
  const { benchCommitToPaint } = await import('./latency.mjs');
  try {
    figures.latency = await benchCommitToPaint({ url: process.env.QUIRE_BENCH_SERVER_URL, probes: 31, binary: quireBinary });
  } catch (error) {
    log(`no commit-to-paint figure: ${error.message.split('\n')[0]}`);
  }
}

// ---- Report --------------------------------------------------------------------------------------
const ms = (v) =>
  v === undefined || v === null || Number.isNaN(v) || v < 0
    ? 'n/a'
    : v < 1
      ? `${v.toFixed(3)} ms`
      : v < 100
        ? `${v.toFixed(2)} ms`
        : `${v.toFixed(0)} ms`;
const rows = [];
/** One figure: what the app took, the raw baseline of the same run, their ratio against the goal. */
const row = (figure, value, baseline, ratio, goal = '', pass) =>
  rows.push({
    figure,
    value,
    baseline,
    ratio: typeof ratio === 'number' ? ratio.toFixed(2) : ratio,
    goal,
    result: pass === undefined ? '' : pass ? 'pass' : 'MISS',
  });
const within = (ratio, limit) => (Number.isFinite(ratio) ? ratio <= limit : undefined);

const { ipc, raw: rawFigures } = figures;
const echo = ipc.batched.echo.median; // a 100-call block's mean: not quantised like a single call
const pingRatio = ipc.batched.ping.median / echo;
row('IPC invoke("ping"), 100-call blocks', ms(ipc.batched.ping.median), `channel echo ${ms(echo)}`, pingRatio, '<= 1.2', within(pingRatio, 1.2));
// Per call, both sides are whole steps of the page's timer (0.1 ms in Chromium 102): a median of
// 0.1 or 0.2 ms says little, so the goal is judged on the blocks above and this row has none.
row(
  'IPC invoke("ping"), per call (median / p99, in steps of the page timer)',
  `${ms(ipc.single.ping.median)} / ${ms(ipc.single.ping.p99)}`,
  `channel echo ${ms(ipc.single.echo.median)} / ${ms(ipc.single.echo.p99)}`,
  ipc.single.ping.median / ipc.single.echo.median,
);
const lookup = rawFigures.raw_lookup?.median_ms;
const getTaskBase = echo + lookup;
const getTaskRatio = ipc.batched.getTask.median / getTaskBase;
row(
  'db_get_task, random ids, 100-call blocks',
  ms(ipc.batched.getTask.median),
  `echo ${ms(echo)} + SQLite lookup ${ms(lookup)}`,
  getTaskRatio,
  '<= 1.3',
  within(getTaskRatio, 1.3),
);
if (ipc.batched.getMissing) {
  // What the trip to the database thread and back costs with no row in it: the floor under the row above.
  row(
    'db_get_task, ids no task has (null), 100-call blocks',
    ms(ipc.batched.getMissing.median),
    `echo ${ms(echo)} + SQLite lookup ${ms(lookup)}`,
    ipc.batched.getMissing.median / getTaskBase,
  );
}
const commitMs = rawFigures.raw_commit?.median_ms;
const createRatio = figures.create.median / (echo + commitMs);
row(
  'db_create_task, all-tasks view open (median / p99)',
  `${ms(figures.create.median)} / ${ms(figures.create.p99)}`,
  `echo ${ms(echo)} + SQLite commit ${ms(commitMs)} / ${ms(rawFigures.raw_commit?.p99_ms)}`,
  createRatio,
  '<= 1.3',
  within(createRatio, 1.3),
);
if (figures.move) {
  // One row written, as a create writes one: a move costs no more than a create.
  const moveRatio = figures.move.median / figures.create.median;
  row(
    'db_move_task, all-tasks view open (median / p99)',
    `${ms(figures.move.median)} / ${ms(figures.move.p99)}`,
    `db_create_task ${ms(figures.create.median)}`,
    moveRatio,
    '<= 1.0',
    within(moveRatio, 1.0),
  );
}
for (const [figure, page, rawName] of [
  ['db_get_tasks, one project', figures.listProject, 'raw_read_project'],
  ['db_get_tasks, all', figures.listAll, 'raw_read_all'],
  ['db_get_tasks, Today (open, due until today)', figures.listToday, 'raw_read_today'],
  ['db_get_tasks, Upcoming (open, due from tomorrow)', figures.listUpcoming, 'raw_read_upcoming'],
]) {
  if (!page) continue;
  const base = rawFigures[rawName];
  const ratio = page.median / base?.median_ms;
  const rowsNote = base && base.rows !== page.rows ? ` (${base.rows} rows!)` : '';
  row(
    `${figure} (${page.rows} of 100000 rows, median / p99)`,
    `${ms(page.median)} / ${ms(page.p99)}`,
    `SQLite read ${ms(base?.median_ms)}${rowsNote}; task rows alone ${ms(rawFigures[`${rawName}_task_rows`]?.median_ms)}`,
    ratio,
    '<= 1.5',
    within(ratio, 1.5),
  );
}
for (const { name, query } of SEARCHES) {
  const found = figures.search?.[name];
  const base = rawFigures[`raw_search_${name}`];
  if (!found || !base) continue;
  const ratio = found.median / base.median_ms;
  row(
    `db_search_tasks "${query}" (best ${found.rows} of ${base.rows} matches in 100000 tasks, median / p99)`,
    `${ms(found.median)} / ${ms(found.p99)}`,
    `raw FTS5 query ${ms(base.median_ms)}`,
    ratio,
    '<= 2',
    within(ratio, 2),
  );
}
for (const [tasks, run] of Object.entries(figures.listPaths)) {
  const base = run.raw?.median_ms;
  for (const [way, text] of [
    ['parts', 'one call in parts (today)'],
    ['oneReply', 'one reply'],
    ['sequentialPages', 'pages one after another (keyset transport)'],
  ]) {
    const ratio = run.ways[way].median / base;
    row(`List path, ${tasks} tasks: ${text}`, ms(run.ways[way].median), `SQLite read ${ms(base)}`, ratio, '<= 1.5', within(ratio, 1.5));
  }
  const sql = run.sql;
  if (sql?.raw_pages_one_statement) {
    row(
      `List path, ${tasks} tasks: SQLite alone, pages by key / by OFFSET`,
      `${ms(sql.raw_pages_by_key.median_ms)} / ${ms(sql.raw_pages_by_offset.median_ms)}`,
      `one statement ${ms(sql.raw_pages_one_statement.median_ms)}`,
      `${(sql.raw_pages_by_key.median_ms / sql.raw_pages_one_statement.median_ms).toFixed(2)} / ${(sql.raw_pages_by_offset.median_ms / sql.raw_pages_one_statement.median_ms).toFixed(2)}`,
    );
  }
}
const bulkRatio = figures.bulk.median / figures.create.median;
row(
  `Bulk complete, db_update_tasks of ${figures.bulk.rows} tasks (median / p99)`,
  `${ms(figures.bulk.median)} / ${ms(figures.bulk.p99)}`,
  `one db_create_task ${ms(figures.create.median)}`,
  bulkRatio,
  '<= 3',
  within(bulkRatio, 3),
);
const rawBulk = rawFigures.raw_bulk_update;
if (rawBulk) {
  // The goal's floor: the same rows' update, durable, straight on SQLite, against a raw create.
  row(
    `Bulk complete: raw durable UPDATE of the same ${rawBulk.rows} rows (median / p99)`,
    `${ms(rawBulk.median_ms)} / ${ms(rawBulk.p99_ms)}`,
    `echo ${ms(echo)} + SQLite commit ${ms(commitMs)}`,
    rawBulk.median_ms / (echo + commitMs),
  );
  row(
    `Bulk complete, db_update_tasks of ${figures.bulk.rows} tasks, against that raw UPDATE`,
    ms(figures.bulk.median),
    `raw UPDATE ${ms(rawBulk.median_ms)}`,
    figures.bulk.median / rawBulk.median_ms,
  );
}
const undoRatio = figures.undo.median / figures.create.median;
row(
  `Undo of a bulk delete of ${figures.undo.rows} tasks, db_undo (median / p99)`,
  `${ms(figures.undo.median)} / ${ms(figures.undo.p99)}`,
  `one db_create_task ${ms(figures.create.median)}`,
  undoRatio,
  '<= 3',
  within(undoRatio, 3),
);
const bareMemory = stats(Object.values(figures.startup).flatMap((s) => s.bare.map((b) => b.memory.mib))).median;
row(
  'Peak memory, 100 000 tasks listed (app + web processes, VmHWM)',
  `${figures.memory.mib.toFixed(0)} MiB`,
  `bare page ${bareMemory.toFixed(0)} MiB`,
  figures.memory.mib / bareMemory,
);
for (const [tasks, run] of Object.entries(figures.startup)) {
  const app = stats(run.app.map((s) => s.frame));
  const bare = stats(run.bare.map((s) => s.frame));
  const ratio = app.median / bare.median;
  const goal = Number(tasks) === 10_001;
  row(
    `Start-up to the first row painted, ${tasks} tasks (median of ${app.n})`,
    ms(app.median),
    `bare page ${ms(bare.median)}`,
    ratio,
    goal ? '<= 2.0' : '',
    goal ? within(ratio, 2.0) : undefined,
  );
}
{
  const runs = figures.startup[100_000].app;
  const known = runs.filter((s) => s.complete !== undefined);
  const early = known.filter((s) => s.frame < s.complete);
  const first = stats(runs.map((s) => s.frame)).median;
  const whole = known.length ? stats(known.map((s) => s.complete)).median : undefined;
  row(
    'First row painted before the whole list arrived, 100 000 tasks',
    known.length ? `${early.length === known.length ? 'yes' : early.length === 0 ? 'no' : 'sometimes'} (${early.length} of ${known.length} runs)` : 'n/a (no mark)',
    `whole list ${ms(whole)}`,
    whole === undefined ? '—' : first / whole,
    'yes',
    known.length ? early.length === known.length : undefined,
  );
}
if (figures.stub) {
  const app = stats(figures.stub.app.map((s) => s.frame));
  const bare = stats(figures.stub.bare.map((s) => s.frame));
  row(`Start-up of the app with a stub bundle (median of ${app.n})`, ms(app.median), `bare page ${ms(bare.median)}`, app.median / bare.median);
}
// quire_bench_core's lines (C++ through the repository, no IPC), whatever it prints, against the raw
// figure of the same kind and size.
for (const f of Object.values(coreFigures)) {
  if (typeof f?.median_ms !== 'number') continue;
  const name = String(f.name);
  const base =
    f.rows === rawFigures.raw_read_project?.rows
      ? rawFigures.raw_read_project
      : f.rows === rawFigures.raw_read_all?.rows
        ? rawFigures.raw_read_all
        : /create|commit/.test(name)
          ? rawFigures.raw_commit
          : /bulk_status/.test(name)
            ? rawFigures.raw_bulk_update
            : /get|lookup|find/.test(name) && f.rows === 1
              ? rawFigures.raw_lookup
              : undefined;
  row(
    `C++ ${name}${f.rows === undefined ? '' : ` (${f.rows} rows)`} (median / p99)`,
    `${ms(f.median_ms)} / ${ms(f.p99_ms)}`,
    base ? `${base.name} ${ms(base.median_ms)}` : '—',
    base ? f.median_ms / base.median_ms : '—',
  );
}

// quire_bench_server's lines, on a PostgreSQL database of the 100 000 tasks: the listing against
// the raw QPSQL read of the same rows (goal 1.5x), and 8 clients creating at once against one.
{
  const list = serverFigures.server_list_project;
  if (list)
    row(
      `PostgreSQL: one project's listing, ${list.rows} of 100 000 tasks (C++: repository + task columns)`,
      ms(list.ms),
      `raw QPSQL read ${ms(list.baseline_ms)}`,
      list.ms / list.baseline_ms,
      '≤ 1.5×',
      list.ms / list.baseline_ms <= 1.5,
    );
  const rate = serverFigures.server_clients_throughput;
  if (rate)
    row(
      `PostgreSQL: durable creates per second, ${rate.clients} clients at once (${rate.rows} creates)`,
      `${rate.per_s.toFixed(0)}/s`,
      `one client ${rate.baseline_per_s.toFixed(0)}/s`,
      rate.per_s / rate.baseline_per_s,
    );
  if (figures.latency) {
    const { paint, own, missed } = figures.latency;
    const notPainted = missed > 0 ? `; ${missed} never painted within 10 s` : '';
    row(
      `PostgreSQL: a create in one Quire to its row painted in another (median / p99 of ${paint.n}${notPainted})`,
      `${ms(paint.median)} / ${ms(paint.p99)}`,
      `the creating Quire's own round trip ${ms(own.median)}`,
      paint.median / own.median,
    );
  }
  const p99 = serverFigures.server_clients_p99;
  if (p99)
    row(
      `PostgreSQL: p99 of a create, ${p99.clients} clients at once (median ${ms(p99.median_ms)})`,
      ms(p99.ms),
      `one client ${ms(p99.baseline_ms)} (median ${ms(p99.baseline_median_ms)})`,
      p99.ms / p99.baseline_ms,
    );
}

// quire_bench_transfer's lines: export to Quire JSON and import of that file, each with its own raw
// baseline and goal from the same run; and the longest wait from a cancel to the work stopping,
// against the issue's 100 ms.
const transferNames = {
  export_json: 'Export to Quire JSON',
  import_json: 'Import of that file into an empty database',
  cancel_transfer: 'Cancel of that export or import part way (longest of 3 points: export 50 %, import 50 % and 100 %)',
};
for (const f of Object.values(transferFigures)) {
  if (typeof f?.ms !== 'number' || typeof f.baseline_ms !== 'number') continue;
  const ratio = f.ms / f.baseline_ms;
  row(
    `${transferNames[f.name] ?? f.name}, ${f.rows} tasks (C++)`,
    ms(f.ms),
    `${f.baseline} ${ms(f.baseline_ms)}`,
    ratio,
    `≤ ${f.goal}`,
    within(ratio, f.goal),
  );
}

const columns = ['figure', 'value', 'baseline', 'ratio', 'goal', 'result'];
const widths = columns.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
const table = [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(columns.map((k) => r[k])))].join('\n');
console.log(table);

const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
const machine = `${cpus().length} CPUs (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${readFileSync('/proc/version', 'utf8').split(' ').slice(0, 3).join(' ')}`;
// The phases a start-up passes through, in order, by the page's navigation timing and user-timing marks.
const STARTUP_PHASES = [
  ['navigation', 'page navigation starts'],
  ['html', 'index.html served'],
  ['quire:bundle-running', 'bundle running'],
  ['quire:channel-connected', 'channel connected'],
  ['quire:first-page-decoded', 'first page decoded'],
  [FIRST_ROWS_MARK, 'first rows painted'],
  [LIST_COMPLETE_MARK, 'whole list decoded'],
];
function startupPhases(runs) {
  const shown = STARTUP_PHASES.flatMap(([key, name]) => {
    const times = runs.map((r) => r.phases?.[key]).filter((t) => typeof t === 'number');
    return times.length === 0 ? [] : [`${name} ${stats(times).median.toFixed(0)}`];
  });
  return shown.length === 0 ? 'not stamped by this build' : shown.join(', ');
}
const runsOf = (list, key = 'frame') => list.map((s) => (s[key] === undefined ? 'n/a' : s[key].toFixed(0))).join(', ');
const notes = [
  `Timer resolution in the page: ${ipc.resolution.toFixed(3)} ms (per-call figures are quantised to it; 100-call block figures are not).`,
  `Samples: IPC ${COUNTS.ipcRounds} rounds of ${COUNTS.ipcBlock}-call blocks per kind, interleaved; ${COUNTS.creates} creates; ${COUNTS.moves} moves; ${COUNTS.bulkRounds} bulk completes; ${COUNTS.undoRounds} undos of a bulk delete; listings ${COUNTS.listProject} (project, Today, Upcoming) and ${COUNTS.listAll} (all), each followed by one raw read of its rows; raw: ${RAW_COUNTS.lookups} lookups, ${RAW_COUNTS.commits} commits; start-up ${startupRuns} runs per size after one warm-up pair.`,
  `Per call, db_get_task median / p99: ${ms(ipc.single.getTask.median)} / ${ms(ipc.single.getTask.p99)}; raw lookup p99 ${ms(rawFigures.raw_lookup?.p99_ms)}.`,
  `Processes in the memory figure (MiB VmHWM each): ${figures.memory.processes.join(', ')}.`,
  ...Object.entries(figures.startup).map(
    ([tasks, run]) =>
      `Start-up runs, ${tasks} tasks (ms from spawn to the frame after the first row): quire ${runsOf(run.app)}; whole list arrived ${runsOf(run.app, 'complete')}; bare ${runsOf(run.bare)}.`,
  ),
  ...(figures.stub ? [`Start-up runs with the stub bundle: ${runsOf(figures.stub.app)}; bare ${runsOf(figures.stub.bare)}.`] : []),
  ...Object.entries(figures.startup).map(([tasks, run]) => `Start-up phases, ${tasks} tasks (median ms from spawn): ${startupPhases(run.app)}.`),
];
// Which sources the build came from, so a table can be traced back to a commit.
const source = (() => {
  const build = process.env.QUIRE_BENCH_BUILD ?? '';
  try {
    const dir = /^CMAKE_HOME_DIRECTORY:INTERNAL=(.*)$/m.exec(readFileSync(join(build, 'CMakeCache.txt'), 'utf8'))?.[1];
    const git = (...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' with uncommitted changes' : '';
    return `${dir} at ${git('rev-parse', '--short', 'HEAD')}${dirty}`;
  } catch {
    return 'unknown';
  }
})();
const defaultBuild = join(here, '..', 'build', 'bench');
const options = [
  process.env.QUIRE_BENCH_BINARY ? `QUIRE_BENCH_BINARY=${process.env.QUIRE_BENCH_BINARY}` : '',
  stubLibrary ? 'QUIRE_BENCH_STUB=1' : '',
  process.env.QUIRE_BENCH_STARTUP_RUNS ? `QUIRE_BENCH_STARTUP_RUNS=${startupRuns}` : '',
]
  .filter(Boolean)
  .join(' ');
if (resultsFile !== '-') {
  writeFileSync(
    resultsFile,
    `# Benchmark results${label ? ` (${label})` : ''}

Written by \`bench/run\`; do not edit. Every figure is the app's time next to a raw baseline measured in
the same run, and their ratio; what each one measures, and what was learned, is in \`bench/README.md\`.

Machine: ${machine}.
Date: ${new Date().toISOString()}. Command: \`${options ? `${options} ` : ''}bench/run${
      process.env.QUIRE_BENCH_BUILD && process.env.QUIRE_BENCH_BUILD !== defaultBuild ? ` ${process.env.QUIRE_BENCH_BUILD}` : ''
    }\`.
Build: ${source}${process.env.QUIRE_BENCH_BINARY ? `; the app measured: ${quireBinary}` : ''}.

${table}

${notes.map((n) => `- ${n}`).join('\n')}
`,
  );
}
console.log(`\nMachine: ${machine}`);
for (const n of notes) console.log(`- ${n}`);
if (process.env.QUIRE_BENCH_JSON) writeFileSync(process.env.QUIRE_BENCH_JSON, JSON.stringify(figures, null, 2));
