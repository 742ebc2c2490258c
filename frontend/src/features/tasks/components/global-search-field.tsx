// SPDX-License-Identifier: MIT
// The field at the top of the sidebar that searches every task (db_search_tasks): the results take
// the main area while it holds text. `/` and Ctrl+F come here from anywhere (bound by the app).
import { forwardRef, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { SearchIcon } from '@/components/icons';

interface GlobalSearchFieldProps {
  value: string;
  onChange: (text: string) => void;
  /** Esc: ends the search, back to the list shown before it. */
  onClear: () => void;
  /** Enter: to the results. */
  onSubmit: () => void;
  /** Takes the focus when it appears (the shortcut opened the drawer it is in). */
  focusOnMount?: boolean;
}

export const GlobalSearchField = forwardRef<HTMLInputElement, GlobalSearchFieldProps>(function GlobalSearchField(
  { value, onChange, onClear, onSubmit, focusOnMount = false },
  ref,
) {
  const input = useRef<HTMLInputElement | null>(null);
  // Before the drawer's own focus handling (an effect), which then leaves the focus here.
  const focusFirst = useRef(focusOnMount);
  useLayoutEffect(() => {
    if (focusFirst.current) input.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && value !== '') {
      // The field's own Esc would clear it too; one clear, ours.
      event.preventDefault();
      onClear();
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="global-search search-field" role="search" aria-label="Search all tasks">
      <SearchIcon />
      <input
        ref={(element) => {
          input.current = element;
          if (typeof ref === 'function') ref(element);
          else if (ref) ref.current = element;
        }}
        type="search"
        aria-label="Search all tasks"
        placeholder="Search all tasks"
        aria-keyshortcuts="/ Control+F"
        data-testid="global-search"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
});
