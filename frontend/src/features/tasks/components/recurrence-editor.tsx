// SPDX-License-Identifier: MIT
// A custom repetition, as the "custom repeat" of Todoist or TickTick: every so many days, weeks,
// months or years; on chosen weekdays, or on a day or a numbered weekday of the month; forever, so
// many times or until a day. The editor keeps a draft of what is typed, so that a field emptied to
// type a new number is neither sent as a broken rule nor reset under the user's fingers: it sends
// a rule only when the whole draft makes one the backend takes.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { weekdayNames, weekdayShortNames } from '@/features/tasks/utils/format-due-date';
import {
  untilDay,
  formatRecurrenceRule,
  parseCount,
  parseInterval,
  parseRecurrenceRule,
  recurrenceLimits,
  untilOfDay,
  weekdayCodes,
  weekdayInMonthOf,
  type Frequency,
  type RecurrenceRule,
  type Weekday,
} from '@/features/tasks/utils/recurrence-rule';
import { parseLocalDate, todayText, weekdayOf } from '@/lib/local-date';

type WeekdayInMonth = RecurrenceRule['byDay'][number];

interface Draft {
  frequency: Frequency;
  /** As typed. */
  interval: string;
  /** Null until the user picks: the start's weekday, which the rule then leaves unsaid. */
  weekdays: Weekday[] | null;
  monthlyBy: 'day' | 'weekday';
  /** 1 to 31, or -1 for the last day; null until the user picks: the start's day, unsaid. */
  monthDay: number | null;
  /** Null until the user picks: the start's ("the second Tuesday"). */
  weekdayInMonth: WeekdayInMonth | null;
  end: 'never' | 'count' | 'until';
  /** As typed; kept while another end is chosen, so that choosing it again brings it back. */
  count: string;
  /** YYYY-MM-DD as the date input gives it, or empty. */
  until: string;
}

type Problems = Partial<Record<'interval' | 'count' | 'until', string>>;
type Update = (patch: Partial<Draft>) => void;

/** What "Custom…" offers before the user changes anything: every week, on the start's weekday. */
const startingRule: RecurrenceRule = { frequency: 'WEEKLY', interval: 1, byDay: [], byMonthDay: [] };

/** The count offered when the user first chooses to end after a number of times. */
const defaultCount = 10;

const units: readonly [Frequency, string][] = [
  ['DAILY', 'day'],
  ['WEEKLY', 'week'],
  ['MONTHLY', 'month'],
  ['YEARLY', 'year'],
];

/** Monday first, as the backend's weeks start on Monday. */
const weekOrder: readonly Weekday[] = [...weekdayCodes.slice(1), 'SU'];

const dayName = (day: Weekday) => weekdayNames[weekdayCodes.indexOf(day)]!;
const dayShortName = (day: Weekday) => weekdayShortNames[weekdayCodes.indexOf(day)]!;

const lastDay = -1;
const monthDays: readonly [number, string][] = [
  ...Array.from({ length: 31 }, (_, i): [number, string] => [i + 1, String(i + 1)]),
  [lastDay, 'Last'],
];

/** The numbered weekdays offered; the rarer ones (a fifth, a second to last) leave a rule to the select. */
const ordinals: readonly [number, string][] = [
  [1, 'first'],
  [2, 'second'],
  [3, 'third'],
  [4, 'fourth'],
  [-1, 'last'],
];

// --- Which rules the editor shows ------------------------------------------------------------

const isOffered = (ordinal: number) => ordinals.some(([offered]) => offered === ordinal);

function fitsMonthly({ byDay, byMonthDay }: RecurrenceRule): boolean {
  if (byDay.length === 0) return byMonthDay.length <= 1 && byMonthDay.every((n) => n > 0 || n === lastDay);
  return byMonthDay.length === 0 && byDay.length === 1 && byDay.every((d) => isOffered(d.ordinal));
}

