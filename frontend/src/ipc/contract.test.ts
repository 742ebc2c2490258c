// SPDX-License-Identifier: MIT
// The TypeScript IPC layer is generated from resources/ipc-contract.json (as the C++ command table
// is); these tests fail when the generated files are stale or the generator drops something.
// tests/contract/drift.test.mjs shows that a change to the description reaches both sides.
import { describe, expect, it } from 'vitest';
import { commands } from '@/ipc/commands';
import {
  COMMAND_TIMEOUT_MS,
  commandSpecs,
  defaultTimeoutMs,
  enums,
  eventPayloads,
  eventSpecs,
  LIST_TIMEOUT_MS,
  objectNames,
  timeouts,
  limits,
  menuActions,
  typeSpecs,
  wireForms,
  type CommandName,
} from '@/ipc/contract';
import { taskColumnKeys } from '@/ipc/task-columns';
import { errorCodes } from '@/ipc/errors';
import { readContractJson } from '@/testing/contract-json';

interface JsonContract {
  enums: Record<string, string[]>;
  errorCodes: string[];
  objects: string[];
  events: Record<string, string>;
  eventPayloads: Record<string, Record<string, string>>;
  commands: Record<
    string,
    {
      object: string;
      kind: string;
      returns: string;
      wire?: string;
      cancellable?: boolean;
      progress?: boolean;
      timeoutMs?: number;
      args: Record<string, { type: string; required: boolean; null: string }>;
    }
  >;
  types: Record<string, Record<string, string>>;
  timeouts: Record<string, number>;
  limits: Record<string, unknown>;
  wireForms: Record<string, Record<string, unknown>>;
  menu: { items: ('-' | { action: string })[] };
}

const { $comment: _comment, ...contract } = readContractJson() as JsonContract & { $comment?: string };

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('the TypeScript IPC layer matches resources/ipc-contract.json', () => {
  it('knows every section of the contract', () => {
    expect(sorted(Object.keys(contract))).toEqual(
      ['commands', 'defaults', 'enums', 'errorCodes', 'eventPayloads', 'events', 'limits', 'menu', 'objects', 'timeouts', 'types', 'wireForms'],
    );
    expect(timeouts).toEqual(contract.timeouts);
    expect(menuActions).toEqual(contract.menu.items.flatMap((item) => (item === '-' ? [] : [item.action])));
    const { $comment: _limitsComment, ...limitValues } = contract.limits;
    expect(limits).toEqual(limitValues);
  });

  it('describes the same wire forms, and TaskColumns has a column for every Task key', () => {
    const { $comment: _, ...taskColumns } = contract.wireForms.TaskColumns as Record<string, unknown>;
    expect({ TaskColumns: taskColumns }).toEqual(wireForms);
    expect([...taskColumnKeys]).toEqual(Object.keys(typeSpecs.Task));
    for (const [column, enumName] of Object.entries(wireForms.TaskColumns.enumIndexes)) {
      expect(typeSpecs.Task[column as keyof typeof typeSpecs.Task]).toMatch(new RegExp(`^enum:${enumName}(\\|null)?$`));
    }
  });

  it('has the same enums with the same values in the same order', () => {
    expect(enums).toEqual(contract.enums);
  });

  it('knows the same error codes', () => {
    expect([...errorCodes]).toEqual(contract.errorCodes);
  });

  it('registers the same channel objects', () => {
    expect([...objectNames]).toEqual(contract.objects);
  });

  it('listens to the same events on the same objects, with the same payloads', () => {
    expect(eventSpecs).toEqual(contract.events);
    expect(eventPayloads).toEqual(contract.eventPayloads);
  });

  it('has the same set of commands', () => {
    expect(sorted(Object.keys(commandSpecs))).toEqual(sorted(Object.keys(contract.commands)));
  });

  describe.each(Object.keys(contract.commands))('command %s', (name) => {
    const json = contract.commands[name]!;
    const ts = (commandSpecs as Record<string, unknown>)[name] as JsonContract['commands'][string] | undefined;

    it('lives on the same object, with the same kind, result type and wire form', () => {
      expect(ts && { object: ts.object, kind: ts.kind, returns: ts.returns, wire: ts.wire }).toEqual({
        object: json.object,
        kind: json.kind,
        returns: json.returns,
        wire: json.wire,
      });
    });

    it('takes the same argument keys with the same type, requiredness and null meaning', () => {
      // "cancellable" and "progress" imply the requestId argument; the description does not repeat it.
      const implied =
        json.cancellable || json.progress ? { requestId: { type: 'string', required: false, null: 'absent' } } : {};
      if (json.cancellable || json.progress) expect(json.args).not.toHaveProperty('requestId');
      expect(ts?.args).toEqual({ ...json.args, ...implied });
      expect({ cancellable: ts?.cancellable, progress: ts?.progress }).toEqual({
        cancellable: json.cancellable,
        progress: json.progress,
      });
    });

    it('has a typed wrapper', () => {
      expect(typeof (commands as Record<string, unknown>)[name]).toBe('function');
    });

    it('uses its own timeout, or the default for its kind', () => {
      const kindDefault = json.kind === 'list' ? LIST_TIMEOUT_MS : COMMAND_TIMEOUT_MS;
      expect(defaultTimeoutMs(name as CommandName)).toBe(json.timeoutMs ?? kindDefault);
    });
  });

  it('has no wrapper for a command the contract lacks', () => {
    expect(sorted(Object.keys(commands))).toEqual(sorted(Object.keys(contract.commands)));
  });

  it('describes Task and Project with the same fields and types', () => {
    expect(typeSpecs).toEqual(contract.types);
  });

  it('only refers to enums and types that the contract defines', () => {
    const known = (t: string): boolean =>
      t.split('|').every((part) => {
        const base = part.endsWith('[]') ? part.slice(0, -2) : part;
        if (base.startsWith('enum:')) return base.slice(5) in contract.enums;
        return ['string', 'count', 'boolean', 'timestamp', 'localDate', 'null'].includes(base) || base in contract.types;
      });
    const used = [
      ...Object.values(contract.commands).flatMap((c) => [c.returns, ...Object.values(c.args).map((a) => a.type)]),
      ...Object.values(contract.types).flatMap((t) => Object.values(t)),
    ];
    expect(used.filter((t) => !known(t))).toEqual([]);
  });
});
