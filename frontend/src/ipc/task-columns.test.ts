// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { enums, type Task } from '@/ipc/contract';
import { IpcError } from '@/ipc/errors';
import { decodeTaskColumns, type TaskColumns } from '@/ipc/task-columns';
import { makeTask } from '@/testing/fixtures';
import { encodeTaskColumns } from '@/testing/task-columns';

const decode = (data: unknown) => decodeTaskColumns(data, 'db_get_tasks').tasks;

describe('decodeTaskColumns', () => {
  it('gives back every task as it was, whatever is set or absent', () => {
    const tasks: Task[] = [
      makeTask(),
      makeTask({
        title: 'Quotes " and \\ and </script>',
        description: 'line one\nline two',
        priority: 'nit',
        status: 'blocked',
        complexity: 'deep dive',
        type: 'chore',
        tags: ['zulu', 'alpha'],
        projectIds: ['p2', 'p1'],
        updatedAt: '2024-02-01T00:00:00.000Z',
      }),
      ...enums.priority.map((priority, i) =>
        makeTask({ priority, status: enums.status[i % enums.status.length]!, type: enums.taskType[i]! }),
      ),
    ];

    expect(decode(JSON.parse(JSON.stringify(encodeTaskColumns(tasks))))).toEqual(tasks);
  });

  it('reads the enums as indexes in the contract order and a null updatedAt as createdAt', () => {
    // The columns as the bridge writes them by hand, over a task whose other fields are plain.
    const plain = makeTask({ id: 't1', title: 'One', createdAt: '2024-01-01T00:00:00.000Z' });
    const columns: TaskColumns = {
      ...encodeTaskColumns([plain]),
      version: '7.0',
      priority: [0],
      status: [3],
      complexity: [2],
      type: [null],
      projectIds: [['p1']],
      updatedAt: [null],
    };

    expect(decode(columns)).toEqual([
      {
        ...plain,
        priority: 'pinned',
        status: 'blocked',
        complexity: 'deep dive',
        type: null,
        projectIds: ['p1'],
        updatedAt: '2024-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('decodes an empty list', () => {
    expect(decode(encodeTaskColumns([]))).toEqual([]);
  });

  it("keeps the page's total and version", () => {
    const page = decodeTaskColumns(encodeTaskColumns([makeTask()], { total: 30_000, version: '3.12' }), 'db_get_tasks');
    expect(page).toMatchObject({ total: 30_000, version: '3.12' });
    expect(page.tasks).toHaveLength(1);
  });

  const valid = () => encodeTaskColumns([makeTask(), makeTask()]) as unknown as Record<string, unknown>;
  it.each([
    ['not an object', () => 'tasks', 'not an object'],
    ['null', () => null, 'not an object'],
    ['an array of tasks', () => [makeTask()], 'no count'],
    ['a negative count', () => ({ ...valid(), count: -1 }), 'no count'],
    ['a count that is not a whole number', () => ({ ...valid(), count: 1.5 }), 'no count'],
    ['no total', () => ({ ...valid(), total: undefined }), 'no total'],
    ['a total below the count', () => ({ ...valid(), total: 1 }), 'no total'],
    ['no version', () => ({ ...valid(), version: 3 }), 'no version'],
    ['a missing column', () => ({ ...valid(), title: undefined }), 'column title'],
    ['a column shorter than count', () => ({ ...valid(), id: ['only one'] }), 'column id'],
    ['a column that is not an array', () => ({ ...valid(), tags: 'none' }), 'column tags'],
    ['a priority index out of range', () => ({ ...valid(), priority: [0, 99] }), 'an enum index of task 1'],
    ['a missing status', () => ({ ...valid(), status: [null, 0] }), 'an enum index of task 0'],
    ['a complexity index out of range', () => ({ ...valid(), complexity: [null, -1] }), 'an enum index of task 1'],
    ['a type index out of range', () => ({ ...valid(), type: [7, null] }), 'an enum index of task 0'],
  ])('rejects %s as an internal IpcError', (_name, data, detail) => {
    let thrown: unknown;
    try {
      decode(data());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IpcError);
    expect(thrown).toMatchObject({
      code: 'internal',
      command: 'db_get_tasks',
      message: `The task list from Quire was malformed (${detail})`,
    });
  });
});
