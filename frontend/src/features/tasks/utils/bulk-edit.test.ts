// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { bulkUpdates, describeBulkChange, patchedTask } from '@/features/tasks/utils/bulk-edit';
import { makeTask } from '@/testing/fixtures';

const a = makeTask({ id: 'a', tags: [], priority: 'high', projectIds: ['p1'] });
const b = makeTask({ id: 'b', tags: ['x'], priority: 'standard', projectIds: [] });
const c = makeTask({ id: 'c', tags: [], priority: 'standard', projectIds: ['p1', 'p2'] });

describe('bulk changes', () => {
  it('sets a priority or status in one update, leaving out the tasks that have it already', () => {
    expect(bulkUpdates([a, b, c], { kind: 'priority', value: 'standard' })).toEqual([{ ids: ['a'], patch: { priority: 'standard' } }]);
    expect(bulkUpdates([a, b], { kind: 'status', value: 'blocked' })).toEqual([{ ids: ['a', 'b'], patch: { status: 'blocked' } }]);
    expect(bulkUpdates([b, c], { kind: 'priority', value: 'standard' })).toEqual([]);
  });

  it('adds a tag in one update, to the tasks that lack it, each keeping its own tags', () => {
    expect(bulkUpdates([a, b, c], { kind: 'add-tag', value: ' y ' })).toEqual([{ ids: ['a', 'b', 'c'], patch: { addTags: ['y'] } }]);
    expect(bulkUpdates([a, b, c], { kind: 'add-tag', value: 'x' })).toEqual([{ ids: ['a', 'c'], patch: { addTags: ['x'] } }]);
    expect(bulkUpdates([b], { kind: 'add-tag', value: 'x' })).toEqual([]);
    expect(bulkUpdates([a], { kind: 'add-tag', value: '  ' })).toEqual([]);
  });

  it('removes a tag or a project only from the tasks that have it, in one update', () => {
    expect(bulkUpdates([a, b], { kind: 'remove-tag', value: 'x' })).toEqual([{ ids: ['b'], patch: { removeTags: ['x'] } }]);
    expect(bulkUpdates([a, b, c], { kind: 'remove-project', value: 'p1' })).toEqual([
      { ids: ['a', 'c'], patch: { removeProjectIds: ['p1'] } },
    ]);
    expect(bulkUpdates([a, b, c], { kind: 'add-project', value: 'p2' })).toEqual([
      { ids: ['a', 'b'], patch: { addProjectIds: ['p2'] } },
    ]);
  });

  it('makes of a task what the backend makes of it: fields set, list items added after its own and removed', () => {
    expect(patchedTask(c, { priority: 'high', addTags: [' y ', 'y'], removeProjectIds: ['p1'] })).toEqual({
      ...c,
      priority: 'high',
      tags: ['y'],
      projectIds: ['p2'],
    });
    expect(patchedTask(b, { addTags: ['x', 'z'], addProjectIds: ['p1'] })).toEqual({ ...b, tags: ['x', 'z'], projectIds: ['p1'] });
    expect(patchedTask(b, { removeTags: ['x'] }).tags).toEqual([]);
    expect(patchedTask(a, { tags: ['w'] }).tags).toEqual(['w']);
  });

  it('says what changed, for the undo toast', () => {
    const name = (id: string) => (id === 'p1' ? 'Home' : id);
    expect(describeBulkChange({ kind: 'status', value: 'in_progress' }, 3, name)).toBe('Status set to in progress on 3 tasks');
    expect(describeBulkChange({ kind: 'add-project', value: 'p1' }, 1, name)).toBe('1 task added to “Home”');
  });
});
