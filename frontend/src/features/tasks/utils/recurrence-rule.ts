// SPDX-License-Identifier: MIT
// A task's recurrence is an RFC 5545 RRULE of the parts the backend accepts (FREQ, INTERVAL, BYDAY,
// BYMONTHDAY, COUNT, UNTIL; see db_create_task in resources/ipc-contract.json). This module reads
// and writes that text for the UI and says it in plain English. It accepts what the backend's
// parseRecurrence (core/recurrence.cpp) accepts, with the same limits, so what the UI takes the
// backend takes too; except an UNTIL with a time, which this model has no room for. A rule it
// does not accept reads as a custom rule, which the UI leaves alone rather than rewrite.
import { addDays, daysInMonth, parseLocalDate, weekdayOf, type LocalDateParts } from '@/lib/local-date';
import { formatDayMonth, monthNames, weekdayNames } from '@/features/tasks/utils/format-due-date';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export interface RecurrenceRule {
  frequency: Frequency;
  /** 1 to 999: every `interval` days, weeks, months or years. */
  interval: number;
  /** ordinal 0 is every such weekday; 1 to 5 and -1 to -5 (MONTHLY only) count within the month. */
  byDay: { ordinal: number; day: Weekday }[];
  /** MONTHLY only: 1 to 31 from the start of the month, -1 to -31 from its end (-1 is the last day). */
  byMonthDay: number[];
  /** 1 to 999 999 occurrences. */
  count?: number;
  /** The last day an occurrence may fall on, as YYYYMMDD. */
  until?: string;
}

const frequencies: readonly Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/** Indexed like Date#getDay: 0 is Sunday. */
export const weekdayCodes: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const workWeek: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

export const customRuleText = 'Repeats (custom rule)';

// --- Reading and writing the RRULE text ------------------------------------------------------

const positiveInteger = /^\d+$/;
const signedInteger = /^[+-]?\d+$/;
const byDayItem = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

// The backend's limits (core/recurrence.cpp).
const maxInterval = 999;
const maxCount = 999_999;
const maxOrdinal = 5;

function parsePositive(value: string, max: number): number | null {
  const n = positiveInteger.test(value) ? Number(value) : Number.NaN;
  return n >= 1 && n <= max ? n : null;
}

const hasRepeats = (items: unknown[]) => new Set(items).size !== items.length;

function parseByDay(value: string): RecurrenceRule['byDay'] | null {
  const items: RecurrenceRule['byDay'] = [];
  for (const item of value.split(',')) {
    const match = byDayItem.exec(item);
    if (!match) return null;
    const ordinal = match[1] === undefined ? 0 : Number(match[1]);
    if (match[1] !== undefined && (ordinal === 0 || Math.abs(ordinal) > maxOrdinal)) return null;
    items.push({ ordinal, day: match[2] as Weekday });
  }
  return hasRepeats(items.map((d) => `${d.ordinal}${d.day}`)) ? null : items;
}

function parseByMonthDay(value: string): number[] | null {
  const days: number[] = [];
  for (const item of value.split(',')) {
    const n = signedInteger.test(item) ? Number(item) : Number.NaN;
    if (!Number.isInteger(n) || n === 0 || Math.abs(n) > 31) return null;
    days.push(n);
  }
  return hasRepeats(days) ? null : days;
}

/** The YYYY-MM-DD of an UNTIL value (YYYYMMDD), unchecked: as a date input shows it. */
export const untilDay = (until: string) => `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6)}`;

/** YYYYMMDD of a real day; the date-time form of UNTIL is outside what the app supports. */
function parseUntil(value: string): string | null {
  return /^\d{8}$/.test(value) && parseLocalDate(untilDay(value)) ? value : null;
}

/**
 * How parts may combine: as RFC 5545 says (not both COUNT and UNTIL, numbered weekdays only by
 * month or year) and, narrower, as the backend supports (BYMONTHDAY only by month, nothing by
 * year but the due date's day).
 */
function isCoherent(rule: RecurrenceRule): boolean {
  if (rule.count !== undefined && rule.until !== undefined) return false;
  if (rule.frequency === 'YEARLY' && rule.byDay.length > 0) return false;
  if (rule.frequency !== 'MONTHLY' && rule.byDay.some((d) => d.ordinal !== 0)) return false;
  return rule.frequency === 'MONTHLY' || rule.byMonthDay.length === 0;
}

/**
 * The rule in `text` ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", optionally after "RRULE:"; names and
 * values in any case, as RFC 5545 allows), or null when it is malformed, repeats a part or a
 * day, has a part outside the supported six, a number out of range, or parts that do not combine.
 * WKST=MO is read and dropped, as the backend does: its weeks start on Monday anyway.
 */
