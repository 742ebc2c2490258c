// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { Task } from '@/ipc/contract';
import {
  afterTaskIdForMove,
  allTags,
  buildListItems,
  draftOf,
  emptyFilters,
  taskPatch,
  tasksOf,
} from '@/features/tasks/utils/organise-tasks';
import { makeTask } from '@/testing/fixtures';

const titles = (tasks: Task[]) => tasks.map((t) => t.title);

describe('buildListItems', () => {
  const tasks = [
    makeTask({ title: 'nit old', priority: 'nit', updatedAt: '2024-01-01T00:00:00Z' }),
    makeTask({ title: 'pinned', priority: 'pinned', updatedAt: '2024-01-02T00:00:00Z' }),
    makeTask({ title: 'high newest', priority: 'high', updatedAt: '2024-03-01T00:00:00Z', tags: ['ui'] }),
    makeTask({ title: 'done', status: 'completed', description: 'Shipped the parser' }),
    makeTask({ title: 'doing', status: 'in_progress', priority: 'long term' }),
  ];

  it('groups by status with in-progress first and completed last, pinned first within a group', () => {
    const { items, visibleTasks } = buildListItems(tasks, { ...emptyFilters, sort: 'priority' });

    expect(items.filter((i) => i.kind === 'header').map((i) => i.key)).toEqual(['in_progress', 'backlog', 'completed']);
    expect(titles(visibleTasks)).toEqual(['doing', 'pinned', 'high newest', 'nit old', 'done']);
  });

  it('sorts by last change, newest first, when asked', () => {
    const { visibleTasks } = buildListItems(tasks, { ...emptyFilters, sort: 'updated' });

    expect(titles(visibleTasks).slice(1, 4)).toEqual(['high newest', 'pinned', 'nit old']);
  });

  it('filters by text in title, description or tags, case-insensitively', () => {
    expect(titles(buildListItems(tasks, { ...emptyFilters, text: 'PARSER' }).visibleTasks)).toEqual(['done']);
    expect(titles(buildListItems(tasks, { ...emptyFilters, text: 'ui' }).visibleTasks)).toEqual(['high newest']);
  });

  it('filters a task by what it says now, after a refetch brings it changed', () => {
    const before = makeTask({ title: 'Old words' });
    expect(buildListItems([before], { ...emptyFilters, text: 'old' }).visibleTasks).toHaveLength(1);

    const after = { ...before, title: 'New words' };
    expect(buildListItems([after], { ...emptyFilters, text: 'old' }).visibleTasks).toHaveLength(0);
    expect(buildListItems([after], { ...emptyFilters, text: 'NEW' }).visibleTasks).toHaveLength(1);
  });

  it('does not match text that runs from one field into the next', () => {
    const task = makeTask({ title: 'end', description: 'start', tags: ['tag'] });
    expect(buildListItems([task], { ...emptyFilters, text: 'endstart' }).visibleTasks).toHaveLength(0);
    expect(buildListItems([task], { ...emptyFilters, text: 'start' }).visibleTasks).toHaveLength(1);
  });

  it('keeps search results in their rank, whatever the sort, in one list without headers', () => {
    for (const sort of ['manual', 'priority', 'title', 'updated'] as const) {
      const { items, visibleTasks } = buildListItems(tasks, { ...emptyFilters, sort }, 'search');

      expect(titles(visibleTasks)).toEqual(['nit old', 'pinned', 'high newest', 'done', 'doing']);
      expect(items.every((item) => item.kind === 'task')).toBe(true);
      expect(items.map((item) => (item.kind === 'task' ? item.index : -1))).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('filters search results by tag and priority, keeping their rank', () => {
    const { visibleTasks } = buildListItems(tasks, { ...emptyFilters, priority: 'high' }, 'search');
    expect(titles(visibleTasks)).toEqual(['high newest']);
  });

  it('filters by tag and by priority', () => {
    expect(titles(buildListItems(tasks, { ...emptyFilters, tag: 'ui' }).visibleTasks)).toEqual(['high newest']);
    expect(titles(buildListItems(tasks, { ...emptyFilters, priority: 'nit' }).visibleTasks)).toEqual(['nit old']);
  });

  it('keeps only the tasks that pass every filter set at once', () => {
    const more = [...tasks, makeTask({ title: 'high other', priority: 'high', tags: ['ui'] })];
    const both = { ...emptyFilters, tag: 'ui', priority: 'high' as const };
    expect(titles(buildListItems(more, both).visibleTasks)).toEqual(['high newest', 'high other']);
    expect(titles(buildListItems(more, { ...both, text: ' NEWEST ' }).visibleTasks)).toEqual(['high newest']);
  });

  it('keeps every task when the filter text is only spaces', () => {
    expect(buildListItems(tasks, { ...emptyFilters, text: '   ' }).visibleTasks).toHaveLength(tasks.length);
  });
});

describe('tasksOf', () => {
  const tasks = [makeTask({ id: 'a', title: 'A' }), makeTask({ id: 'b', title: 'B' }), makeTask({ id: 'c', title: 'C' })];

  it('gives the selected tasks in the order they were selected, leaving out ids no longer listed', () => {
    expect(titles(tasksOf(new Set(['c', 'gone', 'a']), tasks))).toEqual(['C', 'A']);
  });

  it('is empty for an empty selection', () => {
    expect(tasksOf(new Set(), tasks)).toEqual([]);
  });
});

describe('allTags', () => {
  it('lists each tag once, numbers in number order', () => {
    const tasks = [makeTask({ tags: ['v10', 'ui'] }), makeTask({ tags: ['v2', 'ui'] }), makeTask({ tags: [] })];
    expect(allTags(tasks)).toEqual(['ui', 'v2', 'v10']);
  });
});

describe('taskPatch', () => {
  const original = makeTask({ title: 'A', description: 'old', complexity: 'easy', tags: ['x'], projectIds: ['p1', 'p2'] });

  it('is empty when nothing changed, even with projects in another order', () => {
    expect(taskPatch(original, { ...draftOf(original), projectIds: ['p2', 'p1'] })).toEqual({});
  });

  it('sends null to clear description and complexity, and the trimmed title', () => {
    expect(taskPatch(original, { ...draftOf(original), title: '  B ', description: '', complexity: null })).toEqual({
      title: 'B',
      description: null,
      complexity: null,
    });
  });
});

describe('taskPatch of dates', () => {
  const original = makeTask({ dueDate: '2026-03-01', recurrence: 'FREQ=MONTHLY' });

  it('sends a new due time and null to stop repeating', () => {
    expect(taskPatch(original, { ...draftOf(original), dueDate: '2026-03-01T09:30', recurrence: null })).toEqual({
      dueDate: '2026-03-01T09:30',
      recurrence: null,
    });
  });
});

describe('buildListItems grouped by dates', () => {
  const today = '2026-11-30';
  const headers = (items: ReturnType<typeof buildListItems>['items']) =>
    items.flatMap((i) => (i.kind === 'header' ? [`${i.label}${i.overdue ? '!' : ''}`] : []));

  it('puts overdue tasks before today, oldest first, marked overdue', () => {
    const tasks = [
      makeTask({ title: 'today timed', dueDate: '2026-11-30T17:00' }),
      makeTask({ title: 'long overdue', dueDate: '2026-11-01' }),
      makeTask({ title: 'today', dueDate: '2026-11-30' }),
      makeTask({ title: 'yesterday', dueDate: '2026-11-29T08:00' }),
    ];
    const { items, visibleTasks } = buildListItems(tasks, emptyFilters, 'today', today);

    expect(headers(items)).toEqual(['Overdue!', 'Today']);
    expect(titles(visibleTasks)).toEqual(['long overdue', 'yesterday', 'today', 'today timed']);
  });

  it('groups Upcoming by day for two weeks, in date order, then later', () => {
    const tasks = [
      makeTask({ title: 'in a month', dueDate: '2026-12-30' }),
      makeTask({ title: 'fri', dueDate: '2026-12-04T10:00' }),
      makeTask({ title: 'tomorrow', dueDate: '2026-12-01' }),
      makeTask({ title: 'fri early', dueDate: '2026-12-04T08:00' }),
    ];
    const { items, visibleTasks } = buildListItems(tasks, emptyFilters, 'upcoming', today);

    expect(headers(items)).toEqual(['Tomorrow', 'Fri', 'Later']);
    expect(titles(visibleTasks)).toEqual(['tomorrow', 'fri early', 'fri', 'in a month']);
  });

  it('shows the Logbook newest completion first', () => {
    const tasks = [
      makeTask({ title: 'older', status: 'completed', completedAt: '2026-11-20T10:00:00.000Z' }),
      makeTask({ title: 'newest', status: 'completed', completedAt: '2026-11-30T10:00:00.000Z' }),
      makeTask({ title: 'same day, earlier', status: 'completed', completedAt: '2026-11-30T09:00:00.000Z' }),
    ];
    const { visibleTasks } = buildListItems(tasks, emptyFilters, 'logbook', today);

    expect(titles(visibleTasks)).toEqual(['newest', 'same day, earlier', 'older']);
  });
});


describe('afterTaskIdForMove', () => {
  const [a, b, c, d] = ['a1', 'a2', 'a3', 'a4'].map((sortKey, i) => makeTask({ title: 'ABCD'[i], sortKey }));
  const all = [a!, b!, c!, d!];

  it('puts a task going down after the task it passes', () => {
    expect(afterTaskIdForMove(all, all, 0, 2)).toBe(c!.id);
  });

  it('puts a task going up after the task before the one it passes, or first', () => {
    expect(afterTaskIdForMove(all, all, 3, 1)).toBe(a!.id);
    expect(afterTaskIdForMove(all, all, 2, 0)).toBeNull();
  });

  it('counts tasks of other groups, hidden from this one, when going up', () => {
    // b is in another group: moving d above c puts it after b, which comes right before c
    expect(afterTaskIdForMove(all, [a!, c!, d!], 2, 1)).toBe(b!.id);
  });
});

describe('sorting', () => {
  it('sorts titles with numbers as numbers, and by the user’s own order when asked', () => {
    const tasks = [
      makeTask({ title: 'Project 10', sortKey: 'a0' }),
      makeTask({ title: 'Project 2', sortKey: 'a2' }),
      makeTask({ title: 'project 1', sortKey: 'a1' }),
    ];
    expect(titles(buildListItems(tasks, { ...emptyFilters, sort: 'title' }).visibleTasks)).toEqual([
      'project 1',
      'Project 2',
      'Project 10',
    ]);
    expect(titles(buildListItems(tasks, { ...emptyFilters, sort: 'manual' }).visibleTasks)).toEqual([
      'Project 10',
      'project 1',
      'Project 2',
    ]);
  });

  it('sorts by due date with undated tasks last', () => {
    const tasks = [
      makeTask({ title: 'undated' }),
      makeTask({ title: 'later', dueDate: '2026-12-24' }),
      makeTask({ title: 'sooner', dueDate: '2026-12-01T09:00' }),
    ];
    expect(titles(buildListItems(tasks, { ...emptyFilters, sort: 'due' }).visibleTasks)).toEqual([
      'sooner',
      'later',
      'undated',
    ]);
  });
});
