// SPDX-License-Identifier: MIT
// Issue 7: damaged or unusual database files. The real app, offscreen; for each file the page shows
// a message naming the problem, and the file is not deleted or overwritten (hash before/after).
import { isRoot, nobodyUid, sha256, sqlite, submitNewTask, dialogError, waitForVisibleText, createTasks } from './support/reliability.mjs';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchQuire, makeWorkspace, queryDatabase } from './support/quire-app.mjs';

/** Database::kSchemaVersion, read from core/include/quire/core/database.h so this test follows new migrations. */
function currentSchemaVersion() {
  const header = readFileSync(new URL('../../core/include/quire/core/database.h', import.meta.url), 'utf8');
  return Number(/kSchemaVersion = (\d+);/.exec(header)[1]);
}

const workspaces = [];
const running = new Set();
let golden; // a Quire database with 60 tasks, closed cleanly
let goldenTaskCount;

async function launch(options) {
  const app = await launchQuire(options);
  running.add(app);
  return app;
}

async function stop(app) {
  await app.stop();
  running.delete(app);
}

function workspace() {
  const ws = makeWorkspace();
  workspaces.push(ws);
  return ws;
}

function copyGolden() {
  const ws = workspace();
  copyFileSync(golden, ws.databasePath);
  return ws;
}

before(async () => {
  const ws = workspace();
  const app = await launch({ databasePath: ws.databasePath });
  await createTasks(app.page, 60, { descriptionLength: 2000 });
  await stop(app);
  // stop() is a SIGTERM, which ends Qt without closing the database: fold the WAL into the file
  // (sqlite3 removes it on close) so that one file holds everything.
  sqlite(ws.databasePath, 'PRAGMA wal_checkpoint(TRUNCATE);');
  assert.ok(!existsSync(`${ws.databasePath}-wal`), 'the WAL is folded into the file');
  golden = join(ws.dir, 'golden.db');
  copyFileSync(ws.databasePath, golden);
  goldenTaskCount = queryDatabase(golden, 'SELECT count(*) AS n FROM tasks')[0].n;
  assert.equal(goldenTaskCount, 60);
});

after(async () => {
  for (const app of running) await app.stop();
  for (const ws of workspaces) ws.cleanup();
});

test('aFileThatIsNotADatabaseIsNamedInThePageAndLeftUntouched', async () => {
  // Given
  const ws = workspace();
  writeFileSync(ws.databasePath, 'These are my notes, not a database.\n'.repeat(300));
  const before = sha256(ws.databasePath);
  // When
  const app = await launch({ databasePath: ws.databasePath });
  // Then
  const text = await waitForVisibleText(app.page, 'is damaged or is not a Quire database');
  assert.match(text, /file is not a database/);
  assert.ok(text.includes(ws.databasePath), 'the message names the file');
  await stop(app);
  assert.equal(sha256(ws.databasePath), before);
});

test('aDatabaseWithGarbagePagesIsRefusedWithAMessageAndLeftUntouched', async () => {
  // Given: pages 3..6 of a real Quire database overwritten with garbage
  const ws = copyGolden();
  const fd = openSync(ws.databasePath, 'r+');
  const garbage = Buffer.alloc(4 * 4096);
  for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919 + 13) & 0xff;
  writeSync(fd, garbage, 0, garbage.length, 2 * 4096);
  closeSync(fd);
  const before = sha256(ws.databasePath);
  // When
  const app = await launch({ databasePath: ws.databasePath });
  // Then
  const text = await waitForVisibleText(app.page, 'is damaged');
  assert.match(text, /Quire has not changed it/);
  await stop(app);
  assert.equal(sha256(ws.databasePath), before);
});

