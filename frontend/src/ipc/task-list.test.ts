// SPDX-License-Identifier: MIT
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wireForms, type Task } from '@/ipc/contract';
import { IpcError, TimeoutError } from '@/ipc/errors';
import { invoke } from '@/ipc/invoke';
import { fakeBackend } from '@/testing/fake-backend';
import { makeTask } from '@/testing/fixtures';
import { clearBridgeMocks, inAnyOrder, mockBridge, NEVER_REPLY, ok } from '@/testing/mock-bridge';
import { encodeTaskColumns, taskListReply } from '@/testing/task-columns';

const { pageSize, firstPageSize, partRows } = wireForms.TaskColumns;
const limitOf = (args: Record<string, unknown>) => args.limit as number;
const manyTasks = (n: number) => Array.from({ length: n }, (_, i) => makeTask({ title: `Task ${i}` }));

/** A bridge over `tasks` whose version is whatever `version()` says when each page is read. */
function pagedBridge(tasks: Task[], version: () => string) {
  return mockBridge((_command, args) => {
    const offset = (args.offset as number | undefined) ?? 0;
    const limit = (args.limit as number | undefined) ?? tasks.length;
    return ok(encodeTaskColumns(tasks.slice(offset, offset + limit), { total: tasks.length, version: version() }));
  });
}

/**
 * A bridge over `tasks` that sends a list asked in parts as the app does: every part but the last
 * as a taskListPart event, then the last as the reply; `dropPart` is not sent, `garblePart` is cut short.
 */
function partsBridge(tasks: Task[], damage: { dropPart?: number; garblePart?: number } = {}) {
  const sent = { parts: 0 };
  const bridge = mockBridge((_command, args) => {
    const { parts, reply } = taskListReply(tasks, args);
    parts.forEach((part, index) => {
      if (index === damage.dropPart) return;
      const columns = JSON.stringify(part);
      const text = index === damage.garblePart ? columns.slice(0, columns.length / 2) : columns;
      bridge.emit('taskListPart', { requestId: args.requestId as string, columns: text });
      sent.parts += 1;
    });
    return ok(reply);
  });
  return { bridge, sent };
}

afterEach(() => {
  vi.useRealTimers();
  clearBridgeMocks();
});

