// SPDX-License-Identifier: MIT
// A call that may take a while (an import, an export): it runs with an AbortController and a
// progress listener, and if it is still running after SHOW_AFTER_MS the progress panel
// (components/progress-panel.tsx, mounted once by the app's providers) shows how far it has come
// with a Cancel button. Quick calls never flash a panel. Like the toaster, the panel reads a
// module-level store, so any code can start a long call without a component of its own.
//
//   const summary = await runLongCall('Exporting tasks', (options) => invokeTransferExportTasks({ format }, options));
import { useSyncExternalStore } from 'react';
import type { ProgressReport } from '@/ipc/events';

/** How long a call runs before the panel shows: a quicker one ends before anyone would read it. */
export const SHOW_AFTER_MS = 300;

/** What runLongCall hands the call: pass both on to invoke(). */
export interface LongCallOptions {
  signal: AbortSignal;
  onProgress: (progress: ProgressReport) => void;
}

export interface RunLongCallOptions {
  /**
   * When the SHOW_AFTER_MS count starts: at the call ('call'), or at its first progress report
   * ('progress'), for commands that first wait for the person in a native file dialog, during
   * which a panel behind the dialog would only be in the way.
   */
  showFrom?: 'call' | 'progress';
}

/** The call the panel shows. */
export interface ShownLongCall {
  /** Unique per call: the panel is keyed by it. */
  id: number;
  /** What is happening, as a heading: "Importing tasks". */
  title: string;
  /** The latest report, or null before the first. */
  progress: ProgressReport | null;
  /** Aborts the call: its promise rejects with IpcError 'cancelled', which reportError() leaves unsaid. */
  cancel: () => void;
}

interface RunningCall extends ShownLongCall {
  shown: boolean;
}

let running: readonly RunningCall[] = [];
let shownCall: ShownLongCall | null = null;
const listeners = new Set<() => void>();
let lastId = 0;

function update(next: readonly RunningCall[]): void {
  running = next;
  // One panel at a time: the latest call that has been running long enough.
  const latest = [...running].reverse().find((call) => call.shown) ?? null;
  shownCall = latest;
  for (const listener of [...listeners]) listener();
}

function patch(id: number, change: Partial<RunningCall>): void {
  if (!running.some((call) => call.id === id)) return;
  update(running.map((call) => (call.id === id ? { ...call, ...change } : call)));
}

/**
 * Runs `call` with a signal and a progress listener, showing the progress panel (titled `title`)
 * while it runs longer than SHOW_AFTER_MS; resolves or rejects as the call does. The panel's
 * Cancel (or Esc) aborts the signal.
 */
export function runLongCall<T>(
  title: string,
  call: (options: LongCallOptions) => Promise<T>,
  { showFrom = 'call' }: RunLongCallOptions = {},
): Promise<T> {
  lastId += 1;
  const id = lastId;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const startCounting = () => {
    timer ??= setTimeout(() => patch(id, { shown: true }), SHOW_AFTER_MS);
  };
  const end = () => {
    clearTimeout(timer);
    if (running.some((c) => c.id === id)) update(running.filter((c) => c.id !== id));
  };
  update([
    ...running,
    {
      id,
      title,
      progress: null,
      shown: false,
      cancel: () => {
        controller.abort();
        end(); // at once: the call's own end follows a turn later
      },
    },
  ]);
  if (showFrom === 'call') startCounting();

  let promise: Promise<T>;
  try {
    promise = call({
      signal: controller.signal,
      onProgress: (progress) => {
        startCounting();
        patch(id, { progress });
      },
    });
  } catch (error) {
    promise = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return promise.finally(end);
}

/**
 * Forgets every running call without cancelling it: for tests, whose fake backend may leave a
 * call unanswered for good (src/testing/fake-backend.ts calls it when a new backend starts).
 */
export function forgetLongCalls(): void {
  if (running.length > 0) update([]);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const getShown = () => shownCall;

/** The call the progress panel shows now, or null when none has run long enough. */
export function useShownLongCall(): ShownLongCall | null {
  return useSyncExternalStore(subscribe, getShown, getShown);
}
