// SPDX-License-Identifier: MIT
// Quick add: one line of text ("Pay rent every month on the 1st #Home !high") read as a task.
// The symbols (#project, @tag, !priority, p1 to p4) are a small grammar of their own, recurrence
// ("every 2 weeks on mon") is another, and dates and times are left to chrono-node, which cannot
// read recurrence. Each recognised part is claimed in that order: its characters are blanked out
// of the text the next step reads, so no part is read twice, and what nobody claimed is the title.
import { casual, type ParsedResult } from 'chrono-node/en';
import type { Priority } from '@/ipc/contract';
import { addDays, formatLocalDate, parseLocalDate, todayText } from '@/lib/local-date';
import { formatDueDate } from '@/features/tasks/utils/format-due-date';
import {
  describeRecurrence,
  firstOccurrence,
  formatRecurrenceRule,
  type RecurrenceRule,
  type Weekday,
} from '@/features/tasks/utils/recurrence-rule';

export interface QuickAddChip {
  kind: 'date' | 'recurrence' | 'project' | 'tag' | 'priority';
  label: string;
  /** [start, end) in the input text. */
  start: number;
  end: number;
}

export interface QuickAddResult {
  title: string;
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when a time was said. */
  dueDate: string | null;
  /** An RRULE in the canonical form of formatRecurrenceRule. */
  recurrence: string | null;
  projectIds: string[];
  /** Names after # that match no project: the caller may offer to create them. */
  unknownProjects: string[];
  tags: string[];
  priority: Priority | null;
  /** What was recognised, in text order. */
  chips: QuickAddChip[];
}

export interface QuickAddOptions {
  now: Date;
  projects: readonly { id: string; name: string }[];
}

const priorityLabels: Record<Priority, string> = {
  pinned: 'Pinned',
  high: 'High',
  standard: 'Standard',
  'long term': 'Long term',
  nit: 'Nit',
};

// --- The text being read -----------------------------------------------------------------------

/** The input with the claimed parts blanked out, and the chips of those parts. */
class Claims {
  /** The input with claimed characters as spaces: what the next reader reads. */
  masked: string;
  /** The input with claimed characters as NUL, so the title knows where the gaps are. */
  private marked: string;
  readonly chips: QuickAddChip[] = [];

  constructor(text: string) {
    this.masked = text;
    this.marked = text;
  }

  claim(kind: QuickAddChip['kind'], label: string, start: number, end: number): QuickAddChip {
    const blank = (text: string, c: string) => text.slice(0, start) + c.repeat(end - start) + text.slice(end);
    // Blank with spaces, not a marker, so "tomorrow #Home 5pm" still reads as one date to chrono
    // (whose chip then encloses the project's: the one case where chips overlap).
    this.masked = blank(this.masked, ' ');
    this.marked = blank(this.marked, '\0');
    const chip = { kind, label, start, end };
    this.chips.push(chip);
    return chip;
  }

  /**
   * What nobody claimed, whitespace collapsed. Punctuation after a claim goes back to the word
   * before it ("Buy milk #Home." is "Buy milk."), and a separator a claim leaves dangling at
   * either end goes ("Call mom, tomorrow" is "Call mom"); text between words is left as typed.
   */
  rest(): string {
    return this.marked
      .replace(/^[\s\0]*\0[\s\0]*[,;:–—-]*/, '')
      .replace(/[\s,;:–—-]*\0[\s\0]*$/, '')
      .replace(/\s*\0[\s\0]*(?=[,;:.!?](?:\s|$))/g, '')
      .replace(/[,;:]+([.!?])$/, '$1')
      .replace(/[\s\0]+/g, ' ')
      .trim();
  }
}

// Letters, digits and '_' make a word; a symbol or keyword must not run into one.
const wordChar = String.raw`[\p{L}\p{N}_]`;
const notAfterWord = `(?<!${wordChar})`;
const notBeforeWord = `(?!${wordChar})`;

