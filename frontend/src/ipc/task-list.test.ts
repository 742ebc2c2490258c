// SPDX-License-Identifier: MIT
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wireForms, type Task } from '@/ipc/contract';
import { TimeoutError } from '@/ipc/errors';
import { invoke } from '@/ipc/invoke';
import { fakeBackend } from '@/testing/fake-backend';
import { makeTask } from '@/testing/fixtures';
import { clearBridgeMocks, mockBridge, NEVER_REPLY, ok } from '@/testing/mock-bridge';
import { taskListPage, taskListReply } from '@/testing/task-columns';

const { firstPageSize, partRows } = wireForms.TaskColumns;
const manyTasks = (n: number) => Array.from({ length: n }, (_, i) => makeTask({ title: `Task ${i}` }));

/** A bridge over `tasks` that answers every call whole, in its reply, as a bridge without parts would. */
function wholeReplyBridge(tasks: Task[]) {
  return mockBridge((_command, args) => ok(taskListPage(tasks, args)));
}

/**
 * A bridge over `tasks` that sends a list asked in parts as the app does: every part but the last
 * as a taskListPart event, then the last as the reply. `version()` is the database's at each call;
 * `dropPart` is not sent, `garblePart` is cut short; a call with `holdFrom` or more as its offset
 * is never answered.
 */
function partsBridge(
  tasks: Task[],
  options: { version?: () => string; dropPart?: number; garblePart?: number; holdFrom?: number } = {},
) {
  const sent = { parts: 0 };
  const bridge = mockBridge((_command, args) => {
    if (options.holdFrom !== undefined && ((args.offset as number | undefined) ?? 0) >= options.holdFrom) return NEVER_REPLY;
    const { parts, reply } = taskListReply(tasks, args, options.version?.() ?? '1');
    parts.forEach((part, index) => {
      if (index === options.dropPart) return;
      const columns = JSON.stringify(part);
      const text = index === options.garblePart ? columns.slice(0, columns.length / 2) : columns;
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
  it('comes from one call in parts, and back whole and in order, filtered or not', async () => {
    const tasks = manyTasks(2 * partRows + 5);
    const { bridge, sent } = partsBridge(tasks);

    expect(await invoke('db_get_tasks', {})).toEqual(tasks);
    expect(await invoke('db_get_tasks', { completed: false, dueUntil: '2026-11-30' })).toEqual(tasks);
    expect(bridge.callsTo('db_get_tasks')).toEqual([
      { offset: 0, partRows },
      { completed: false, dueUntil: '2026-11-30', offset: 0, partRows },
    ]);
    expect(sent.parts).toBe(4);
  });

  it('is whole from a bridge that sends it all in the reply', async () => {
    const tasks = manyTasks(partRows + 5);
    const bridge = wholeReplyBridge(tasks);

    expect(await invoke('db_get_project_tasks', { projectId: 'p1' })).toEqual(tasks);
    expect(bridge.callsTo('db_get_project_tasks')).toEqual([{ projectId: 'p1', offset: 0, partRows }]);
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

  it("hands a view its first page alone, then asks for the rest in parts once that page is drawn", async () => {
    const tasks = manyTasks(firstPageSize + partRows + 3);
    const { bridge } = partsBridge(tasks);
    const callsWhenHandedOver: number[] = [];
    const firstPages: Task[][] = [];

    const listing = invoke('db_get_tasks', {}, {
      onFirstPage: (page) => {
        callsWhenHandedOver.push(bridge.calls.length);
        firstPages.push(page);
      },
    });

    expect(await listing).toEqual(tasks);
    expect(firstPages).toEqual([tasks.slice(0, firstPageSize)]);
    expect(callsWhenHandedOver).toEqual([1]);
    expect(bridge.callsTo('db_get_tasks')).toEqual([{ limit: firstPageSize }, { offset: firstPageSize, partRows }]);
  });

  it('has no first page to hand over when it fits in one, and is then one call', async () => {
    const backend = fakeBackend({ tasks: manyTasks(3) });
    const onFirstPage = vi.fn();

    await expect(invoke('db_get_tasks', {}, { onFirstPage })).resolves.toHaveLength(3);
    expect(onFirstPage).not.toHaveBeenCalled();
    expect(backend.bridge.calls.map((c) => c.args)).toEqual([{ limit: firstPageSize }]);
  });

  it('is read again whole, in one call, when a write lands between the first page and the rest', async () => {
    const tasks = manyTasks(firstPageSize + 1);
    const versions = ['1', '2', '2'];
    const { bridge } = partsBridge(tasks, { version: () => versions.shift() ?? 'late' });

    expect(await invoke('db_get_tasks', {}, { onFirstPage: () => {} })).toEqual(tasks);
    expect(bridge.callsTo('db_get_tasks')).toEqual([
      { limit: firstPageSize },
      { offset: firstPageSize, partRows },
      { offset: 0, partRows },
    ]);
  });

  it("times out with the caller's timeout when the rest after the first page never comes", async () => {
    vi.useFakeTimers();
    partsBridge(manyTasks(firstPageSize + 1), { holdFrom: firstPageSize });

    const outcome = invoke('db_get_tasks', {}, { timeoutMs: 5_000, onFirstPage: () => {} }).catch((e: unknown) => e);
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
    const bridge = wholeReplyBridge(tasks);

    await expect(invoke('db_get_tasks', { offset: 4, limit: 3 })).resolves.toEqual(tasks.slice(4, 7));
    expect(bridge.callsTo('db_get_tasks')).toEqual([{ offset: 4, limit: 3 }]);
  });
});
