// SPDX-License-Identifier: MIT
// Which parts of a text the words of a search match, as db_search_tasks matches them: a query word
// matches where a word of the text begins with it, case and accents ignored ('cafe' finds 'Café',
// 'zoe' finds 'Zoë'). The result is runs of plain text, which the UI shows as text (the matching ones
// in <mark>), never as HTML.

/** A stretch of the text, and whether it is (the start of a word) matched by a query word. */
export interface TextRun {
  text: string;
  match: boolean;
}

const MARKS = /\p{M}/gu;
/** A word of the text: letters and digits, with the marks that go with them (NFD accents). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const NOT_A_WORD = /[^\p{L}\p{N}]+/u;

/** `text` compared case- and accent-insensitively: decomposed, without marks, lower case. */
export function foldText(text: string): string {
  // Greek final sigma lower-cases as ς at the end of a word and σ elsewhere: one letter to compare.
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replaceAll('ς', 'σ');
}

/**
 * The words of `text` (a search, or what it searches), folded: split on anything that is not a
 * letter or digit. None for blank text or punctuation alone.
 */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(NOT_A_WORD)
    .filter((word) => word !== '');
}

/**
 * How much of `word` (as written) a folded prefix `length` long covers, with the accents that
 * follow the last letter: 'Café' for 4, 'Zoë' for 3, 'Mi' of 'Milk' for 2.
 */
function writtenLength(word: string, length: number): number {
  let folded = 0;
  let end = 0;
  for (const char of word) {
    if (folded >= length && foldText(char) !== '') break;
    folded += foldText(char).length;
    end += char.length;
  }
  return end;
}

/**
 * `text` cut into runs, the matching ones being the starts of the words that a word of `words`
 * (folded, as wordsOf gives them) begins: the longest such word where several do. Adjacent
 * runs of the same kind are joined; the runs put together give `text` back unchanged.
 */
export function highlightRuns(text: string, words: readonly string[]): TextRun[] {
  const wanted = words.filter((word) => word !== '');
  const runs: TextRun[] = [];
  const push = (part: string, match: boolean) => {
    if (part === '') return;
    const last = runs.at(-1);
    if (last && last.match === match) last.text += part;
    else runs.push({ text: part, match });
  };
  let at = 0;
  for (const found of text.matchAll(WORD)) {
    const word = found[0];
    const start = found.index;
    const folded = foldText(word);
    const longest = wanted.reduce((best, query) => (query.length > best && folded.startsWith(query) ? query.length : best), 0);
    if (longest === 0) continue;
    const end = start + writtenLength(word, longest);
    push(text.slice(at, start), false);
    push(text.slice(start, end), true);
    at = end;
  }
  push(text.slice(at), false);
  return runs;
}
