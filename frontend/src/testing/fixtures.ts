// SPDX-License-Identifier: MIT
// Records for tests, built from the contract's description of their fields: a new field gets a
// plain value here (null, the default or first enum value, false, empty text or list) without an edit.
import { defaults, enums, typeSpecs, type EnumName, type Project, type Task } from '@/ipc/contract';

let counter = 0;

const TIMESTAMP = '2024-01-01T00:00:00Z';

function plainValue(typeName: keyof typeof typeSpecs, field: string, type: string): unknown {
  if (type.endsWith('|null')) return null;
  if (type.endsWith('[]')) return [];
  if (type === 'boolean') return false;
  if (type === 'timestamp') return TIMESTAMP;
  if (type.startsWith('enum:')) {
    const given = (defaults as Partial<Record<string, Record<string, string>>>)[typeName]?.[field];
    return given ?? enums[type.slice('enum:'.length) as EnumName][0];
  }
  return '';
}

function plainRecord(typeName: keyof typeof typeSpecs): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(typeSpecs[typeName]).map(([field, type]) => [field, plainValue(typeName, field, type)]),
  );
}

export function makeTask(overrides: Partial<Task> = {}): Task {
  counter += 1;
  return { ...plainRecord('Task'), id: `task-${counter}`, title: `Task ${counter}`, ...overrides } as Task;
}

export function makeProject(overrides: Partial<Project> = {}): Project {
  counter += 1;
  return { ...plainRecord('Project'), id: `project-${counter}`, name: `Project ${counter}`, ...overrides } as Project;
}
