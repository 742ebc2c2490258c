// SPDX-License-Identifier: MIT
import { useState } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { useBackendSync } from '@/app/use-backend-sync';
import { useProjects } from '@/features/projects/api/projects-api';
import { ProjectSidebar } from '@/features/projects/components/project-sidebar';
import { TaskView } from '@/features/tasks/components/task-view';
import type { Project } from '@/ipc/contract';

const noProjects: Project[] = [];

export function App() {
  useBackendSync();
  const projectsQuery = useProjects();
  const projects = projectsQuery.data ?? noProjects;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // A project deleted elsewhere (another window, a script) falls back to "All tasks".
  const selected = projects.find((p) => p.id === selectedId) ?? null;
  const projectId = projectsQuery.isSuccess ? (selected?.id ?? null) : selectedId;

  return (
    <div className="app-shell">
      <ErrorBoundary area="Showing projects">
        <ProjectSidebar
          projects={projects}
          loading={projectsQuery.isPending}
          failed={projectsQuery.isError}
          onRetry={() => void projectsQuery.refetch()}
          selectedId={projectId}
          onSelect={setSelectedId}
        />
      </ErrorBoundary>
      <main className="main">
        <ErrorBoundary area="Showing tasks" key={projectId ?? 'all'}>
          <TaskView
            key={projectId ?? 'all'}
            projectId={projectId}
            heading={selected?.name ?? 'All tasks'}
            projects={projects}
          />
        </ErrorBoundary>
      </main>
    </div>
  );
}