/** Every match of the global `pattern` in the masked text, read afresh as claims blank it. */
function* matches(claims: Claims, pattern: RegExp): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(claims.masked); match; match = pattern.exec(claims.masked)) yield match;
}

// --- #project, @tag, !priority -----------------------------------------------------------------

// toLowerCase, not toLocaleLowerCase: "#ISSUES" finds "Issues" on a Turkish machine too.
const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

// A bare name may hold '.', '-' and apostrophes inside, not at its end: "#Home." is "Home".
const bareName = new RegExp(String.raw`${wordChar}(?:[\p{L}\p{N}_.'’-]*${wordChar})?`, 'uy');

interface ProjectMention {
  end: number;
  name: string;
  id: string | null;
}

const endsWord = new RegExp(`^${notBeforeWord}`, 'u');

/** The longest project name that the text after '#' starts with, as a whole word: "#Two words". */
function longestKnownName(masked: string, from: number, options: QuickAddOptions): ProjectMention | null {
  let best: ProjectMention | null = null;
  for (const project of options.projects) {
    const length = project.name.length;
    if (length === 0 || (best && best.end - from >= length)) continue;
    const candidate = masked.slice(from, from + length);
    if (endsWord.test(masked.slice(from + length)) && normalName(candidate) === normalName(project.name)) {
      best = { end: from + length, name: project.name, id: project.id };
    }
  }
  return best;
}

function findProject(name: string, options: QuickAddOptions): QuickAddOptions['projects'][number] | undefined {
  return options.projects.find((p) => normalName(p.name) === normalName(name));
}

/** The project named after the '#' at `hash`, or null when what follows is no name. */
function readProject(masked: string, hash: number, options: QuickAddOptions): ProjectMention | null {
  const quoted = /["“]([^"”]*)["”]/y;
  quoted.lastIndex = hash + 1;
  const quote = quoted.exec(masked);
  if (quote) {
    const name = quote[1]!.trim().replace(/\s+/g, ' ');
    if (name === '') return null;
    const project = findProject(name, options);
    return { end: quoted.lastIndex, name: project?.name ?? name, id: project?.id ?? null };
  }
  const known = longestKnownName(masked, hash + 1, options);
  if (known) return known;
  bareName.lastIndex = hash + 1;
  const word = bareName.exec(masked)?.[0];
  if (word === undefined) return null;
  // "#Two_words" is how to type a name with a space without quotes.
  const project = findProject(word, options) ?? findProject(word.replaceAll('_', ' '), options);
  if (project) return { end: bareName.lastIndex, name: project.name, id: project.id };
  // "Fix #42" refers to an issue, not to a new project called 42.
  if (/^\d+$/.test(word)) return null;
  return { end: bareName.lastIndex, name: word.replaceAll('_', ' '), id: null };
}

