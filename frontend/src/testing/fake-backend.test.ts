// SPDX-License-Identifier: MIT
// The fake backend answers every command of the contract, so a test that clicks through the UI
// never meets "unknown command" for a command added to resources/ipc-contract.json.
import { describe, expect, it } from 'vitest';
import { commandSpecs, type CommandName } from '@/ipc/contract';
import { invokeRaw } from '@/ipc/invoke';
import { fakeBackend } from '@/testing/fake-backend';

describe('the fake backend', () => {
  it.each(Object.keys(commandSpecs) as CommandName[])('answers %s', async (command) => {
    const backend = fakeBackend();

    // Without arguments a command may well fail (not_found, ...), but not as one the fake lacks.
    const reason = await invokeRaw(command, {}).then(
      () => '',
      (error: unknown) => String(error),
    );

    expect(backend.bridge.callsTo(command).length).toBeGreaterThan(0); // lists come in pages
    expect(reason).not.toMatch(/unknown command/i);
  });
});
