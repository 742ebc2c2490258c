// SPDX-License-Identifier: MIT
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS, useGlobalSearch } from '@/features/tasks/hooks/use-global-search';

describe('useGlobalSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('searches the trimmed text once typing pauses, not for every key', () => {
    const { result } = renderHook(() => useGlobalSearch());

    act(() => result.current.change(' c'));
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    });
    act(() => result.current.change(' ca'));
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    });
    expect(result.current).toMatchObject({ text: ' ca', query: '' });

    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(result.current).toMatchObject({ text: ' ca', query: 'ca' });
  });

  it('ends the search at once when the text is blank, and never searches what was typed before', () => {
    const { result } = renderHook(() => useGlobalSearch());
    act(() => result.current.change('milk'));
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    act(() => result.current.change('milk e'));

    act(() => result.current.change('   '));
    expect(result.current.query).toBe('');
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(result.current.query).toBe('');
  });

  it('searches at once on Enter and asks for the first result each time, until the search ends', () => {
    const { result } = renderHook(() => useGlobalSearch());
    act(() => result.current.change('cafe '));
    act(() => result.current.submit());
    expect(result.current).toMatchObject({ query: 'cafe', resultsFocusRequest: 1 });
    act(() => result.current.submit());
    expect(result.current.resultsFocusRequest).toBe(2);

    act(() => result.current.clear());
    expect(result.current).toMatchObject({ text: '', query: '', resultsFocusRequest: 0 });
    act(() => result.current.submit());
    expect(result.current.resultsFocusRequest).toBe(0);
  });
});
