// SPDX-License-Identifier: MIT
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { DialogActions } from '@/components/dialog-actions';
import { Modal } from '@/components/modal';
import { RequiredTextField } from '@/components/required-text-field';
import { readTask, useCreateTask, useUpdateTask, type TaskPatch } from '@/features/tasks/api/tasks-api';
import { ChecklistEditor } from '@/features/tasks/components/checklist-editor';
import { DueDateFields } from '@/features/tasks/components/due-date-fields';
import { TagInput } from '@/features/tasks/components/tag-input';
import {
  draftOf,
  savedChecklist,
  statusLabels,
  statusOrder,
  taskPatch,
  type TaskDraft,
} from '@/features/tasks/utils/organise-tasks';
import { enums, type Project, type Task } from '@/ipc/contract';
import { IpcError } from '@/ipc/errors';
import { describeError } from '@/lib/report-error';

interface TaskDialogProps {
  /** The task to edit, or null to create one. */
  task: Task | null;
  projects: Project[];
  /** Tags already in use, offered as the user types one. */
  knownTags?: readonly string[];
  /** Preselected project when creating. */
  defaultProjectId: string | null;
  /** Preset due date when creating (YYYY-MM-DD), as in Today. */
  defaultDueDate?: string | null;
  /** Fields a new task starts with (from quick add), over the defaults. */
  prefill?: Partial<TaskDraft>;
  onClose: () => void;
  /** Where the focus goes once the dialog has closed (the task's row); else where it was. */
  onReturnFocus?: () => void;
  /** The task the dialog created, once saved (the view puts the focus on its row). */
  onCreated?: (task: Task) => void;
}

const label = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

function initialDraft(task: Task | null, defaultProjectId: string | null, defaultDueDate: string | null): TaskDraft {
  if (task) return draftOf(task);
  return {
    title: '',
    description: '',
    status: 'backlog',
    priority: 'standard',
    complexity: null,
    type: null,
    tags: [],
    projectIds: defaultProjectId ? [defaultProjectId] : [],
    dueDate: defaultDueDate,
    recurrence: null,
    checklist: [],
  };
}

/** The fields of a new task made from `draft` (its title already trimmed): absent where empty. */
function newTaskArgs(draft: TaskDraft, title: string) {
  const checklist = savedChecklist(draft.checklist);
  return {
    title,
    description: draft.description.trim() ? draft.description : undefined,
    priority: draft.priority,
    tags: draft.tags,
    projectIds: draft.projectIds,
    status: draft.status,
    complexity: draft.complexity ?? undefined,
    type: draft.type ?? undefined,
    dueDate: draft.dueDate ?? undefined,
    recurrence: draft.recurrence ?? undefined,
    checklist: checklist.length > 0 ? checklist : undefined,
  };
}

/**
 * Why a save of task `taskId` was refused because of someone else: they changed it since it was
 * read (conflict), or deleted it (not_found, and the task is gone: a project it names may be the
 * one missing instead). Null for any other failure, which the dialog shows as it is.
 */
async function clashOf(error: unknown, taskId: string): Promise<'changed' | 'deleted' | null> {
  if (!(error instanceof IpcError)) return null;
  if (error.code === 'conflict') return 'changed';
  if (error.code !== 'not_found') return null;
  try {
    return (await readTask(taskId)) === null ? 'deleted' : null;
  } catch {
    return null;
  }
}

