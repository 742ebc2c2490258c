// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  untilDay,
  describeRecurrence,
  firstOccurrence,
  formatRecurrenceRule,
  ordinalSuffix,
  parseCount,
  parseInterval,
  parseRecurrenceRule,
  untilOfDay,
  weekdayInMonthOf,
  type RecurrenceRule,
} from '@/features/tasks/utils/recurrence-rule';

const rule = (parts: Partial<RecurrenceRule>): RecurrenceRule => ({
  frequency: 'DAILY',
  interval: 1,
  byDay: [],
  byMonthDay: [],
  ...parts,
});

describe('parseRecurrenceRule', () => {
  it('reads every supported part', () => {
    expect(parseRecurrenceRule('FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR,2TU,MO;COUNT=5')).toEqual({
      frequency: 'MONTHLY',
      interval: 2,
      byDay: [
        { ordinal: -1, day: 'FR' },
        { ordinal: 2, day: 'TU' },
        { ordinal: 0, day: 'MO' },
      ],
      byMonthDay: [],
      count: 5,
    });
    expect(parseRecurrenceRule('FREQ=MONTHLY;BYMONTHDAY=1,15,-1;UNTIL=20270312')).toEqual(
      rule({ frequency: 'MONTHLY', byMonthDay: [1, 15, -1], until: '20270312' }),
    );
  });

  it('defaults the interval to 1 and the lists to empty', () => {
    expect(parseRecurrenceRule('FREQ=YEARLY')).toEqual(rule({ frequency: 'YEARLY' }));
  });

  it('takes the parts in any order and case, after an optional RRULE: prefix', () => {
    expect(parseRecurrenceRule('rrule:byday=mo;freq=weekly;interval=3')).toEqual(
      rule({ frequency: 'WEEKLY', interval: 3, byDay: [{ ordinal: 0, day: 'MO' }] }),
    );
  });

  it('reads the largest numbers the backend takes', () => {
    expect(parseRecurrenceRule('FREQ=DAILY;INTERVAL=999;COUNT=999999')).toEqual(rule({ interval: 999, count: 999999 }));
    expect(parseRecurrenceRule('FREQ=MONTHLY;BYDAY=5MO,-5FR;BYMONTHDAY=31,-31')).toEqual(
      rule({
        frequency: 'MONTHLY',
        byDay: [
          { ordinal: 5, day: 'MO' },
          { ordinal: -5, day: 'FR' },
        ],
        byMonthDay: [31, -31],
      }),
    );
  });

  it('reads a week start of Monday and drops it, as the backend does', () => {
    expect(parseRecurrenceRule('FREQ=WEEKLY;WKST=MO;BYDAY=TU')).toEqual(rule({ frequency: 'WEEKLY', byDay: [{ ordinal: 0, day: 'TU' }] }));
  });

  it('reads a plus sign on ordinals and month days', () => {
    expect(parseRecurrenceRule('FREQ=MONTHLY;BYDAY=+1MO')?.byDay).toEqual([{ ordinal: 1, day: 'MO' }]);
    expect(parseRecurrenceRule('FREQ=MONTHLY;BYMONTHDAY=+3')?.byMonthDay).toEqual([3]);
  });

  it.each([
    ['', 'empty text'],
    ['INTERVAL=2', 'no FREQ'],
    ['FREQ=HOURLY', 'a frequency below a day'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'a repeated part'],
    ['FREQ=DAILY;INTERVAL=0', 'interval 0'],
    ['FREQ=DAILY;INTERVAL=-1', 'a negative interval'],
    ['FREQ=DAILY;INTERVAL=1.5', 'a fractional interval'],
    ['FREQ=DAILY;INTERVAL=', 'an empty value'],
    ['FREQ=DAILY;', 'an empty part'],
    ['FREQ=DAILY;INTERVAL', 'a part without a value'],
    ['FREQ=DAILY=WEEKLY', 'two equals signs'],
    ['FREQ=WEEKLY;BYDAY=XX', 'an unknown weekday'],
    ['FREQ=WEEKLY;BYDAY=MO,', 'an empty weekday'],
    ['FREQ=MONTHLY;BYDAY=0MO', 'ordinal 0'],
    ['FREQ=MONTHLY;BYDAY=6MO', 'ordinal above 5'],
    ['FREQ=MONTHLY;BYDAY=-6MO', 'ordinal below -5'],
    ['FREQ=DAILY;INTERVAL=1000', 'interval above 999'],
    ['FREQ=DAILY;COUNT=1000000', 'count above 999 999'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,MO', 'a weekday twice'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,1', 'a month day twice'],
    ['FREQ=YEARLY;BYDAY=1MO', 'a weekday in a yearly rule'],
    ['FREQ=YEARLY;BYMONTHDAY=1', 'a month day in a yearly rule'],
    ['FREQ=DAILY;BYMONTHDAY=1', 'a month day in a daily rule'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'an ordinal in a weekly rule'],
    ['FREQ=DAILY;BYDAY=-1FR', 'an ordinal in a daily rule'],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'a month day in a weekly rule'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'month day 0'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'month day 32'],
    ['FREQ=MONTHLY;BYMONTHDAY=-32', 'month day -32'],
    ['FREQ=DAILY;COUNT=0', 'count 0'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20270101', 'both COUNT and UNTIL'],
    ['FREQ=DAILY;UNTIL=20270230', 'an UNTIL that is no day'],
    ['FREQ=DAILY;UNTIL=20270101T000000Z', 'an UNTIL with a time'],
    ['FREQ=DAILY;UNTIL=2027-01-01', 'an UNTIL with dashes'],
    ['FREQ=MONTHLY;BYSETPOS=-1', 'an unsupported part'],
    ['FREQ=WEEKLY;WKST=SU', 'a week starting on Sunday, which the backend does not take'],
    ['every day', 'English'],
  ])('rejects %j (%s)', (text) => {
    expect(parseRecurrenceRule(text)).toBeNull();
  });
});

