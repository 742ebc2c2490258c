// SPDX-License-Identifier: MIT
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { toast } from 'sonner';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { clearBridgeMocks } from '@/testing/mock-bridge';

// jsdom does no layout; give elements a size so the virtualised list renders rows.
for (const [prop, value] of [
  ['offsetHeight', 600],
  ['offsetWidth', 800],
  ['clientHeight', 600],
  ['clientWidth', 800],
] as const) {
  Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
}
// jsdom has no pointer capture; sonner takes it when a toast's button is pressed.
for (const [name, value] of [
  ['setPointerCapture', () => {}],
  ['releasePointerCapture', () => {}],
  ['hasPointerCapture', () => false],
] as const) {
  if (!(name in Element.prototype)) Object.defineProperty(Element.prototype, name, { configurable: true, value });
}
if (!('ResizeObserver' in window)) {
  class NoopResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoopResizeObserver;
}
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
// jsdom lacks these; Radix and the virtual list call them. Defined only where missing.
const elementStubs: Partial<Record<'scrollIntoView' | 'hasPointerCapture' | 'releasePointerCapture', () => unknown>> = {
  scrollIntoView: () => undefined,
  hasPointerCapture: () => false,
  releasePointerCapture: () => undefined,
};
for (const [name, stub] of Object.entries(elementStubs)) {
  if (!(name in Element.prototype)) Object.defineProperty(Element.prototype, name, { value: stub, configurable: true, writable: true });
}

beforeAll(() => {
  // sonner puts its 17 kB toast stylesheet into <head> when the test file imports it. The tests load
  // none of the app's own CSS and check no toast styling, yet jsdom matched its 110 rules against an
  // element and each of its ancestors on every getComputedStyle after any DOM change: user-event's
  // pointer-events check before each click, the hidden check of role queries.
  for (const style of document.head.querySelectorAll('style')) {
    if (style.textContent?.includes('[data-sonner-toaster]')) style.remove();
  }
  // jsdom parses its default stylesheet and loads its CSS property tables on the first
  // getComputedStyle (about 0.3 s of CPU): pay that once per file here, not in whichever test renders first.
  window.getComputedStyle(document.documentElement).getPropertyValue('pointer-events');
});

afterEach(() => {
  cleanup();
  clearBridgeMocks();
  vi.useRealTimers();
  localStorage.clear();
  // The toaster keeps its toasts in sonner's module state, which the files of a worker share.
  toast.dismiss();
});

// A toast being dismissed removes itself 200 ms later (sonner's TIME_BEFORE_UNMOUNT), through
// React, which needs `window`: if the file's environment were torn down first, that timer would
// throw "window is not defined" into the run. Let such timers finish before the file ends.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 300)));

// The app logs every reported failure with a "[quire]" prefix; the tests assert
// on what the user sees instead, so keep those lines out of the test output.
// The files share one environment per worker (isolate: false), so this runs once per file: wrap
// console.error once.
const quietMarker = Symbol.for('quire.quietConsoleError');
if (!(quietMarker in console.error)) {
  const consoleError = console.error.bind(console);
  console.error = Object.assign(
    (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('[quire]')) return;
      consoleError(...args);
    },
    { [quietMarker]: true },
  );
}
