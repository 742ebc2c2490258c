// SPDX-License-Identifier: MIT
// The wrappers send exactly the argument objects the contract describes.
import { describe, expect, it } from 'vitest';
import {
  invokeDbCreateProject,
  invokeDbCreateTask,
  invokeDbDeleteProject,
  invokeDbDeleteTask,
  invokeDbGetProjects,
  invokeDbGetProjectTasks,
  invokeDbGetTask,
  invokeDbGetTasks,
  invokeDbUpdateProject,
  invokeDbUpdateTask,
  invokePing,
} from '@/ipc/commands';
import { commandSpecs, wireForms, type CommandName } from '@/ipc/contract';

const { partRows } = wireForms.TaskColumns;
import { readContractJson } from '@/testing/contract-json';
import { mockBridge, ok } from '@/testing/mock-bridge';
import { encodeTaskColumns } from '@/testing/task-columns';

interface ArgJson {
  type: string;
  required: boolean;
  null: string;
}
const contract = readContractJson() as { enums: Record<string, string[]>; commands: Record<string, { object: string; args: Record<string, ArgJson> }> };

/** Problems with `args` as the bridge would judge them from the contract. */
function violations(command: string, args: Record<string, unknown>): string[] {
  const spec = contract.commands[command]!.args;
  const problems: string[] = [];
  for (const [key, arg] of Object.entries(spec)) {
    if (arg.required && !(key in args)) problems.push(`missing ${key}`);
  }
  for (const [key, value] of Object.entries(args)) {
    const arg = spec[key];
    if (!arg) {
      problems.push(`unknown key ${key}`);
      continue;
    }
    if (value === null) {
      if (arg.null !== 'clear') problems.push(`null for ${key} (null means ${arg.null})`);
      continue;
    }
    const fits =
      arg.type === 'string'
        ? typeof value === 'string'
        : arg.type === 'string[]'
          ? Array.isArray(value) && value.every((v) => typeof v === 'string')
          : arg.type === 'count'
            ? Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647
            : contract.enums[arg.type.slice('enum:'.length)]!.includes(value as string);
    if (!fits) problems.push(`${key} is not ${arg.type}`);
  }
  return problems;
}

function setup() {
  // Task lists travel as columns; an empty list's columns stand for "some valid reply".
  return mockBridge((command) => ok('wire' in commandSpecs[command as CommandName] ? encodeTaskColumns([]) : null));
}

describe('typed command wrappers', () => {
  it('db_get_tasks sends no key without a filter and projectIds with one', async () => {
    const bridge = setup();
    await invokeDbGetTasks();
    await invokeDbGetTasks({ projectIds: ['p1', 'p2'] });

    // A whole list is one call whose rows come in parts (src/ipc/task-list.ts).
    expect(bridge.callsTo('db_get_tasks')).toEqual([
      { offset: 0, partRows },
      { projectIds: ['p1', 'p2'], offset: 0, partRows },
    ]);
    expect(bridge.calls.flatMap((c) => violations(c.command, c.args))).toEqual([]);
  });

  it('db_create_task sends every given field under its contract key, on the tasks object', async () => {
    const bridge = setup();
    await invokeDbCreateTask({
      title: 'Fix crash',
      description: 'On startup',
      priority: 'long term',
      tags: ['ui', 'crash'],
      projectIds: ['p1'],
      status: 'in_progress',
      complexity: 'deep dive',
      type: 'bug',
    });

    expect(bridge.calls[0]).toEqual({
      object: 'tasks',
      command: 'db_create_task',
      args: {
        title: 'Fix crash',
        description: 'On startup',
        priority: 'long term',
        tags: ['ui', 'crash'],
        projectIds: ['p1'],
        status: 'in_progress',
        complexity: 'deep dive',
        type: 'bug',
      },
    });
    expect(violations('db_create_task', bridge.calls[0]!.args)).toEqual([]);
  });

  it('db_create_task leaves optional fields absent when not given or null', async () => {
    const bridge = setup();
    await invokeDbCreateTask({ title: 'Minimal', description: null, priority: 'standard', tags: [], projectIds: [] });
    await invokeDbCreateTask({
      title: 'Nulls',
      description: undefined,
      priority: 'nit',
      tags: [],
      projectIds: [],
      status: null,
      complexity: null,
      type: null,
    });

    expect(bridge.callsTo('db_create_task')).toEqual([
      { title: 'Minimal', priority: 'standard', tags: [], projectIds: [] },
      { title: 'Nulls', priority: 'nit', tags: [], projectIds: [] },
    ]);
    expect(bridge.calls.flatMap((c) => violations(c.command, c.args))).toEqual([]);
  });

  it('db_update_task sends only the changed keys, keeping null to clear', async () => {
    const bridge = setup();
    await invokeDbUpdateTask({ taskId: 't1', status: 'completed' });
    await invokeDbUpdateTask({ taskId: 't1', description: null, complexity: null, type: null, title: undefined });

    expect(bridge.callsTo('db_update_task')).toEqual([
        { taskId: 't1', status: 'completed' },
      { taskId: 't1', description: null, complexity: null, type: null },
    ]);
    expect(bridge.calls.flatMap((c) => violations(c.command, c.args))).toEqual([]);
  });

  it('project wrappers send projectId, name and description under contract keys', async () => {
    const bridge = setup();
    await invokeDbGetProjects();
    await invokeDbCreateProject({ name: 'Home' });
    await invokeDbCreateProject({ name: 'Work', description: 'Day job' });
    await invokeDbUpdateProject({ projectId: 'p1', name: 'House', description: null });
    await invokeDbDeleteProject({ projectId: 'p1' });
    await invokeDbGetProjectTasks({ projectId: 'p1' });

    expect(bridge.calls.map((c) => [c.object, c.command, c.args])).toEqual([
      ['projects', 'db_get_projects', {}],
      ['projects', 'db_create_project', { name: 'Home' }],
      ['projects', 'db_create_project', { name: 'Work', description: 'Day job' }],
      ['projects', 'db_update_project', { projectId: 'p1', name: 'House', description: null }],
      ['projects', 'db_delete_project', { projectId: 'p1' }],
      ['tasks', 'db_get_project_tasks', { projectId: 'p1', offset: 0, partRows }],
    ]);
    expect(bridge.calls.flatMap((c) => violations(c.command, c.args))).toEqual([]);
  });

  it('single-task wrappers and ping send what the contract asks', async () => {
    const bridge = setup();
    await invokeDbGetTask({ taskId: 't1' });
    await invokeDbDeleteTask({ taskId: 't1' });
    await invokePing();

    expect(bridge.calls.map((c) => [c.object, c.command, c.args])).toEqual([
      ['tasks', 'db_get_task', { taskId: 't1' }],
      ['tasks', 'db_delete_task', { taskId: 't1' }],
      ['app', 'ping', {}],
    ]);
    expect(bridge.calls.flatMap((c) => violations(c.command, c.args))).toEqual([]);
  });

  it('the contract checker used above does catch a bad argument object', () => {
    expect(violations('db_update_task', { taskId: 't1', title: null, priority: 'urgent', extra: 1 })).toEqual([
      'null for title (null means reject)',
      'priority is not enum:priority',
      'unknown key extra',
    ]);
    expect(violations('db_create_task', {})).toContain('missing title');
  });
});