test('aDatabaseFromANewerQuireIsRefusedWithAMessageAndLeftUntouched', async () => {
  // Given
  const ws = copyGolden();
  sqlite(ws.databasePath, 'PRAGMA user_version = 99;');
  const before = sha256(ws.databasePath);
  // When
  const app = await launch({ databasePath: ws.databasePath });
  // Then
  const text = await waitForVisibleText(app.page, 'newer than this Quire supports');
  assert.match(text, /schema version 99/);
  await stop(app);
  assert.equal(sha256(ws.databasePath), before);
  assert.deepEqual(readdirSync(ws.dir).filter((name) => name.endsWith('.bak')), []);
});

test('anOlderDatabaseIsBackedUpBeforeItIsMigratedAndKeepsItsTasks', async () => {
  // Given: a schema version 1 file (tags as JSON text), as Quire 0.0 wrote it
  const ws = workspace();
  sqlite(
    ws.databasePath,
    `CREATE TABLE projects (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL CHECK (length(trim(name)) > 0),
       description TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
     CREATE TABLE tasks (id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL CHECK (length(trim(title)) > 0),
       description TEXT, priority TEXT NOT NULL DEFAULT 'standard', status TEXT NOT NULL DEFAULT 'backlog',
       complexity TEXT, type TEXT, tags TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
     CREATE INDEX tasks_by_creation ON tasks (created_at);
     CREATE TABLE task_projects (task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
       project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE, position INTEGER NOT NULL DEFAULT 0,
       PRIMARY KEY (task_id, project_id)) WITHOUT ROWID;
     CREATE INDEX task_projects_by_project ON task_projects (project_id, task_id);
     INSERT INTO tasks (id, title, priority, tags, created_at, updated_at) VALUES
       ('11111111-1111-4111-8111-111111111111', 'Legacy task', 'high', '["old", "kept"]',
        '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
     PRAGMA user_version = 1;`,
  );
  const originalRows = queryDatabase(ws.databasePath, 'SELECT id, title, tags FROM tasks');
  // When
  const app = await launch({ databasePath: ws.databasePath });
  // Then: the task is shown, with its tags
  await waitForVisibleText(app.page, 'Legacy task');
  const task = await app.page.evaluate(() =>
    window.__QUIRE__.invoke('db_get_task', { taskId: '11111111-1111-4111-8111-111111111111' }),
  );
  assert.deepEqual(task.tags, ['old', 'kept']);
  await stop(app);
  // And the copy made before migrating holds the version 1 data as it was
  const backup = `${ws.databasePath}.v1.bak`;
  assert.ok(existsSync(backup), `no backup at ${backup}`);
  assert.deepEqual(queryDatabase(backup, 'PRAGMA user_version'), [{ user_version: 1 }]);
  assert.deepEqual(queryDatabase(backup, 'SELECT id, title, tags FROM tasks'), originalRows);
  assert.deepEqual(queryDatabase(ws.databasePath, 'PRAGMA user_version'), [{ user_version: currentSchemaVersion() }]);
});

test('aDatabaseLockedByAnotherWriterShowsWhyASaveFailedAndWorksOnceReleased', async () => {
  // Given: another program holds the write lock
  const ws = copyGolden();
  const holder = spawn('sqlite3', [ws.databasePath], { stdio: ['pipe', 'ignore', 'inherit'] });
  const holderExited = new Promise((resolve) => holder.once('exit', resolve));
  holder.stdin.write("BEGIN IMMEDIATE; INSERT INTO projects VALUES ('p', 'held', NULL, 'x', 'x');\n");
  await new Promise((r) => setTimeout(r, 500));
  try {
    const app = await launch({ databasePath: ws.databasePath });
    // The tasks still load: readers are not blocked (WAL)
    await waitForVisibleText(app.page, 'Task 0');
    // When a person saves a new task
    await submitNewTask(app.page, { title: 'Saved while locked' });
    // Then the dialog says another program is using the file (after the 5 s busy timeout, not forever)
    const message = await dialogError(app.page, 15_000);
    assert.match(message, /database is locked/);
    assert.match(message, /another program is using/);
    // When the other program finishes and the person saves again
    holder.stdin.end('ROLLBACK;\n');
    await holderExited;
    await app.page.click('[data-testid="save-task"]');
    await app.page.waitForSelector('[data-testid="task-dialog"]', { hidden: true, timeout: 15_000 });
    await stop(app);
  } finally {
    holder.kill();
  }
  // Then the task is saved and nothing else changed
  assert.deepEqual(queryDatabase(ws.databasePath, "SELECT count(*) AS n FROM tasks WHERE title = 'Saved while locked'"), [{ n: 1 }]);
  assert.deepEqual(queryDatabase(ws.databasePath, 'SELECT count(*) AS n FROM tasks'), [{ n: goldenTaskCount + 1 }]);
  assert.deepEqual(queryDatabase(ws.databasePath, 'SELECT count(*) AS n FROM projects'), [{ n: 0 }]);
});

