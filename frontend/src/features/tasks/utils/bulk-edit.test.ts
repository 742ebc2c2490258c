// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { bulkUpdates, describeBulkChange } from '@/features/tasks/utils/bulk-edit';
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

  it('adds a tag with one update per resulting list of tags', () => {
    expect(bulkUpdates([a, b, c], { kind: 'add-tag', value: ' y ' })).toEqual([
      { ids: ['a', 'c'], patch: { tags: ['y'] } },
      { ids: ['b'], patch: { tags: ['x', 'y'] } },
    ]);
    expect(bulkUpdates([b], { kind: 'add-tag', value: 'x' })).toEqual([]);
    expect(bulkUpdates([a], { kind: 'add-tag', value: '  ' })).toEqual([]);
  });

  it('removes a tag or a project only from the tasks that have it', () => {
    expect(bulkUpdates([a, b], { kind: 'remove-tag', value: 'x' })).toEqual([{ ids: ['b'], patch: { tags: [] } }]);
    expect(bulkUpdates([a, b, c], { kind: 'remove-project', value: 'p1' })).toEqual([
      { ids: ['a'], patch: { projectIds: [] } },
      { ids: ['c'], patch: { projectIds: ['p2'] } },
    ]);
    expect(bulkUpdates([a, b, c], { kind: 'add-project', value: 'p2' })).toEqual([
      { ids: ['a'], patch: { projectIds: ['p1', 'p2'] } },
      { ids: ['b'], patch: { projectIds: ['p2'] } },
    ]);
  });

  it('says what changed, for the undo toast', () => {
    const name = (id: string) => (id === 'p1' ? 'Home' : id);
    expect(describeBulkChange({ kind: 'status', value: 'in_progress' }, 3, name)).toBe('Status set to in progress on 3 tasks');
    expect(describeBulkChange({ kind: 'add-project', value: 'p1' }, 1, name)).toBe('1 task added to “Home”');
  });
});
