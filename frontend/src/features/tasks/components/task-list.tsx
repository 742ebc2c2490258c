// SPDX-License-Identifier: MIT
// The grouped task list. Only the rows in view are rendered (10 000 tasks stay fast).
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { GripIcon } from '@/components/icons';
import { TaskRow } from '@/features/tasks/components/task-row';
import type { ListItem } from '@/features/tasks/utils/organise-tasks';
import type { Task } from '@/ipc/contract';

const ROW_HEIGHT = 44;

/** What a list item is, whatever its position: a group or a task. */
function itemKey(item: ListItem | undefined): string {
  if (!item) return '';
  return item.kind === 'header' ? `h-${item.key}` : item.task.id;
}
const HEADER_HEIGHT = 34;

/** User-timing mark at the first frame showing task rows; bench/run reads it for start-up time. */
const FIRST_ROWS_MARK = 'quire:first-task-rows-painted';
let firstRowsMarked = false;

interface TaskListProps {
  items: ListItem[];
  visibleTasks: Task[];
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  selectedIds: ReadonlySet<string>;
  /** `extend`: Shift held, the range from the last toggled task to this one. */
  onToggleSelected: (task: Task, extend?: boolean) => void;
  onToggleComplete: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  /** Alt+↑ (-1) or Alt+↓ (+1) on the focused task. */
  onMoveKey?: (taskIndex: number, direction: -1 | 1) => void;
  /** Dragging is on when given: for each visible task, the [first, last] indexes it may be dropped at. */
  dropRanges?: ReadonlyArray<readonly [number, number]> | null;
  onDrop?: (from: number, to: number) => void;
  /** A new value gives the active row the focus (once it is rendered). */
  focusSignal?: number;
  /** The words of a search, which each row marks in its title. */
  highlight?: readonly string[];
}