function claimProjects(claims: Claims, options: QuickAddOptions, result: QuickAddResult): void {
  for (const match of matches(claims, /(?<!\S)#/g)) {
    const mention = readProject(claims.masked, match.index, options);
    if (!mention) continue;
    if (mention.id !== null) {
      if (!result.projectIds.includes(mention.id)) result.projectIds.push(mention.id);
      claims.claim('project', mention.name, match.index, mention.end);
    } else {
      const name = normalName(mention.name);
      if (!result.unknownProjects.some((n) => normalName(n) === name)) result.unknownProjects.push(mention.name);
      claims.claim('project', `${mention.name} (new)`, match.index, mention.end);
    }
  }
}

// "@5pm" or "@ 9:30" is a time, which chrono reads; "@2fa" is a tag.
const tagPattern = new RegExp(String.raw`(?<!\S)@(${wordChar}(?:[\p{L}\p{N}_./-]*${wordChar})?)`, 'gu');
const timeLike = /^\d{1,2}(?::\d{2})?(?:am|pm|a|p)?$/i;

function claimTags(claims: Claims, result: QuickAddResult): void {
  for (const match of matches(claims, tagPattern)) {
    const tag = match[1]!;
    if (timeLike.test(tag)) continue;
    if (!result.tags.includes(tag)) result.tags.push(tag);
    claims.claim('tag', `@${tag}`, match.index, match.index + match[0].length);
  }
}

const priorityPattern = new RegExp(
  String.raw`(?:(?<!\S)!(pinned|high|standard|long[-_]?term|nit)|${notAfterWord}p([1-4]))${notBeforeWord}`,
  'iu',
);
const priorityWords: Record<string, Priority> = {
  pinned: 'pinned',
  high: 'high',
  standard: 'standard',
  longterm: 'long term',
  nit: 'nit',
};
const numberedPriorities: Priority[] = ['pinned', 'high', 'standard', 'long term'];

/** The first priority said; any later one is left in the title, where the user sees it. */
function claimPriority(claims: Claims, result: QuickAddResult): void {
  const match = priorityPattern.exec(claims.masked);
  if (!match) return;
  const [, word, digit] = match;
  const priority = word ? priorityWords[word.toLowerCase().replace(/[-_]/, '')]! : numberedPriorities[Number(digit) - 1]!;
  result.priority = priority;
  claims.claim('priority', priorityLabels[priority], match.index, match.index + match[0].length);
}

// --- Recurrence --------------------------------------------------------------------------------

const cursorPatterns = new Map<string, RegExp>();

function cursorPattern(source: string, wholeWord: boolean): RegExp {
  const key = `${wholeWord ? 'w' : 'p'}${source}`;
  let pattern = cursorPatterns.get(key);
  if (!pattern) {
    pattern = new RegExp(String.raw`\s*(?:${source})${wholeWord ? notBeforeWord : ''}`, 'iuy');
    cursorPatterns.set(key, pattern);
  }
  return pattern;
}

/** A reader of the masked text from a position on, each step skipping the spaces before it. */
class Cursor {
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  /**
   * Matches `source` at the cursor, as a whole word unless it is punctuation, and moves past it;
   * or returns null and stays.
   */
  take(source: string, wholeWord = true): RegExpExecArray | null {
    const pattern = cursorPattern(source, wholeWord);
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (match) this.pos = pattern.lastIndex;
    return match;
  }

  /** Tries `read`, putting the cursor back when it gives null. */
  attempt<T>(read: () => T | null): T | null {
    const saved = this.pos;
    const value = read();
    if (value === null) this.pos = saved;
    return value;
  }
}

const weekdaySources: [Weekday, string][] = [
  ['MO', 'mon(?:day)?s?'],
  ['TU', 'tue(?:s(?:day)?)?s?'],
  ['WE', 'wed(?:s|nesday)?s?'],
  ['TH', 'thu(?:r(?:s(?:day)?)?)?s?'],
  ['FR', 'fri(?:day)?s?'],
  ['SA', 'sat(?:urday)?s?'],
  ['SU', 'sun(?:day)?s?'],
];
const weekdayOrder: Weekday[] = weekdaySources.map(([day]) => day);
const anyWeekday = weekdaySources.map(([, source]) => `(${source})`).join('|');

const numberWords = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const numberSource = `(\\d{1,3}|${numberWords.join('|')})`;
/** How many units apart: "every 3 weeks", "every other week". */
const intervalSource = `(\\d{1,3}|other|${numberWords.join('|')})`;

/** ",", "and", ", and", "&" or "/" between the items of a list. */
function readListSeparator(cursor: Cursor): boolean {
  if (cursor.take('and')) return true;
  if (!cursor.take('[,&/]', false)) return false;
  cursor.take('and');
  return true;
}


const ordinalValues: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
};
const ordinalSource = `(${Object.keys(ordinalValues).join('|')})`;

/** The number of numberSource or intervalSource. */
function readCount(word: string): number {
  if (word.toLowerCase() === 'other') return 2;
  const index = numberWords.indexOf(word.toLowerCase());
  return index >= 0 ? index + 1 : Number(word);
}