export function parseRecurrenceRule(text: string): RecurrenceRule | null {
  const body = text.trim().toUpperCase().replace(/^RRULE:/, '');
  if (body === '') return null;
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [name, value, ...rest] = part.split('=');
    if (!name || value === undefined || value === '' || rest.length > 0 || parts.has(name)) return null;
    parts.set(name, value);
  }
  const frequency = frequencies.find((f) => f === parts.get('FREQ'));
  if (!frequency) return null;
  const rule: RecurrenceRule = { frequency, interval: 1, byDay: [], byMonthDay: [] };
  for (const [name, value] of parts) {
    switch (name) {
      case 'FREQ':
        break;
      case 'WKST':
        if (value !== 'MO') return null;
        break;
      case 'INTERVAL': {
        const interval = parsePositive(value, maxInterval);
        if (interval === null) return null;
        rule.interval = interval;
        break;
      }
      case 'BYDAY': {
        const byDay = parseByDay(value);
        if (!byDay) return null;
        rule.byDay = byDay;
        break;
      }
      case 'BYMONTHDAY': {
        const byMonthDay = parseByMonthDay(value);
        if (!byMonthDay) return null;
        rule.byMonthDay = byMonthDay;
        break;
      }
      case 'COUNT': {
        const count = parsePositive(value, maxCount);
        if (count === null) return null;
        rule.count = count;
        break;
      }
      case 'UNTIL': {
        const until = parseUntil(value);
        if (until === null) return null;
        rule.until = until;
        break;
      }
      default:
        return null;
    }
  }
  return isCoherent(rule) ? rule : null;
}

