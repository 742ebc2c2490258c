// SPDX-License-Identifier: MIT
import { useId, useState, type KeyboardEvent } from 'react';
import { CloseIcon } from '@/components/icons';

interface TagInputProps {
  tags: string[];
  /** Tags to offer as the user types (the browser's own list, keyboard-usable). */
  suggestions?: readonly string[];
  onChange: (tags: string[]) => void;
}

/** Tags as removable chips; Enter or comma adds what was typed (Enter on an empty field saves the form). */
export function TagInput({ tags, suggestions = [], onChange }: TagInputProps) {
  const [text, setText] = useState('');
  const id = useId();
  const listId = useId();
  const offered = suggestions.filter((tag) => !tags.includes(tag));

  const add = () => {
    const tag = text.trim().replace(/,+$/, '').trim();
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && text.trim()) {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && !text && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>Tags</label>
      <div className="tag-input">
        <ul className="chips" aria-label="Tags of this task">
          {tags.map((tag) => (
            <li key={tag} className="chip">
              <span>{tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(tags.filter((t) => t !== tag))}
              >
                <CloseIcon width={12} height={12} />
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          value={text}
          placeholder={tags.length ? 'Add another tag' : 'Type a tag and press Enter'}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() && add()}
          autoComplete="off"
          list={offered.length > 0 ? listId : undefined}
        />
        {offered.length > 0 ? (
          <datalist id={listId}>
            {offered.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
        ) : null}
      </div>
    </div>
  );
}