describe('formatRecurrenceRule', () => {
  it('writes the parts in canonical order, INTERVAL only when above 1', () => {
    expect(formatRecurrenceRule(rule({ frequency: 'WEEKLY', interval: 2, byDay: [{ ordinal: 0, day: 'MO' }] }))).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
    );
    expect(formatRecurrenceRule(rule({ frequency: 'WEEKLY', byDay: [{ ordinal: 0, day: 'MO' }] }))).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(formatRecurrenceRule(rule({}))).toBe('FREQ=DAILY');
  });

  it('writes ordinals before the weekday and keeps negative month days', () => {
    expect(formatRecurrenceRule(rule({ frequency: 'MONTHLY', byDay: [{ ordinal: -1, day: 'FR' }], count: 5 }))).toBe(
      'FREQ=MONTHLY;BYDAY=-1FR;COUNT=5',
    );
    expect(formatRecurrenceRule(rule({ frequency: 'MONTHLY', byMonthDay: [1, -1], until: '20270312' }))).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=1,-1;UNTIL=20270312',
    );
  });

  it('round-trips what it parses into canonical text', () => {
    const parsed = parseRecurrenceRule('UNTIL=20270101;BYDAY=+2TU;INTERVAL=1;FREQ=MONTHLY');
    expect(parsed && formatRecurrenceRule(parsed)).toBe('FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270101');
  });
});

