// SPDX-License-Identifier: MIT
import { useRef, useState, type MouseEvent } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { Modal } from '@/components/modal';
import { BookIcon, CalendarIcon, InboxIcon, StarIcon } from '@/components/icons';
import { ConnectionBanner } from '@/app/connection-banner';
import { useBackendSync } from '@/app/use-backend-sync';
import { useToday } from '@/app/use-today';
import { useUndoActions } from '@/app/use-undo-actions';
import { CommandPalette } from '@/features/commands/components/command-palette';
import { KeysDialog } from '@/features/commands/components/keys-dialog';
import { OpenDatabase } from '@/features/database/components/open-database';
import { useProjects } from '@/features/projects/api/projects-api';
import { ProjectSidebar, type SidebarList } from '@/features/projects/components/project-sidebar';
import { GlobalSearchField } from '@/features/tasks/components/global-search-field';
import { TaskView } from '@/features/tasks/components/task-view';
import { useGlobalSearch } from '@/features/tasks/hooks/use-global-search';
import type { SidebarSelection, TaskListSelection, TaskListView } from '@/features/tasks/utils/task-lists';
import { ThemeSelect } from '@/features/theme/components/theme-select';
import { useThemeActions } from '@/features/theme/hooks/use-theme-actions';
import { DataTransfer } from '@/features/transfer/components/data-transfer';
import type { Project } from '@/ipc/contract';
import { useRegisterActions } from '@/lib/action-registry';
import { useKeyShortcut } from '@/lib/use-key-shortcut';
import { useMenuActions } from '@/lib/use-menu-actions';
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

/** The keys that put the focus in the search of every task; the first is the one shown. */
const SEARCH_KEY = '/';
const SEARCH_KEY_TOO = 'Ctrl+F';

// One search keeps one view while its query changes: the results of a word stay until the next's come.
const selectionKey = (selection: TaskListSelection) =>
  selection.view === 'project' ? `project:${selection.projectId}` : selection.view;

