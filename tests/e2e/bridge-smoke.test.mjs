// SPDX-License-Identifier: MIT
// The real app, the real page, the real channel: a command called from the page's JavaScript
// lands in the SQLite file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryDatabase, quireOnAFreshDatabase } from './support/quire-app.mjs';

const quire = quireOnAFreshDatabase();

test('createTaskFromThePageIsStoredInTheDatabaseFile', async () => {
  const created = await quire.app.page.evaluate(() =>
    window.__QUIRE__.invoke('db_create_task', {
      title: 'From the page',
      priority: 'high',
      tags: ['e2e'],
      projectIds: [],
    }),
  );
  assert.equal(created.title, 'From the page');

  const listed = await quire.app.page.evaluate(() => window.__QUIRE__.invoke('db_get_tasks', {}));
  assert.deepEqual(
    listed.map((task) => task.id),
    [created.id],
  );

  const rows = queryDatabase(quire.workspace.databasePath, 'SELECT id, title, priority FROM tasks');
  assert.deepEqual(rows, [{ id: created.id, title: 'From the page', priority: 'high' }]);
});

test('anInvalidCallFromThePageRejectsWithTheEnvelopeError', async () => {
  const error = await quire.app.page.evaluate(() =>
    window.__QUIRE__.invoke('db_create_task', { title: '', priority: 'high', tags: [], projectIds: [] }).then(
      () => null,
      (e) => ({ name: e.name, code: e.code, message: e.message, command: e.command }),
    ),
  );
  assert.deepEqual(error, {
    name: 'IpcError',
    code: 'invalid_argument',
    message: 'Failed to create task: title must not be empty',
    command: 'db_create_task',
  });
});
