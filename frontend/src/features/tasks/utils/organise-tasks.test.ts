// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { Task } from '@/ipc/contract';
import { buildListItems, emptyFilters, taskPatch, type TaskDraft } from '@/features/tasks/utils/organise-tasks';
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
    const { items, visibleTasks } = buildListItems(tasks, emptyFilters);

    expect(items.filter((i) => i.kind === 'header').map((i) => i.status)).toEqual(['in_progress', 'backlog', 'completed']);
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

  it('filters by tag and by priority', () => {
    expect(titles(buildListItems(tasks, { ...emptyFilters, tag: 'ui' }).visibleTasks)).toEqual(['high newest']);
    expect(titles(buildListItems(tasks, { ...emptyFilters, priority: 'nit' }).visibleTasks)).toEqual(['nit old']);
  });
});

describe('taskPatch', () => {
  const original = makeTask({ title: 'A', description: 'old', complexity: 'easy', tags: ['x'], projectIds: ['p1', 'p2'] });
  const draftOf = (t: Task): TaskDraft => ({
    title: t.title,
    description: t.description ?? '',
    status: t.status,
    priority: t.priority,
    complexity: t.complexity,
    type: t.type,
    tags: t.tags,
    projectIds: t.projectIds,
  });

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
