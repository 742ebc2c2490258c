// SPDX-License-Identifier: MIT
// The stylesheet runs in QtWebEngine 6.4 (Chromium 102), not in an evergreen browser: a
// declaration using a newer CSS function is dropped there without a word. color-mix() (Chromium
// 111) once hid the primary buttons' text on hover and removed every focus ring.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest runs with frontend/ as its root.
const css = readFileSync(resolve(process.cwd(), 'src/styles/index.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

// Functions and at-rules that Chromium 102 does not understand.
const unsupported = [
  'color-mix(',
  'light-dark(',
  'oklch(',
  'oklab(',
  ':has(',
  '@container',
  '@starting-style',
  '@scope',
  'text-wrap:',
];

describe('index.css on QtWebEngine 6.4 (Chromium 102)', () => {
  it.each(unsupported)('does not use %s', (feature) => {
    expect(css).not.toContain(feature);
  });

  it('shows a focus ring built from plain colours', () => {
    expect(css).toMatch(/--focus: 0 0 0 2px rgb\(/);
    expect(css).toMatch(/:focus-visible \{[^}]*box-shadow: var\(--focus\)/);
  });

  it('keeps the primary button readable on hover (its own background, not the neutral one)', () => {
    expect(css).toMatch(/\.button-primary:hover \{[^}]*background: var\(--accent-hover\)/);
    expect(css).toMatch(/--accent-hover: #[0-9a-f]{6};/);
  });
});
