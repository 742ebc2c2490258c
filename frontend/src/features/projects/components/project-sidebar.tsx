// SPDX-License-Identifier: MIT
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FolderIcon, PencilIcon, PlusIcon, TrashIcon } from '@/components/icons';
import { useDeleteProject } from '@/features/projects/api/projects-api';
import { ProjectDialog } from '@/features/projects/components/project-dialog';
import type { Project } from '@/ipc/contract';

/** A list above the projects (All tasks, Today, ...), which the app defines. */
export interface SidebarList {
  id: string;
  label: string;
  icon: ReactNode;
}

interface ProjectSidebarProps {
  lists: readonly SidebarList[];
  /** The list shown, when it is not a project. */
  currentListId: string | null;
  onSelectList: (listId: string) => void;
  projects: Project[];
  loading: boolean;
  failed: boolean;
  onRetry: () => void;
  /** The project shown, if one is. */
  selectedId: string | null;
  onSelect: (projectId: string) => void;
  /** After the shown project was deleted. */
  onCurrentProjectDeleted: () => void;
  /** Settings at the bottom (the theme), which the app provides. */
  footer?: ReactNode;
  /** At the top, above the lists: the search of every task, which the app provides. */
  search?: ReactNode;
}

/**
 * One Tab stop per project, its name: → and ← walk its name, Rename and Delete (shown while the
 * entry has the focus), ↑ and ↓ go to the project above or below. So Tab gets past the projects
 * to the list in as many stops as there are projects, not three times as many.
 */
function onProjectKeyDown(event: KeyboardEvent<HTMLLIElement>) {
  const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
  const step = moves[event.key];
  if (step !== undefined) {
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const next = buttons[buttons.indexOf(event.target as HTMLButtonElement) + step];
    if (next) {
      event.preventDefault();
      next.focus();
    }
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const entry = event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
  const name = entry?.querySelector<HTMLElement>('[data-testid="project-item"]');
  if (name) {
    event.preventDefault();
    name.focus();
  }
}

type DialogState = { mode: 'create' } | { mode: 'rename'; project: Project } | null;

export function ProjectSidebar({
  lists,
  currentListId,
  onSelectList,
  projects,
  loading,
  failed,
  onRetry,
  selectedId,
  onSelect,
  onCurrentProjectDeleted,
  footer,
  search,
}: ProjectSidebarProps) {
  const [dialog, setDialog] = useState<DialogState>(null);
  const [pendingDelete, setPendingDelete] = useState<Project | null>(null);
  const deleteProject = useDeleteProject();

  const confirmDelete = () => {
    if (!pendingDelete) return;
    const { id } = pendingDelete;
    deleteProject.mutate(id, { onSuccess: () => selectedId === id && onCurrentProjectDeleted() });
    setPendingDelete(null);
  };

  return (
    <nav className="sidebar" aria-label="Projects">
      {search ? <div className="sidebar-search">{search}</div> : null}
      <ul className="list-nav">
        {lists.map((list) => (
          <li key={list.id}>
            <button
              type="button"
              className={`nav-item${currentListId === list.id ? ' is-current' : ''}`}
              data-testid={list.id === 'all' ? 'all-tasks' : `list-${list.id}`}
              aria-current={currentListId === list.id ? 'page' : undefined}
              onClick={() => onSelectList(list.id)}
            >
              {list.icon}
              <span>{list.label}</span>
            </button>
          </li>
        ))}
      </ul>

      <div className="sidebar-heading">
        <h2>Projects</h2>
        <button
          type="button"
          className="icon-button"
          data-testid="new-project-button"
          aria-label="New project"
          title="New project"
          onClick={() => setDialog({ mode: 'create' })}
        >
          <PlusIcon />
        </button>
      </div>

      {loading ? <p className="sidebar-note muted">Loading…</p> : null}
      {failed ? (
        <p className="sidebar-note">
          Projects could not be loaded.{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            Retry
          </button>
        </p>
      ) : null}
      {!loading && !failed && projects.length === 0 ? <p className="sidebar-note muted">No projects yet.</p> : null}

      <ul className="project-list">
        {projects.map((project) => (
          <li
            key={project.id}
            className={`project-entry${selectedId === project.id ? ' is-current' : ''}`}
            onKeyDown={onProjectKeyDown}
          >
            <button
              type="button"
              className="nav-item"
              data-testid="project-item"
              aria-current={selectedId === project.id ? 'page' : undefined}
              onClick={() => onSelect(project.id)}
              title={project.description ?? project.name}
              aria-keyshortcuts="ArrowRight ArrowUp ArrowDown"
            >
              <FolderIcon />
              <span className="nav-label">
                {project.name}
              </span>
            </button>
            <span className="project-actions">
              <button
                type="button"
                className="icon-button"
                aria-label={`Rename project ${project.name}`}
                tabIndex={-1}
                onClick={() => setDialog({ mode: 'rename', project })}
              >
                <PencilIcon width={14} height={14} />
              </button>
              <button
                type="button"
                className="icon-button danger"
                data-testid="delete-project"
                aria-label={`Delete project ${project.name}`}
                tabIndex={-1}
                onClick={() => setPendingDelete(project)}
              >
                <TrashIcon width={14} height={14} />
              </button>
            </span>
          </li>
        ))}
      </ul>

      {dialog ? (
        <ProjectDialog
          project={dialog.mode === 'rename' ? dialog.project : null}
          onClose={() => setDialog(null)}
          onCreated={(created) => onSelect(created.id)}
        />
      ) : null}
      <ConfirmDialog
        open={pendingDelete !== null}
        onOpenChange={(open) => !open && setPendingDelete(null)}
        title="Delete project?"
        description={`“${pendingDelete?.name ?? ''}” will be deleted; its tasks stay. Ctrl+Z brings it back.`}
        confirmLabel="Delete project"
        onConfirm={confirmDelete}
      />
      {footer ? <div className="sidebar-footer">{footer}</div> : null}
    </nav>
  );
}