export function TaskList({
  items,
  visibleTasks,
  activeIndex,
  onActiveIndexChange,
  selectedIds,
  onToggleSelected,
  onToggleComplete,
  onEdit,
  onDelete,
  onMoveKey,
  dropRanges = null,
  onDrop,
  focusSignal = 0,
  highlight,
}: TaskListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<string, HTMLDivElement>());
  const focusPending = useRef(false);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]?.kind === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
    // Sizes are cached by key: by identity, a header's size never sticks to the row that takes
    // its place when a completion shifts the list (e2e planning: rowsNeverOverlap...).
    getItemKey: (i) => itemKey(items[i]),
    overscan: 8,
    initialRect: { width: 800, height: 600 },
  });

  const itemIndexOfTask = (taskIndex: number) =>
    items.findIndex((item) => item.kind === 'task' && item.index === taskIndex);

  // Stamped in the frame that paints the rows, as the bare page of bench/ stamps its own.
  useLayoutEffect(() => {
    if (firstRowsMarked) return;
    firstRowsMarked = true;
    requestAnimationFrame(() => performance.mark(FIRST_ROWS_MARK));
  }, []);

  // After an arrow key, bring the new active row into view, then focus it once rendered.
  const activeTaskId = visibleTasks[activeIndex]?.id;
  // A task being moved keeps the focus wherever the list puts it (at once, then where the backend
  // says), until another key or a click: React moving its row in the DOM would drop the focus.
  const followed = useRef<string | null>(null);
  // Before the effect below, which then focuses the row in this same commit.
  useEffect(() => {
    if (focusSignal > 0) focusPending.current = true;
  }, [focusSignal]);
  // A focused row that leaves the list (deleted, completed out of an open list) would drop the
  // focus to the page: the row in its place takes it.
  const lastFocused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const lost = lastFocused.current && !lastFocused.current.isConnected;
    if (lost && (document.activeElement === document.body || document.activeElement === null)) {
      lastFocused.current = null;
      focusPending.current = true;
    }
  });
  useEffect(() => {
    if (followed.current) {
      const index = visibleTasks.findIndex((t) => t.id === followed.current);
      if (index >= 0 && index !== activeIndex) {
        onActiveIndexChange(index);
        return;
      }
      const row = rowRefs.current.get(followed.current);
      if (row && document.activeElement !== row) row.focus();
      return;
    }
    if (!focusPending.current || !activeTaskId) return;
    const row = rowRefs.current.get(activeTaskId);
    if (row) {
      focusPending.current = false;
      row.focus();
    }
  });

  const move = (taskIndex: number) => {
    if (visibleTasks.length === 0) return;
    const next = Math.max(0, Math.min(visibleTasks.length - 1, taskIndex));
    focusPending.current = true;
    onActiveIndexChange(next);
    const itemIndex = itemIndexOfTask(next);
    if (itemIndex >= 0) virtualizer.scrollToIndex(itemIndex, { align: 'auto' });
    const row = rowRefs.current.get(visibleTasks[next]!.id);
    if (row) {
      focusPending.current = false;
      row.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      followed.current = activeTaskId ?? null;
      onMoveKey?.(activeIndex, event.key === 'ArrowUp' ? -1 : 1);
      return;
    }
    if (event.key !== 'Alt') followed.current = null;
    const keys: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: visibleTasks.length - 1,
      PageDown: activeIndex + 10,
      PageUp: activeIndex - 10,
    };
    const target = keys[event.key];
    if (target === undefined) return;
    event.preventDefault();
    move(target);
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const indexOfId = (id: unknown) => visibleTasks.findIndex((t) => t.id === id);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = indexOfId(active.id);
    const to = over ? indexOfId(over.id) : -1;
    const range = dropRanges?.[from];
    if (from < 0 || to < 0 || from === to || !range || to < range[0] || to > range[1]) return;
    followed.current = visibleTasks[from]!.id;
    onDrop?.(from, to);
  };

  const rows = (
    <div role="list" aria-label="Tasks" className="task-canvas" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((virtual) => {
        const item = items[virtual.index]!;
        const style = { transform: `translateY(${virtual.start}px)`, height: virtual.size };
        if (item.kind === 'header') {
          return (
            // A heading in the list, so a screen reader says "Backlog, 12 tasks" and can jump by group.
            <div
              key={itemKey(item)}
              className={`group-header${item.overdue ? ' is-overdue' : ''}`}
              style={style}
              role="listitem"
              data-testid="group-header"
            >
              <span
                className="group-heading"
                role="heading"
                aria-level={2}
                aria-label={`${item.label}, ${item.count.toLocaleString()} ${item.count === 1 ? 'task' : 'tasks'}`}
              >
                <span>{item.label}</span>
                <span className="count">{item.count.toLocaleString()}</span>
              </span>
            </div>
          );
        }
        const { task } = item;
        return (
          <SortableRow key={task.id} id={task.id} start={virtual.start} height={virtual.size} draggable={dropRanges !== null}>
            {(handle) => (
              <TaskRow
                ref={(el) => {
                  if (el) rowRefs.current.set(task.id, el);
                  else rowRefs.current.delete(task.id);
                }}
                task={task}
                position={item.index + 1}
                total={visibleTasks.length}
                active={item.index === activeIndex}
                selected={selectedIds.has(task.id)}
                dragHandle={handle}
                highlight={highlight}
                onFocusRow={() => {
                  if (followed.current !== task.id) followed.current = null;
                  onActiveIndexChange(item.index);
                }}
                onToggleSelected={(extend) => onToggleSelected(task, extend)}
                onToggleComplete={() => onToggleComplete(task)}
                onEdit={() => onEdit(task)}
                onDelete={() => onDelete(task)}
              />
            )}
          </SortableRow>
        );
      })}
    </div>
  );

  return (
    <div
      ref={scrollRef}
      className="task-scroll"
      onKeyDown={onKeyDown}
      onPointerDown={() => (followed.current = null)}
      onFocus={(event) => (lastFocused.current = event.target)}
    >
      {dropRanges === null ? (
        rows
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={visibleTasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
            {rows}
          </SortableContext>
        </DndContext>
      )}
    </div>
  );
}

/**
 * A row in its place in the virtual list, draggable by its grip when the list is in the user's own
 * order. The grip also moves it from the keyboard (Space, arrows, Space), as dnd-kit's keyboard
 * sensor does; Alt+↑/↓ on the row does the same in one key.
 */
function SortableRow({
  id,
  start,
  height,
  draggable,
  children,
}: {
  id: string;
  start: number;
  height: number;
  draggable: boolean;
  children: (handle: ReactNode) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled: !draggable,
  });
  const style: CSSProperties = {
    transform: `translateY(${start}px) ${CSS.Translate.toString(transform) ?? ''}`,
    transition,
    height,
    zIndex: isDragging ? 2 : undefined,
  };
  const handle = draggable ? (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="drag-handle"
      {...attributes}
      {...listeners}
      aria-label="Move task"
      // Like the row's other buttons, out of the Tab order: the row itself is the stop.
      tabIndex={-1}
    >
      <GripIcon width={14} height={14} />
    </button>
  ) : null;
  return (
    <div ref={setNodeRef} className={`virtual-row${isDragging ? ' is-dragging' : ''}`} style={style}>
      {children(handle)}
    </div>
  );
}