test('aReadOnlyDatabaseShowsItsTasksAndSaysWhyASaveFailed', async () => {
  // Given: a file this user may not write (as root, the app runs as nobody: root ignores permissions)
  const ws = copyGolden();
  chmodSync(ws.databasePath, 0o444);
  let asUser;
  if (isRoot) {
    const home = join(ws.dir, 'home');
    mkdirSync(home, { recursive: true });
    execFileSync('chown', ['-R', `${nobodyUid}:${nobodyUid}`, home]);
    chownSync(ws.dir, nobodyUid, nobodyUid); // the folder stays writable (for -shm), the file does not
    asUser = nobodyUid;
  }
  const before = sha256(ws.databasePath);
  const app = await launch({ databasePath: ws.databasePath, asUser });
  // Then the tasks are readable
  await waitForVisibleText(app.page, 'Task 0');
  // When a person saves a new task
  await submitNewTask(app.page, { title: 'Cannot be saved' });
  // Then the dialog says the file is read-only, naming it
  const message = await dialogError(app.page);
  assert.match(message, /is read-only, so changes cannot be saved/);
  assert.ok(message.includes(ws.databasePath));
  await stop(app);
  assert.equal(sha256(ws.databasePath), before);
});

function canMountTmpfs(dir) {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('aFullDiskShowsWhyASaveFailedLosesNothingAndWorksOnceThereIsSpace', async (t) => {
  // Given: the database on a 4 MB file system that is almost full (a save of the long description
  // below writes it three times: the task row, the undo journal's image and the search index)
  const ws = workspace();
  const disk = join(ws.dir, 'disk');
  mkdirSync(disk);
  if (!canMountTmpfs(disk)) {
    t.skip('cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)');
    return;
  }
  try {
    const databasePath = join(disk, 'quire.db');
    copyFileSync(golden, databasePath);
    const filler = join(disk, 'filler');
    const free = Number(execFileSync('df', ['--output=avail', '-B1', disk], { encoding: 'utf8' }).split('\n')[1]);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - 48 * 1024)));
    const app = await launch({ databasePath });
    await waitForVisibleText(app.page, 'Task 0');
    // When a person saves a task with a long description
    await submitNewTask(app.page, { title: 'Too big for the disk', description: 'z'.repeat(200_000) });
    // Then the dialog says the disk is full
    const message = await dialogError(app.page);
    assert.match(message, /is full/);
    // When space is freed and the person saves again
    rmSync(filler);
    await app.page.click('[data-testid="save-task"]');
    await app.page.waitForSelector('[data-testid="task-dialog"]', { hidden: true, timeout: 15_000 });
    await stop(app);
    // Then nothing was lost and the file is sound
    assert.deepEqual(queryDatabase(databasePath, 'PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
    assert.deepEqual(queryDatabase(databasePath, 'SELECT count(*) AS n FROM tasks'), [{ n: goldenTaskCount + 1 }]);
  } finally {
    for (const app of running) await app.stop();
    execFileSync('umount', ['-l', disk]);
  }
});