/** Whether the editor's fields can hold the rule exactly; the parser allows weekly and yearly rules no more than they can. */
function fitsEditor(rule: RecurrenceRule): boolean {
  if (rule.frequency === 'DAILY') return rule.byDay.length === 0;
  return rule.frequency !== 'MONTHLY' || fitsMonthly(rule);
}

/** Whether the editor can show `recurrence` as it is; any other rule is better left alone. */
export function canEditRecurrence(recurrence: string): boolean {
  const rule = parseRecurrenceRule(recurrence);
  return rule !== null && fitsEditor(rule);
}

/**
 * The rule "Custom…" starts from: the current one when the editor can show it, else its
 * frequency, interval and end on the start's day, or every week when there is nothing to keep.
 */
export function customStartOf(recurrence: string | null): string {
  const rule = recurrence === null ? null : parseRecurrenceRule(recurrence);
  if (recurrence === null || !rule) return formatRecurrenceRule(startingRule);
  return fitsEditor(rule) ? recurrence : formatRecurrenceRule({ ...rule, byDay: [], byMonthDay: [] });
}

// --- Between the rule and the draft ----------------------------------------------------------

function draftOf(recurrence: string): Draft {
  const rule = parseRecurrenceRule(recurrence) ?? startingRule;
  const monthly = rule.frequency === 'MONTHLY';
  return {
    frequency: rule.frequency,
    interval: String(rule.interval),
    weekdays: rule.frequency === 'WEEKLY' && rule.byDay.length > 0 ? rule.byDay.map((d) => d.day) : null,
    monthlyBy: monthly && rule.byDay.length > 0 ? 'weekday' : 'day',
    monthDay: rule.byMonthDay[0] ?? null,
    weekdayInMonth: monthly ? (rule.byDay[0] ?? null) : null,
    end: rule.count !== undefined ? 'count' : rule.until !== undefined ? 'until' : 'never',
    count: String(rule.count ?? defaultCount),
    until: rule.until === undefined ? '' : untilDay(rule.until),
  };
}

const startWeekday = (start: string) => weekdayCodes[weekdayOf(start)]!;

function daysOf(draft: Draft, start: string): Pick<RecurrenceRule, 'byDay' | 'byMonthDay'> {
  const none = { byDay: [], byMonthDay: [] };
  if (draft.frequency === 'WEEKLY') return { ...none, byDay: (draft.weekdays ?? []).map((day) => ({ ordinal: 0, day })) };
  if (draft.frequency !== 'MONTHLY') return none;
  if (draft.monthlyBy === 'weekday') return { ...none, byDay: [draft.weekdayInMonth ?? weekdayInMonthOf(start)] };
  return { ...none, byMonthDay: draft.monthDay === null ? [] : [draft.monthDay] };
}

/** The rule the draft makes, or null and what keeps it from making one. */
function readDraft(draft: Draft, start: string): { rule: RecurrenceRule | null; problems: Problems } {
  const interval = parseInterval(draft.interval);
  const count = draft.end === 'count' ? parseCount(draft.count) : undefined;
  const until = draft.end === 'until' ? untilOfDay(draft.until) : undefined;
  const problems: Problems = {};
  if (interval === null) problems.interval = `Enter how often, from 1 to ${recurrenceLimits.interval}.`;
  if (count === null) problems.count = `Enter how many times, from 1 to ${recurrenceLimits.count.toLocaleString('en')}.`;
  if (until === null) problems.until = 'Pick the day it ends.';
  if (interval === null || count === null || until === null) return { rule: null, problems };
  return { rule: { frequency: draft.frequency, interval, ...daysOf(draft, start), count, until }, problems };
}

const invalidProps = (problem: string | undefined, describedBy: string) =>
  problem ? { 'aria-invalid': true, 'aria-describedby': describedBy } : {};

// --- The editor ------------------------------------------------------------------------------

interface RecurrenceEditorProps {
  /** An RRULE that canEditRecurrence accepts. */
  recurrence: string;
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM, or null: the rule then starts today. */
  dueDate: string | null;
  onRecurrenceChange: (recurrence: string) => void;
}

