// SPDX-License-Identifier: MIT
// Counts as people read them in any language Quire is used in: thousands apart by a narrow
// no-break space ("100 000"), never by a comma or dot that reads as a decimal point somewhere.

const NARROW_NBSP = '\u202f';

/** 1234 → "1 234" (U+202F between the groups, so a number never breaks across lines). */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP);
}

/** "1 task", "312 tasks"; `plural` when it is not `singular` + "s". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
