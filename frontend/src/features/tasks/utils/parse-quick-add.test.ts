// SPDX-License-Identifier: MIT
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseQuickAdd, type QuickAddResult } from '@/features/tasks/utils/parse-quick-add';
import { formatRecurrenceRule, parseRecurrenceRule } from '@/features/tasks/utils/recurrence-rule';

// Sunday 29 November 2026, 10:00 local time.
const sunday = new Date(2026, 10, 29, 10, 0);

const projects = [
  { id: 'p-home', name: 'Home' },
  { id: 'p-work', name: 'Work' },
  { id: 'p-two', name: 'Two words' },
  { id: 'p-improve', name: 'Home improvement' },
];

const parse = (text: string, now = sunday) => parseQuickAdd(text, { now, projects });

type Meaning = Omit<QuickAddResult, 'chips'>;

/** What a phrase means: nothing but its title unless said otherwise. */
const meaning = (title: string, parts: Partial<Meaning> = {}): Meaning => ({
  title,
  dueDate: null,
  recurrence: null,
  projectIds: [],
  unknownProjects: [],
  tags: [],
  priority: null,
  ...parts,
});

const withoutChips = ({ chips: _chips, ...rest }: QuickAddResult): Meaning => rest;

const weekdays = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';

const recurrencePhrases: [string, Meaning][] = [
  ['every day', meaning('', { recurrence: 'FREQ=DAILY', dueDate: '2026-11-29' })],
  ['Stretch daily', meaning('Stretch', { recurrence: 'FREQ=DAILY', dueDate: '2026-11-29' })],
  ['Stretch everyday', meaning('Stretch', { recurrence: 'FREQ=DAILY', dueDate: '2026-11-29' })],
  ['every 3 days', meaning('', { recurrence: 'FREQ=DAILY;INTERVAL=3', dueDate: '2026-11-29' })],
  ['every three days', meaning('', { recurrence: 'FREQ=DAILY;INTERVAL=3', dueDate: '2026-11-29' })],
  ['every weekday gym', meaning('gym', { recurrence: weekdays, dueDate: '2026-11-30' })],
  ['every workday', meaning('', { recurrence: weekdays, dueDate: '2026-11-30' })],
  ['every weekend hike', meaning('hike', { recurrence: 'FREQ=WEEKLY;BYDAY=SA,SU', dueDate: '2026-11-29' })],
  ['Water plants weekly', meaning('Water plants', { recurrence: 'FREQ=WEEKLY', dueDate: '2026-11-29' })],
  ['Sync fortnightly', meaning('Sync', { recurrence: 'FREQ=WEEKLY;INTERVAL=2', dueDate: '2026-11-29' })],
  ['every 2 weeks on mon', meaning('', { recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', dueDate: '2026-11-30' })],
  ['every other monday', meaning('', { recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', dueDate: '2026-11-30' })],
  ['every monday Team sync', meaning('Team sync', { recurrence: 'FREQ=WEEKLY;BYDAY=MO', dueDate: '2026-11-30' })],
  ['Call mom every sunday', meaning('Call mom', { recurrence: 'FREQ=WEEKLY;BYDAY=SU', dueDate: '2026-11-29' })],
  ['every mon and thu', meaning('', { recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH', dueDate: '2026-11-30' })],
  ['every thu & mon', meaning('', { recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH', dueDate: '2026-11-30' })],
  ['every fri, wed and mon', meaning('', { recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', dueDate: '2026-11-30' })],
  ['every month', meaning('', { recurrence: 'FREQ=MONTHLY', dueDate: '2026-11-29' })],
  ['each month pay bills', meaning('pay bills', { recurrence: 'FREQ=MONTHLY', dueDate: '2026-11-29' })],
  ['every 15th', meaning('', { recurrence: 'FREQ=MONTHLY;BYMONTHDAY=15', dueDate: '2026-12-15' })],
  ['every month on the 1st and 15th', meaning('', { recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1,15', dueDate: '2026-12-01' })],
  ['every 2 months on the 15th', meaning('', { recurrence: 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15', dueDate: '2026-12-15' })],
  ['every last day of the month', meaning('', { recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1', dueDate: '2026-11-30' })],
  ['every month on the last day', meaning('', { recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1', dueDate: '2026-11-30' })],
  ['every last friday', meaning('', { recurrence: 'FREQ=MONTHLY;BYDAY=-1FR', dueDate: '2026-12-25' })],
  ['every month on the last friday', meaning('', { recurrence: 'FREQ=MONTHLY;BYDAY=-1FR', dueDate: '2026-12-25' })],
  ['every second tuesday of the month', meaning('', { recurrence: 'FREQ=MONTHLY;BYDAY=2TU', dueDate: '2026-12-08' })],
  ['every year', meaning('', { recurrence: 'FREQ=YEARLY', dueDate: '2026-11-29' })],
  ['Renew domain annually', meaning('Renew domain', { recurrence: 'FREQ=YEARLY', dueDate: '2026-11-29' })],
  ['Birthday every year on 12 March', meaning('Birthday', { recurrence: 'FREQ=YEARLY', dueDate: '2027-03-12' })],
  ['every day at 9am', meaning('', { recurrence: 'FREQ=DAILY', dueDate: '2026-11-30T09:00' })],
  ['every day at 5pm', meaning('', { recurrence: 'FREQ=DAILY', dueDate: '2026-11-29T17:00' })],
  ['Standup daily at 9:30', meaning('Standup', { recurrence: 'FREQ=DAILY', dueDate: '2026-11-30T09:30' })],
  ['every weekday at 8:30', meaning('', { recurrence: weekdays, dueDate: '2026-11-30T08:30' })],
  ['every thu and fri at 8pm', meaning('', { recurrence: 'FREQ=WEEKLY;BYDAY=TH,FR', dueDate: '2026-12-03T20:00' })],
  ['every monday from dec 7', meaning('', { recurrence: 'FREQ=WEEKLY;BYDAY=MO', dueDate: '2026-12-07' })],
  ['every day until dec 24', meaning('', { recurrence: 'FREQ=DAILY;UNTIL=20261224', dueDate: '2026-11-29' })],
  ['every day at 9am until dec 31', meaning('', { recurrence: 'FREQ=DAILY;UNTIL=20261231', dueDate: '2026-11-30T09:00' })],
  ['every monday 3 times', meaning('', { recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3', dueDate: '2026-11-30' })],
  ['Take pills daily for five times', meaning('Take pills', { recurrence: 'FREQ=DAILY;COUNT=5', dueDate: '2026-11-29' })],
];

describe('parseQuickAdd, read on Sunday 29 Nov 2026 at 10:00', () => {
  describe('leaves a plain title alone', () => {
    it.each<[string, Meaning]>([
      ['Call mom', meaning('Call mom')],
      ['Buy 2 apples', meaning('Buy 2 apples')],
      ['Read 1984', meaning('Read 1984')],
      ['Watch 24', meaning('Watch 24')],
      ['Plan 2027 budget', meaning('Plan 2027 budget')],
      ['Read chapter 3', meaning('Read chapter 3')],
      ['Ask May about it', meaning('Ask May about it')],
      ['Read every page', meaning('Read every page')],
      ['Write weekly report', meaning('Write weekly report')],
      ['yearly review', meaning('yearly review')],
      ['email bob@example.com', meaning('email bob@example.com')],
      ['Fix bug #42', meaning('Fix bug #42')],
      ['p5 is not a priority', meaning('p5 is not a priority')],
      ['a!high is not one either', meaning('a!high is not one either')],
      ['Pay rent on the 1st', meaning('Pay rent on the 1st')],
      ['  lots   of   spaces  ', meaning('lots of spaces')],
    ])('%j', (text, expected) => {
      expect(withoutChips(parse(text))).toEqual(expected);
    });
  });

  describe('reads dates and times', () => {
    it.each<[string, Meaning]>([
      ['tomorrow 5pm Dentist', meaning('Dentist', { dueDate: '2026-11-30T17:00' })],
      ['Submit report next fri', meaning('Submit report', { dueDate: '2026-12-04' })],
      ['in 3 days water plants', meaning('water plants', { dueDate: '2026-12-02' })],
      ['Birthday on 12 March', meaning('Birthday', { dueDate: '2027-03-12' })],
      ['today clean the kitchen', meaning('clean the kitchen', { dueDate: '2026-11-29' })],
      ['Read tonight', meaning('Read', { dueDate: '2026-11-29' })],
      ['Finish report by friday', meaning('Finish report', { dueDate: '2026-12-04' })],
      ['Call mom, tomorrow', meaning('Call mom', { dueDate: '2026-11-30' })],
      ['Lunch tomorrow at noon', meaning('Lunch', { dueDate: '2026-11-30T12:00' })],
      ['Dinner Friday at 7pm', meaning('Dinner', { dueDate: '2026-12-04T19:00' })],
      ['Pay taxes on April 15', meaning('Pay taxes', { dueDate: '2027-04-15' })],
      ['jan 3 return books', meaning('return books', { dueDate: '2027-01-03' })],
      ['Party on 31 dec', meaning('Party', { dueDate: '2026-12-31' })],
      ['Review in 2 weeks', meaning('Review', { dueDate: '2026-12-13' })],
      ['in 2 hours check oven', meaning('check oven', { dueDate: '2026-11-29T12:00' })],
      ['2026-12-24 wrap gifts', meaning('wrap gifts', { dueDate: '2026-12-24' })],
      ['Renew passport 12 Mar 2027', meaning('Renew passport', { dueDate: '2027-03-12' })],
      ['noon lunch', meaning('lunch', { dueDate: '2026-11-29T12:00' })],
      ['call at 5pm tomorrow', meaning('call', { dueDate: '2026-11-30T17:00' })],
      ['Gym mon', meaning('Gym', { dueDate: '2026-11-30' })],
      ['Dentist next tuesday at 10:30am', meaning('Dentist', { dueDate: '2026-12-01T10:30' })],
      ['Meeting @ 3pm with Jan', meaning('Meeting with Jan', { dueDate: '2026-11-29T15:00' })],
      ['Meet @5pm', meaning('Meet', { dueDate: '2026-11-29T17:00' })],
      ['due tomorrow report', meaning('report', { dueDate: '2026-11-30' })],
      ['Stand-up at 9am', meaning('Stand-up', { dueDate: '2026-11-30T09:00' })],
      ['Ship it on sunday', meaning('Ship it', { dueDate: '2026-11-29' })],
      ['  lots   of   spaces  tomorrow ', meaning('lots of spaces', { dueDate: '2026-11-30' })],
      ['tomorrow: call mom', meaning('call mom', { dueDate: '2026-11-30' })],
      ['Call mom, tomorrow.', meaning('Call mom.', { dueDate: '2026-11-30' })],
      ['...and more - tomorrow', meaning('...and more', { dueDate: '2026-11-30' })],
    ])('%j', (text, expected) => {
      expect(withoutChips(parse(text))).toEqual(expected);
    });
  });

  describe('reads recurrence, due at its first occurrence unless a day is said', () => {
    it.each(recurrencePhrases)('%j', (text, expected) => {
      expect(withoutChips(parse(text))).toEqual(expected);
    });

    it('writes only rules that read back as the same canonical text', () => {
      for (const [text] of recurrencePhrases) {
        const { recurrence } = parse(text);
        const rule = recurrence === null ? null : parseRecurrenceRule(recurrence);
        expect(rule && formatRecurrenceRule(rule), text).toBe(recurrence);
      }
    });
  });

  describe('reads projects, tags and priorities', () => {
    it.each<[string, Meaning]>([
      ['Fix sink #Home', meaning('Fix sink', { projectIds: ['p-home'] })],
      ['#home lowercase', meaning('lowercase', { projectIds: ['p-home'] })],
      ['#"Two words" task', meaning('task', { projectIds: ['p-two'] })],
      ['#“two words” curly quotes', meaning('curly quotes', { projectIds: ['p-two'] })],
      ['#Two_words task', meaning('task', { projectIds: ['p-two'] })],
      ['#Two words task', meaning('task', { projectIds: ['p-two'] })],
      ['#Home improvement ideas', meaning('ideas', { projectIds: ['p-improve'] })],
      ['#Home_improvement ideas', meaning('ideas', { projectIds: ['p-improve'] })],
      ['#Work #Home #work both', meaning('both', { projectIds: ['p-work', 'p-home'] })],
      ['#Garden plant roses', meaning('plant roses', { unknownProjects: ['Garden'] })],
      ['#Garden #garden #New_place', meaning('', { unknownProjects: ['Garden', 'New place'] })],
      ['#"Big plans" later', meaning('later', { unknownProjects: ['Big plans'] })],
      ['Buy milk #Home.', meaning('Buy milk.', { projectIds: ['p-home'] })],
      ['Email Bob #Work, then call', meaning('Email Bob, then call', { projectIds: ['p-work'] })],
      ['@errands buy milk @errands', meaning('buy milk', { tags: ['errands'] })],
      ['Clean @home/kitchen @deep-clean', meaning('Clean', { tags: ['home/kitchen', 'deep-clean'] })],
      ['Set up @2fa', meaning('Set up', { tags: ['2fa'] })],
      ['p1 Fix prod', meaning('Fix prod', { priority: 'pinned' })],
      ['Read p2 draft', meaning('Read draft', { priority: 'high' })],
      ['P3 thing', meaning('thing', { priority: 'standard' })],
      ['p4 someday', meaning('someday', { priority: 'long term' })],
      ['!pinned top', meaning('top', { priority: 'pinned' })],
      ['!HIGH urgent fix', meaning('urgent fix', { priority: 'high' })],
      ['!standard plain', meaning('plain', { priority: 'standard' })],
      ['!longterm think', meaning('think', { priority: 'long term' })],
      ['!long-term think', meaning('think', { priority: 'long term' })],
      ['!nit typo', meaning('typo', { priority: 'nit' })],
      ['!pinned first !high second', meaning('first !high second', { priority: 'pinned' })],
    ])('%j', (text, expected) => {
      expect(withoutChips(parse(text))).toEqual(expected);
    });
  });

  describe('reads everything at once', () => {
    it.each<[string, Meaning]>([
      [
        'Pay rent every month on the 1st #Home !high',
        meaning('Pay rent', {
          recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
          dueDate: '2026-12-01',
          projectIds: ['p-home'],
          priority: 'high',
        }),
      ],
      [
        'every day at 9am #Work p2 @gym',
        meaning('', {
          recurrence: 'FREQ=DAILY',
          dueDate: '2026-11-30T09:00',
          projectIds: ['p-work'],
          tags: ['gym'],
          priority: 'high',
        }),
      ],
      [
        'Backup monthly #Work',
        meaning('Backup', { recurrence: 'FREQ=MONTHLY', dueDate: '2026-11-29', projectIds: ['p-work'] }),
      ],
      [
        'Sync #"Two words" every tuesday !standard',
        meaning('Sync', {
          recurrence: 'FREQ=WEEKLY;BYDAY=TU',
          dueDate: '2026-12-01',
          projectIds: ['p-two'],
          priority: 'standard',
        }),
      ],
      [
        'Call mom tomorrow 5pm @family p1 #Garden',
        meaning('Call mom', {
          dueDate: '2026-11-30T17:00',
          tags: ['family'],
          priority: 'pinned',
          unknownProjects: ['Garden'],
        }),
      ],
      // The project typed in the middle of the date does not split it.
      ['tomorrow #Home 5pm', meaning('', { dueDate: '2026-11-30T17:00', projectIds: ['p-home'] })],
    ])('%j', (text, expected) => {
      expect(withoutChips(parse(text))).toEqual(expected);
    });
  });

  it('reads an empty line as nothing', () => {
    expect(parse('')).toEqual({ ...meaning(''), chips: [] });
    expect(parse('   ')).toEqual({ ...meaning(''), chips: [] });
  });
});

describe('parseQuickAdd chips', () => {
  const chipsOf = (text: string, now = sunday) =>
    parse(text, now).chips.map(({ kind, label, start, end }) => [kind, label, text.slice(start, end)]);

  it('lists what was recognised in text order, with short labels', () => {
    expect(chipsOf('Pay rent every month on the 1st #Home !high')).toEqual([
      ['recurrence', 'Every month on the 1st', 'every month on the 1st'],
      ['project', 'Home', '#Home'],
      ['priority', 'High', '!high'],
    ]);
    expect(chipsOf('Call mom tomorrow 5pm @family p1')).toEqual([
      ['date', 'Tomorrow 17:00', 'tomorrow 5pm'],
      ['tag', '@family', '@family'],
      ['priority', 'Pinned', 'p1'],
    ]);
  });

  it('gives [start, end) offsets into the text as typed', () => {
    const { chips } = parse('Fix sink #Home');
    expect(chips).toEqual([{ kind: 'project', label: 'Home', start: 9, end: 14 }]);
  });

  it('names a project by its own spelling, and says a name no project has is new', () => {
    expect(chipsOf('#home #Garden')).toEqual([
      ['project', 'Home', '#home'],
      ['project', 'Garden (new)', '#Garden'],
    ]);
  });

  it('takes the word that introduces a date into the date', () => {
    expect(chipsOf('Finish report by friday')).toEqual([['date', 'Fri', 'by friday']]);
    expect(chipsOf('Meet @ 5pm')).toEqual([['date', 'Today 17:00', '@ 5pm']]);
  });

  it('names the day of a recurrence from its first occurrence', () => {
    expect(chipsOf('every month')).toEqual([['recurrence', 'Every month on the 29th', 'every month']]);
    expect(chipsOf('Birthday every year on 12 March')).toEqual([
      ['recurrence', 'Every year on 12 March', 'every year'],
      ['date', '12 Mar 2027', 'on 12 March'],
    ]);
  });

  it('gives the time of a recurrence its own date chip', () => {
    expect(chipsOf('every day at 9am')).toEqual([
      ['recurrence', 'Every day', 'every day'],
      ['date', 'Tomorrow 09:00', 'at 9am'],
    ]);
  });

  it('says when a recurrence ends', () => {
    expect(chipsOf('every day until dec 24')).toEqual([
      ['recurrence', 'Every day, until 24 Dec 2026', 'every day until dec 24'],
    ]);
    expect(chipsOf('every monday 3 times')).toEqual([['recurrence', 'Every week on Monday, 3 times', 'every monday 3 times']]);
  });

  it('lets a date enclose a symbol typed in its middle', () => {
    expect(chipsOf('tomorrow #Home 5pm')).toEqual([
      ['date', 'Tomorrow 17:00', 'tomorrow #Home 5pm'],
      ['project', 'Home', '#Home'],
    ]);
  });

  it('gives a chip to every mention, even a repeated one', () => {
    expect(chipsOf('@a x @a')).toEqual([
      ['tag', '@a', '@a'],
      ['tag', '@a', '@a'],
    ]);
  });

  it('leaves out of the chips what stays in the title', () => {
    expect(chipsOf('Fix bug #42 in 8000 years')).toEqual([]);
    expect(parse('Fix bug #42 in 8000 years').title).toBe('Fix bug #42 in 8000 years');
  });
});

describe('parseQuickAdd relative to options.now', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads dates from the given now, never from the real clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2031, 5, 15, 8, 0));
    expect(parse('tomorrow').dueDate).toBe('2026-11-30');
    expect(parse('every 1st').dueDate).toBe('2026-12-01');
  });

  it('starts a weekly rule today when today is one of its days', () => {
    const monday = new Date(2026, 10, 30, 8, 0);
    expect(parse('every monday', monday).dueDate).toBe('2026-11-30');
    expect(parse('every monday at 7am', monday).dueDate).toBe('2026-12-07T07:00');
    expect(parse('every monday at 9am', monday).dueDate).toBe('2026-11-30T09:00');
  });

  it('crosses into the next year on New Year’s Eve', () => {
    const newYearsEve = new Date(2026, 11, 31, 22, 0);
    expect(parse('tomorrow', newYearsEve).dueDate).toBe('2027-01-01');
    expect(parse('jan 2', newYearsEve).dueDate).toBe('2027-01-02');
    expect(parse('every 1st', newYearsEve).dueDate).toBe('2027-01-01');
    expect(parse('every day at 9pm', newYearsEve).dueDate).toBe('2027-01-01T21:00');
    expect(parse('every day at 11pm', newYearsEve).dueDate).toBe('2026-12-31T23:00');
    expect(parse('every month on the 1st', new Date(2026, 10, 29, 10, 0)).dueDate).toBe('2026-12-01');
  });

  it('puts a date said without a year in the coming year once this year’s has passed', () => {
    expect(parse('on 12 March').dueDate).toBe('2027-03-12');
    expect(parse('on 12 December').dueDate).toBe('2026-12-12');
  });
});