export function RecurrenceEditor({ recurrence, dueDate, onRecurrenceChange }: RecurrenceEditorProps) {
  const [today] = useState(() => todayText(new Date()));
  const start = dueDate && parseLocalDate(dueDate) ? dueDate.slice(0, 10) : today;
  const [draft, setDraft] = useState(() => draftOf(recurrence));
  // The rule the draft was read from or last made: a rule that arrives from elsewhere replaces the
  // draft, while one the draft cannot make yet (a field being typed) leaves it be.
  const [drafted, setDrafted] = useState(recurrence);
  if (recurrence !== drafted) {
    setDrafted(recurrence);
    setDraft(draftOf(recurrence));
  }
  const problemsId = useId();
  const { problems } = readDraft(draft, start);
  const problemText = Object.values(problems).join(' ');

  const update: Update = (patch) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    const { rule } = readDraft(next, start);
    if (!rule) return;
    const text = formatRecurrenceRule(rule);
    setDrafted(text);
    onRecurrenceChange(text);
  };

  return (
    <fieldset className="recurrence-editor" data-testid="recurrence-editor">
      <legend>Custom repeat</legend>
      <IntervalLine draft={draft} update={update} problem={problems.interval} problemsId={problemsId} />
      {draft.frequency === 'WEEKLY' ? <WeekdayPicker draft={draft} start={start} update={update} /> : null}
      {draft.frequency === 'MONTHLY' ? <MonthlyChoice draft={draft} start={start} update={update} /> : null}
      <EndChoice draft={draft} update={update} problems={problems} problemsId={problemsId} />
      {problemText ? (
        <p id={problemsId} className="field-error">
          {problemText}
        </p>
      ) : null}
    </fieldset>
  );
}

interface IntervalLineProps {
  draft: Draft;
  update: Update;
  problem: string | undefined;
  problemsId: string;
}

function IntervalLine({ draft, update, problem, problemsId }: IntervalLineProps) {
  const id = useId();
  const plural = parseInterval(draft.interval) === 1 ? '' : 's';
  return (
    <div className="recurrence-line">
      <label htmlFor={id}>Every</label>
      <input
        id={id}
        type="number"
        className="recurrence-number"
        min={1}
        max={recurrenceLimits.interval}
        value={draft.interval}
        onChange={(e) => update({ interval: e.target.value })}
        {...invalidProps(problem, problemsId)}
      />
      <select aria-label="Unit" value={draft.frequency} onChange={(e) => update({ frequency: e.target.value as Frequency })}>
        {units.map(([frequency, unit]) => (
          <option key={frequency} value={frequency}>
            {unit}
            {plural}
          </option>
        ))}
      </select>
    </div>
  );
}

// Every toggle is a tab stop, as a row of buttons is; the arrow keys also walk the row, as they
// do in a toolbar, for those who expect it.
const arrowSteps: Partial<Record<string, number>> = { ArrowLeft: -1, ArrowRight: 1 };

function walkWithArrows(event: KeyboardEvent<HTMLElement>) {
  const step = arrowSteps[event.key];
  const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (step === undefined || index < 0) return;
  event.preventDefault();
  buttons[(index + step + buttons.length) % buttons.length]?.focus();
}

interface WeekdayPickerProps {
  draft: Draft;
  start: string;
  update: Update;
}

function WeekdayPicker({ draft, start, update }: WeekdayPickerProps) {
  const chosen = draft.weekdays ?? [startWeekday(start)];
  // Flips one day and keeps the week's order, which is the order the rule lists them in.
  const toggle = (day: Weekday) => update({ weekdays: weekOrder.filter((d) => (d === day) !== chosen.includes(d)) });
  return (
    <fieldset className="recurrence-part">
      <legend>On these days</legend>
      <div className="recurrence-weekdays" onKeyDown={walkWithArrows}>
        {weekOrder.map((day) => (
          <button
            key={day}
            type="button"
            className="weekday-toggle"
            aria-pressed={chosen.includes(day)}
            onClick={() => toggle(day)}
          >
            {/* The whole name is the button's name: an aria-label would hide the visible one. */}
            <span aria-hidden="true">{dayShortName(day)}</span>
            <span className="visually-hidden">{dayName(day)}</span>
          </button>
        ))}
      </div>
      {chosen.length === 0 ? (
        <p className="field-hint">No day picked: it repeats on {dayName(startWeekday(start))}s, the weekday it starts on.</p>
      ) : null}
    </fieldset>
  );
}

