// SPDX-License-Identifier: MIT
// `cmake --install` into a scratch prefix gives a working app: the binary under bin/, the
// .desktop entry under share/applications pointing at it and at an icon that exists under
// share/icons/hicolor; the installed binary reports its version and, started offscreen, serves
// its bundled page whose channel answers ping.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { launchQuire, makeWorkspace } from '../e2e/support/quire-app.mjs';

const buildDir = process.env.QUIRE_BUILD_DIR;
const cmake = process.env.QUIRE_CMAKE ?? 'cmake';
const version = process.env.QUIRE_VERSION ?? '0.1.0';
const appId = 'io.github.quire.Quire';

let prefix;
let workspace;
let app;

function listFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((entry) => join(dir, entry))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path))
    .sort();
}

/** The [Desktop Entry] group of a .desktop file as key -> value. */
function parseDesktopEntry(text) {
  const entries = {};
  let inMain = false;
  for (const line of text.split('\n')) {
    if (/^\[.*\]$/.test(line)) inMain = line === '[Desktop Entry]';
    else if (inMain && line.includes('=') && !line.startsWith('#')) {
      const at = line.indexOf('=');
      entries[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return entries;
}

before(() => {
  assert.ok(buildDir, 'QUIRE_BUILD_DIR is not set (ctest sets it)');
  prefix = mkdtempSync(join(tmpdir(), 'quire-install-'));
  execFileSync(cmake, ['--install', buildDir, '--prefix', prefix], { encoding: 'utf8', stdio: 'pipe' });
});

after(async () => {
  await app?.stop();
  workspace?.cleanup();
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

test('installsExactlyTheBinaryTheDesktopEntryAndTheIcon', () => {
  assert.deepEqual(listFiles(prefix), [
    'bin/quire',
    `share/applications/${appId}.desktop`,
    `share/icons/hicolor/scalable/apps/${appId}.svg`,
  ]);
  accessSync(join(prefix, 'bin/quire'), constants.X_OK);
  const icon = readFileSync(join(prefix, `share/icons/hicolor/scalable/apps/${appId}.svg`), 'utf8');
  assert.match(icon, /<svg[\s>]/);
});

test('theDesktopEntryStartsTheInstalledBinaryWithTheInstalledIcon', () => {
  const entry = parseDesktopEntry(readFileSync(join(prefix, `share/applications/${appId}.desktop`), 'utf8'));
  assert.equal(entry.Type, 'Application');
  assert.equal(entry.Name, 'Quire');
  const [command] = entry.Exec.split(/\s+/);
  assert.ok(existsSync(join(prefix, 'bin', command)), `Exec=${entry.Exec} names bin/${command}`);
  // Icon is a theme name (no path, no extension) found in the hicolor theme.
  assert.equal(entry.Icon, appId);
  assert.ok(existsSync(join(prefix, 'share/icons/hicolor/scalable/apps', `${entry.Icon}.svg`)));
  assert.match(entry.Categories, /;$/, 'Categories ends with ;');
  // desktop-file-validate, when the machine has it (desktop-file-utils).
  let validator = null;
  try {
    validator = execFileSync('sh', ['-c', 'command -v desktop-file-validate'], { encoding: 'utf8' }).trim();
  } catch {
    // Not installed: the checks above stand.
  }
  if (validator) execFileSync(validator, [join(prefix, `share/applications/${appId}.desktop`)], { stdio: 'pipe' });
});

test('theInstalledBinaryPrintsItsVersion', () => {
  const out = execFileSync(join(prefix, 'bin/quire'), ['--version'], {
    encoding: 'utf8',
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', XDG_RUNTIME_DIR: prefix },
    timeout: 30_000,
  });
  assert.equal(out.trim(), `Quire ${version}`);
});

test('theInstalledBinaryServesItsPageAndAnswersPing', async () => {
  workspace = makeWorkspace();
  app = await launchQuire({ databasePath: workspace.databasePath, binary: join(prefix, 'bin/quire') });
  assert.equal(app.page.url(), 'quire://app/index.html');
  const pong = await app.page.evaluate(() => window.__QUIRE__.invoke('ping', {}));
  assert.equal(pong, 'pong');
  // The bundled UI rendered (not the "Not running inside Quire" fallback).
  await app.page.waitForSelector('[data-testid="new-task-button"]', { visible: true, timeout: 10_000 });
  await app.stop();
  assert.ok(existsSync(workspace.databasePath), 'the database file was created');
});
