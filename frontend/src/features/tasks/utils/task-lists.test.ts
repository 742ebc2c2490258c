// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { listQueryOf, matchesListQuery } from '@/features/tasks/utils/task-lists';
import { makeTask } from '@/testing/fixtures';

describe('listQueryOf', () => {
  const today = '2026-11-30';

  it('asks the open tasks for All and a project, and every task when completed ones are shown', () => {
    expect(listQueryOf({ view: 'all' }, today)).toEqual({ completed: false });
    expect(listQueryOf({ view: 'project', projectId: 'p' }, today)).toEqual({ completed: false, projectIds: ['p'] });
    expect(listQueryOf({ view: 'project', projectId: 'p' }, today, true)).toEqual({ projectIds: ['p'] });
  });

  it('asks what is due until today for Today, from tomorrow for Upcoming, the completed for the Logbook', () => {
    expect(listQueryOf({ view: 'today' }, today)).toEqual({ completed: false, dueUntil: '2026-11-30' });
    expect(listQueryOf({ view: 'upcoming' }, today)).toEqual({ completed: false, dueFrom: '2026-12-01' });
    expect(listQueryOf({ view: 'logbook' }, today, true)).toEqual({ completed: true });
  });

  it('asks the search for its text alone: results include completed tasks', () => {
    expect(listQueryOf({ view: 'search', query: 'café milk' }, today)).toEqual({ search: 'café milk' });
    expect(listQueryOf({ view: 'search', query: 'café milk' }, today, true)).toEqual({ search: 'café milk' });
  });
});

describe('matchesListQuery', () => {
  it('keeps a task due at any time of the bounding days, and none without a due date', () => {
    const query = { dueFrom: '2026-12-01', dueUntil: '2026-12-02' };
    expect(matchesListQuery(makeTask({ dueDate: '2026-12-01' }), query)).toBe(true);
    expect(matchesListQuery(makeTask({ dueDate: '2026-12-02T23:59' }), query)).toBe(true);
    expect(matchesListQuery(makeTask({ dueDate: '2026-11-30T23:59' }), query)).toBe(false);
    expect(matchesListQuery(makeTask({ dueDate: '2026-12-03' }), query)).toBe(false);
    expect(matchesListQuery(makeTask({ dueDate: null }), query)).toBe(false);
  });

  it('tells completed tasks from open ones, and a project member from others', () => {
    const done = makeTask({ status: 'completed', projectIds: ['p'] });
    expect(matchesListQuery(done, { completed: true })).toBe(true);
    expect(matchesListQuery(done, { completed: false })).toBe(false);
    expect(matchesListQuery(done, { projectIds: ['p'] })).toBe(true);
    expect(matchesListQuery(done, { projectIds: ['q'] })).toBe(false);
    expect(matchesListQuery(done, {})).toBe(true);
  });

  it('keeps every task in search results, completed or not: only the backend decides who belongs', () => {
    expect(matchesListQuery(makeTask({ status: 'completed' }), { search: 'milk' })).toBe(true);
    expect(matchesListQuery(makeTask({ title: 'Unrelated' }), { search: 'milk' })).toBe(true);
  });
});
