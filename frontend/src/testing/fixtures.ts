// SPDX-License-Identifier: MIT
import type { Project, Task } from '@/ipc/contract';

let counter = 0;

export function makeTask(overrides: Partial<Task> = {}): Task {
  counter += 1;
  return {
    id: `task-${counter}`,
    title: `Task ${counter}`,
    description: null,
    priority: 'standard',
    status: 'backlog',
    complexity: null,
    type: null,
    tags: [],
    projectIds: [],
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}

export function makeProject(overrides: Partial<Project> = {}): Project {
  counter += 1;
  return {
    id: `project-${counter}`,
    name: `Project ${counter}`,
    description: null,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}
