// SPDX-License-Identifier: MIT
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The CMake build embeds exactly dist/index.html, dist/assets/index.js and
// dist/assets/index.css into the binary, so names are fixed and there is one chunk.
export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  publicDir: false,
  build: {
    // Qt 6.4's WebEngine is Chromium 102: newer syntax (media query ranges such as
    // `(width<=720px)`, which the CSS minifier writes by default) would be ignored there.
    target: 'chrome102',
    cssTarget: 'chrome102',
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/index.js',
        chunkFileNames: 'assets/index.js',
        // All CSS is bundled into one file; name it after the entry, not the first stylesheet.
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith('.css')) ? 'assets/index.css' : 'assets/[name][extname]',
        codeSplitting: false,
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // One jsdom per worker, not per file: setting up jsdom for each of the 35 files took 31 of the
    // run's 87 s. The files share no state (setup.ts resets the DOM, storage and the fake
    // backend), and they pass in any order (--sequence.shuffle.files).
    isolate: false,
  },
});
