// SPDX-License-Identifier: MIT
// The cached project list brought up to date with the backend's change events.
import type { EventPayloadMap, Project } from '@/ipc/contract';

export type ProjectChange = EventPayloadMap['projectsChanged'];

/** Case-insensitively by name, then by id: the backend's order (SqlProjectRepository::findAll). */
function compareProjects(a: Project, b: Project): number {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The projects after `changes`, by name as the backend lists them; null when one is a reset. */
export function applyProjectChanges(projects: readonly Project[], changes: readonly ProjectChange[]): Project[] | null {
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const change of changes) {
    if (change.kind === 'reset') return null;
    for (const id of change.ids) byId.delete(id);
    for (const project of change.projects) byId.set(project.id, project);
  }
  return [...byId.values()].sort(compareProjects);
}
