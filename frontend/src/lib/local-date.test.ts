// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  localDateToDate,
  parseLocalDate,
  todayText,
  weekdayOf,
} from '@/lib/local-date';

describe('formatLocalDate', () => {
  it('writes the local day, zero-padded, without a time unless asked', () => {
    const date = new Date(2026, 2, 5, 7, 4);
    expect(formatLocalDate(date, false)).toBe('2026-03-05');
    expect(formatLocalDate(date, true)).toBe('2026-03-05T07:04');
  });

  it('drops seconds rather than rounding them up to the next minute', () => {
    expect(formatLocalDate(new Date(2026, 11, 31, 23, 59, 59, 999), true)).toBe('2026-12-31T23:59');
  });

  it('pads a year before 1000 to four digits', () => {
    const date = new Date(2000, 0, 1);
    date.setFullYear(33, 0, 2);
    expect(formatLocalDate(date, false)).toBe('0033-01-02');
  });
});

describe('parseLocalDate', () => {
  it('reads a day, and a day with a time', () => {
    expect(parseLocalDate('2026-11-29')).toEqual({ year: 2026, month: 11, day: 29 });
    expect(parseLocalDate('2026-11-29T17:05')).toEqual({ year: 2026, month: 11, day: 29, hour: 17, minute: 5 });
  });

  it('accepts the first and last minute of a day and 29 February of a leap year', () => {
    expect(parseLocalDate('2028-02-29T00:00')).toEqual({ year: 2028, month: 2, day: 29, hour: 0, minute: 0 });
    expect(parseLocalDate('2000-02-29T23:59')).toEqual({ year: 2000, month: 2, day: 29, hour: 23, minute: 59 });
  });

  it.each([
    ['', 'empty text'],
    ['2026-1-05', 'a one-digit month'],
    ['2026-01-5', 'a one-digit day'],
    ['26-01-05', 'a two-digit year'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-04-31', '31 April'],
    ['2026-02-29', '29 February of a common year'],
    ['1900-02-29', '29 February of a century that is not a leap year'],
    ['2026-01-00', 'day 0'],
    ['0000-01-01', 'year 0'],
    ['2026-01-05T24:00', 'hour 24'],
    ['2026-01-05T12:60', 'minute 60'],
    ['2026-01-05T7:00', 'a one-digit hour'],
    ['2026-01-05T07:00:00', 'seconds'],
    ['2026-01-05T07:00Z', 'a zone'],
    ['2026-01-05 07:00', 'a space instead of T'],
    ['2026-01-05T', 'a T without a time'],
    [' 2026-01-05', 'leading space'],
    ['2026-01-05\n', 'a trailing newline'],
    ['２０２６-01-05', 'full-width digits'],
  ])('rejects %j (%s)', (text) => {
    expect(parseLocalDate(text)).toBeNull();
  });
});

describe('localDateToDate', () => {
  it('gives local midnight for a day without a time', () => {
    expect(localDateToDate('2026-11-29')).toEqual(new Date(2026, 10, 29, 0, 0));
  });

  it('gives the local wall-clock time for a timed day', () => {
    expect(localDateToDate('2026-11-29T17:30')).toEqual(new Date(2026, 10, 29, 17, 30));
  });

  it('keeps a year before 100 instead of reading it as 19xx', () => {
    expect(localDateToDate('0050-06-01').getFullYear()).toBe(50);
  });

  it('round-trips with formatLocalDate', () => {
    expect(formatLocalDate(localDateToDate('2027-01-01T09:05'), true)).toBe('2027-01-01T09:05');
  });

  it('throws on text that is not a local date, which is a bug in the caller', () => {
    expect(() => localDateToDate('tomorrow')).toThrow(RangeError);
  });
});

describe('todayText', () => {
  it('is the local day of now, whatever the time', () => {
    expect(todayText(new Date(2026, 10, 29, 0, 0))).toBe('2026-11-29');
    expect(todayText(new Date(2026, 10, 29, 23, 59, 59))).toBe('2026-11-29');
  });
});

describe('addDays', () => {
  it('moves across month and year ends, both ways', () => {
    expect(addDays('2026-11-29', 2)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('drops the time and returns the day itself for 0', () => {
    expect(addDays('2026-11-29T17:00', 0)).toBe('2026-11-29');
    expect(addDays('2026-11-29T23:30', 1)).toBe('2026-11-30');
  });

  it('counts whole days across daylight-saving changes', () => {
    // Europe and North America change their clocks in late March and early November.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02');
  });

  it('moves by a year or more in one step', () => {
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2028-01-01', 366)).toBe('2029-01-01');
  });
});

describe('daysBetween', () => {
  it('counts calendar days, ignoring times', () => {
    expect(daysBetween('2026-11-29', '2026-11-29T23:59')).toBe(0);
    expect(daysBetween('2026-11-29T23:59', '2026-11-30T00:00')).toBe(1);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });
});

describe('weekdayOf', () => {
  it('counts from Sunday as 0, like Date#getDay', () => {
    expect(weekdayOf('2026-11-29')).toBe(0);
    expect(weekdayOf('2026-11-30T08:00')).toBe(1);
    expect(weekdayOf('2027-01-01')).toBe(5);
  });
});

describe('daysInMonth', () => {
  it('knows February of leap and common years', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(daysInMonth(2026, 4)).toBe(30);
  });
});
