// SPDX-License-Identifier: MIT
// How a due date reads in the task list: relative near today, a calendar day further away.
// The words come from the fixed tables below, never from Intl or toLocale*String, so the labels
// are the same English on every machine whatever its locale (and tests can pin them).
import { daysBetween, parseLocalDate, todayText, weekdayOf, type LocalDateParts } from '@/lib/local-date';

/** Indexed like Date#getDay: 0 is Sunday. */
export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const weekdayShortNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Indexed by month - 1. */
export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const monthShortNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface DueDateLabel {
  label: string;
  /** The day is gone, or it is today and its time has passed. */
  overdue: boolean;
  /** Days from today to the due day: 0 today, 1 tomorrow, negative in the past. */
  dayDiff: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "12 Mar", or "12 Mar 2027" with the year. */
export function formatDayMonth(parts: LocalDateParts, withYear: boolean): string {
  const dayMonth = `${parts.day} ${monthShortNames[parts.month - 1]}`;
  return withYear ? `${dayMonth} ${parts.year}` : dayMonth;
}

function dayLabel(due: string, parts: LocalDateParts, dayDiff: number, now: Date): string {
  if (dayDiff === 0) return 'Today';
  if (dayDiff === 1) return 'Tomorrow';
  if (dayDiff === -1) return 'Yesterday';
  // A weekday name only looks forward: "Fri" for last Friday would read as the coming one.
  if (dayDiff >= 2 && dayDiff <= 6) return weekdayShortNames[weekdayOf(due)]!;
  return formatDayMonth(parts, parts.year !== now.getFullYear());
}

/** Milliseconds since local midnight, to compare a due time with now without building a Date. */
const msOfDay = (date: Date) =>
  ((date.getHours() * 60 + date.getMinutes()) * 60 + date.getSeconds()) * 1000 + date.getMilliseconds();

/**
 * The label of `due` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`) as seen at `now`: "Today", "Tomorrow",
 * "Yesterday", "Fri" up to six days ahead, "12 Mar" this year, "12 Mar 2027" in another; a time
 * follows as "Today 17:00". Text that is not a due date is shown as it is, never overdue, with a
 * dayDiff of NaN: the list stays readable even if bad data slips through.
 */
export function formatDueDate(due: string, now: Date): DueDateLabel {
  const parts = parseLocalDate(due);
  if (!parts) return { label: due, overdue: false, dayDiff: Number.NaN };
  const dayDiff = daysBetween(todayText(now), due);
  const day = dayLabel(due, parts, dayDiff, now);
  const { hour, minute } = parts;
  if (hour === undefined || minute === undefined) return { label: day, overdue: dayDiff < 0, dayDiff };
  const timePassed = (hour * 60 + minute) * 60_000 < msOfDay(now);
  return { label: `${day} ${pad(hour)}:${pad(minute)}`, overdue: dayDiff < 0 || (dayDiff === 0 && timePassed), dayDiff };
}
