// SPDX-License-Identifier: MIT
import { useId, useState, type FormEvent } from 'react';
import { bulkUpdates, describeBulkChange, type BulkChange, type BulkUpdate } from '@/features/tasks/utils/bulk-edit';
import { enums, type Project, type Status, type Task } from '@/ipc/contract';

type ChangeKind = BulkChange['kind'];

const changeLabels: Record<ChangeKind, string> = {
  priority: 'Set priority',
  status: 'Set status',
  'add-tag': 'Add tag',
  'remove-tag': 'Remove tag',
  'add-project': 'Add to project',
  'remove-project': 'Remove from project',
};

const statusLabel = (status: Status) => status.replace('_', ' ');

interface BulkBarProps {
  selected: readonly Task[];
  projects: readonly Project[];
  /** The tags in use, offered when adding one. */
  knownTags: readonly string[];
  onComplete: () => void;
  onDelete: () => void;
  onClear: () => void;
  /** The db_update_tasks calls of a change, and what its undo toast says. */
  onUpdate: (updates: BulkUpdate[], message: string) => void;
}

/**
 * What can be done to the selected tasks at once. A change is picked, then its value, then
 * applied: a select that acted on its own change would act on the first arrow key.
 */
export function BulkBar({ selected, projects, knownTags, onComplete, onDelete, onClear, onUpdate }: BulkBarProps) {
  const [kind, setKind] = useState<ChangeKind>('priority');
  const [value, setValue] = useState('');
  const tagListId = useId();

  const selectedTags = [...new Set(selected.flatMap((t) => t.tags))].sort((a, b) => a.localeCompare(b));
  const selectedProjectIds = new Set(selected.flatMap((t) => t.projectIds));
  const options: { value: string; label: string }[] =
    kind === 'priority'
      ? enums.priority.map((p) => ({ value: p, label: p }))
      : kind === 'status'
        ? enums.status.map((s) => ({ value: s, label: statusLabel(s) }))
        : kind === 'remove-tag'
          ? selectedTags.map((t) => ({ value: t, label: t }))
          : kind === 'add-project'
            ? projects.map((p) => ({ value: p.id, label: p.name }))
            : kind === 'remove-project'
              ? projects.filter((p) => selectedProjectIds.has(p.id)).map((p) => ({ value: p.id, label: p.name }))
              : [];
  // The value shown: what was picked while it is still offered, else the first offered.
  const current = kind === 'add-tag' ? value : options.some((o) => o.value === value) ? value : (options[0]?.value ?? '');

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!current.trim()) return;
    const change = { kind, value: current } as BulkChange;
    const updates = bulkUpdates(selected, change);
    if (updates.length === 0) return;
    const count = updates.reduce((n, u) => n + u.ids.length, 0);
    const projectName = (id: string) => projects.find((p) => p.id === id)?.name ?? id;
    onUpdate(updates, describeBulkChange(change, count, projectName));
    if (kind === 'add-tag') setValue('');
  };

  const valueLabel =
    kind === 'priority'
      ? 'New priority'
      : kind === 'status'
        ? 'New status'
        : kind === 'add-tag'
          ? 'Tag to add'
          : kind === 'remove-tag'
            ? 'Tag to remove'
            : 'Project';

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected tasks" data-testid="bulk-bar">
      <span className="bulk-count" role="status">
        {selected.length} selected
      </span>
      <button type="button" className="button" data-testid="complete-selected" onClick={onComplete}>
        Complete
      </button>
      <form className="bulk-edit" onSubmit={apply} aria-label="Change the selected tasks">
        <select
          aria-label="Change"
          data-testid="bulk-change"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ChangeKind);
            setValue('');
          }}
        >
          {(Object.keys(changeLabels) as ChangeKind[]).map((k) => (
            <option key={k} value={k}>
              {changeLabels[k]}
            </option>
          ))}
        </select>
        {kind === 'add-tag' ? (
          <>
            <input
              aria-label={valueLabel}
              data-testid="bulk-value"
              placeholder="Tag"
              autoComplete="off"
              list={tagListId}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
            <datalist id={tagListId}>
              {knownTags.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
          </>
        ) : (
          <select
            aria-label={valueLabel}
            data-testid="bulk-value"
            value={current}
            onChange={(e) => setValue(e.target.value)}
            disabled={options.length === 0}
          >
            {options.length === 0 ? <option value="">None</option> : null}
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
        <button type="submit" className="button" data-testid="bulk-apply" disabled={!current.trim()}>
          Apply
        </button>
      </form>
      <button type="button" className="button button-danger" data-testid="delete-selected" onClick={onDelete}>
        Delete
      </button>
      <button type="button" className="button button-ghost" data-testid="clear-selection" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
