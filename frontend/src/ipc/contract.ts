// SPDX-License-Identifier: MIT
// The IPC surface as seen from TypeScript. Its tables and types are generated from
// resources/ipc-contract.json (the one description, which also generates the C++ command table)
// into src/ipc/generated/ by `npm run generate`, which build, test, typecheck and lint run first.
// This module adds the few helpers that are code rather than description.
import { commandSpecs, timeouts, type CommandName } from '@/ipc/generated/contract';

export * from '@/ipc/generated/contract';

export const LIST_TIMEOUT_MS = timeouts.list;
export const COMMAND_TIMEOUT_MS = timeouts.single;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commandSpecs, name);
}

export function defaultTimeoutMs(command: CommandName): number {
  const spec = commandSpecs[command];
  if ('timeoutMs' in spec) return spec.timeoutMs;
  return spec.kind === 'list' ? LIST_TIMEOUT_MS : COMMAND_TIMEOUT_MS;
}
