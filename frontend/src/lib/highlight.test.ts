// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { foldText, highlightRuns, wordsOf, type TextRun } from '@/lib/highlight';

/** The runs of `text` for `query`, written "plain [match] plain" to read at a glance. */
function marked(text: string, query: string): string {
  return highlightRuns(text, wordsOf(query))
    .map((run) => (run.match ? `[${run.text}]` : run.text))
    .join('');
}

describe('foldText', () => {
  it('ignores case and accents, whether the text comes composed or decomposed', () => {
    expect(foldText('Café')).toBe('cafe');
    expect(foldText('Cafe\u0301')).toBe('cafe');
    expect(foldText('ZOË')).toBe('zoe');
    expect(foldText('İstanbul')).toBe('istanbul');
    expect(foldText('ΟΔΟΣ')).toBe(foldText('οδος'));
  });
});

describe('wordsOf', () => {
  it('splits on anything that is not a letter or a digit, in any script', () => {
    expect(wordsOf('  Buy milk, eggs & bread!  ')).toEqual(['buy', 'milk', 'eggs', 'bread']);
    expect(wordsOf('Q3-report_v2')).toEqual(['q3', 'report', 'v2']);
    expect(wordsOf('Привет мир')).toEqual(['привет', 'мир']);
    expect(wordsOf('Crème brûlée')).toEqual(['creme', 'brulee']);
  });

  it('finds no word in blank text or punctuation alone', () => {
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf('   ')).toEqual([]);
    expect(wordsOf('?!… — "*"')).toEqual([]);
  });
});

describe('highlightRuns', () => {
  it('marks the start of each word that a query word begins', () => {
    expect(marked('Buy milk', 'mil')).toBe('Buy [mil]k');
    expect(marked('Buy milk', 'milk')).toBe('Buy [milk]');
  });

  it('ignores case and accents both ways: cafe finds Café, café finds Cafe, zoe finds Zoë', () => {
    expect(marked('Meet at Café Luna', 'cafe')).toBe('Meet at [Café] Luna');
    expect(marked('Meet at Cafe Luna', 'CAFÉ')).toBe('Meet at [Cafe] Luna');
    expect(marked('Call Zoë', 'zoe')).toBe('Call [Zoë]');
    expect(marked('Call Zoë', 'zo')).toBe('Call [Zo]ë');
    // Decomposed: the accent stays with its letter, inside the mark.
    expect(marked('Cafe\u0301 au lait', 'cafe')).toBe('[Cafe\u0301] au lait');
  });

  it('matches only at the start of a word', () => {
    expect(marked('Write report', 'port')).toBe('Write report');
    expect(marked('Write report', 'rep')).toBe('Write [rep]ort');
    expect(marked('Export reports', 'port')).toBe('Export reports');
  });

  it('marks every word that any of several query words begins, the longest where several do', () => {
    expect(marked('Buy milk and bread', 'bread milk')).toBe('Buy [milk] and [bread]');
    expect(marked('Buy milk and bread', 'b')).toBe('[B]uy milk and [b]read');
    expect(marked('Report the report', 're report')).toBe('[Report] the [report]');
    expect(marked('milk milk', 'milk')).toBe('[milk] [milk]');
  });

  it('keeps punctuation and spaces out of the marks, and the text whole', () => {
    expect(marked('Eggs, milk & bread!', 'eggs bread')).toBe('[Eggs], milk & [bread]!');
    expect(marked('e-mail the Q3-report', 'mail q3')).toBe('e-[mail] the [Q3]-report');
    const text = '  (Café) — zoë’s “list”…  ';
    expect(
      highlightRuns(text, wordsOf('cafe zoe'))
        .map((r) => r.text)
        .join(''),
    ).toBe(text);
  });

  it('keeps a title that looks like HTML as the text it is', () => {
    const runs: TextRun[] = highlightRuns('<b>bold</b> move', wordsOf('b'));
    expect(runs).toEqual([
      { text: '<', match: false },
      { text: 'b', match: true },
      { text: '>', match: false },
      { text: 'b', match: true },
      { text: 'old</', match: false },
      { text: 'b', match: true },
      { text: '> move', match: false },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe('<b>bold</b> move');
  });

  it('gives one plain run when nothing matches or there is no query word', () => {
    expect(highlightRuns('Buy milk', [])).toEqual([{ text: 'Buy milk', match: false }]);
    expect(highlightRuns('Buy milk', wordsOf('eggs'))).toEqual([{ text: 'Buy milk', match: false }]);
    expect(highlightRuns('', wordsOf('eggs'))).toEqual([]);
  });
});
