// SPDX-License-Identifier: MIT
import { describe, expect, it, vi } from 'vitest';
import { onActionRequested, onProjectsChanged, onTasksChanged, parsePayload } from '@/ipc/events';
import { mockBridge, ok } from '@/testing/mock-bridge';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('backend change events', () => {
  it('calls the listener each time the tasks object emits tasksChanged', async () => {
    const bridge = mockBridge(() => ok(null));
    const listener = vi.fn();
    onTasksChanged(listener);
    await flush();

    bridge.emit('tasksChanged');
    bridge.emit('tasksChanged');

    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('hands the listener what changed, as the contract describes it', async () => {
    const bridge = mockBridge(() => ok(null));
    const listener = vi.fn();
    onTasksChanged(listener);
    await flush();

    bridge.emit('tasksChanged', { kind: 'deleted', ids: ['t1'], tasks: [] });

    expect(listener).toHaveBeenCalledWith({ kind: 'deleted', ids: ['t1'], tasks: [] });
  });

  it('takes a missing or malformed payload for a reset, so views load again rather than guess', () => {
    const reset = { kind: 'reset', ids: [], tasks: [] };
    expect(parsePayload('tasksChanged', undefined)).toEqual(reset);
    expect(parsePayload('tasksChanged', { kind: 'renamed', ids: [], tasks: [] })).toEqual(reset);
    expect(parsePayload('tasksChanged', { kind: 'upserted', ids: 't1', tasks: [] })).toEqual(reset);
    expect(parsePayload('projectsChanged', { kind: 'deleted', ids: ['p1'] })).toEqual({
      kind: 'reset',
      ids: [],
      projects: [],
    });
  });

  it('keeps projectsChanged separate from tasksChanged', async () => {
    const bridge = mockBridge(() => ok(null));
    const tasks = vi.fn();
    const projects = vi.fn();
    onTasksChanged(tasks);
    onProjectsChanged(projects);
    await flush();

    bridge.emit('projectsChanged');

    expect(projects).toHaveBeenCalledTimes(1);
    expect(tasks).not.toHaveBeenCalled();
  });

  it('disconnects from the signal on unsubscribe', async () => {
    const bridge = mockBridge(() => ok(null));
    const listener = vi.fn();
    const unsubscribe = onTasksChanged(listener);
    await flush();
    expect(bridge.listenerCount('tasksChanged')).toBe(1);

    unsubscribe();
    bridge.emit('tasksChanged');

    expect(bridge.listenerCount('tasksChanged')).toBe(0);
    expect(listener).not.toHaveBeenCalled();
  });

  it('never connects when unsubscribed before the channel is ready', async () => {
    const bridge = mockBridge(() => ok(null));
    const unsubscribe = onTasksChanged(vi.fn());
    unsubscribe();
    await flush();

    expect(bridge.listenerCount('tasksChanged')).toBe(0);
  });
});

describe('the backend’s requests to the page', () => {
  it('hands over a menu bar request as the contract describes it, and ignores a malformed one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bridge = mockBridge(() => ok(null));
    const requests = vi.fn();
    onActionRequested(requests);
    await flush();
    const emit = (payload: unknown) => bridge.emit('actionRequested', payload as never);

    emit(undefined);
    emit({ action: null });
    emit('transfer.export-csv');
    expect(requests).not.toHaveBeenCalled();

    emit({ action: 'transfer.export-csv' });
    expect(requests).toHaveBeenCalledWith({ action: 'transfer.export-csv' });
  });
});
