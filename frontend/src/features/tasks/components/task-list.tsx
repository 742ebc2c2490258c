// SPDX-License-Identifier: MIT
// The grouped task list. Only the rows in view are rendered (10 000 tasks stay fast).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { TaskRow } from '@/features/tasks/components/task-row';
import type { ListItem } from '@/features/tasks/utils/organise-tasks';
import type { Task } from '@/ipc/contract';

const ROW_HEIGHT = 44;
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
  onToggleSelected: (task: Task) => void;
  onToggleComplete: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
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
}: TaskListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<string, HTMLDivElement>());
  const focusPending = useRef(false);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]?.kind === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
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
  useEffect(() => {
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

  return (
    <div ref={scrollRef} className="task-scroll" onKeyDown={onKeyDown}>
      <div role="list" aria-label="Tasks" className="task-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index]!;
          const style = { transform: `translateY(${virtual.start}px)`, height: virtual.size };
          if (item.kind === 'header') {
            return (
              <div
                key={`h-${item.key}`}
                className={`group-header${item.overdue ? ' is-overdue' : ''}`}
                style={style}
                aria-hidden="true"
              >
                <span>{item.label}</span>
                <span className="count">{item.count.toLocaleString()}</span>
              </div>
            );
          }
          const { task } = item;
          return (
            <div key={task.id} className="virtual-row" style={style}>
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
                onFocusRow={() => onActiveIndexChange(item.index)}
                onToggleSelected={() => onToggleSelected(task)}
                onToggleComplete={() => onToggleComplete(task)}
                onEdit={() => onEdit(task)}
                onDelete={() => onDelete(task)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