export function App() {
  useBackendSync();
  const today = useToday();
  const projectsQuery = useProjects();
  const projects = projectsQuery.data ?? noProjects;
  const [chosen, setChosen] = useState<SidebarSelection>({ view: 'all' });
  // A project deleted elsewhere (another window, a script) falls back to "All tasks".
  const project = chosen.view === 'project' ? projects.find((p) => p.id === chosen.projectId) : undefined;
  const listSelection: SidebarSelection =
    chosen.view === 'project' && projectsQuery.isSuccess && !project ? { view: 'all' } : chosen;
  // While the search field holds text its results take the main area; the list chosen in the
  // sidebar comes back when the search ends.
  const search = useGlobalSearch();
  const selection: TaskListSelection = search.query ? { view: 'search', query: search.query } : listSelection;
  const heading =
    selection.view === 'search'
      ? `Search: “${selection.query}”`
      : selection.view === 'project'
        ? (project?.name ?? '')
        : lists.find((l) => l.id === selection.view)!.label;
  const key = selectionKey(selection);
  const narrow = useMediaQuery(NARROW_WINDOW);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Choosing a list in the drawer is what the user opened it for: it closes and shows the list.
  // Choosing one ends a search.
  const choose = (next: SidebarSelection) => {
    setChosen(next);
    search.clear();
    setDrawerOpen(false);
  };

  // `/` and Ctrl+F put the focus in the search field, from anywhere; in a narrow window they open
  // the drawer it is in, with the field focused as it appears. The drawer then closes on Enter,
  // leaving the focus to the first result rather than where it was before.
  const searchField = useRef<HTMLInputElement>(null);
  const [drawerForSearch, setDrawerForSearch] = useState(false);
  const [drawerToResults, setDrawerToResults] = useState(false);
  const openDrawer = (forSearch: boolean) => {
    setDrawerForSearch(forSearch);
    setDrawerToResults(false);
    setDrawerOpen(true);
  };
  const focusSearch = () => {
    if (narrow && !drawerOpen) {
      openDrawer(true);
      return;
    }
    searchField.current?.focus();
    searchField.current?.select();
  };
  useKeyShortcut(SEARCH_KEY, focusSearch);
  useKeyShortcut(SEARCH_KEY_TOO, focusSearch);
  const toResults = () => {
    if (!search.text.trim()) return;
    search.submit();
    if (drawerOpen) {
      setDrawerToResults(true);
      setDrawerOpen(false);
    }
  };

  useRegisterActions([
    {
      id: 'search-tasks',
      label: 'Search all tasks',
      group: 'Navigation' as const,
      shortcut: SEARCH_KEY,
      keywords: ['find', 'search', SEARCH_KEY_TOO],
      run: focusSearch,
    },
    ...lists.map(({ id, label }) => ({
      id: `go-to:${id}`,
      label: `Go to ${label}`,
      group: 'Navigation' as const,
      keywords: ['list', 'view'],
      run: () => choose({ view: id }),
    })),
    ...projects.map(({ id, name }) => ({
      id: `go-to:project:${id}`,
      label: `Go to ${name}`,
      group: 'Navigation' as const,
      keywords: ['project'],
      run: () => choose({ view: 'project', projectId: id }),
    })),
  ]);
  useThemeActions();
  useUndoActions();
  useMenuActions();

  const sidebar = (
    <ErrorBoundary area="Showing projects">
      <ProjectSidebar
        search={
          <GlobalSearchField
            ref={searchField}
            value={search.text}
            onChange={search.change}
            onClear={search.clear}
            onSubmit={toResults}
            focusOnMount={narrow && drawerForSearch}
          />
        }
        lists={lists}
        currentListId={selection.view === 'project' || selection.view === 'search' ? null : selection.view}
        onSelectList={(id) => choose({ view: id as TaskListView })}
        projects={projects}
        loading={projectsQuery.isPending}
        failed={projectsQuery.isError}
        onRetry={() => void projectsQuery.refetch()}
        selectedId={selection.view === 'project' ? selection.projectId : null}
        onSelect={(projectId) => choose({ view: 'project', projectId })}
        onCurrentProjectDeleted={() => setChosen({ view: 'all' })}
        footer={<ThemeSelect />}
      />
    </ErrorBoundary>
  );

  // The first Tab stop: past the search, the lists and every project, to the list's active row
  // (or the main area while there is none). Focused by script rather than by #fragment, which
  // would be a navigation for the page to allow.
  const mainRef = useRef<HTMLElement>(null);
  const skipToTasks = (event: MouseEvent) => {
    event.preventDefault();
    const row = mainRef.current?.querySelector<HTMLElement>('[data-testid="task-row"][tabindex="0"]');
    (row ?? mainRef.current)?.focus();
  };

  return (
    <div className={`app-shell${narrow ? ' is-narrow' : ''}`}>
      <a href="#tasks" className="skip-link" data-testid="skip-to-tasks" onClick={skipToTasks}>
        Skip to tasks
      </a>
      {narrow ? (
        <Modal
          variant="drawer"
          open={drawerOpen}
          onOpenChange={(open) => (open ? openDrawer(false) : setDrawerOpen(false))}
          title="Lists and projects"
          testId="navigation-drawer"
          // Enter in its search field: the results take the focus, not what had it before.
          onReturnFocus={drawerToResults ? () => {} : undefined}
        >
          {sidebar}
        </Modal>
      ) : (
        sidebar
      )}
      <main className="main" id="tasks" ref={mainRef} tabIndex={-1}>
        <ConnectionBanner />
        <ErrorBoundary area="Showing tasks" key={key}>
          <TaskView
            key={key}
            selection={selection}
            today={today}
            heading={heading}
            projects={projects}
            onOpenNavigation={narrow ? () => openDrawer(false) : undefined}
            resultsFocusRequest={search.resultsFocusRequest}
          />
        </ErrorBoundary>
      </main>
      <CommandPalette />
      <KeysDialog />
      <OpenDatabase />
      <DataTransfer />
    </div>
  );
}
