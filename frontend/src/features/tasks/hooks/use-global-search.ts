// SPDX-License-Identifier: MIT
import { useEffect, useRef, useState } from 'react';

/** How long the search waits after a key before it asks the backend: one search per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 150;

export interface GlobalSearch {
  /** What the search field shows. */
  text: string;
  /** What is searched: the text trimmed, once typing pauses; '' for no search. */
  query: string;
  /** Bumped by Enter (`submit`) within one search; 0 again once the search ends. */
  resultsFocusRequest: number;
  /** The field's text changed: blank ends the search at once, anything else searches after a pause. */
  change: (text: string) => void;
  /** Ends the search and empties the field. */
  clear: () => void;
  /** Enter: searches the text now, without waiting out the pause, and asks for the first result to be focused. */
  submit: () => void;
}

/** The state of the global search field and the query it stands for. */
export function useGlobalSearch(delayMs = SEARCH_DEBOUNCE_MS): GlobalSearch {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [resultsFocusRequest, setResultsFocusRequest] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    const trimmed = next.trim();
    if (trimmed === '') {
      setQuery('');
      setResultsFocusRequest(0);
    } else {
      timer.current = setTimeout(() => setQuery(trimmed), delayMs);
    }
  };
  const submit = () => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    clearTimeout(timer.current);
    setQuery(trimmed);
    setResultsFocusRequest((n) => n + 1);
  };
  return { text, query, resultsFocusRequest, change, clear: () => change(''), submit };
}