describe('a whole task list', () => {
  it('arrives in pages, a small first one with the next, then the rest at once, and comes back whole and in order', async () => {
    const tasks = manyTasks(firstPageSize + pageSize + 5);
    const held: Array<() => void> = [];
    const bridge = mockBridge((_command, args) => {
      const offset = (args.offset as number | undefined) ?? 0;
      const reply = ok(encodeTaskColumns(tasks.slice(offset, offset + limitOf(args)), { total: tasks.length }));
      if (offset === 0) return reply;
      return new Promise((resolve) => held.push(() => resolve(reply)));
    });

    const listing = invoke('db_get_tasks', {});
    await vi.waitFor(() => expect(held).toHaveLength(2));
    // Both later pages were asked for before either was answered.
    expect(inAnyOrder(bridge.callsTo('db_get_tasks'))).toEqual(
      inAnyOrder([
        { limit: firstPageSize },
        { offset: firstPageSize, limit: pageSize },
        { offset: firstPageSize + pageSize, limit: pageSize },
      ]),
    );
    held.forEach((release) => release());

    expect(await listing).toEqual(tasks);
  });

  it('comes in one reply when filtered by project or due date (each call would sort the whole list again)', async () => {
    const tasks = manyTasks(pageSize + 5);
    const bridge = pagedBridge(tasks, () => '1');

    expect(await invoke('db_get_tasks', { projectIds: ['p1'] })).toEqual(tasks);
    expect(await invoke('db_get_tasks', { completed: false, dueUntil: '2026-11-30' })).toEqual(tasks);
    expect(bridge.callsTo('db_get_tasks')).toEqual([
      { projectIds: ['p1'], offset: 0, partRows },
      { completed: false, dueUntil: '2026-11-30', offset: 0, partRows },
    ]);
  });

  it('comes from one call in parts when filtered, and back whole and in order', async () => {
    const tasks = manyTasks(2 * partRows + 5);
    const { bridge, sent } = partsBridge(tasks);

    expect(await invoke('db_get_tasks', { completed: false, dueUntil: '2026-11-30' })).toEqual(tasks);
    expect(bridge.callsTo('db_get_tasks')).toEqual([{ completed: false, dueUntil: '2026-11-30', offset: 0, partRows }]);
    expect(sent.parts).toBe(2);
  });

  it('fails as malformed, not short, when a part sent ahead of the reply did not arrive', async () => {
    partsBridge(manyTasks(partRows + 1), { dropPart: 0 });

    await expect(invoke('db_get_project_tasks', { projectId: 'p1' })).rejects.toMatchObject({
      code: 'internal',
      message: `The task list from Quire was malformed (${partRows} rows missing)`,
    });
  });

  it('fails as malformed when a part is not the columns form', async () => {
    partsBridge(manyTasks(partRows + 1), { garblePart: 0 });

    await expect(invoke('db_get_tasks', { projectIds: ['p1'] })).rejects.toMatchObject({
      code: 'internal',
      message: 'The task list from Quire was malformed (a part that is not JSON)',
    });
  });

  it('pages the open (or completed) tasks like all tasks', async () => {
    const tasks = manyTasks(firstPageSize + 5);
    const bridge = pagedBridge(tasks, () => '1');

    expect(await invoke('db_get_tasks', { completed: false })).toEqual(tasks);
    expect(inAnyOrder(bridge.callsTo('db_get_tasks'))).toEqual(
      inAnyOrder([
        { completed: false, limit: firstPageSize },
        { completed: false, offset: firstPageSize, limit: pageSize },
      ]),
    );
  });

  it('hands over its first page while the others are still on their way', async () => {
    const tasks = manyTasks(firstPageSize + 3);
    const held: Array<() => void> = [];
    mockBridge((_command, args) => {
      const offset = (args.offset as number | undefined) ?? 0;
      const reply = ok(encodeTaskColumns(tasks.slice(offset, offset + limitOf(args)), { total: tasks.length }));
      if (offset === 0) return reply;
      return new Promise((resolve) => held.push(() => resolve(reply)));
    });
    const firstPages: Task[][] = [];

    const listing = invoke('db_get_tasks', {}, { onFirstPage: (page) => firstPages.push(page) });
    await vi.waitFor(() => expect(held).toHaveLength(1));

    expect(firstPages).toEqual([tasks.slice(0, firstPageSize)]);
    held.forEach((release) => release());
    expect(await listing).toEqual(tasks);
    expect(firstPages).toHaveLength(1);
  });

  it('asks for the rest only once the first page it hands over has been drawn', async () => {
    const tasks = manyTasks(firstPageSize + 3);
    const bridge = pagedBridge(tasks, () => '1');
    const callsWhenHandedOver: number[] = [];

    const listing = invoke('db_get_tasks', {}, { onFirstPage: () => callsWhenHandedOver.push(bridge.calls.length) });

    expect(await listing).toEqual(tasks);
    expect(callsWhenHandedOver).toEqual([1]);
    expect(bridge.callsTo('db_get_tasks')).toEqual([{ limit: firstPageSize }, { offset: firstPageSize, limit: pageSize }]);
  });

  it('has no first page to hand over when it fits in one, and is then one call', async () => {
    const backend = fakeBackend({ tasks: manyTasks(3) });
    const onFirstPage = vi.fn();

    await expect(invoke('db_get_tasks', {}, { onFirstPage })).resolves.toHaveLength(3);
    expect(onFirstPage).not.toHaveBeenCalled();
    expect(backend.bridge.calls.map((c) => c.args)).toEqual([{ limit: firstPageSize }]);
  });

  it('is one call for a filtered list, and two asked together for all tasks, when it fits in the first page', async () => {
    const backend = fakeBackend({ tasks: manyTasks(3) });

    await expect(invoke('db_get_project_tasks', { projectId: 'p1' })).resolves.toEqual([]);
    await expect(invoke('db_get_tasks', {})).resolves.toHaveLength(3);
    expect(inAnyOrder(backend.bridge.calls.map((c) => c.args))).toEqual(
      inAnyOrder([{ projectId: 'p1', offset: 0, partRows }, { limit: firstPageSize }, { offset: firstPageSize, limit: pageSize }]),
    );
  });

  it('is fetched again when a write lands between its pages', async () => {
    const tasks = manyTasks(firstPageSize + 1);
    const versions = ['1', '2', '2', '2'];
    const bridge = pagedBridge(tasks, () => versions.shift() ?? 'late');

    expect(await invoke('db_get_tasks', {})).toEqual(tasks);
    expect(bridge.callsTo('db_get_tasks')).toHaveLength(4);
  });

  it('fails as a conflict when it keeps changing', async () => {
    let version = 0;
    pagedBridge(manyTasks(firstPageSize + 1), () => String((version += 1)));

    const error = await invoke('db_get_tasks', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'conflict', command: 'db_get_tasks', message: 'The task list kept changing while it loaded' });
  });

  it("times out as one call, with the caller's timeout, when a later page never comes", async () => {
    vi.useFakeTimers();
    const tasks = manyTasks(firstPageSize + 1);
    mockBridge((_command, args) =>
      args.offset ? NEVER_REPLY : ok(encodeTaskColumns(tasks.slice(0, firstPageSize), { total: tasks.length })),
    );

    const outcome = invoke('db_get_tasks', {}, { timeoutMs: 5_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);

    const error = await outcome;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ message: "Command 'db_get_tasks' timed out after 5000ms" });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a window of a task list', () => {
  it('is the one call the caller asked for', async () => {
    const tasks = manyTasks(10);
    const bridge = pagedBridge(tasks, () => '1');

    await expect(invoke('db_get_tasks', { offset: 4, limit: 3 })).resolves.toEqual(tasks.slice(4, 7));
    expect(bridge.callsTo('db_get_tasks')).toEqual([{ offset: 4, limit: 3 }]);
  });
});
