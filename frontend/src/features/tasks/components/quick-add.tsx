// SPDX-License-Identifier: MIT
// One line that becomes a task: "Pay rent every month on the 1st #Home !high". What it understood
// shows as chips while the user types; Enter adds the task, Shift+Enter opens the full dialog with
// it filled in, Esc clears the line. Q focuses it from anywhere.
import { useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { PlusIcon } from '@/components/icons';
import { useQuickAddTask } from '@/features/tasks/api/tasks-api';
import { useLetterShortcut } from '@/features/tasks/hooks/use-new-task-shortcut';
import type { TaskDraft } from '@/features/tasks/utils/organise-tasks';
import { parseQuickAdd, type QuickAddChip, type QuickAddResult } from '@/features/tasks/utils/parse-quick-add';
import type { Project } from '@/ipc/contract';
import { describeError } from '@/lib/report-error';

interface QuickAddProps {
  projects: Project[];
  /** The shown project, which a task without a #project goes to. */
  defaultProjectId: string | null;
  /** The day a task without a date is due on (Today's), if any. */
  defaultDueDate: string | null;
  /** Shift+Enter: the full dialog, with what the line says. */
  onOpenDialog: (prefill: Partial<TaskDraft>) => void;
}

const chipKindLabels: Record<QuickAddChip['kind'], string> = {
  date: 'Due',
  recurrence: 'Repeats',
  project: 'Project',
  tag: 'Tag',
  priority: 'Priority',
};

/** What the line adds: the parse, with the view's project and day where it names none. */
function withDefaults(parsed: QuickAddResult, defaultProjectId: string | null, defaultDueDate: string | null) {
  const namesProject = parsed.projectIds.length > 0 || parsed.unknownProjects.length > 0;
  return {
    ...parsed,
    projectIds: namesProject || !defaultProjectId ? parsed.projectIds : [defaultProjectId],
    dueDate: parsed.dueDate ?? defaultDueDate,
  };
}

export function QuickAdd({ projects, defaultProjectId, defaultDueDate, onOpenDialog }: QuickAddProps) {
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const add = useQuickAddTask();
  // Parsed as the user types, a moment behind the keys when the machine is busy.
  const typed = useDeferredValue(text);
  const parsed = useMemo(
    () => (typed.trim() ? parseQuickAdd(typed, { now: new Date(), projects }) : null),
    [typed, projects],
  );
  useLetterShortcut('q', () => inputRef.current?.focus());

  const submit = (toDialog: boolean) => {
    const current = parseQuickAdd(text, { now: new Date(), projects });
    const task = withDefaults(current, defaultProjectId, defaultDueDate);
    if (toDialog) {
      onOpenDialog({
        title: task.title,
        priority: task.priority ?? 'standard',
        tags: task.tags,
        projectIds: task.projectIds,
        dueDate: task.dueDate,
        recurrence: task.recurrence,
      });
      setText('');
      return;
    }
    if (!task.title || add.isPending) return;
    add.mutate(
      {
        task: {
          title: task.title,
          priority: task.priority ?? 'standard',
          tags: task.tags,
          projectIds: task.projectIds,
          dueDate: task.dueDate ?? undefined,
          recurrence: task.recurrence ?? undefined,
        },
        newProjects: task.unknownProjects,
      },
      { onSuccess: () => setText('') },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit(event.shiftKey);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      setText('');
    }
  };

  const untitled = parsed !== null && !parsed.title;
  return (
    <div className="quick-add">
      <div className="quick-add-field">
        <PlusIcon />
        <input
          ref={inputRef}
          type="text"
          data-testid="quick-add"
          aria-label="Quick add a task"
          aria-describedby={hintId}
          aria-keyshortcuts="Q"
          placeholder="Add a task: “Pay rent every month on the 1st #Home !high”"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (add.isError) add.reset();
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div id={hintId} className="quick-add-chips" aria-live="polite">
        {parsed?.chips.map((chip) => (
          <span key={`${chip.kind}-${chip.start}`} className={`chip chip-small quick-chip quick-chip-${chip.kind}`} data-testid="quick-add-chip">
            <span className="visually-hidden">{chipKindLabels[chip.kind]}: </span>
            {chip.label}
          </span>
        ))}
        {untitled ? <span className="muted">Add a title to create the task</span> : null}
        {parsed && !untitled ? <span className="muted quick-add-keys">Enter to add · Shift+Enter for details</span> : null}
        {add.isError ? (
          <span role="alert" className="field-error">
            {describeError('Adding task', add.error)}
          </span>
        ) : null}
      </div>
    </div>
  );
}
