// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { formatDayMonth, formatDueDate } from '@/features/tasks/utils/format-due-date';

// Sunday 29 November 2026, 10:00 local time.
const sunday = new Date(2026, 10, 29, 10, 0);

describe('formatDueDate', () => {
  it.each([
    ['2026-11-29', 'Today', 0],
    ['2026-11-30', 'Tomorrow', 1],
    ['2026-11-28', 'Yesterday', -1],
    ['2026-12-01', 'Tue', 2],
    ['2026-12-04', 'Fri', 5],
    ['2026-12-05', 'Sat', 6],
    ['2026-12-06', '6 Dec', 7],
    ['2026-11-27', '27 Nov', -2],
    ['2026-01-01', '1 Jan', -332],
    ['2027-03-12', '12 Mar 2027', 103],
    ['2025-12-31', '31 Dec 2025', -333],
  ])('labels %s as %j, %i days away', (due, label, dayDiff) => {
    expect(formatDueDate(due, sunday)).toMatchObject({ label, dayDiff });
  });

  it('appends a timed due date’s time on the 24-hour clock', () => {
    expect(formatDueDate('2026-11-29T17:00', sunday).label).toBe('Today 17:00');
    expect(formatDueDate('2026-12-04T09:30', sunday).label).toBe('Fri 09:30');
    expect(formatDueDate('2026-11-30T00:05', sunday).label).toBe('Tomorrow 00:05');
    expect(formatDueDate('2027-03-12T23:59', sunday).label).toBe('12 Mar 2027 23:59');
  });

  it('is overdue for an earlier day, whatever its time', () => {
    expect(formatDueDate('2026-11-28', sunday).overdue).toBe(true);
    expect(formatDueDate('2026-11-28T23:59', sunday).overdue).toBe(true);
    expect(formatDueDate('2025-11-29', sunday).overdue).toBe(true);
  });

  it('is not overdue on the day itself without a time, even late at night', () => {
    expect(formatDueDate('2026-11-29', new Date(2026, 10, 29, 23, 59, 59)).overdue).toBe(false);
  });

  it('is overdue today once the time has passed, and not a moment before', () => {
    expect(formatDueDate('2026-11-29T09:59', sunday).overdue).toBe(true);
    expect(formatDueDate('2026-11-29T10:00', sunday).overdue).toBe(false);
    expect(formatDueDate('2026-11-29T10:00', new Date(2026, 10, 29, 10, 0, 1)).overdue).toBe(true);
    expect(formatDueDate('2026-11-29T17:00', sunday).overdue).toBe(false);
  });

  it('is not overdue for a later day with a time earlier than now', () => {
    expect(formatDueDate('2026-11-30T08:00', sunday).overdue).toBe(false);
  });

  it('says Tomorrow and Yesterday across a year boundary, with the year only when it differs', () => {
    const newYearsEve = new Date(2026, 11, 31, 22, 0);
    expect(formatDueDate('2027-01-01', newYearsEve)).toEqual({ label: 'Tomorrow', overdue: false, dayDiff: 1 });
    expect(formatDueDate('2027-01-04', newYearsEve).label).toBe('Mon');
    expect(formatDueDate('2027-01-07', newYearsEve).label).toBe('7 Jan 2027');
    expect(formatDueDate('2026-12-20', newYearsEve).label).toBe('20 Dec');

    const newYearsDay = new Date(2027, 0, 1, 0, 30);
    expect(formatDueDate('2026-12-31', newYearsDay)).toEqual({ label: 'Yesterday', overdue: true, dayDiff: -1 });
    expect(formatDueDate('2026-12-25', newYearsDay).label).toBe('25 Dec 2026');
    expect(formatDueDate('2027-01-01T00:15', newYearsDay)).toEqual({ label: 'Today 00:15', overdue: true, dayDiff: 0 });
  });

  it('counts days across 29 February and a month end', () => {
    const leapDayEve = new Date(2028, 1, 28, 12, 0);
    expect(formatDueDate('2028-02-29', leapDayEve).label).toBe('Tomorrow');
    expect(formatDueDate('2028-03-01', leapDayEve)).toMatchObject({ label: 'Wed', dayDiff: 2 });
  });

  it('shows text that is not a due date as it is rather than failing', () => {
    expect(formatDueDate('someday', sunday)).toEqual({ label: 'someday', overdue: false, dayDiff: Number.NaN });
  });
});

describe('formatDayMonth', () => {
  it('writes the day without padding and the month short', () => {
    expect(formatDayMonth({ year: 2027, month: 3, day: 2 }, false)).toBe('2 Mar');
    expect(formatDayMonth({ year: 2027, month: 9, day: 30 }, true)).toBe('30 Sep 2027');
  });
});