interface RadioOptionProps {
  name: string;
  label: string;
  checked: boolean;
  onSelect: () => void;
  children?: ReactNode;
}

/** A radio button with its label, then the fields that choosing it brings into play. */
function RadioOption({ name, label, checked, onSelect, children }: RadioOptionProps) {
  const id = useId();
  return (
    <div className="recurrence-line">
      <input id={id} type="radio" name={name} checked={checked} onChange={onSelect} />
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

interface MonthlyChoiceProps {
  draft: Draft;
  start: string;
  update: Update;
}

// Changing a select also chooses its radio button: nobody picks "the 15th" to leave it unused.
function MonthlyChoice({ draft, start, update }: MonthlyChoiceProps) {
  const name = useId();
  const monthDay = draft.monthDay ?? parseLocalDate(start)!.day;
  const inMonth = draft.weekdayInMonth ?? weekdayInMonthOf(start);
  const byWeekday = (patch: Partial<WeekdayInMonth>) =>
    update({ monthlyBy: 'weekday', weekdayInMonth: { ...inMonth, ...patch } });
  return (
    <fieldset className="recurrence-part">
      <legend>Which day</legend>
      <RadioOption name={name} label="On day" checked={draft.monthlyBy === 'day'} onSelect={() => update({ monthlyBy: 'day' })}>
        <select
          aria-label="Day of the month"
          value={monthDay}
          onChange={(e) => update({ monthlyBy: 'day', monthDay: Number(e.target.value) })}
        >
          {monthDays.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </RadioOption>
      <RadioOption name={name} label="On the" checked={draft.monthlyBy === 'weekday'} onSelect={() => byWeekday({})}>
        <select aria-label="Week of the month" value={inMonth.ordinal} onChange={(e) => byWeekday({ ordinal: Number(e.target.value) })}>
          {ordinals.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <select aria-label="Weekday" value={inMonth.day} onChange={(e) => byWeekday({ day: e.target.value as Weekday })}>
          {weekOrder.map((day) => (
            <option key={day} value={day}>
              {dayName(day)}
            </option>
          ))}
        </select>
      </RadioOption>
    </fieldset>
  );
}

interface EndChoiceProps {
  draft: Draft;
  update: Update;
  problems: Problems;
  problemsId: string;
}

// As in MonthlyChoice, typing a count or a day also chooses its radio button.
function EndChoice({ draft, update, problems, problemsId }: EndChoiceProps) {
  const name = useId();
  return (
    <fieldset className="recurrence-part">
      <legend>Ends</legend>
      <RadioOption name={name} label="Never" checked={draft.end === 'never'} onSelect={() => update({ end: 'never' })} />
      <RadioOption name={name} label="After" checked={draft.end === 'count'} onSelect={() => update({ end: 'count' })}>
        <input
          type="number"
          className="recurrence-number"
          aria-label="Number of times"
          min={1}
          max={recurrenceLimits.count}
          value={draft.count}
          onChange={(e) => update({ end: 'count', count: e.target.value })}
          {...invalidProps(problems.count, problemsId)}
        />
        <span>times</span>
      </RadioOption>
      <RadioOption name={name} label="On" checked={draft.end === 'until'} onSelect={() => update({ end: 'until' })}>
        <input
          type="date"
          aria-label="End date"
          min="0001-01-01"
          max="9999-12-31"
          value={draft.until}
          onChange={(e) => update({ end: 'until', until: e.target.value })}
          {...invalidProps(problems.until, problemsId)}
        />
      </RadioOption>
    </fieldset>
  );
}
