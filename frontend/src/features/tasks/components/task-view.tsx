// SPDX-License-Identifier: MIT
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { MenuIcon, PlusIcon, SearchIcon } from '@/components/icons';
import {
  useDeleteTasks,
  useMoveTask,
  useSetTaskStatus,
  useTaskCount,
  useTasks,
  useUpdateTasks,
} from '@/features/tasks/api/tasks-api';
import { BulkBar } from '@/features/tasks/components/bulk-bar';
import { QuickAdd } from '@/features/tasks/components/quick-add';
import { TaskDialog } from '@/features/tasks/components/task-dialog';
import { TaskList } from '@/features/tasks/components/task-list';
import { NEW_TASK_KEY, useNewTaskShortcut } from '@/features/tasks/hooks/use-new-task-shortcut';
import {
  afterTaskIdForMove,
  allTags,
  buildListItems,
  emptyFilters,
  groupRanges,
  sortLabels,
  tasksOf,
  type Grouping,
  type SortOrder,
  type TaskDraft,
  type TaskFilters,
} from '@/features/tasks/utils/organise-tasks';
import { listQueryOf, SEARCH_RESULT_LIMIT, type TaskListSelection } from '@/features/tasks/utils/task-lists';
import { enums, type Priority, type Project, type Task } from '@/ipc/contract';
import { useRegisterActions, type Action } from '@/lib/action-registry';
import { wordsOf } from '@/lib/highlight';
import { useKeyShortcut } from '@/lib/use-key-shortcut';

interface TaskViewProps {
  selection: TaskListSelection;
  /** YYYY-MM-DD: what Today and Upcoming count from. */
  today: string;
  heading: string;
  projects: Project[];
  /** In a narrow window: opens the lists and projects, which are then not beside the tasks. */
  onOpenNavigation?: () => void;
  /**
   * Search results: a new value (above 0) gives the first result the focus once the results of
   * the current query are shown (Enter in the search field).
   */
  resultsFocusRequest?: number;
}

const groupingOf: Record<TaskListSelection['view'], Grouping> = {
  all: 'status',
  project: 'status',
  today: 'today',
  upcoming: 'upcoming',
  logbook: 'logbook',
  search: 'search',
};

/** What an empty list says: what belongs there, and how to put something there. */
const emptyMessages: Record<TaskListSelection['view'], { title: string; hint: string }> = {
  all: { title: 'No open tasks', hint: 'Press N or use “New task” to add one.' },
  project: { title: 'No open tasks in this project', hint: 'Press N or use “New task” to add one.' },
  today: { title: 'Nothing due today', hint: 'Tasks due today, and overdue ones, show here.' },
  upcoming: { title: 'Nothing coming up', hint: 'Give a task a due date to plan it here.' },
  logbook: { title: 'No completed tasks yet', hint: 'Tasks you complete are kept here, newest first.' },
  search: {
    title: 'No tasks match',
    hint: 'Each word must begin a word of a task’s title, description, tags, checklist or projects; completed tasks count too.',
  },
};

/** "3 tasks", or for a search "3 matches", and "the best 200" when it reached its limit. */
function countLabel(count: number, search: boolean): string {
  if (!search) return `${count.toLocaleString()} ${count === 1 ? 'task' : 'tasks'}`;
  if (count >= SEARCH_RESULT_LIMIT) return `${count.toLocaleString()} best matches`;
  return `${count.toLocaleString()} ${count === 1 ? 'match' : 'matches'}`;
}

/** Selects every task shown (not while typing in a field); Esc clears the selection. */
const SELECT_ALL_KEY = 'Ctrl+A';
const CLEAR_SELECTION_KEY = 'Escape';

type DialogState = { mode: 'create'; prefill?: Partial<TaskDraft> } | { mode: 'edit'; task: Task } | null;

