// SPDX-License-Identifier: MIT
// Reads resources/ipc-contract.json (outside frontend/) for the drift tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// vitest runs with frontend/ as its root; the contract sits beside it in the repo.
export const contractPath = resolve(process.cwd(), '../resources/ipc-contract.json');

export function readContractJson(): unknown {
  return JSON.parse(readFileSync(contractPath, 'utf8')) as unknown;
}
