// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { applyProjectChanges } from '@/features/projects/utils/apply-project-changes';
import { makeProject } from '@/testing/fixtures';

describe('applyProjectChanges', () => {
  const garden = makeProject({ name: 'Garden' });
  const home = makeProject({ name: 'home' });

  it('adds, renames and removes projects and keeps them by name, case aside', () => {
    const attic = makeProject({ name: 'Attic' });
    const renamed = { ...garden, name: 'Zoo' };
    const projects = applyProjectChanges(
      [garden, home],
      [
        { kind: 'upserted', ids: [attic.id], projects: [attic] },
        { kind: 'upserted', ids: [garden.id], projects: [renamed] },
      ],
    );
    expect(projects?.map((p) => p.name)).toEqual(['Attic', 'home', 'Zoo']);
    expect(applyProjectChanges([garden, home], [{ kind: 'deleted', ids: [home.id], projects: [] }])).toEqual([garden]);
  });

  it('asks for the list to be loaded again after a reset', () => {
    expect(applyProjectChanges([garden], [{ kind: 'reset', ids: [], projects: [] }])).toBeNull();
  });
});
