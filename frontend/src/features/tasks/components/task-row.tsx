// SPDX-License-Identifier: MIT
import { forwardRef, Fragment, type KeyboardEvent, type ReactNode } from 'react';
import { CheckIcon, ChecklistIcon, PencilIcon, PinIcon, RepeatIcon, TrashIcon } from '@/components/icons';
import { formatDueDate } from '@/features/tasks/utils/format-due-date';
import { describeRecurrence } from '@/features/tasks/utils/recurrence-rule';
import type { Task } from '@/ipc/contract';
import { highlightRuns } from '@/lib/highlight';

interface TaskRowProps {
  task: Task;
  active: boolean;
  selected: boolean;
  position: number;
  total: number;
  /** The grip that drags the row, when the list can be reordered. */
  dragHandle?: ReactNode;
  /** The words of a search (folded, as wordsOf gives them): the title marks the words they begin. */
  highlight?: readonly string[];
  onFocusRow: () => void;
  /** `extend`: with Shift, select the range from the last toggled task to this one. */
  onToggleSelected: (extend: boolean) => void;
  onToggleComplete: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

export const TaskRow = forwardRef<HTMLDivElement, TaskRowProps>(function TaskRow(
  {
    task,
    active,
    selected,
    position,
    total,
    dragHandle,
    highlight,
    onFocusRow,
    onToggleSelected,
    onToggleComplete,
    onEdit,
    onDelete,
  },
  ref,
) {
  const completed = task.status === 'completed';
  // The active row is the list's one tab stop; Tab then walks its own controls.
  const controlTabIndex = active ? 0 : -1;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onToggleComplete();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onEdit();
    } else if (event.key === ' ') {
      event.preventDefault();
      onToggleSelected(event.shiftKey);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      onDelete();
    }
  };

  return (
    <div
      ref={ref}
      role="listitem"
      aria-posinset={position}
      aria-setsize={total}
      aria-label={task.title}
      aria-keyshortcuts="Enter Control+Enter Space Delete Alt+ArrowUp Alt+ArrowDown"
      tabIndex={active ? 0 : -1}
      className={`task-row${completed ? ' is-completed' : ''}${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
      data-testid="task-row"
      data-task-id={task.id}
      data-status={task.status}
      onFocus={(e) => e.target === e.currentTarget && onFocusRow()}
      onKeyDown={onKeyDown}
      onDoubleClick={onEdit}
    >
      {dragHandle}
      <input
        type="checkbox"
        className="row-select"
        checked={selected}
        // On click rather than change: Shift-click extends the selection to a range.
        readOnly
        onClick={(e) => onToggleSelected(e.shiftKey)}
        aria-label={`Select “${task.title}”`}
        tabIndex={controlTabIndex}
      />
      <button
        type="button"
        className={`complete-toggle${completed ? ' is-on' : ''}`}
        data-testid="complete-task"
        aria-pressed={completed}
        aria-label={completed ? `Mark “${task.title}” as not completed` : `Complete “${task.title}”`}
        onClick={onToggleComplete}
        tabIndex={controlTabIndex}
      >
        {completed ? <CheckIcon width={12} height={12} /> : null}
      </button>
      <button
        type="button"
        className="task-title"
        // Ctrl-click (⌘ on a Mac) toggles the row in the selection, Shift-click selects a range;
        // a plain click opens it.
        onClick={(e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey) onToggleSelected(e.shiftKey);
          else onEdit();
        }}
        tabIndex={-1}
        title={task.title}
      >
        {task.priority === 'pinned' ? <PinIcon className="pin" width={13} height={13} /> : null}
        <span className="task-title-text">{highlight ? <HighlightedText text={task.title} words={highlight} /> : task.title}</span>
      </button>
      <div className="task-meta">
        {task.dueDate ? <DueDate dueDate={task.dueDate} recurrence={task.recurrence} completed={completed} /> : null}
        {task.checklist.length > 0 ? <ChecklistCount checklist={task.checklist} /> : null}
        {task.tags.slice(0, 3).map((tag) => (
          <span key={tag} className="chip chip-small">
            {tag}
          </span>
        ))}
        {task.tags.length > 3 ? <span className="muted">+{task.tags.length - 3}</span> : null}
        {task.type ? <MetaText label="Type" value={task.type} /> : null}
        {task.complexity ? <MetaText label="Complexity" value={task.complexity} /> : null}
        <span className={`priority priority-${task.priority.replace(' ', '-')}`}>{task.priority}</span>
      </div>
      <div className="row-actions">
        <button type="button" className="icon-button" aria-label={`Edit ${task.title}`} onClick={onEdit} tabIndex={controlTabIndex}>
          <PencilIcon />
        </button>
        <button
          type="button"
          className="icon-button danger"
          data-testid="delete-task"
          aria-label={`Delete ${task.title}`}
          onClick={onDelete}
          tabIndex={controlTabIndex}
        >
          <TrashIcon />
        </button>
      </div>
    </div>
  );
});

/** `text` with the starts of the words that `words` begin in <mark>: text nodes, never HTML. */
function HighlightedText({ text, words }: { text: string; words: readonly string[] }) {
  return highlightRuns(text, words).map((run, i) =>
    run.match ? <mark key={i}>{run.text}</mark> : <Fragment key={i}>{run.text}</Fragment>,
  );
}

/** A field shown as its bare value ("bug"), named for screen readers and on hover. */
function MetaText({ label, value }: { label: string; value: string }) {
  return (
    <span className="meta-text" title={`${label}: ${value}`}>
      <span className="visually-hidden">{label}: </span>
      {value}
    </span>
  );
}

/** "2/5": how much of the task's checklist is done. */
function ChecklistCount({ checklist }: { checklist: Task['checklist'] }) {
  const done = checklist.filter((item) => item.done).length;
  const label = `Checklist: ${done} of ${checklist.length} done`;
  return (
    <span className="checklist-count" data-testid="checklist-count" title={label}>
      <ChecklistIcon width={12} height={12} />
      <span aria-hidden="true">
        {done}/{checklist.length}
      </span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** "Today 17:00", "Fri", "12 Mar": red when overdue (and not done), with a mark when it repeats. */
function DueDate({ dueDate, recurrence, completed }: { dueDate: string; recurrence: string | null; completed: boolean }) {
  const { label, overdue } = formatDueDate(dueDate, new Date());
  const late = overdue && !completed;
  const repeats = recurrence ? describeRecurrence(recurrence, dueDate) : null;
  return (
    <span
      className={`due-date${late ? ' is-overdue' : ''}`}
      data-testid="due-label"
      title={[late ? `Overdue: due ${dueDate.replace('T', ' ')}` : `Due ${dueDate.replace('T', ' ')}`, repeats]
        .filter(Boolean)
        .join(' · ')}
    >
      {label}
      {late ? <span className="visually-hidden"> (overdue)</span> : null}
      {repeats ? <RepeatIcon width={12} height={12} aria-label={repeats} role="img" aria-hidden={false} /> : null}
    </span>
  );
}