function readWeekday(cursor: Cursor): Weekday | null {
  const match = cursor.take(anyWeekday);
  if (!match) return null;
  return weekdayOrder[match.slice(1).findIndex((group) => group !== undefined)]!;
}

/** "mon", "mon and thu", "monday, wednesday & friday": in week order, each once. */
function readWeekdays(cursor: Cursor): Weekday[] | null {
  const first = readWeekday(cursor);
  if (!first) return null;
  const days = new Set([first]);
  for (;;) {
    const next = cursor.attempt(() => (readListSeparator(cursor) ? readWeekday(cursor) : null));
    if (!next) break;
    days.add(next);
  }
  return weekdayOrder.filter((d) => days.has(d));
}

/** "1st", "15th and 30th", "the 1st, the 15th": in order, each once. */
function readMonthDays(cursor: Cursor): number[] | null {
  const read = () => {
    const match = cursor.take(String.raw`(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)`);
    const day = match ? Number(match[1]) : 0;
    return day >= 1 && day <= 31 ? day : null;
  };
  const first = cursor.attempt(read);
  if (first === null) return null;
  const days = new Set([first]);
  for (;;) {
    const next = cursor.attempt(() => (readListSeparator(cursor) ? read() : null));
    if (next === null) break;
    days.add(next);
  }
  return [...days].sort((a, b) => a - b);
}

/** "last day", "last friday", "second tuesday", "15th": the day of a monthly rule. */
function readDayOfMonth(cursor: Cursor): Pick<RecurrenceRule, 'byDay' | 'byMonthDay'> | null {
  if (cursor.attempt(() => cursor.take('(?:the\\s+)?last\\s+day'))) return { byDay: [], byMonthDay: [-1] };
  const ordinal = cursor.attempt(() => {
    const match = cursor.take(`(?:the\\s+)?${ordinalSource}`);
    const day = match && readWeekday(cursor);
    return match && day ? { ordinal: ordinalValues[match[1]!.toLowerCase()]!, day } : null;
  });
  if (ordinal) return { byDay: [ordinal], byMonthDay: [] };
  const days = cursor.attempt(() => readMonthDays(cursor));
  return days && { byDay: [], byMonthDay: days };
}

const ofTheMonth = String.raw`of\s+(?:the|each|every)\s+month`;

