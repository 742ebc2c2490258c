// SPDX-License-Identifier: MIT
// Starts the real quire binary offscreen with remote debugging on a free loopback port, connects
// puppeteer-core to its QtWebEngine, and always stops the app and its QtWebEngineProcess children.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before } from 'node:test';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import WebSocket from 'ws';
import { freePort } from '../../support/free_port.mjs';

const defaultBinary = process.env.QUIRE_BINARY;
export const artifactsDir = process.env.QUIRE_E2E_ARTIFACTS ?? join(tmpdir(), 'quire-e2e-artifacts');

export { freePort };

async function waitFor(check, { timeoutMs, what }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}

/**
 * The environment a launched app runs in: a private HOME (settings and default data stay in the
 * test's folder), offscreen rendering, remote debugging on `port`, and no Chromium sandbox as root.
 */
export function appEnvironment({ home, port, env = {} }) {
  mkdirSync(home, { recursive: true });
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    QT_QPA_PLATFORM: process.env.QT_QPA_PLATFORM ?? 'offscreen',
    QTWEBENGINE_REMOTE_DEBUGGING: `127.0.0.1:${port}`,
    ...(process.getuid?.() === 0 ? { QTWEBENGINE_DISABLE_SANDBOX: '1' } : {}),
    ...env,
  };
}

/** YYYY-MM-DD of the local day `days` from today, as the app's Today and Upcoming count days. */
export function localDay(days = 0) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A scratch folder holding the database; removed by cleanup(). */
export function makeWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'quire-e2e-'));
  return { dir, databasePath: join(dir, 'quire.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Launches quire (QUIRE_BINARY, or `binary`, e.g. an installed copy) on `databasePath` (a file,
 * or a PostgreSQL URL with `home` given; null: no --database, so the one its settings remember), as the user `asUser` when given; settings live in `home`
 * (by default beside the database file). With `attach: false` puppeteer stays away (see rawPageSession) and
 * the result has no page or browser.
 * Resolves to { page, browser, process, stop, output }. `stop()`
 * is idempotent and kills the whole process group, so no QtWebEngineProcess survives a failed test.
 */
export async function launchQuire({
  databasePath,
  args = [],
  env = {},
  binary = defaultBinary,
  asUser,
  attach = true,
  home = join(databasePath, '..', 'home'),
}) {
  if (!binary) throw new Error('QUIRE_BINARY is not set (ctest sets it to the built quire)');
  const port = await freePort();
  // `asUser` (a uid) runs the app as another user through setpriv, which execs it: the pid and
  // process group stay the app's own.
  const command = asUser === undefined ? [binary] : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', '--', binary];
  const databaseArgs = databasePath === null ? [] : ['--database', databasePath];
  const child = spawn(command[0], [...command.slice(1), ...databaseArgs, ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: appEnvironment({ home, port, env }),
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  let browser;
  const stop = async () => {
    try {
      await browser?.disconnect();
    } catch {
      // The app may already be gone.
    }
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already exited.
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already exited.
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    // QtWebEngineProcess children share the group; make sure none outlives the test.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Nothing left.
    }
  };

  try {
    const browserURL = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`quire exited early (${child.exitCode}):\n${output}`);
        const response = await fetch(`${browserURL}/json/version`);
        return response.ok;
      },
      { timeoutMs: 30_000, what: 'the remote-debugging port' },
    );
    if (!attach) return { devtoolsUrl: browserURL, process: child, stop, output: () => output, exited };
    browser = await puppeteer.connect({ browserURL, defaultViewport: null, protocolTimeout: 30_000 });
    const page = await waitFor(
      async () => (await browser.pages()).find((p) => p.url().startsWith('quire://app/')),
      { timeoutMs: 30_000, what: 'the app page' },
    );
    await page.waitForFunction(() => typeof window.__QUIRE__?.invoke === 'function', { timeout: 30_000 });
    return { page, browser, devtoolsUrl: browserURL, process: child, stop, output: () => output, exited };
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- quire output ---\n${output}`);
  }
}

/**
 * Starts quire on a fresh database before the tests of the calling file and, after them, stops it
 * and removes the database. Returns { app, workspace }, set once started; a test that restarts the
 * app assigns the new one to `app`, so it is the one stopped.
 */
export function quireOnAFreshDatabase(options = {}) {
  const quire = { app: undefined, workspace: undefined };
  before(async () => {
    quire.workspace = makeWorkspace();
    quire.app = await launchQuire({ databasePath: quire.workspace.databasePath, ...options });
  });
  after(async () => {
    await quire.app?.stop();
    quire.workspace?.cleanup();
  });
  return quire;
}

/** Runs `sql` against the database file with the sqlite3 command-line shell; returns its rows as JSON. */
export function queryDatabase(databasePath, sql) {
  const text = execFileSync('sqlite3', ['-json', databasePath, sql], { encoding: 'utf8' });
  return text.trim() ? JSON.parse(text) : [];
}

/**
 * A DevTools session straight to the app page's target, for an app launched with attach: false.
 * Puppeteer attaches to every new target and holds it until resumed, which makes a page that
 * calls window.open look frozen; this session attaches to nothing else. Waits until the page's
 * bridge is up. Resolves to { evaluate(expression, ms), close() }.
 */
export async function rawPageSession(app) {
  const target = await waitFor(
    async () => (await (await fetch(`${app.devtoolsUrl}/json/list`)).json()).find((t) => t.url.startsWith('quire://app/')),
    { timeoutMs: 30_000, what: 'the app page' },
  );
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 0;
  const waiting = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const evaluate = (expression, ms = 5000) => {
    const id = ++nextId;
    let timer;
    const answered = new Promise((resolve) => {
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }));
    });
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the page did not answer '${expression}' within ${ms} ms`)), ms);
    });
    return Promise.race([answered, late]).then((message) => {
      clearTimeout(timer);
      return message.result?.result?.value;
    });
  };
  await waitFor(async () => (await evaluate('typeof window.__QUIRE__?.invoke')) === 'function', {
    timeoutMs: 30_000,
    what: 'the bridge',
  });
  return { evaluate, close: () => socket.close() };
}

/**
 * Calls testHooks.<method>(...args) over a second QWebChannel on the page's transport (the app
 * must run with QUIRE_TEST_HOOKS=1 in a test-hook build). The bundle's own channel is private to
 * it; qwebchannel.js's constructor takes over transport.onmessage, so the bundle's handler is kept
 * and both channels get every message (each ignores replies to the other's ids), and the bundle's
 * handler alone is put back after.
 */
export async function callTestHook(page, method, ...args) {
  return page.evaluate(
    (name, values) =>
      new Promise((resolve, reject) => {
        const transport = window.qt.webChannelTransport;
        const bundleHandler = transport.onmessage;
        const safely = (handler, message) => {
          try {
            handler?.(message);
          } catch {
            // A reply meant for the other channel.
          }
        };
        new QWebChannel(transport, (channel) => {
          const hooks = channel.objects.testHooks;
          if (!hooks) {
            transport.onmessage = bundleHandler;
            reject(new Error('testHooks is not registered (QUIRE_TEST_HOOKS=1?)'));
            return;
          }
          hooks[name](...values, (reply) => {
            transport.onmessage = bundleHandler;
            resolve(reply);
          });
        });
        const hooksHandler = transport.onmessage;
        transport.onmessage = (message) => {
          safely(bundleHandler, message);
          safely(hooksHandler, message);
        };
      }),
    method,
    args,
  );
}
