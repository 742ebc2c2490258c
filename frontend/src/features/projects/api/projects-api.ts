// SPDX-License-Identifier: MIT
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import {
  invokeDbCreateProject,
  invokeDbDeleteProject,
  invokeDbGetProjects,
  invokeDbUpdateProject,
  type ProjectPatch,
} from '@/ipc/commands';

export const projectKeys = { all: ['projects'] as const };

export function projectsQuery() {
  return queryOptions({
    queryKey: projectKeys.all,
    queryFn: () => invokeDbGetProjects(),
    meta: { action: 'Loading projects' },
  });
}

export function useProjects() {
  return useQuery(projectsQuery());
}

// Writes need no cache invalidation here: the bridge signals projectsChanged (and tasksChanged when
// a deletion unlinks tasks) after every successful write; app/use-backend-sync.ts refetches.

export function useCreateProject() {
  return useMutation({
    mutationFn: ({ name, description }: { name: string; description?: string }) =>
      invokeDbCreateProject({ name, description }),
    meta: { action: 'Creating project', inlineErrors: true },
  });
}

export function useUpdateProject() {
  return useMutation({
    mutationFn: ({ projectId, patch }: { projectId: string; patch: ProjectPatch }) =>
      invokeDbUpdateProject({ ...patch, projectId }),
    meta: { action: 'Saving project', inlineErrors: true },
  });
}

export function useDeleteProject() {
  return useMutation({
    mutationFn: (projectId: string) => invokeDbDeleteProject({ projectId }),
    meta: { action: 'Deleting project' },
  });
}