type Unit = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
const unitSource = '(day|week|month|year)s?';
const unitFrequency: Record<string, Unit> = { day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY', year: 'YEARLY' };

/** " on mon and thu" after a weekly rule, " on the 1st" or " on the last friday" after a monthly one. */
function readOnClause(cursor: Cursor, rule: RecurrenceRule): void {
  if (rule.frequency === 'WEEKLY') {
    const days = cursor.attempt(() => (cursor.take('on') ? readWeekdays(cursor) : null));
    if (days) rule.byDay = days.map((day) => ({ ordinal: 0, day }));
  } else if (rule.frequency === 'MONTHLY') {
    const day = cursor.attempt(() => (cursor.take('on') ? readDayOfMonth(cursor) : null));
    if (day) Object.assign(rule, day);
  }
}

const newRule = (frequency: Unit, interval = 1): RecurrenceRule => ({ frequency, interval, byDay: [], byMonthDay: [] });
const workWeek: RecurrenceRule['byDay'] = weekdayOrder.slice(0, 5).map((day) => ({ ordinal: 0, day }));

/** What follows "every": a unit, weekdays, or a day of the month. */
function readEvery(cursor: Cursor): RecurrenceRule | null {
  if (cursor.take('(?:week|work\\s?|business\\s+)days?')) return { ...newRule('WEEKLY'), byDay: workWeek };
  if (cursor.take('weekends?')) return { ...newRule('WEEKLY'), byDay: [{ ordinal: 0, day: 'SA' }, { ordinal: 0, day: 'SU' }] };
  const unit = cursor.attempt(() => {
    const count = cursor.take(intervalSource);
    const match = cursor.take(unitSource);
    if (!match) return null;
    const rule = newRule(unitFrequency[match[1]!.toLowerCase()]!, count ? readCount(count[1]!) : 1);
    readOnClause(cursor, rule);
    return rule.interval >= 1 ? rule : null;
  });
  if (unit) return unit;
  const weekly = cursor.attempt(() => {
    const other = cursor.take('other');
    const days = readWeekdays(cursor);
    return days && { ...newRule('WEEKLY', other ? 2 : 1), byDay: days.map((day) => ({ ordinal: 0, day })) };
  });
  if (weekly) return weekly;
  const monthly = cursor.attempt(() => readDayOfMonth(cursor));
  if (!monthly) return null;
  cursor.attempt(() => cursor.take(ofTheMonth));
  return { ...newRule('MONTHLY'), ...monthly };
}

const adverbs: Record<string, [Unit, number]> = {
  daily: ['DAILY', 1],
  everyday: ['DAILY', 1],
  weekly: ['WEEKLY', 1],
  fortnightly: ['WEEKLY', 2],
  monthly: ['MONTHLY', 1],
  yearly: ['YEARLY', 1],
  annually: ['YEARLY', 1],
};

// "Write weekly report" is a report, "Water plants weekly" a recurrence: an adverb counts only
// where the line ends or goes on to say when.
const endOfSaying = /^\s*(?:$|[,;.!?]|(?:at|on|from|starting|until|till|by|@)(?![\p{L}\p{N}_])|\d)/iu;

/** ", 5 times" or " until 12 March" after a rule. */
function readEnd(cursor: Cursor, rule: RecurrenceRule, now: Date): void {
  const count = cursor.attempt(() => cursor.take(String.raw`(?:,\s*)?(?:for\s+)?${numberSource}\s+times`));
  if (count) {
    rule.count = readCount(count[1]!);
    return;
  }
  cursor.attempt(() => {
    if (!cursor.take(String.raw`(?:,\s*)?(?:until|till|through|thru)`)) return null;
    const date = casual.parse(cursor.text.slice(cursor.pos), now, { forwardDate: true })[0];
    if (!date || cursor.text.slice(cursor.pos, cursor.pos + date.index).trim() !== '') return null;
    const until = formatLocalDate(date.start.date(), false);
    if (!parseLocalDate(until)) return null;
    rule.until = until.replaceAll('-', '');
    cursor.pos += date.index + date.text.length;
    return true;
  });
}

interface RecurrenceMention {
  rule: RecurrenceRule;
  start: number;
  end: number;
}

function readRecurrenceAt(masked: string, start: number, now: Date): RecurrenceMention | null {
  const cursor = new Cursor(masked, start);
  if (cursor.take('every|each')) {
    const rule = readEvery(cursor);
    if (!rule) return null;
    readEnd(cursor, rule, now);
    return { rule, start, end: cursor.pos };
  }
  const adverb = cursor.take(Object.keys(adverbs).join('|'));
  if (!adverb) return null;
  const rule = newRule(...adverbs[adverb[0].trim().toLowerCase()]!);
  const afterAdverb = cursor.pos;
  readOnClause(cursor, rule);
  readEnd(cursor, rule, now);
  if (cursor.pos === afterAdverb && !endOfSaying.test(masked.slice(cursor.pos))) return null;
  return { rule, start, end: cursor.pos };
}

function findRecurrence(claims: Claims, now: Date): RecurrenceMention | null {
  const starts = new RegExp(`${notAfterWord}(?:every|each|${Object.keys(adverbs).join('|')})${notBeforeWord}`, 'giu');
  for (const match of matches(claims, starts)) {
    const mention = readRecurrenceAt(claims.masked, match.index, now);
    if (mention) return mention;
  }
  return null;
}

// --- Dates -------------------------------------------------------------------------------------

/**
 * A word just before a date that only introduces it ("Pay rent by friday", "Meet @ 5pm") goes
 * with the date rather than stay behind in the title.
 */
function withLeadIn(masked: string, start: number, words: string): number {
  const lead = new RegExp(String.raw`(?<!\S)(?:(?:${words})\s+|@\s*)$`, 'iu').exec(masked.slice(0, start));
  return lead ? lead.index : start;
}

/** Whether a date says which day, not only a time of day. */
const saysTheDay = (components: ParsedResult['start']) =>
  (['day', 'weekday', 'month', 'year'] as const).some((c) => components.isCertain(c));

/** The first occurrence at or after now: with a time, today only when that time is still to come. */
function firstOccurrenceAt(rule: RecurrenceRule, now: Date, time: string | null): string | null {
  const today = todayText(now);
  let day = firstOccurrence(rule, today);
  if (day === null || time === null) return day;
  if (day === today && `${day}T${time}` < formatLocalDate(now, true)) day = firstOccurrence(rule, addDays(today, 1));
  return day && `${day}T${time}`;
}

/**
 * The day said, or else the rule's first occurrence (at the time said, if one was). A time of day
 * ("tonight", "tomorrow morning") is not a time: only a said hour ("5pm", "noon") makes one.
 */
function dueDateOf(date: ParsedResult | undefined, rule: RecurrenceRule | null, now: Date): string | null {
  const timed = date?.start.isCertain('hour') ?? false;
  const said = date && formatLocalDate(date.start.date(), timed);
  const due = said && (!rule || saysTheDay(date.start)) ? said : rule && firstOccurrenceAt(rule, now, timed && said ? said.slice(11) : null);
  // Never hand out what the backend would refuse, such as a year past 9999 ("in 8000 years").
  return due && parseLocalDate(due) ? due : null;
}

// --- Putting it together -----------------------------------------------------------------------

/**
 * What the user meant by one line of quick-add text, read at `options.now`: the title, the due
 * date, the recurrence, projects, tags and priority, and chips for what was recognised.
 */
export function parseQuickAdd(text: string, options: QuickAddOptions): QuickAddResult {
  const { now } = options;
  const result: QuickAddResult = {
    title: '',
    dueDate: null,
    recurrence: null,
    projectIds: [],
    unknownProjects: [],
    tags: [],
    priority: null,
    chips: [],
  };
  const claims = new Claims(text);
  claimProjects(claims, options, result);
  claimTags(claims, result);
  claimPriority(claims, result);

  const recurrence = findRecurrence(claims, now);
  // Labelled once the due date is known, which it names ("Every month on the 29th").
  const recurrenceChip =
    recurrence && claims.claim('recurrence', '', withLeadIn(claims.masked, recurrence.start, 'on'), recurrence.end);

  // chrono's first match is the date; a later one stays in the title, where the user sees it.
  const date = casual.parse(claims.masked, now, { forwardDate: true })[0];
  const rule = recurrence?.rule ?? null;
  // "every day at 9am until dec 31" reads to chrono as a range from 9am to 31 December.
  // A range within one day ("9am-10am") is a time slot, not an end.
  if (rule && date?.end && saysTheDay(date.end) && rule.count === undefined && rule.until === undefined) {
    rule.until = formatLocalDate(date.end.date(), false).replaceAll('-', '');
  }
  result.dueDate = dueDateOf(date, rule, now);
  // A date the due date does not come from (one out of range) stays in the title, in sight.
  if (date && result.dueDate) {
    const leadIns = rule ? 'on|at|by|due|from|starting|beginning' : 'on|at|by|due';
    const start = withLeadIn(claims.masked, date.index, leadIns);
    claims.claim('date', formatDueDate(result.dueDate, now).label, start, date.index + date.text.length);
  }
  if (rule && recurrenceChip) {
    result.recurrence = formatRecurrenceRule(rule);
    recurrenceChip.label = describeRecurrence(result.recurrence, result.dueDate ?? undefined);
  }

  result.title = claims.rest();
  result.chips = [...claims.chips].sort((a, b) => a.start - b.start);
  return result;
}
