// SPDX-License-Identifier: MIT
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  invokeDbCreateProject,
  invokeDbDeleteProject,
  invokeDbGetProjects,
  invokeDbUpdateProject,
  type ProjectPatch,
} from '@/ipc/commands';

export const projectKeys = { all: ['projects'] as const };

export function useProjects() {
  return useQuery({
    queryKey: projectKeys.all,
    queryFn: () => invokeDbGetProjects(),
    meta: { action: 'Loading projects' },
  });
}

// Project changes also change tasks' projectIds, so both caches are refreshed.
const invalidate = (client: QueryClient) =>
  Promise.all([
    client.invalidateQueries({ queryKey: projectKeys.all }),
    client.invalidateQueries({ queryKey: ['tasks'] }),
  ]);

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, description }: { name: string; description?: string }) =>
      invokeDbCreateProject(name, description),
    meta: { action: 'Creating project', inlineErrors: true },
    onSettled: () => invalidate(client),
  });
}

export function useUpdateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, patch }: { projectId: string; patch: ProjectPatch }) =>
      invokeDbUpdateProject(projectId, patch),
    meta: { action: 'Saving project', inlineErrors: true },
    onSettled: () => invalidate(client),
  });
}

export function useDeleteProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (projectId: string) => invokeDbDeleteProject(projectId),
    meta: { action: 'Deleting project' },
    onSettled: () => invalidate(client),
  });
}
