// SPDX-License-Identifier: MIT
import { useDeferredValue, useMemo, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { MenuIcon, PlusIcon, SearchIcon } from '@/components/icons';
import { useDeleteTasks, useMoveTask, useSetTaskStatus, useTaskCount, useTasks } from '@/features/tasks/api/tasks-api';
import { QuickAdd } from '@/features/tasks/components/quick-add';
import { TaskDialog } from '@/features/tasks/components/task-dialog';
import { TaskList } from '@/features/tasks/components/task-list';
import { useNewTaskShortcut } from '@/features/tasks/hooks/use-new-task-shortcut';
import {
  afterTaskIdForMove,
  allTags,
  buildListItems,
  emptyFilters,
  groupRanges,
  sortLabels,
  type Grouping,
  type SortOrder,
  type TaskDraft,
  type TaskFilters,
} from '@/features/tasks/utils/organise-tasks';
import { listQueryOf, type TaskListSelection } from '@/features/tasks/utils/task-lists';
import { enums, type Priority, type Project, type Task } from '@/ipc/contract';

interface TaskViewProps {
  selection: TaskListSelection;
  /** YYYY-MM-DD: what Today and Upcoming count from. */
  today: string;
  heading: string;
  projects: Project[];
  /** In a narrow window: opens the lists and projects, which are then not beside the tasks. */
  onOpenNavigation?: () => void;
}

const groupingOf: Record<TaskListSelection['view'], Grouping> = {
  all: 'status',
  project: 'status',
  today: 'today',
  upcoming: 'upcoming',
  logbook: 'logbook',
};

/** What an empty list says: what belongs there, and how to put something there. */
const emptyMessages: Record<TaskListSelection['view'], { title: string; hint: string }> = {
  all: { title: 'No open tasks', hint: 'Press N or use “New task” to add one.' },
  project: { title: 'No open tasks in this project', hint: 'Press N or use “New task” to add one.' },
  today: { title: 'Nothing due today', hint: 'Tasks due today, and overdue ones, show here.' },
  upcoming: { title: 'Nothing coming up', hint: 'Give a task a due date to plan it here.' },
  logbook: { title: 'No completed tasks yet', hint: 'Tasks you complete are kept here, newest first.' },
};

type DialogState = { mode: 'create'; prefill?: Partial<TaskDraft> } | { mode: 'edit'; task: Task } | null;

export function TaskView({ selection, today, heading, projects, onOpenNavigation }: TaskViewProps) {
  const [showCompleted, setShowCompleted] = useState(false);
  const canShowCompleted = selection.view === 'all' || selection.view === 'project';
  const tasksQuery = useTasks(listQueryOf(selection, today, canShowCompleted && showCompleted));
  const completedCount = useTaskCount({ ...listQueryOf(selection, today, true), completed: true }, canShowCompleted);
  const projectId = selection.view === 'project' ? selection.projectId : null;
  const setStatus = useSetTaskStatus();
  const moveTask = useMoveTask();
  const deleteTasks = useDeleteTasks();
  const [filters, setFilters] = useState<TaskFilters>(emptyFilters);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [pendingDelete, setPendingDelete] = useState<Task[] | null>(null);
  // Bumped when a dialog about the focused task closes: the list gives its row the focus back
  // (or the row now in its place), so the keyboard carries on where it was.
  const [focusSignal, setFocusSignal] = useState(0);
  const refocusList = () => setFocusSignal((n) => n + 1);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [activeIndex, setActiveIndex] = useState(0);

  const tasks = useMemo(() => tasksQuery.data ?? [], [tasksQuery.data]);
  // The field shows each key at once; the list follows as soon as it can (100 000 tasks to sift).
  const listFilters = useDeferredValue(filters);
  const grouping = groupingOf[selection.view];
  const { items, visibleTasks } = useMemo(
    () => buildListItems(tasks, listFilters, grouping, today),
    [tasks, listFilters, grouping, today],
  );
  const tags = useMemo(() => allTags(tasks), [tasks]);
  // The user's own order is the one a row can be moved in (by drag, or Alt+↑/↓), within its group;
  // Today, Upcoming and the Logbook order by date first, where a move would show nothing.
  const manual = listFilters.sort === 'manual' && grouping === 'status';
  const ranges = useMemo(() => (manual ? groupRanges(items) : null), [manual, items]);
  const move = (from: number, to: number) => {
    const task = visibleTasks[from];
    if (!task) return;
    moveTask.mutate({ taskId: task.id, afterTaskId: afterTaskIdForMove(tasks, visibleTasks, from, to) });
  };
  const moveByKey = (from: number, direction: -1 | 1) => {
    if (grouping !== 'status') return;
    if (!ranges) {
      // Moving means the user's own order: switch to it; the next Alt+arrow moves.
      updateFilter('sort', 'manual');
      return;
    }
    const [first, last] = ranges[from] ?? [from, from];
    const to = from + direction;
    if (to >= first && to <= last) move(from, to);
  };
  const byId = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);
  const selectedTasks = [...selectedIds].map((id) => byId.get(id)).filter((t): t is Task => t !== undefined);

  useNewTaskShortcut(() => setDialog({ mode: 'create' }));

  const updateFilter = <K extends keyof TaskFilters>(key: K, value: TaskFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  const toggleSelected = (task: Task) =>
    setSelectedIds((ids) => {
      const next = new Set(ids);
      if (!next.delete(task.id)) next.add(task.id);
      return next;
    });

  const confirmDelete = () => {
    if (!pendingDelete) return;
    const ids = pendingDelete.map((t) => t.id);
    deleteTasks.mutate(ids, {
      onSuccess: () =>
        setSelectedIds((current) => new Set([...current].filter((id) => !ids.includes(id)))),
    });
    setPendingDelete(null);
  };

  const completeSelected = () => {
    setStatus.mutate({ ids: selectedTasks.map((t) => t.id), status: 'completed' });
    setSelectedIds(new Set());
  };

  const count = tasks.length;
  let body;
  if (tasksQuery.isPending) {
    body = <p className="panel-message muted">Loading tasks…</p>;
  } else if (tasksQuery.isError) {
    body = (
      <div className="panel-message" role="status">
        <p>The tasks could not be loaded.</p>
        <button type="button" className="button" onClick={() => void tasksQuery.refetch()}>
          Retry
        </button>
      </div>
    );
  } else if (count === 0) {
    const empty = emptyMessages[selection.view];
    body = (
      <div className="panel-message">
        <p className="panel-message-title">{empty.title}</p>
        <p className="muted">{empty.hint}</p>
      </div>
    );
  } else if (visibleTasks.length === 0) {
    body = (
      <div className="panel-message" role="status">
        <p className="muted">No task matches the filters.</p>
        <button
          type="button"
          className="button"
          data-testid="clear-filters"
          onClick={() => setFilters((f) => ({ ...emptyFilters, sort: f.sort }))}
        >
          Clear filters
        </button>
      </div>
    );
  } else {
    body = (
      <TaskList
        focusSignal={focusSignal}
        items={items}
        visibleTasks={visibleTasks}
        activeIndex={Math.min(activeIndex, visibleTasks.length - 1)}
        onActiveIndexChange={setActiveIndex}
        selectedIds={selectedIds}
        onToggleSelected={toggleSelected}
        onToggleComplete={(task) =>
          setStatus.mutate({ ids: [task.id], status: task.status === 'completed' ? 'backlog' : 'completed' })
        }
        onEdit={(task) => setDialog({ mode: 'edit', task })}
        onDelete={(task) => setPendingDelete([task])}
        onMoveKey={moveByKey}
        dropRanges={ranges}
        onDrop={move}
      />
    );
  }

  return (
    <section className="task-view" aria-labelledby="task-view-heading">
      <header className="toolbar">
        <div className="toolbar-title">
          {onOpenNavigation ? (
            <button
              type="button"
              className="icon-button navigation-button"
              data-testid="open-navigation"
              aria-label="Lists and projects"
              onClick={onOpenNavigation}
            >
              <MenuIcon />
            </button>
          ) : null}
          <h1 id="task-view-heading">{heading}</h1>
          <span className="muted" data-testid="task-count">
            {/* Honest about filters: what is shown, of how many. */}
            {visibleTasks.length === count
              ? `${count.toLocaleString()} ${count === 1 ? 'task' : 'tasks'}`
              : `${visibleTasks.length.toLocaleString()} of ${count.toLocaleString()} tasks`}
          </span>
        </div>
        <button
          type="button"
          className="button button-primary"
          data-testid="new-task-button"
          aria-label="New task"
          onClick={() => setDialog({ mode: 'create' })}
          aria-keyshortcuts="N"
        >
          <PlusIcon /> <span className="button-label">New task</span>
        </button>
      </header>

      {selection.view === 'logbook' ? null : (
        <QuickAdd
          projects={projects}
          defaultProjectId={projectId}
          defaultDueDate={selection.view === 'today' ? today : null}
          onOpenDialog={(prefill) => setDialog({ mode: 'create', prefill })}
        />
      )}

      <div className="filters" role="search">
        <div className="search-field">
          <SearchIcon />
          <input
            type="search"
            aria-label="Filter tasks"
            placeholder="Filter tasks"
            data-testid="task-filter"
            value={filters.text}
            onChange={(e) => updateFilter('text', e.target.value)}
          />
        </div>
        <select aria-label="Filter by tag" value={filters.tag ?? ''} onChange={(e) => updateFilter('tag', e.target.value || null)}>
          <option value="">All tags</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by priority"
          value={filters.priority ?? ''}
          onChange={(e) => updateFilter('priority', (e.target.value || null) as Priority | null)}
        >
          <option value="">All priorities</option>
          {enums.priority.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <select aria-label="Sort by" value={filters.sort} onChange={(e) => updateFilter('sort', e.target.value as SortOrder)}>
          {(Object.keys(sortLabels) as SortOrder[]).map((sort) => (
            <option key={sort} value={sort}>
              Sort: {sortLabels[sort]}
            </option>
          ))}
        </select>
        {canShowCompleted ? (
          <label className="toggle-field">
            <input
              type="checkbox"
              data-testid="show-completed"
              checked={showCompleted}
              onChange={(e) => setShowCompleted(e.target.checked)}
            />
            {completedCount === null ? 'Show completed' : `Show completed (${completedCount})`}
          </label>
        ) : null}
      </div>

      {selectedTasks.length > 0 ? (
        <div className="bulk-bar" role="toolbar" aria-label="Selected tasks">
          <span>{selectedTasks.length} selected</span>
          <button type="button" className="button" data-testid="complete-selected" onClick={completeSelected}>
            Complete
          </button>
          <button
            type="button"
            className="button button-danger"
            data-testid="delete-selected"
            onClick={() => setPendingDelete(selectedTasks)}
          >
            Delete
          </button>
          <button type="button" className="button button-ghost" onClick={() => setSelectedIds(new Set())}>
            Clear selection
          </button>
        </div>
      ) : null}

      <div className="task-body">{body}</div>

      {dialog ? (
        <TaskDialog
          task={dialog.mode === 'edit' ? dialog.task : null}
          projects={projects}
          knownTags={tags}
          defaultProjectId={projectId}
          defaultDueDate={selection.view === 'today' ? today : null}
          prefill={dialog.mode === 'create' ? dialog.prefill : undefined}
          onClose={() => setDialog(null)}
          onReturnFocus={dialog.mode === 'edit' ? refocusList : undefined}
        />
      ) : null}

      <ConfirmDialog
        open={pendingDelete !== null}
        onOpenChange={(open) => !open && setPendingDelete(null)}
        title={pendingDelete && pendingDelete.length > 1 ? `Delete ${pendingDelete.length} tasks?` : 'Delete task?'}
        description={
          pendingDelete && pendingDelete.length === 1
            ? `“${pendingDelete[0]!.title}” will be deleted. This cannot be undone.`
            : 'The selected tasks will be deleted. This cannot be undone.'
        }
        confirmLabel="Delete"
        onConfirm={confirmDelete}
        onReturnFocus={refocusList}
      />
    </section>
  );
}
