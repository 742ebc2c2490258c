// SPDX-License-Identifier: MIT
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emitLateReply, onLateReply } from '@/ipc/events';
import { IpcError, TimeoutError } from '@/ipc/errors';
import { installGlobalInvoke } from '@/ipc/global';
import { invoke, invokeRaw } from '@/ipc/invoke';
import { makeTask } from '@/testing/fixtures';
import { clearBridgeMocks, err, mockBridge, NEVER_REPLY, ok } from '@/testing/mock-bridge';
import { taskListPage } from '@/testing/task-columns';

const task = makeTask({ id: 't1', title: 'Write tests' });

describe('invoke', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves with the data of an ok envelope and clears its timer', async () => {
    const bridge = mockBridge(() => ok(task));

    await expect(invoke('db_get_task', { taskId: 't1' })).resolves.toEqual(task);

    expect(bridge.calls).toEqual([{ object: 'tasks', command: 'db_get_task', args: { taskId: 't1' } }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses a call larger than the contract allows without sending it', async () => {
    const bridge = mockBridge(() => ok(null));
    const tags = Array.from({ length: 5 }, (_, i) => `${i}`.padEnd(1_000_000, 't'));

    await expect(invoke('db_create_task', { title: 'x', priority: 'nit', tags, projectIds: [] })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'The call is too large: one call may carry at most 4194304 characters of keys and text',
    });
    expect(bridge.calls).toEqual([]);
  });

  it('sends an empty object when a command takes no arguments', async () => {
    const bridge = mockBridge(() => ok('pong'));

    await expect(invoke('ping', {})).resolves.toBe('pong');

    expect(bridge.calls[0]).toEqual({ object: 'app', command: 'ping', args: {} });
  });

  it('rejects with an IpcError carrying the code, message and command of an error envelope', async () => {
    mockBridge(() => err('not_found', 'Failed to update task: no task with id t9'));

    const error = await invoke('db_update_task', { taskId: 't9', title: 'x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IpcError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'IpcError',
      code: 'not_found',
      message: 'Failed to update task: no task with id t9',
      command: 'db_update_task',
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a number', 0],
    ['an object without ok', { data: 1 }],
    ['a failure without an error object', { ok: false }],
  ])('treats %s as an internal "no reply from backend" error', async (_label, reply) => {
    mockBridge(() => reply);

    const error = await invoke('db_get_projects', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'internal', message: 'no reply from backend', command: 'db_get_projects' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('maps an unknown error code from the backend to internal, keeping the message', async () => {
    mockBridge(() => ({ ok: false, error: { code: 'EXPLODED', message: 'disk on fire' } }));

    await expect(invoke('ping', {})).rejects.toMatchObject({ code: 'internal', message: 'disk on fire' });
  });

  it('accepts an envelope sent as one JSON string', async () => {
    mockBridge((_command, args) => JSON.stringify(ok(taskListPage([task], args))));

    await expect(invoke('db_get_tasks', {})).resolves.toEqual([task]);
  });

  it('turns the columns of a task list back into tasks, for scripts too', async () => {
    mockBridge((_command, args) => JSON.stringify(ok(taskListPage([task, { ...task, id: 't2' }], args))));
    installGlobalInvoke();

    await expect(invoke('db_get_project_tasks', { projectId: 'p1' })).resolves.toEqual([task, { ...task, id: 't2' }]);
    await expect(window.__QUIRE__!.invoke('db_get_tasks')).resolves.toEqual([task, { ...task, id: 't2' }]);
  });

  it('rejects a task list that is not in columns as internal, naming the command', async () => {
    mockBridge(() => ok([task]));

    await expect(invoke('db_get_tasks', {})).rejects.toMatchObject({
      name: 'IpcError',
      code: 'internal',
      message: 'The task list from Quire was malformed (no count)',
      command: 'db_get_tasks',
    });
  });

  it('rejects with a TimeoutError after the default 10 s for a single command and leaves no timer', async () => {
    mockBridge(() => NEVER_REPLY);
    const pending = invoke('db_create_task', { title: 'a', priority: 'nit', tags: [], projectIds: [] });
    const outcome = pending.catch((e: unknown) => e);

    await vi.advanceTimersByTimeAsync(9_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);

    const error = await outcome;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      message: "Command 'db_create_task' timed out after 10000ms",
      command: 'db_create_task',
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits 15 s by default for list commands, then cancels them in the backend', async () => {
    const bridge = mockBridge((command) => (command === 'cancel_request' ? ok(true) : NEVER_REPLY));
    const outcome = invoke('db_get_tasks', {}).catch((e: unknown) => e);

    await vi.advanceTimersByTimeAsync(14_999);
    expect(vi.getTimerCount()).toBe(1);
    expect(bridge.callsTo('cancel_request')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);

    expect(await outcome).toMatchObject({ message: "Command 'db_get_tasks' timed out after 15000ms" });
    const listIds = bridge.calls.filter((c) => c.command === 'db_get_tasks').map((c) => c.requestId);
    expect(listIds).toHaveLength(1);
    expect(bridge.callsTo('cancel_request')).toEqual(listIds.map((requestId) => ({ requestId })));
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels a call when its signal aborts: rejects at once and stops it in the backend', async () => {
    const bridge = mockBridge((command) => (command === 'cancel_request' ? ok(true) : NEVER_REPLY));
    const controller = new AbortController();
    const outcome = invoke('db_delete_tasks', { taskIds: ['t1'] }, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);

    controller.abort();

    expect(await outcome).toMatchObject({ name: 'IpcError', code: 'cancelled', command: 'db_delete_tasks' });
    await vi.advanceTimersByTimeAsync(0);
    const [call] = bridge.calls.filter((c) => c.command === 'db_delete_tasks');
    expect(call?.requestId).toEqual(expect.any(String));
    expect(bridge.callsTo('cancel_request')).toEqual([{ requestId: call?.requestId }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends nothing when the signal has already aborted', async () => {
    const bridge = mockBridge(() => ok(null));
    const controller = new AbortController();
    controller.abort();

    await expect(invoke('db_delete_tasks', { taskIds: ['t1'] }, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(bridge.calls).toEqual([]);
  });

  it('does not announce the late reply of a call that was cancelled on purpose', async () => {
    let answer: (reply: unknown) => void = () => {};
    mockBridge((command) =>
      command === 'cancel_request' ? ok(true) : new Promise((resolve) => (answer = resolve)),
    );
    const late = vi.fn();
    const stop = onLateReply(late);
    const controller = new AbortController();
    const outcome = invoke('db_search_tasks', { query: 'milk' }, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);

    controller.abort();
    answer(err('cancelled', 'cancelled; nothing was changed'));
    await vi.advanceTimersByTimeAsync(0);

    expect(await outcome).toMatchObject({ code: 'cancelled' });
    expect(late).not.toHaveBeenCalled();
    stop();
  });

  it('a command that is not cancellable carries no requestId and is not cancelled in the backend', async () => {
    const bridge = mockBridge(() => NEVER_REPLY);
    const controller = new AbortController();
    const outcome = invoke('db_get_task', { taskId: 't1' }, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);

    controller.abort();

    expect(await outcome).toMatchObject({ code: 'cancelled' });
    expect(bridge.calls).toEqual([{ object: 'tasks', command: 'db_get_task', args: { taskId: 't1' } }]);
  });

  it('hands the progress reports of its own call to onProgress, and stops listening when done', async () => {
    let answer: (reply: unknown) => void = () => {};
    const bridge = mockBridge(() => new Promise((resolve) => (answer = resolve)));
    const reports: unknown[] = [];
    const outcome = invoke('db_update_tasks', { taskIds: ['t1'], priority: 'high' }, { onProgress: (p) => reports.push(p) });
    await vi.advanceTimersByTimeAsync(0);
    const requestId = bridge.calls[0]?.requestId ?? '';

    bridge.emit('progress', { requestId, done: 1, total: 2, phase: 'writing' });
    bridge.emit('progress', { requestId: 'someone-else', done: 9, total: 9, phase: 'writing' });
    bridge.emit('progress', { requestId, done: 2, total: 2, phase: 'writing' });
    answer(ok([]));
    await outcome;
    bridge.emit('progress', { requestId, done: 3, total: 3, phase: 'after' });

    expect(reports).toEqual([
      { done: 1, total: 2, phase: 'writing' },
      { done: 2, total: 2, phase: 'writing' },
    ]);
  });

  it('honours a per-call timeout', async () => {
    mockBridge(() => NEVER_REPLY);
    const outcome = invoke('ping', {}, { timeoutMs: 50 }).catch((e: unknown) => e);

    await vi.advanceTimersByTimeAsync(50);

    expect(await outcome).toMatchObject({ name: 'TimeoutError', message: "Command 'ping' timed out after 50ms" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops a reply that arrives after the timeout and announces it so the UI refetches', async () => {
    let answer: (reply: unknown) => void = () => {};
    mockBridge(() => new Promise((resolve) => (answer = resolve)));
    const late = vi.fn();
    const unsubscribe = onLateReply(late);
    const outcome = invoke('db_delete_task', { taskId: 't1' }, { timeoutMs: 100 }).then(
      (v) => ({ resolved: v }),
      (e: unknown) => ({ rejected: e }),
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(await outcome).toEqual({ rejected: expect.any(TimeoutError) as unknown });

    answer(ok(null));
    await vi.advanceTimersByTimeAsync(0);

    expect(late).toHaveBeenCalledWith('db_delete_task');
    expect(vi.getTimerCount()).toBe(0);
    unsubscribe();
  });

  it('rejects an unknown command with invalid_argument without touching the channel', async () => {
    const bridge = mockBridge(() => ok(null));

    const error = await invokeRaw('db_drop_everything', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'invalid_argument', command: 'db_drop_everything' });
    expect((error as Error).message).toContain('db_drop_everything');
    expect(bridge.calls).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not treat inherited object keys as command names', async () => {
    const bridge = mockBridge(() => ok(null));

    await expect(invokeRaw('toString', {})).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(bridge.calls).toHaveLength(0);
  });

  it('rejects arguments that are not a plain object without calling the backend', async () => {
    const bridge = mockBridge(() => ok(null));

    await expect(invokeRaw('db_get_task', ['t1'])).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(bridge.calls).toHaveLength(0);
  });

  it('rejects with an internal error when not running inside Quire, and clears the timer', async () => {
    clearBridgeMocks();

    const error = await invoke('ping', {}).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'IpcError', code: 'internal', command: 'ping' });
    expect((error as Error).message).toMatch(/not running inside quire/i);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('connects to the channel only once for many calls', async () => {
    const construct = vi.fn();
    mockBridge(() => ok('pong'));
    const Fake = window.QWebChannel!;
    window.QWebChannel = class extends (Fake as unknown as new (...a: unknown[]) => object) {
      constructor(...a: unknown[]) {
        construct();
        super(...a);
      }
    };

    await Promise.all([invoke('ping', {}), invoke('ping', {}), invoke('ping', {})]);
    await invoke('ping', {});

    expect(construct).toHaveBeenCalledTimes(1);
  });
});

describe('window.__QUIRE__', () => {
  it('invokes any command by name and returns its data', async () => {
    const bridge = mockBridge((command, args) => ok({ command, args }));
    installGlobalInvoke();

    await expect(window.__QUIRE__!.invoke('db_get_task', { taskId: 't1' })).resolves.toEqual({
      command: 'db_get_task',
      args: { taskId: 't1' },
    });
    expect(bridge.calls).toHaveLength(1);
  });

  it('passes backend errors through unchanged', async () => {
    mockBridge(() => err('invalid_argument', "unknown key 'titel'"));
    installGlobalInvoke();

    await expect(window.__QUIRE__!.invoke('db_create_task', { titel: 'x' })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: "unknown key 'titel'",
    });
  });
});

describe('onLateReply', () => {
  it('stops notifying after unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = onLateReply(listener);
    emitLateReply('ping');
    unsubscribe();
    emitLateReply('ping');

    expect(listener).toHaveBeenCalledTimes(1);
  });
});