/** The RRULE text in one canonical order; INTERVAL only when above 1, empty lists left out. */
export function formatRecurrenceRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.frequency}`];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length > 0) {
    parts.push(`BYDAY=${rule.byDay.map((d) => (d.ordinal === 0 ? d.day : `${d.ordinal}${d.day}`)).join(',')}`);
  }
  if (rule.byMonthDay.length > 0) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) parts.push(`UNTIL=${rule.until}`);
  return parts.join(';');
}

// --- The first occurrence --------------------------------------------------------------------

/**
 * Whether `ordinal` (1 = first, -1 = last) names the day at `position` (1-based) of a month of
 * `length` days, among the days of its weekday there.
 */
function ordinalMatches(ordinal: number, position: number, length: number): boolean {
  const before = Math.floor((position - 1) / 7);
  const after = Math.floor((length - position) / 7);
  return ordinal > 0 ? before === ordinal - 1 : after === -ordinal - 1;
}

/** Numbered weekdays count within the month, as only MONTHLY rules have them. */
function matchesByDay(rule: RecurrenceRule, date: string, parts: LocalDateParts): boolean {
  const weekday = weekdayCodes[weekdayOf(date)];
  return rule.byDay.some(({ ordinal, day }) => {
    if (day !== weekday) return false;
    return ordinal === 0 || ordinalMatches(ordinal, parts.day, daysInMonth(parts.year, parts.month));
  });
}

function matchesByMonthDay(rule: RecurrenceRule, parts: LocalDateParts): boolean {
  const total = daysInMonth(parts.year, parts.month);
  return rule.byMonthDay.some((n) => (n > 0 ? parts.day === n : parts.day === total + n + 1));
}

/** Whether the rule allows the day `date` (a rule without BYDAY or BYMONTHDAY allows every day). */
function allowsDay(rule: RecurrenceRule, date: string): boolean {
  const parts = parseLocalDate(date);
  if (!parts) return false;
  if (rule.byDay.length > 0 && !matchesByDay(rule, date, parts)) return false;
  return rule.byMonthDay.length === 0 || matchesByMonthDay(rule, parts);
}

// Every rule the parser accepts matches within a year (a 5th Monday comes within three months,
// the 31st within two); the margin covers rules built in code.
const searchDays = 4 * 366;

/**
 * The first day on or after `from` (YYYY-MM-DD) that the rule allows, as YYYY-MM-DD, which is the
 * due date of a new task with that rule: its first occurrence. Null when the rule allows none
 * before its UNTIL (or none at all, like the 31st of a rule that only ever meets February).
 * A rule without BYDAY or BYMONTHDAY repeats from its start, so `from` itself.
 */
export function firstOccurrence(rule: RecurrenceRule, from: string): string | null {
  const until = rule.until && untilDay(rule.until);
  let date = addDays(from, 0);
  for (let i = 0; i < searchDays; i++, date = addDays(date, 1)) {
    if (until && date > until) return null;
    if (allowsDay(rule, date)) return date;
  }
  return null;
}

// --- Plain English ---------------------------------------------------------------------------

const ordinalWords: Record<number, string> = {
  1: 'first',
  2: 'second',
  3: 'third',
  4: 'fourth',
  5: 'fifth',
  [-1]: 'last',
  [-2]: 'second to last',
};

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 31st. */
export function ordinalSuffix(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const dayName = (day: Weekday) => weekdayNames[weekdayCodes.indexOf(day)]!;

function every(interval: number, unit: string): string {
  return interval === 1 ? `Every ${unit}` : `Every ${interval} ${unit}s`;
}

function isWorkWeek(byDay: RecurrenceRule['byDay']): boolean {
  const days = new Set(byDay.map((d) => d.day));
  return byDay.every((d) => d.ordinal === 0) && days.size === 5 && workWeek.every((d) => days.has(d));
}

function monthDayWords(days: number[]): string | null {
  if (days.every((n) => n > 0)) return `the ${joinWords(days.map(ordinalSuffix))}`;
  const words = days.map((n) => {
    if (n > 0) return `the ${ordinalSuffix(n)}`;
    const ordinal = ordinalWords[n];
    return ordinal === undefined ? null : `the ${ordinal} day`;
  });
  return words.every((w) => w !== null) ? joinWords(words) : null;
}

function weekdayOrdinalWords(byDay: RecurrenceRule['byDay']): string | null {
  const words = byDay.map((d) => {
    if (d.ordinal === 0) return `every ${dayName(d.day)}`;
    const ordinal = ordinalWords[d.ordinal];
    return ordinal === undefined ? null : `the ${ordinal} ${dayName(d.day)}`;
  });
  return words.every((w) => w !== null) ? joinWords(words) : null;
}

/** `due` is a valid due date or null. */
function describeWeekly(rule: RecurrenceRule, due: string | null): string {
  const base = every(rule.interval, 'week');
  if (isWorkWeek(rule.byDay)) return rule.interval === 1 ? 'Every weekday' : `${base} on weekdays`;
  if (rule.byDay.length > 0) return `${base} on ${joinWords(rule.byDay.map((d) => dayName(d.day)))}`;
  return due ? `${base} on ${weekdayNames[weekdayOf(due)]}` : base;
}

function describeMonthly(rule: RecurrenceRule, due: LocalDateParts | null): string | null {
  const base = every(rule.interval, 'month');
  if (rule.byDay.length > 0 && rule.byMonthDay.length > 0) return null;
  if (rule.byMonthDay.length > 0) {
    const words = monthDayWords(rule.byMonthDay);
    return words && `${base} on ${words}`;
  }
  if (rule.byDay.length > 0) {
    const words = weekdayOrdinalWords(rule.byDay);
    return words && `${base} on ${words}`;
  }
  return due ? `${base} on the ${ordinalSuffix(due.day)}` : base;
}

function describeFrequency(rule: RecurrenceRule, dueText: string | null): string | null {
  const due = dueText === null ? null : parseLocalDate(dueText);
  switch (rule.frequency) {
    case 'DAILY':
      if (rule.byDay.length === 0) return every(rule.interval, 'day');
      // Every day but only on some weekdays is a weekly rule said another way.
      return rule.interval === 1 ? describeWeekly({ ...rule, frequency: 'WEEKLY' }, dueText) : null;
    case 'WEEKLY':
      return describeWeekly(rule, dueText);
    case 'MONTHLY':
      return describeMonthly(rule, due);
    case 'YEARLY':
      return due ? `${every(rule.interval, 'year')} on ${due.day} ${monthNames[due.month - 1]}` : every(rule.interval, 'year');
  }
}

function endWords(rule: RecurrenceRule): string {
  if (rule.count !== undefined) return rule.count === 1 ? ', once' : `, ${rule.count} times`;
  if (rule.until === undefined) return '';
  const until = parseLocalDate(untilDay(rule.until));
  return until ? `, until ${formatDayMonth(until, true)}` : '';
}

/**
 * The rule in plain English: "Every 2 weeks on Monday and Thursday", "Every month on the last
 * Friday, 5 times". `due`, the task's due date, names the day of a rule that leaves it to the
 * start ("Every month on the 15th"). A rule it cannot read or say is "Repeats (custom rule)".
 */
export function describeRecurrence(text: string, due?: string): string {
  const rule = parseRecurrenceRule(text);
  if (!rule) return customRuleText;
  const words = describeFrequency(rule, due !== undefined && parseLocalDate(due) ? due : null);
  return words === null ? customRuleText : `${words}${endWords(rule)}`;
}

// --- The fields of a form --------------------------------------------------------------------

/** The backend's limits, for the bounds of number inputs. */
export const recurrenceLimits = { interval: maxInterval, count: maxCount } as const;

/** An interval as typed ("3"), or null unless it is a whole number the backend takes. */
export const parseInterval = (text: string): number | null => parsePositive(text.trim(), maxInterval);

/** A number of occurrences as typed, or null unless it is a whole number the backend takes. */
export const parseCount = (text: string): number | null => parsePositive(text.trim(), maxCount);

/** The UNTIL value of a day picked as YYYY-MM-DD, or null unless it is a real day without a time. */
export function untilOfDay(day: string): string | null {
  const parts = parseLocalDate(day);
  return parts && parts.hour === undefined ? day.replaceAll('-', '') : null;
}


/**
 * Which of its weekday `date` (YYYY-MM-DD) is in its month, as a numbered BYDAY: the second
 * Tuesday is 2TU. A fifth one is always the month's last, and a form offering first to fourth and
 * last names it so.
 */
export function weekdayInMonthOf(date: string): { ordinal: number; day: Weekday } {
  const { day } = parseLocalDate(date)!;
  const ordinal = Math.ceil(day / 7);
  return { ordinal: ordinal > 4 ? -1 : ordinal, day: weekdayCodes[weekdayOf(date)]! };
}
