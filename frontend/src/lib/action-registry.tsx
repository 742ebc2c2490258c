// SPDX-License-Identifier: MIT
// What the user can do from the command palette (Ctrl+K), and the keys the "?" list shows. Any
// component contributes actions while it is mounted:
//
//   useRegisterActions([
//     { id: 'undo', label: 'Undo', group: 'Editing', shortcut: 'Ctrl+Z', run: undo },
//   ]);
//
// The list is read with useActions(). It lives in src/lib, not in a feature, because every feature
// registers into it and features may not import one another.
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';

/** Where an action is listed, in the palette and in the keys list, in this order. */
export const actionGroups = ['Navigation', 'Tasks', 'Editing', 'File', 'General'] as const;
export type ActionGroup = (typeof actionGroups)[number];

export interface Action {
  /** Unique in the app: a later registration of the same id replaces the earlier one. */
  id: string;
  label: string;
  group: ActionGroup;
  /**
   * The key that does the same outside the palette, as the user reads it: "N", "?", "Ctrl+Z".
   * Shown only: the component that registers the action also handles its key.
   */
  shortcut?: string;
  /** More words the palette's filter matches besides the label ("dark", "appearance"). */
  keywords?: readonly string[];
  /** Left out of the palette's list (the palette's own action), still in the keys list and the menu bar's reach. */
  notInPalette?: boolean;
  run: () => void;
}

interface Registry {
  /** Lists or replaces what `source` (one registering component) contributes, keeping its place. */
  set: (source: string, actions: readonly Action[]) => void;
  remove: (source: string) => void;
}

const RegistryContext = createContext<Registry | null>(null);
const ActionsContext = createContext<readonly Action[]>([]);

export function ActionsProvider({ children }: { children: ReactNode }) {
  const [sources, setSources] = useState<ReadonlyMap<string, readonly Action[]>>(() => new Map());
  const registry = useMemo<Registry>(
    () => ({
      set: (source, actions) => setSources((current) => new Map(current).set(source, actions)),
      remove: (source) =>
        setSources((current) => {
          const next = new Map(current);
          next.delete(source);
          return next;
        }),
    }),
    [],
  );
  const actions = useMemo(
    () => [...new Map([...sources.values()].flat().map((action) => [action.id, action])).values()],
    [sources],
  );
  // Two contexts: a component that only registers does not re-render when the list changes.
  return (
    <RegistryContext.Provider value={registry}>
      <ActionsContext.Provider value={actions}>{children}</ActionsContext.Provider>
    </RegistryContext.Provider>
  );
}

/**
 * Lists `actions` while the calling component is mounted. Pass them inline: they are registered
 * again only when what is shown of them changes (ids, labels, groups, shortcuts, keywords), in the
 * same place in the list, and `run` always calls the one from the latest render. Without an
 * ActionsProvider it does nothing.
 */
export function useRegisterActions(actions: readonly Action[]): void {
  const registry = useContext(RegistryContext);
  const source = useId();
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  const shown = JSON.stringify(actions.map(({ run: _run, ...rest }) => rest));
  useEffect(() => {
    registry?.set(
      source,
      latest.current.map((action) => ({
        ...action,
        run: () => latest.current.find((a) => a.id === action.id)?.run(),
      })),
    );
  }, [registry, source, shown]);
  // Removed on unmount only: an update replaces the entry where it is, so the palette's order holds.
  useEffect(() => () => registry?.remove(source), [registry, source]);
}

/** Every registered action, in the order registered. */
export function useActions(): readonly Action[] {
  return useContext(ActionsContext);
}

/**
 * A function that runs the registered action `id` and says whether there was one: for callers
 * outside the palette (the menu bar, through lib/use-menu-actions.ts). Stable across renders; it
 * always sees the actions registered now.
 */
export function useRunAction(): (id: string) => boolean {
  const actions = useActions();
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  return useCallback((id: string) => {
    const action = latest.current.find((a) => a.id === id);
    action?.run();
    return action !== undefined;
  }, []);
}
