// SPDX-License-Identifier: MIT
import { useState } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { Modal } from '@/components/modal';
import { BookIcon, CalendarIcon, InboxIcon, StarIcon } from '@/components/icons';
import { useBackendSync } from '@/app/use-backend-sync';
import { useToday } from '@/app/use-today';
import { useProjects } from '@/features/projects/api/projects-api';
import { ProjectSidebar, type SidebarList } from '@/features/projects/components/project-sidebar';
import { TaskView } from '@/features/tasks/components/task-view';
import type { TaskListSelection, TaskListView } from '@/features/tasks/utils/task-lists';
import type { Project } from '@/ipc/contract';
import { useMediaQuery } from '@/lib/use-media-query';

const noProjects: Project[] = [];

const lists: readonly (SidebarList & { id: TaskListView })[] = [
  { id: 'all', label: 'All tasks', icon: <InboxIcon /> },
  { id: 'today', label: 'Today', icon: <StarIcon /> },
  { id: 'upcoming', label: 'Upcoming', icon: <CalendarIcon /> },
  { id: 'logbook', label: 'Logbook', icon: <BookIcon /> },
];

/** Below this width the lists and projects leave the side for a drawer, and the tasks get the window. */
export const NARROW_WINDOW = '(max-width: 720px)';

const selectionKey = (selection: TaskListSelection) =>
  selection.view === 'project' ? `project:${selection.projectId}` : selection.view;

export function App() {
  useBackendSync();
  const today = useToday();
  const projectsQuery = useProjects();
  const projects = projectsQuery.data ?? noProjects;
  const [chosen, setChosen] = useState<TaskListSelection>({ view: 'all' });
  // A project deleted elsewhere (another window, a script) falls back to "All tasks".
  const project = chosen.view === 'project' ? projects.find((p) => p.id === chosen.projectId) : undefined;
  const selection: TaskListSelection =
    chosen.view === 'project' && projectsQuery.isSuccess && !project ? { view: 'all' } : chosen;
  const heading =
    selection.view === 'project' ? (project?.name ?? '') : lists.find((l) => l.id === selection.view)!.label;
  const key = selectionKey(selection);
  const narrow = useMediaQuery(NARROW_WINDOW);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Choosing a list in the drawer is what the user opened it for: it closes and shows the list.
  const choose = (next: TaskListSelection) => {
    setChosen(next);
    setDrawerOpen(false);
  };

  const sidebar = (
    <ErrorBoundary area="Showing projects">
      <ProjectSidebar
        lists={lists}
        currentListId={selection.view === 'project' ? null : selection.view}
        onSelectList={(id) => choose({ view: id as TaskListView })}
        projects={projects}
        loading={projectsQuery.isPending}
        failed={projectsQuery.isError}
        onRetry={() => void projectsQuery.refetch()}
        selectedId={selection.view === 'project' ? selection.projectId : null}
        onSelect={(projectId) => choose({ view: 'project', projectId })}
        onCurrentProjectDeleted={() => setChosen({ view: 'all' })}
      />
    </ErrorBoundary>
  );

  return (
    <div className={`app-shell${narrow ? ' is-narrow' : ''}`}>
      {narrow ? (
        <Modal
          variant="drawer"
          open={drawerOpen}
          onOpenChange={setDrawerOpen}
          title="Lists and projects"
          testId="navigation-drawer"
        >
          {sidebar}
        </Modal>
      ) : (
        sidebar
      )}
      <main className="main">
        <ErrorBoundary area="Showing tasks" key={key}>
          <TaskView
            key={key}
            selection={selection}
            today={today}
            heading={heading}
            projects={projects}
            onOpenNavigation={narrow ? () => setDrawerOpen(true) : undefined}
          />
        </ErrorBoundary>
      </main>
    </div>
  );
}
