// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { applyTaskChanges, type TaskChange } from '@/features/tasks/utils/apply-task-changes';
import type { Task } from '@/ipc/contract';
import { makeTask } from '@/testing/fixtures';

const at = (minute: number) => `2024-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
const upserted = (...tasks: Task[]): TaskChange => ({ kind: 'upserted', ids: tasks.map((t) => t.id), tasks });
const deleted = (...ids: string[]): TaskChange => ({ kind: 'deleted', ids, tasks: [] });
const titles = (tasks: Task[] | null) => tasks?.map((t) => t.title);

describe('applyTaskChanges', () => {
  const first = makeTask({ title: 'First', createdAt: at(1), projectIds: ['home'] });
  const second = makeTask({ title: 'Second', createdAt: at(2) });
  const third = makeTask({ title: 'Third', createdAt: at(3), projectIds: ['home'] });
  const all = [first, second, third];

  it('replaces a changed task where it stands', () => {
    const renamed = { ...second, title: 'Second, renamed' };
    expect(titles(applyTaskChanges(all, {}, [upserted(renamed)]))).toEqual(['First', 'Second, renamed', 'Third']);
  });

  it('puts a new task in creation order, after those created at the same time', () => {
    const newest = makeTask({ title: 'Newest', createdAt: at(9) });
    const twin = makeTask({ title: 'Twin of second', createdAt: at(2) });
    expect(titles(applyTaskChanges(all, {}, [upserted(newest, twin)]))).toEqual([
      'First',
      'Second',
      'Twin of second',
      'Third',
      'Newest',
    ]);
  });

  it('drops deleted tasks and ignores ids it does not hold', () => {
    expect(titles(applyTaskChanges(all, {}, [deleted(first.id, 'elsewhere')]))).toEqual(['Second', 'Third']);
  });

  it("keeps a project's list to the tasks of that project", () => {
    const home = [first, third];
    const movedOut = { ...first, projectIds: [] };
    const movedIn = { ...second, projectIds: ['home'] };
    const elsewhere = makeTask({ title: 'Elsewhere', createdAt: at(5), projectIds: ['work'] });
    expect(titles(applyTaskChanges(home, { projectIds: ['home'] }, [upserted(movedOut, movedIn, elsewhere)]))).toEqual([
      'Second',
      'Third',
    ]);
  });

  it('applies several changes in the order they came', () => {
    const again = { ...third, title: 'Third again' };
    expect(titles(applyTaskChanges(all, {}, [deleted(third.id), upserted(again)]))).toEqual([
      'First',
      'Second',
      'Third again',
    ]);
  });

  it('asks for the list to be loaded again after a reset', () => {
    expect(applyTaskChanges(all, {}, [upserted(first), { kind: 'reset', ids: [], tasks: [] }])).toBeNull();
  });

  it('asks for search results to be loaded again after any change, and keeps them when there is none', () => {
    const renamed = { ...second, title: 'Second, renamed' };
    expect(applyTaskChanges(all, { search: 'sec' }, [upserted(renamed)])).toBeNull();
    expect(applyTaskChanges(all, { search: 'sec' }, [deleted('elsewhere')])).toBeNull();
    expect(titles(applyTaskChanges(all, { search: 'sec' }, []))).toEqual(['First', 'Second', 'Third']);
  });

  it('leaves the given list untouched', () => {
    const before = [...all];
    applyTaskChanges(all, {}, [deleted(first.id)]);
    expect(all).toEqual(before);
  });
});