export function TaskView({
  selection,
  today,
  heading,
  projects,
  onOpenNavigation,
  resultsFocusRequest = 0,
}: TaskViewProps) {
  const [showCompleted, setShowCompleted] = useState(false);
  const searchQuery = selection.view === 'search' ? selection.query : null;
  const searching = searchQuery !== null;
  const canShowCompleted = selection.view === 'all' || selection.view === 'project';
  const tasksQuery = useTasks(listQueryOf(selection, today, canShowCompleted && showCompleted));
  const completedCount = useTaskCount({ ...listQueryOf(selection, today, true), completed: true }, canShowCompleted);
  const projectId = selection.view === 'project' ? selection.projectId : null;
  const setStatus = useSetTaskStatus();
  const updateTasks = useUpdateTasks();
  const moveTask = useMoveTask();
  const deleteTasks = useDeleteTasks();
  const [filters, setFilters] = useState<TaskFilters>(emptyFilters);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [pendingDelete, setPendingDelete] = useState<Task[] | null>(null);
  // Bumped when a dialog about the focused task closes: the list gives its row the focus back
  // (or the row now in its place), so the keyboard carries on where it was. A new search query
  // disarms it: the user typing on in the search field gets no row focused later, when results
  // come back after none.
  const [focusRequest, setFocusRequest] = useState({ count: 0, armed: false });
  const refocusList = () => setFocusRequest(({ count }) => ({ count: count + 1, armed: true }));
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [activeIndex, setActiveIndex] = useState(0);
  // A new search starts at its first result; Enter in the search field focuses it.
  const [shownQuery, setShownQuery] = useState(searchQuery);
  if (shownQuery !== searchQuery) {
    setShownQuery(searchQuery);
    setActiveIndex(0);
    setFocusRequest(({ count }) => ({ count, armed: false }));
  }
  const [seenResultsFocusRequest, setSeenResultsFocusRequest] = useState(0);
  if (seenResultsFocusRequest !== resultsFocusRequest) {
    setSeenResultsFocusRequest(resultsFocusRequest);
    if (resultsFocusRequest > 0) {
      setActiveIndex(0);
      refocusList();
    }
  }
  // Not while the last query's results stand in for this one's.
  const focusSignal = focusRequest.armed && !tasksQuery.isPlaceholderData ? focusRequest.count : 0;
  const highlight = useMemo(() => (searchQuery === null ? undefined : wordsOf(searchQuery)), [searchQuery]);

  const tasks = useMemo(() => tasksQuery.data ?? [], [tasksQuery.data]);
  // The field shows each key at once; the list follows as soon as it can (100 000 tasks to sift).
  const listFilters = useDeferredValue(filters);
  const grouping = groupingOf[selection.view];
  const { items, visibleTasks } = useMemo(
    () => buildListItems(tasks, listFilters, grouping, today),
    [tasks, listFilters, grouping, today],
  );
  // A task made in the dialog takes the focus once its row is in the list (the change event that
  // brings it can come just after the dialog closes); until then the list's active row has it.
  const [newTaskId, setNewTaskId] = useState<string | null>(null);
  if (newTaskId !== null) {
    const index = visibleTasks.findIndex((t) => t.id === newTaskId);
    if (index >= 0) {
      setNewTaskId(null);
      setActiveIndex(index);
      refocusList();
    }
  }
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
  const selectedTasks = useMemo(() => tasksOf(selectedIds, tasks), [selectedIds, tasks]);

  // The task a plain or Ctrl-click (or Space) last toggled: Shift-click selects from it to the
  // task clicked, in the order shown.
  const anchorId = useRef<string | null>(null);
  const toggleSelected = (task: Task, extend = false) => {
    const anchor = extend && anchorId.current !== null ? visibleTasks.findIndex((t) => t.id === anchorId.current) : -1;
    const target = visibleTasks.findIndex((t) => t.id === task.id);
    if (anchor >= 0 && target >= 0) {
      const [from, to] = anchor <= target ? [anchor, target] : [target, anchor];
      const range = visibleTasks.slice(from, to + 1).map((t) => t.id);
      setSelectedIds((ids) => new Set([...ids, ...range]));
      return;
    }
    anchorId.current = task.id;
    setSelectedIds((ids) => {
      const next = new Set(ids);
      if (!next.delete(task.id)) next.add(task.id);
      return next;
    });
  };
  const selectAll = () => {
    if (visibleTasks.length === 0) return;
    setSelectedIds(new Set(visibleTasks.map((t) => t.id)));
  };
  const clearSelection = () => {
    anchorId.current = null;
    setSelectedIds(new Set());
  };
  // Ctrl+A in a field selects its text; Esc only clears a selection there is.
  useKeyShortcut(SELECT_ALL_KEY, selectAll, { fieldsOwnIt: true });
  useKeyShortcut(CLEAR_SELECTION_KEY, clearSelection, { when: selectedIds.size > 0 });

  const activeListIndex = Math.min(activeIndex, visibleTasks.length - 1);
  const activeTask = visibleTasks[activeListIndex];
  const quickAddRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const openNewTask = () => setDialog({ mode: 'create' });
  useNewTaskShortcut(openNewTask);
  const toggleComplete = (task: Task) =>
    setStatus.mutate({ ids: [task.id], status: task.status === 'completed' ? 'backlog' : 'completed' });

  // The palette offers what the keys here do. A row's keys act on the focused row; its actions act
  // on the list's active row, the one the keys would reach.
  const rowActions = (task: Task): Action[] => {
    const title = `“${task.title}”`;
    // Alt+↑/↓ moves within the user's own order, which only the status-grouped lists have.
    const moves: Action[] =
      grouping === 'status'
        ? [
            { id: 'move-task-up', label: `Move ${title} up`, group: 'Tasks', shortcut: 'Alt+↑', run: () => moveByKey(activeListIndex, -1) },
            { id: 'move-task-down', label: `Move ${title} down`, group: 'Tasks', shortcut: 'Alt+↓', run: () => moveByKey(activeListIndex, 1) },
          ]
        : [];
    return [
      { id: 'edit-task', label: `Edit ${title}`, group: 'Tasks', shortcut: 'Enter', run: () => setDialog({ mode: 'edit', task }) },
      {
        id: 'complete-task',
        label: `${task.status === 'completed' ? 'Reopen' : 'Complete'} ${title}`,
        group: 'Tasks',
        shortcut: 'Ctrl+Enter',
        run: () => toggleComplete(task),
      },
      { id: 'delete-task', label: `Delete ${title}`, group: 'Tasks', shortcut: 'Delete', run: () => setPendingDelete([task]) },
      ...moves,
    ];
  };
  // QuickAdd binds its Q itself and keeps its field to itself: the palette reaches it through a wrapper.
  const focusQuickAdd = () => quickAddRef.current?.querySelector('input')?.focus();
  // Search results have no quick add (nothing to add them to) and no text filter (the search is one).
  const hasQuickAdd = selection.view !== 'logbook' && !searching;
  const quickAdd: Action[] = hasQuickAdd
    ? [{ id: 'quick-add', label: 'Quick add', group: 'Tasks', shortcut: 'Q', keywords: ['add task'], run: focusQuickAdd }]
    : [];
  const filterText: Action[] = searching
    ? []
    : [{ id: 'filter-tasks', label: 'Filter tasks', group: 'Tasks', keywords: ['search', 'find'], run: () => filterRef.current?.focus() }];
  const selectionActions: Action[] = [
    ...(visibleTasks.length > 0
      ? [{ id: 'select-all', label: 'Select all tasks shown', group: 'Tasks' as const, shortcut: SELECT_ALL_KEY, run: selectAll }]
      : []),
    ...(selectedIds.size > 0
      ? [{ id: 'clear-selection', label: 'Clear the selection', group: 'Tasks' as const, shortcut: 'Esc', run: clearSelection }]
      : []),
  ];
  useRegisterActions([
    { id: 'new-task', label: 'New task', group: 'Tasks', shortcut: NEW_TASK_KEY, run: openNewTask },
    ...selectionActions,
    ...quickAdd,
    ...filterText,
    ...(activeTask ? rowActions(activeTask) : []),
  ]);

  const updateFilter = <K extends keyof TaskFilters>(key: K, value: TaskFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

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
    clearSelection();
  };

  const count = tasks.length;
  let body;
  if (tasksQuery.isPending) {
    body = <p className="panel-message muted">{searching ? 'Searching…' : 'Loading tasks…'}</p>;
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
      <div className="panel-message" role={searching ? 'status' : undefined} data-testid="empty-list">
        <p className="panel-message-title">{searching ? `${empty.title} “${searchQuery}”` : empty.title}</p>
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
        activeIndex={activeListIndex}
        onActiveIndexChange={setActiveIndex}
        selectedIds={selectedIds}
        onToggleSelected={toggleSelected}
        onToggleComplete={toggleComplete}
        onEdit={(task) => setDialog({ mode: 'edit', task })}
        onDelete={(task) => setPendingDelete([task])}
        onMoveKey={moveByKey}
        dropRanges={ranges}
        onDrop={move}
        highlight={highlight}
      />
    );
  }

  return (
    <section className={`task-view${selectedIds.size > 0 ? ' has-selection' : ''}`} aria-labelledby="task-view-heading">
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
              ? countLabel(count, searching)
              : `${visibleTasks.length.toLocaleString()} of ${count.toLocaleString()} ${searching ? 'matches' : 'tasks'}`}
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

      {hasQuickAdd ? (
        <div ref={quickAddRef}>
          <QuickAdd
            projects={projects}
            defaultProjectId={projectId}
            defaultDueDate={selection.view === 'today' ? today : null}
            onOpenDialog={(prefill) => setDialog({ mode: 'create', prefill })}
          />
        </div>
      ) : null}

      <div className="filters" role="search" aria-label="Filter this list">
        {searching ? null : (
          <div className="search-field">
            <SearchIcon />
            <input
              ref={filterRef}
              type="search"
              aria-label="Filter tasks"
              placeholder="Filter tasks"
              data-testid="task-filter"
              value={filters.text}
              onChange={(e) => updateFilter('text', e.target.value)}
            />
          </div>
        )}
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
        {/* Search results stay in their rank: best match first. */}
        {searching ? null : (
          <select aria-label="Sort by" value={filters.sort} onChange={(e) => updateFilter('sort', e.target.value as SortOrder)}>
            {(Object.keys(sortLabels) as SortOrder[]).map((sort) => (
              <option key={sort} value={sort}>
                Sort: {sortLabels[sort]}
              </option>
            ))}
          </select>
        )}
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
        <BulkBar
          selected={selectedTasks}
          projects={projects}
          knownTags={tags}
          onComplete={completeSelected}
          onDelete={() => setPendingDelete(selectedTasks)}
          onClear={clearSelection}
          onUpdate={(updates, message) => updateTasks.mutate({ updates, message })}
        />
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
          onReturnFocus={refocusList}
          onCreated={(task) => setNewTaskId(task.id)}
        />
      ) : null}

      <ConfirmDialog
        open={pendingDelete !== null}
        onOpenChange={(open) => !open && setPendingDelete(null)}
        title={pendingDelete && pendingDelete.length > 1 ? `Delete ${pendingDelete.length} tasks?` : 'Delete task?'}
        description={
          pendingDelete && pendingDelete.length === 1
            ? `“${pendingDelete[0]!.title}” will be deleted. Ctrl+Z brings it back.`
            : `${pendingDelete?.length ?? 0} tasks will be deleted. Ctrl+Z brings them back.`
        }
        confirmLabel="Delete"
        onConfirm={confirmDelete}
        onReturnFocus={refocusList}
      />
    </section>
  );
}