/** Create or edit a task. Mounted only while open, so every opening starts from fresh state. */
export function TaskDialog(props: TaskDialogProps) {
  const { task, onClose, onReturnFocus } = props;
  // Esc, a click outside, Close or Cancel never throw away what the user typed without asking.
  const changed = useRef(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const dismiss = () => (changed.current ? setConfirmingDiscard(true) : onClose());
  const rememberChanged = useCallback((value: boolean) => {
    changed.current = value;
  }, []);
  return (
    <Modal
      open
      onOpenChange={(open) => !open && dismiss()}
      title={task ? 'Edit task' : 'New task'}
      testId="task-dialog"
      onReturnFocus={onReturnFocus}
    >
      <TaskForm {...props} onChangedChange={rememberChanged} />
      <ConfirmDialog
        open={confirmingDiscard}
        onOpenChange={setConfirmingDiscard}
        title="Discard changes?"
        description={task ? `Your changes to “${task.title}” will be lost.` : 'The new task will be lost.'}
        confirmLabel="Discard"
        cancelLabel="Keep editing"
        confirmTestId="confirm-discard"
        onConfirm={onClose}
      />
    </Modal>
  );
}

// The draft lives below the Modal so that a keystroke re-renders only the form, not Radix's
// portal, focus trap, dismissable layer and scroll lock around it.
interface TaskFormProps extends TaskDialogProps {
  /** Whether the form now differs from what it opened with. */
  onChangedChange: (changed: boolean) => void;
}

function TaskForm(props: TaskFormProps) {
  const { projects, knownTags = [], defaultProjectId, defaultDueDate = null, prefill, onClose, onChangedChange } = props;
  // The task as last read: what the user's changes are made from, and what a save checks is still
  // there (another window, or another computer on a shared database, may change it meanwhile).
  const [task, setTask] = useState<Task | null>(props.task);
  const [initial, setInitial] = useState<TaskDraft>(() => ({
    ...initialDraft(task, defaultProjectId, defaultDueDate),
    ...prefill,
  }));
  const [draft, setDraft] = useState<TaskDraft>(initial);
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  useEffect(() => onChangedChange(changed), [changed, onChangedChange]);
  const [titleError, setTitleError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const create = useCreateTask();
  const update = useUpdateTask();
  const mutation = task ? update : create;
  const [clash, setClash] = useState<'changed' | 'deleted' | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const ids = { description: useId(), status: useId(), priority: useId(), complexity: useId(), type: useId() };

  const set = <K extends keyof TaskDraft>(key: K, value: TaskDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (mutation.isPending) return;
    const title = draft.title.trim();
    if (!title) {
      setTitleError('Title is required');
      titleRef.current?.focus();
      return;
    }
    if (task) {
      const patch = taskPatch(task, draft);
      if (Object.keys(patch).length === 0) {
        onClose();
        return;
      }
      save(task.id, patch, task.updatedAt);
    } else {
      createFrom(title);
    }
  };

  const save = (taskId: string, patch: TaskPatch, expectedUpdatedAt: string) => {
    setReadError(null);
    update.mutate(
      { taskId, patch, expectedUpdatedAt },
      { onSuccess: onClose, onError: (error) => void clashOf(error, taskId).then(setClash) },
    );
  };

  const createFrom = (title: string) =>
    create.mutate(newTaskArgs(draft, title), {
      onSuccess: (created) => {
        props.onCreated?.(created);
        onClose();
      },
    });

  /** The task as it is now, or null (and the "deleted" choice) when it is gone. */
  const readAgain = async (taskId: string): Promise<Task | null> => {
    try {
      const fresh = await readTask(taskId);
      if (fresh === null) setClash('deleted');
      return fresh;
    } catch (error) {
      setClash(null);
      setReadError(describeError('Reading the task again', error));
      return null;
    }
  };
  // Their version replaces the form: the user's changes are dropped, as they chose.
  const reload = async () => {
    if (!task) return;
    const fresh = await readAgain(task.id);
    if (!fresh) return;
    const fields = draftOf(fresh);
    update.reset();
    setClash(null);
    setReadError(null);
    setTask(fresh);
    setInitial(fields);
    setDraft(fields);
  };

  // Only the fields the user changed are written, over whatever the other side wrote in them; a
  // field only they changed keeps their value.
  const overwrite = async () => {
    if (!task) return;
    const fresh = await readAgain(task.id);
    if (!fresh) return;
    setClash(null);
    save(fresh.id, taskPatch(task, draft), fresh.updatedAt);
  };

  // Enter saves from single-line fields (native form submit); in the description Ctrl/Cmd+Enter does.
  const onDescriptionKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  const toggleProject = (id: string, checked: boolean) =>
    set('projectIds', checked ? [...draft.projectIds, id] : draft.projectIds.filter((p) => p !== id));

  const action = task ? 'Saving task' : 'Creating task';
  const inlineError =
    readError ?? (mutation.isError && clash === null ? describeError(action, mutation.error) : null);
  const shownTitle = task?.title ?? draft.title.trim();

  return (
    <form className="form" onSubmit={submit} noValidate>
      <RequiredTextField
        label="Title"
        value={draft.title}
        onChange={(value) => {
          set('title', value);
          if (titleError) setTitleError(null);
        }}
        error={titleError}
        inputRef={titleRef}
      />

      <div className="field">
        <label htmlFor={ids.description}>Description</label>
        <textarea
          id={ids.description}
          rows={3}
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          onKeyDown={onDescriptionKeyDown}
        />
      </div>

      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select id={ids.status} value={draft.status} onChange={(e) => set('status', e.target.value as TaskDraft['status'])}>
            {statusOrder.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>Priority</label>
          <select
            id={ids.priority}
            value={draft.priority}
            onChange={(e) => set('priority', e.target.value as TaskDraft['priority'])}
          >
            {enums.priority.map((p) => (
              <option key={p} value={p}>
                {label(p)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.complexity}>Complexity</label>
          <select
            id={ids.complexity}
            value={draft.complexity ?? ''}
            onChange={(e) => set('complexity', (e.target.value || null) as TaskDraft['complexity'])}
          >
            <option value="">None</option>
            {enums.complexity.map((c) => (
              <option key={c} value={c}>
                {label(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.type}>Type</label>
          <select
            id={ids.type}
            value={draft.type ?? ''}
            onChange={(e) => set('type', (e.target.value || null) as TaskDraft['type'])}
          >
            <option value="">None</option>
            {enums.taskType.map((t) => (
              <option key={t} value={t}>
                {label(t)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <DueDateFields
        dueDate={draft.dueDate}
        recurrence={draft.recurrence}
        onDueDateChange={(value) => set('dueDate', value)}
        onRecurrenceChange={(value) => set('recurrence', value)}
      />

      <ChecklistEditor items={draft.checklist} onChange={(items) => set('checklist', items)} />

      <TagInput tags={draft.tags} suggestions={knownTags} onChange={(tags) => set('tags', tags)} />

      <fieldset className="field project-picker">
        <legend>Projects</legend>
        {projects.length === 0 ? (
          <p className="muted">No projects yet.</p>
        ) : (
          projects.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={draft.projectIds.includes(p.id)}
                onChange={(e) => toggleProject(p.id, e.target.checked)}
              />
              <span>{p.name}</span>
            </label>
          ))
        )}
      </fieldset>

      <ConfirmDialog
        open={clash === 'changed'}
        onOpenChange={(open) => !open && setClash(null)}
        title="Changed elsewhere"
        description={`“${shownTitle}” was changed in another window or on another computer after you opened it. Reload it to see their version (your changes are dropped), or save yours over theirs in the fields you changed.`}
        cancelLabel="Keep editing"
        alternative={{ label: 'Reload', onSelect: () => void reload(), testId: 'conflict-reload' }}
        confirmLabel="Save mine"
        confirmTone="primary"
        confirmTestId="conflict-overwrite"
        onConfirm={() => void overwrite()}
      />
      <ConfirmDialog
        open={clash === 'deleted'}
        onOpenChange={(open) => !open && setClash(null)}
        title="Deleted elsewhere"
        description={`“${shownTitle}” was deleted in another window or on another computer while you were editing it. Create it again with your changes, or discard them.`}
        cancelLabel="Keep editing"
        alternative={{ label: 'Discard', onSelect: onClose, testId: 'deleted-discard' }}
        confirmLabel="Create again"
        confirmTone="primary"
        confirmTestId="deleted-recreate"
        onConfirm={() => {
          setClash(null);
          setTask(null);
          createFrom(draft.title.trim());
        }}
      />

      <DialogActions
        error={inlineError}
        submitLabel={mutation.isPending ? 'Saving…' : task ? 'Save' : 'Create task'}
        submitTestId="save-task"
        pending={mutation.isPending}
      />
    </form>
  );
}
