// SPDX-License-Identifier: MIT
// Due date, time and repetition of a task. The date and time are the browser's own inputs: typed
// digit by digit or stepped with the arrow keys, without a mouse. "Custom…" opens the recurrence
// editor under them for any rule it can show; a rule it cannot stays as it is until replaced.
import { useId, useState } from 'react';
import { canEditRecurrence, customStartOf, RecurrenceEditor } from '@/features/tasks/components/recurrence-editor';
import { describeRecurrence } from '@/features/tasks/utils/recurrence-rule';

interface DueDateFieldsProps {
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM, or null. */
  dueDate: string | null;
  /** An RRULE, or null. */
  recurrence: string | null;
  onDueDateChange: (dueDate: string | null) => void;
  onRecurrenceChange: (recurrence: string | null) => void;
}

/** The repetitions offered by name; any other rule (from quick add, an import) stays as it is. */
const presets: readonly { rule: string; label: string }[] = [
  { rule: 'FREQ=DAILY', label: 'Every day' },
  { rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', label: 'Every weekday' },
  { rule: 'FREQ=WEEKLY', label: 'Every week' },
  { rule: 'FREQ=WEEKLY;INTERVAL=2', label: 'Every 2 weeks' },
  { rule: 'FREQ=MONTHLY', label: 'Every month' },
  { rule: 'FREQ=YEARLY', label: 'Every year' },
];

/** The select's value for "Custom…"; no RRULE, as every one starts with a name and '='. */
const customChoice = 'custom';

const isPreset = (recurrence: string) => presets.some((p) => p.rule === recurrence);

export function DueDateFields({ dueDate, recurrence, onDueDateChange, onRecurrenceChange }: DueDateFieldsProps) {
  const ids = { date: useId(), time: useId(), repeat: useId(), summary: useId() };
  const day = dueDate?.slice(0, 10) ?? '';
  const time = dueDate && dueDate.length > 10 ? dueDate.slice(11, 16) : '';
  // Stays on while the editor's rule passes through a preset's, so the fields do not vanish mid-edit.
  const [editing, setEditing] = useState(() => recurrence !== null && !isPreset(recurrence) && canEditRecurrence(recurrence));
  const showEditor = editing && recurrence !== null;
  const leftAlone = recurrence !== null && !isPreset(recurrence) && !showEditor ? recurrence : null;

  const setDay = (value: string) => onDueDateChange(value ? (time ? `${value}T${time}` : value) : null);
  const setTime = (value: string) => onDueDateChange(day ? (value ? `${day}T${value}` : day) : null);
  const chooseRepeat = (value: string) => {
    setEditing(value === customChoice);
    const chosen = value === customChoice ? customStartOf(recurrence) : value || null;
    if (chosen !== recurrence) onRecurrenceChange(chosen);
  };

  return (
    <>
      <div className="field-row due-fields">
        <div className="field">
          <label htmlFor={ids.date}>Due date</label>
          <input
            id={ids.date}
            type="date"
            data-testid="due-date"
            value={day}
            min="0001-01-01"
            max="9999-12-31"
            onChange={(e) => setDay(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.time}>Time</label>
          <input
            id={ids.time}
            type="time"
            data-testid="due-time"
            value={time}
            disabled={!day}
            onChange={(e) => setTime(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.repeat}>Repeat</label>
          <select
            id={ids.repeat}
            data-testid="repeat"
            value={showEditor ? customChoice : (recurrence ?? '')}
            aria-describedby={recurrence ? ids.summary : undefined}
            onChange={(e) => chooseRepeat(e.target.value)}
          >
            <option value="">Never</option>
            {presets.map((p) => (
              <option key={p.rule} value={p.rule}>
                {p.label}
              </option>
            ))}
            {leftAlone !== null ? <option value={leftAlone}>{describeRecurrence(leftAlone, dueDate ?? undefined)}</option> : null}
            <option value={customChoice}>Custom…</option>
          </select>
          {recurrence ? (
            <p id={ids.summary} className="field-hint" data-testid="repeat-summary">
              {describeRecurrence(recurrence, dueDate ?? undefined)}
              {dueDate ? '' : ', starting today'}
            </p>
          ) : null}
        </div>
      </div>
      {showEditor ? <RecurrenceEditor recurrence={recurrence} dueDate={dueDate} onRecurrenceChange={onRecurrenceChange} /> : null}
    </>
  );
}