describe('describeRecurrence', () => {
  it.each([
    ['FREQ=DAILY', 'Every day'],
    ['FREQ=DAILY;INTERVAL=3', 'Every 3 days'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', 'Every weekday'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'Every weekday'],
    ['FREQ=WEEKLY;BYDAY=FR,TH,WE,TU,MO', 'Every weekday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR', 'Every 2 weeks on weekdays'],
    ['FREQ=WEEKLY;BYDAY=MO', 'Every week on Monday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', 'Every 2 weeks on Monday and Thursday'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR', 'Every week on Monday, Wednesday and Friday'],
    ['FREQ=WEEKLY;BYDAY=SA,SU', 'Every week on Saturday and Sunday'],
    ['FREQ=DAILY;BYDAY=TU,TH', 'Every week on Tuesday and Thursday'],
    ['FREQ=WEEKLY', 'Every week'],
    ['FREQ=MONTHLY;BYMONTHDAY=1', 'Every month on the 1st'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'Every month on the 1st and 15th'],
    ['FREQ=MONTHLY;BYMONTHDAY=15,-1', 'Every month on the 15th and the last day'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'Every month on the last day'],
    ['FREQ=MONTHLY;BYMONTHDAY=-2', 'Every month on the second to last day'],
    ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=22', 'Every 3 months on the 22nd'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'Every month on the last Friday'],
    ['FREQ=MONTHLY;BYDAY=2TU', 'Every month on the second Tuesday'],
    ['FREQ=MONTHLY;BYDAY=1MO,3MO', 'Every month on the first Monday and the third Monday'],
    ['FREQ=MONTHLY;BYDAY=SA', 'Every month on every Saturday'],
    ['FREQ=MONTHLY', 'Every month'],
    ['FREQ=YEARLY', 'Every year'],
    ['FREQ=YEARLY;INTERVAL=4', 'Every 4 years'],
  ])('says %s as %j', (text, words) => {
    expect(describeRecurrence(text)).toBe(words);
  });

  it('names the day from the due date when the rule leaves it to the start', () => {
    expect(describeRecurrence('FREQ=MONTHLY', '2026-12-15')).toBe('Every month on the 15th');
    expect(describeRecurrence('FREQ=WEEKLY', '2026-12-04T09:00')).toBe('Every week on Friday');
    expect(describeRecurrence('FREQ=WEEKLY;INTERVAL=2', '2026-11-30')).toBe('Every 2 weeks on Monday');
    expect(describeRecurrence('FREQ=YEARLY', '2027-03-12')).toBe('Every year on 12 March');
    expect(describeRecurrence('FREQ=DAILY', '2027-03-12')).toBe('Every day');
  });

  it('prefers the rule’s own day to the due date’s', () => {
    expect(describeRecurrence('FREQ=MONTHLY;BYMONTHDAY=1', '2026-12-15')).toBe('Every month on the 1st');
    expect(describeRecurrence('FREQ=WEEKLY;BYDAY=MO', '2026-12-04')).toBe('Every week on Monday');
  });

  it('ignores a due date that is not one', () => {
    expect(describeRecurrence('FREQ=MONTHLY', 'soon')).toBe('Every month');
  });

  it('says when the repetition ends', () => {
    expect(describeRecurrence('FREQ=DAILY;COUNT=5')).toBe('Every day, 5 times');
    expect(describeRecurrence('FREQ=DAILY;COUNT=1')).toBe('Every day, once');
    expect(describeRecurrence('FREQ=WEEKLY;BYDAY=MO;UNTIL=20270312')).toBe('Every week on Monday, until 12 Mar 2027');
  });

  it.each([
    ['nonsense'],
    ['FREQ=MONTHLY;BYSETPOS=-1'],
    ['FREQ=MONTHLY;BYDAY=3FR;BYMONTHDAY=13'],
    ['FREQ=MONTHLY;BYDAY=-3MO'],
    ['FREQ=MONTHLY;BYMONTHDAY=-5'],
    ['FREQ=YEARLY;BYMONTHDAY=1'],
    ['FREQ=DAILY;INTERVAL=2;BYDAY=MO'],
  ])('falls back to a custom rule for %s, which it cannot say', (text) => {
    expect(describeRecurrence(text)).toBe('Repeats (custom rule)');
  });
});

describe('firstOccurrence', () => {
  // Sunday 29 November 2026.
  const sunday = '2026-11-29';
  const parsed = (text: string) => parseRecurrenceRule(text)!;

  it.each([
    ['FREQ=DAILY', '2026-11-29'],
    ['FREQ=WEEKLY', '2026-11-29'],
    ['FREQ=MONTHLY', '2026-11-29'],
    ['FREQ=YEARLY', '2026-11-29'],
    ['FREQ=WEEKLY;BYDAY=SU', '2026-11-29'],
    ['FREQ=WEEKLY;BYDAY=MO', '2026-11-30'],
    ['FREQ=WEEKLY;BYDAY=FR,TU', '2026-12-01'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-11-30'],
    ['FREQ=DAILY;BYDAY=SA', '2026-12-05'],
    ['FREQ=MONTHLY;BYMONTHDAY=1', '2026-12-01'],
    ['FREQ=MONTHLY;BYMONTHDAY=29', '2026-11-29'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', '2026-11-30'],
    ['FREQ=MONTHLY;BYMONTHDAY=31', '2026-12-31'],
    ['FREQ=MONTHLY;BYDAY=-1FR', '2026-12-25'],
    ['FREQ=MONTHLY;BYDAY=2TU', '2026-12-08'],
    ['FREQ=MONTHLY;BYDAY=5SU', '2026-11-29'],
    ['FREQ=MONTHLY;BYDAY=-1SU', '2026-11-29'],
    ['FREQ=MONTHLY;BYDAY=1SU', '2026-12-06'],
  ])('for %s from Sunday 29 Nov 2026 is %s', (text, expected) => {
    expect(firstOccurrence(parsed(text), sunday)).toBe(expected);
  });

  it('skips months without the day, as RFC 5545 does', () => {
    expect(firstOccurrence(parsed('FREQ=MONTHLY;BYMONTHDAY=30'), '2027-02-01')).toBe('2027-03-30');
    expect(firstOccurrence(parsed('FREQ=MONTHLY;BYMONTHDAY=29'), '2027-02-01')).toBe('2027-03-29');
    expect(firstOccurrence(parsed('FREQ=MONTHLY;BYMONTHDAY=29'), '2028-02-01')).toBe('2028-02-29');
  });

  it('finds the fifth weekday only in months that have one', () => {
    // December 2026 has four Mondays; the next month with five is March 2027.
    expect(firstOccurrence(parsed('FREQ=MONTHLY;BYDAY=5MO'), '2026-12-01')).toBe('2027-03-29');
  });

  it('is null for a rule, built in code, that no day meets', () => {
    const fifthMondayOnThe1st = rule({ frequency: 'MONTHLY', byDay: [{ ordinal: 5, day: 'MO' }], byMonthDay: [1] });
    expect(firstOccurrence(fifthMondayOnThe1st, sunday)).toBeNull();
  });

  it('drops the time of the start', () => {
    expect(firstOccurrence(parsed('FREQ=DAILY'), '2026-11-29T10:00')).toBe('2026-11-29');
  });

  it('is null when UNTIL comes first, but allows the UNTIL day itself', () => {
    expect(firstOccurrence(parsed('FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20261130'), sunday)).toBeNull();
    expect(firstOccurrence(parsed('FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20261201'), sunday)).toBe('2026-12-01');
  });
});

describe('ordinalSuffix', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [30, '30th'],
    [31, '31st'],
  ])('writes %i as %s', (n, text) => {
    expect(ordinalSuffix(n)).toBe(text);
  });
});

describe('the fields of a form', () => {
  it('reads an interval and a count within the backend’s limits, and nothing else', () => {
    expect(parseInterval('3')).toBe(3);
    expect(parseInterval(' 999 ')).toBe(999);
    expect(parseCount('999999')).toBe(999999);
    for (const text of ['', '0', '-1', '1.5', '1e2', 'x']) {
      expect(parseInterval(text)).toBeNull();
      expect(parseCount(text)).toBeNull();
    }
    expect(parseInterval('1000')).toBeNull();
    expect(parseCount('1000000')).toBeNull();
  });

  it('turns a picked day into an UNTIL value and back', () => {
    expect(untilOfDay('2027-03-12')).toBe('20270312');
    expect(untilDay('20270312')).toBe('2027-03-12');
    expect(untilOfDay('')).toBeNull();
    expect(untilOfDay('2027-02-30')).toBeNull();
    expect(untilOfDay('2027-03-12T10:00')).toBeNull();
  });

  it.each([
    ['2026-12-01', { ordinal: 1, day: 'TU' }],
    ['2026-12-08', { ordinal: 2, day: 'TU' }],
    ['2026-12-28', { ordinal: 4, day: 'MO' }],
    ['2026-12-29T09:00', { ordinal: -1, day: 'TU' }],
    ['2026-12-31', { ordinal: -1, day: 'TH' }],
  ])('names %s by its place among its weekday in the month', (date, expected) => {
    expect(weekdayInMonthOf(date)).toEqual(expected);
  });
});
