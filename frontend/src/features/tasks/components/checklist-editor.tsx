// SPDX-License-Identifier: MIT
// A task's checklist in the task dialog, worked like Things' checklists from the keyboard: Enter
// in an item starts the next one, Backspace in an empty item removes it, Alt+↑/↓ moves an item,
// Space ticks the focused box. Blank items are dropped when the task is saved.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { TrashIcon } from '@/components/icons';
import type { ChecklistItem } from '@/ipc/contract';

interface ChecklistEditorProps {
  items: ChecklistItem[];
  onChange: (items: ChecklistItem[]) => void;
}

/** `items` with the neighbours at `a` and `b` swapped. */
function swapped<T>(items: readonly T[], a: number, b: number): T[] {
  const next = [...items];
  [next[a], next[b]] = [next[b] as T, next[a] as T];
  return next;
}

/** "2 of 5 done", or null when there is nothing to count. */
export function checklistProgress(items: readonly ChecklistItem[]): { done: number; total: number } | null {
  const counted = items.filter((item) => item.title.trim() !== '');
  return counted.length === 0 ? null : { done: counted.filter((item) => item.done).length, total: counted.length };
}

export function ChecklistEditor({ items, onChange }: ChecklistEditorProps) {
  const ids = { legend: useId(), hint: useId(), add: useId() };
  const [newTitle, setNewTitle] = useState('');
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const addInput = useRef<HTMLInputElement>(null);
  // The item to focus once the list has rendered the change: a new, moved or previous item
  // (-1: the new-item line).
  const pendingFocus = useRef<number | null>(null);
  const setFocusIndex = (index: number) => {
    pendingFocus.current = index;
  };

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    pendingFocus.current = null;
    (index < 0 ? addInput.current : inputs.current[index])?.focus();
  });

  const change = (index: number, item: Partial<ChecklistItem>) =>
    onChange(items.map((current, i) => (i === index ? { ...current, ...item } : current)));

  const remove = (index: number, focus: number) => {
    onChange(items.filter((_, i) => i !== index));
    setFocusIndex(focus);
  };

  const onItemKeyDown = (index: number, event: KeyboardEvent<HTMLInputElement>) => {
    const title = items[index]?.title ?? '';
    if (event.key === 'Enter') {
      // Never submits the dialog from an item: Enter starts the next item, as in Things.
      event.preventDefault();
      onChange([...items.slice(0, index + 1), { title: '', done: false }, ...items.slice(index + 1)]);
      setFocusIndex(index + 1);
    } else if (event.key === 'Backspace' && title === '' && event.currentTarget.type === 'text') {
      event.preventDefault();
      remove(index, index > 0 ? index - 1 : items.length > 1 ? 0 : -1);
    } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const to = index + (event.key === 'ArrowUp' ? -1 : 1);
      if (to < 0 || to >= items.length) return;
      onChange(swapped(items, index, to));
      setFocusIndex(to);
    }
  };

  const onAddKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // An empty line lets Enter save the dialog as from any other field.
    if (event.key !== 'Enter' || newTitle.trim() === '') return;
    event.preventDefault();
    onChange([...items, { title: newTitle.trim(), done: false }]);
    setNewTitle('');
  };

  const progress = checklistProgress(items);

  return (
    <fieldset className="field checklist-editor" aria-describedby={ids.hint} data-testid="checklist-editor">
      <legend id={ids.legend}>
        Checklist
        {progress ? (
          <span className="checklist-progress" data-testid="checklist-progress">
            {' '}
            {progress.done} of {progress.total} done
          </span>
        ) : null}
      </legend>
      {items.length > 0 ? (
        <ol className="checklist-items" aria-labelledby={ids.legend}>
          {items.map((item, index) => {
            const name = item.title.trim() || `item ${index + 1}`;
            return (
              // Items have no identity of their own: keys and focus follow the index.
              <li key={index} className={`checklist-item${item.done ? ' is-done' : ''}`} data-testid="checklist-item">
                <input
                  type="checkbox"
                  checked={item.done}
                  aria-label={`Done: ${name}`}
                  onChange={(e) => change(index, { done: e.target.checked })}
                  onKeyDown={(e) => onItemKeyDown(index, e)}
                />
                <input
                  type="text"
                  ref={(element) => {
                    inputs.current[index] = element;
                  }}
                  value={item.title}
                  aria-label={`Checklist item ${index + 1} of ${items.length}`}
                  onChange={(e) => change(index, { title: e.target.value })}
                  onKeyDown={(e) => onItemKeyDown(index, e)}
                />
                <button
                  type="button"
                  className="icon-button danger"
                  aria-label={`Remove ${name}`}
                  onClick={() => remove(index, index < items.length - 1 ? index : index - 1)}
                >
                  <TrashIcon width={14} height={14} />
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      <input
        id={ids.add}
        ref={addInput}
        type="text"
        className="checklist-add"
        data-testid="checklist-add"
        placeholder="Add an item, then Enter"
        aria-label="New checklist item"
        value={newTitle}
        onChange={(e) => setNewTitle(e.target.value)}
        onKeyDown={onAddKeyDown}
      />
      <p id={ids.hint} className="field-hint">
        Enter adds the next item · Alt+↑/↓ moves an item · Backspace on an empty item removes it
      </p>
    </fieldset>
  );
}
