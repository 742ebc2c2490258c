// SPDX-License-Identifier: MIT
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
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
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.releasePointerCapture ??= () => {};

afterEach(() => {
  cleanup();
  clearBridgeMocks();
  vi.useRealTimers();
});

// The app logs every reported failure with a "[quire]" prefix; the tests assert
// on what the user sees instead, so keep those lines out of the test output.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('[quire]')) return;
  consoleError(...args);
};
