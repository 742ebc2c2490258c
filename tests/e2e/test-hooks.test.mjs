// SPDX-License-Identifier: MIT
// The testHooks channel object is there only when both the build (-DQUIRE_TEST_HOOKS=ON, which
// ctest passes on as QUIRE_E2E_TEST_HOOKS=ON|OFF) and the environment (QUIRE_TEST_HOOKS=1) ask
// for it: in a release build the variable does nothing. The binary side of the same promise is
// checked by ctest lint.test-hooks-in-binary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchQuire, makeWorkspace } from './support/quire-app.mjs';

const built = process.env.QUIRE_E2E_TEST_HOOKS;

/** The object names the host announces on the page's channel, read over a second QWebChannel. */
async function channelObjectNames(env) {
  const workspace = makeWorkspace();
  const app = await launchQuire({ databasePath: workspace.databasePath, env });
  try {
    return await app.page.evaluate(
      () =>
        new Promise((resolve) => {
          const transport = window.qt.webChannelTransport;
          const bundleHandler = transport.onmessage;
          // qwebchannel.js takes over transport.onmessage; the bundle's handler is put back after.
          new QWebChannel(transport, (channel) => {
            transport.onmessage = bundleHandler;
            resolve(Object.keys(channel.objects).sort());
          });
        }),
    );
  } finally {
    await app.stop();
    workspace.cleanup();
  }
}

test('theTestHooksAreOnTheChannelOnlyWhenBuiltInAndAskedFor', async () => {
  assert.ok(built === 'ON' || built === 'OFF', 'QUIRE_E2E_TEST_HOOKS is not set (ctest sets it to ON or OFF)');

  const asked = await channelObjectNames({ QUIRE_TEST_HOOKS: '1' });
  assert.equal(asked.includes('testHooks'), built === 'ON', `objects with QUIRE_TEST_HOOKS=1: ${asked}`);

  const notAsked = await channelObjectNames({ QUIRE_TEST_HOOKS: '' });
  assert.ok(notAsked.includes('tasks'), `objects: ${notAsked}`);
  assert.deepEqual(notAsked, asked.filter((name) => name !== 'testHooks'));
});
