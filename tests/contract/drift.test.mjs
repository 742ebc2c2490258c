// SPDX-License-Identifier: MIT
// Drift between the C++ bridge and the TypeScript layer is impossible because both are generated
// from resources/ipc-contract.json. This test changes one argument's type in a copy of the
// description, generates both sides from the copy and from the original, and checks that
// - the C++ command table changes in that argument's row, and only there;
// - a TypeScript caller written for the original compiles against the original and fails `tsc`
//   against the changed description, naming the argument.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const frontend = join(root, 'frontend');
const generator = join(root, 'scripts/generate-contract.mjs');
const contractPath = join(root, 'resources/ipc-contract.json');
const tsc = join(frontend, 'node_modules/.bin/tsc');

// db_get_task's taskId goes from a string to a count.
const COMMAND = 'db_get_task';
const KEY = 'taskId';
const CALLER = `import { invokeDbGetTask } from '@/ipc/generated/commands';
export const load = () => invokeDbGetTask({ ${KEY}: 'b2c4a6e0-0000-4000-8000-000000000000' });
`;

let workspace;

function generate(name, contract) {
  const folder = join(workspace, name);
  const description = join(folder, 'ipc-contract.json');
  execFileSync('mkdir', ['-p', folder]);
  writeFileSync(description, JSON.stringify(contract, null, 2));
  execFileSync(process.execPath, [generator, description, '--app', join(folder, 'cpp'), '--ts', join(folder, 'ts')]);
  writeFileSync(join(folder, 'caller.ts'), CALLER);
  // The caller is compiled with the app's own settings; only the generated folder is swapped.
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({
      extends: join(frontend, 'tsconfig.json'),
      compilerOptions: {
        paths: { '@/ipc/generated/*': [join(folder, 'ts/*')], '@/*': [join(frontend, 'src/*')] },
        typeRoots: [join(frontend, 'node_modules/@types')],
        types: ['node'],
      },
      include: [],
      files: [join(folder, 'caller.ts')],
    }),
  );
  return folder;
}

function typecheck(folder) {
  return spawnSync(tsc, ['-p', join(folder, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8', cwd: frontend });
}

const cppTable = (folder) => readFileSync(join(folder, 'cpp/command_table.cpp'), 'utf8').split('\n');

describe('a change to the description reaches both sides', () => {
  let original;
  let changed;

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'quire-drift-'));
    const contract = JSON.parse(readFileSync(contractPath, 'utf8'));
    assert.equal(contract.commands[COMMAND].args[KEY].type, 'string', 'the test expects taskId to be a string');
    original = generate('original', contract);
    contract.commands[COMMAND].args[KEY].type = 'count';
    changed = generate('changed', contract);
  });

  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('changes the argument row of the C++ command table, and nothing else', () => {
    const before = cppTable(original);
    const afterChange = cppTable(changed);
    assert.equal(afterChange.length, before.length);
    const differing = before
      .map((line, i) => [line, afterChange[i]])
      .filter(([a, b]) => a !== b);
    assert.deepEqual(differing, [
      [`             {u"${KEY}"_s, String, true, Reject, {}, {}, {}},`, `             {u"${KEY}"_s, Count, true, Reject, {}, {}, {}},`],
    ]);
    // The changed row belongs to db_get_task: the closest command line above it names it.
    const row = afterChange.findIndex((line) => line.includes(`u"${KEY}"_s, Count`));
    const owner = afterChange.slice(0, row).findLast((line) => line.trimStart().startsWith('{u"db_'));
    assert.match(owner, new RegExp(`u"${COMMAND}"_s`));
  });

  it('changes the TypeScript argument type', () => {
    const text = readFileSync(join(changed, 'ts/contract.ts'), 'utf8');
    assert.match(text, new RegExp(`interface DbGetTaskArgs \\{\\n  ${KEY}: number;`));
  });

  it('compiles a caller of the original shape against the original description', () => {
    const result = typecheck(original);
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('fails tsc for the same caller once the description changed', () => {
    const result = typecheck(changed);
    assert.notEqual(result.status, 0, 'tsc accepted a caller of the old shape');
    assert.match(result.stdout + result.stderr, /caller\.ts.*error TS2322: Type 'string' is not assignable to type 'number'/s);
  });
});

describe('a description that does not hold together stops the build', () => {
  const broken = [
    ['an unknown argument type', (c) => (c.commands.db_get_task.args.taskId.type = 'uuid'), /commands\.db_get_task\.args\.taskId: unknown argument type 'uuid'/],
    ['an enum that is not declared', (c) => (c.commands.db_create_task.args.priority.type = 'enum:urgency'), /'enum:urgency' names no enum/],
    ['a required key that accepts null', (c) => (c.commands.db_get_task.args.taskId.null = 'clear'), /a required key must reject null/],
    ['a command on an unknown object', (c) => (c.commands.ping.object = 'system'), /commands\.ping: object 'system' is not in "objects"/],
    ['a command without an action', (c) => delete c.commands.ping.action, /commands\.ping: needs an "action"/],
    ['a field of an unknown type', (c) => (c.types.Task.title = 'text'), /types\.Task\.title: unknown field type 'text'/],
    ['an argument whose type is not its field\'s', (c) => (c.commands.db_create_task.args.tags.type = 'string'), /db_create_task\.args\.tags: is string but Task\.tags is string\[\]/],
    ['a patch that clears a field that cannot be null', (c) => (c.commands.db_update_task.args.title.null = 'clear'), /db_update_task\.args\.title: Task\.title cannot be cleared/],
    ['a default that is not a value of its enum', (c) => (c.defaults.Task.status = 'done'), /defaults\.Task\.status: 'done' is not a value of enum:status/],
    ['a menu item that names an action twice', (c) => c.menu.items.push({ menu: '&Help', label: 'Again', action: 'undo' }), /menu\.items\[\d+\]: action 'undo' is in the menu twice/],
    ['a menu item with both kinds of key', (c) => (c.menu.items[0].standardKey = 'New'), /menu\.items\[0\]: give "keys" or "standardKey", not both/],
    ['a separator first in the menu bar', (c) => c.menu.items.unshift('-'), /menu\.items\[0\]: a separator comes after an item of its menu/],
    ['an empty first page', (c) => (c.wireForms.TaskColumns.firstPageSize = 0), /wireForms\.TaskColumns: firstPageSize must be positive/],
    ['parts of no rows', (c) => (c.wireForms.TaskColumns.partRows = 0), /wireForms\.TaskColumns: partRows must be positive/],
  ];
  for (const [what, breakIt, message] of broken) {
    it(`refuses ${what}`, () => {
      const folder = mkdtempSync(join(tmpdir(), 'quire-contract-'));
      try {
        const contract = JSON.parse(readFileSync(contractPath, 'utf8'));
        breakIt(contract);
        const description = join(folder, 'ipc-contract.json');
        writeFileSync(description, JSON.stringify(contract));
        const result = spawnSync(process.execPath, [generator, description, '--ts', join(folder, 'ts')], {
          encoding: 'utf8',
        });
        assert.equal(result.status, 1);
        assert.match(result.stderr, message);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
