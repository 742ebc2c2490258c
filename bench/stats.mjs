// SPDX-License-Identifier: MIT
// The summary every page-side figure gives of its samples (bench/run.mjs, bench/latency.mjs).

/** { median, p99, n } of `samples` (numbers, any order): nearest-rank quantiles, no interpolation. */
export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99), n: sorted.length };
}
