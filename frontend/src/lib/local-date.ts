// SPDX-License-Identifier: MIT
// The due-date text of the IPC contract ('localDate'): a day, optionally with a wall-clock time, in
// no time zone, as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. As text these sort in time order, so code
// compares them as strings; this module turns them into and out of JavaScript Dates, which always
// carry the machine's zone. Day arithmetic runs on UTC dates so that a daylight-saving change
// (a 23- or 25-hour day) never shifts a day.

export interface LocalDateParts {
  year: number;
  /** 1 to 12, not JavaScript's 0 to 11. */
  month: number;
  day: number;
  /** Both present when the text has a time, both absent when it has none. */
  hour?: number;
  minute?: number;
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

/**
 * A Date at UTC midnight of that day; `day` may run past the month either way (0 is the last day
 * of the month before). Date.UTC would read years 0 to 99 as 1900 to 1999, setUTCFullYear does not.
 */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function dateText(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The local calendar day (and, when asked, the hour and minute) of `date`. */
export function formatLocalDate(date: Date, withTime: boolean): string {
  const day = dateText(date.getFullYear(), date.getMonth() + 1, date.getDate());
  return withTime ? `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}

/** The parts of a due-date text, or null unless it is exactly one of the two forms of a real day and time. */
export function parseLocalDate(text: string): LocalDateParts | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Year 0 is left out as the backend's calendar (QDate) has no year 0.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (h === undefined || mi === undefined) return { year, month, day };
  const hour = Number(h);
  const minute = Number(mi);
  if (hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

function parseOrThrow(text: string): LocalDateParts {
  const parts = parseLocalDate(text);
  // Due dates come validated from the backend or from this module, so a bad one is a bug.
  if (!parts) throw new RangeError(`Not a local date (YYYY-MM-DD or YYYY-MM-DDTHH:MM): '${text}'`);
  return parts;
}

/** The moment `text` names in the machine's zone: local midnight when it has no time. */
export function localDateToDate(text: string): Date {
  const { year, month, day, hour = 0, minute = 0 } = parseOrThrow(text);
  const date = new Date(2000, 0, 1, hour, minute);
  date.setFullYear(year, month - 1, day);
  return date;
}

/** The day of `now`, in the machine's zone, as `YYYY-MM-DD`. */
export function todayText(now: Date): string {
  return formatLocalDate(now, false);
}

/** The day `n` days after the day of `text` (before it for negative `n`), without its time. */
export function addDays(text: string, n: number): string {
  const { year, month, day } = parseOrThrow(text);
  const date = utcDate(year, month, day + n);
  return dateText(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whole days from the day of `from` to the day of `to`, ignoring their times: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = parseOrThrow(from);
  const b = parseOrThrow(to);
  const msPerDay = 24 * 60 * 60 * 1000;
  return Math.round((utcDate(b.year, b.month, b.day).getTime() - utcDate(a.year, a.month, a.day).getTime()) / msPerDay);
}

/** The day of the week of `text`, 0 for Sunday to 6 for Saturday, as Date#getDay counts. */
export function weekdayOf(text: string): number {
  const { year, month, day } = parseOrThrow(text);
  return utcDate(year, month, day).getUTCDay();
}
