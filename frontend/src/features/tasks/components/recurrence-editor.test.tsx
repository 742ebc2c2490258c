// SPDX-License-Identifier: MIT
import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { DueDateFields } from '@/features/tasks/components/due-date-fields';
import { parseRecurrenceRule } from '@/features/tasks/utils/recurrence-rule';
import { renderWithProviders } from '@/testing/render';

// Monday 7 December 2026, the first Monday of its month.
const monday = '2026-12-07';

/** The fields as the task dialog holds them, with every rule they send recorded. */
function Fields({ initial, dueDate, onChange }: { initial: string | null; dueDate: string | null; onChange: Mock }) {
  const [recurrence, setRecurrence] = useState(initial);
  const [due, setDue] = useState(dueDate);
  const change = (next: string | null) => {
    onChange(next);
    setRecurrence(next);
  };
  return <DueDateFields dueDate={due} recurrence={recurrence} onDueDateChange={setDue} onRecurrenceChange={change} />;
}

function renderFields(initial: string | null = null, dueDate: string | null = monday) {
  const onChange = vi.fn();
  const rendered = renderWithProviders(<Fields initial={initial} dueDate={dueDate} onChange={onChange} />);
  const lastRule = () => onChange.mock.lastCall?.[0] as string | null | undefined;
  return { ...rendered, onChange, lastRule };
}

/** Opens "Custom…" from whatever the select shows. */
async function renderCustom(initial: string | null = null, dueDate: string | null = monday) {
  const rendered = renderFields(initial, dueDate);
  await rendered.user.selectOptions(screen.getByTestId('repeat'), 'Custom…');
  return rendered;
}

const editor = () => within(screen.getByRole('group', { name: 'Custom repeat' }));
const summary = () => screen.getByTestId('repeat-summary');
const pressedDays = () =>
  editor()
    .queryAllByRole('button', { pressed: true })
    .map((b) => b.querySelector('.visually-hidden')?.textContent);

/** Every rule sent must be one the backend takes: a half-typed field sends nothing. */
function expectOnlyValidRules(onChange: Mock) {
  for (const [rule] of onChange.mock.calls as [string][]) expect(parseRecurrenceRule(rule), rule).not.toBeNull();
}

describe('RecurrenceEditor', () => {
  it('starts "Custom…" from Never as every week on the due date’s weekday', async () => {
    const { onChange } = await renderCustom();

    expect(onChange).toHaveBeenCalledWith('FREQ=WEEKLY');
    expect(screen.getByTestId('repeat')).toHaveValue('custom');
    expect(editor().getByLabelText('Every')).toHaveValue(1);
    expect(editor().getByLabelText('Unit')).toHaveValue('WEEKLY');
    expect(pressedDays()).toEqual(['Monday']);
    expect(editor().getByRole('radio', { name: 'Never' })).toBeChecked();
    expect(summary()).toHaveTextContent('Every week on Monday');
  });

  it('sets every 3 weeks on Monday and Thursday', async () => {
    const { user, onChange, lastRule } = await renderCustom();

    await user.clear(editor().getByLabelText('Every'));
    await user.type(editor().getByLabelText('Every'), '3');
    await user.click(editor().getByRole('button', { name: 'Thursday' }));

    expect(lastRule()).toBe('FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH');
    expect(pressedDays()).toEqual(['Monday', 'Thursday']);
    expect(summary()).toHaveTextContent('Every 3 weeks on Monday and Thursday');
    expectOnlyValidRules(onChange);
  });

  it('sets a month on its last day', async () => {
    const { user, lastRule } = await renderCustom();

    await user.selectOptions(editor().getByLabelText('Unit'), 'MONTHLY');
    expect(lastRule()).toBe('FREQ=MONTHLY');
    expect(editor().getByLabelText('Day of the month')).toHaveValue('7');
    await user.selectOptions(editor().getByLabelText('Day of the month'), 'Last');

    expect(lastRule()).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
    expect(editor().getByRole('radio', { name: 'On day' })).toBeChecked();
    expect(summary()).toHaveTextContent('Every month on the last day');
  });

  it('sets a month on its second Tuesday, starting from the due date’s place in its month', async () => {
    const { user, lastRule } = await renderCustom(null, '2026-12-08');
    await user.selectOptions(editor().getByLabelText('Unit'), 'MONTHLY');

    await user.click(editor().getByRole('radio', { name: 'On the' }));
    expect(lastRule()).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(summary()).toHaveTextContent('Every month on the second Tuesday');

    await user.selectOptions(editor().getByLabelText('Week of the month'), 'last');
    await user.selectOptions(editor().getByLabelText('Weekday'), 'Friday');
    expect(lastRule()).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(summary()).toHaveTextContent('Every month on the last Friday');
  });

  it('ends after 5 times', async () => {
    const { user, onChange, lastRule } = await renderCustom();

    await user.click(editor().getByRole('radio', { name: 'After' }));
    expect(lastRule()).toBe('FREQ=WEEKLY;COUNT=10');
    await user.clear(editor().getByLabelText('Number of times'));
    await user.type(editor().getByLabelText('Number of times'), '5');

    expect(lastRule()).toBe('FREQ=WEEKLY;COUNT=5');
    expect(summary()).toHaveTextContent('Every week on Monday, 5 times');
    expectOnlyValidRules(onChange);
  });

  it('ends on a date, and only once there is one', async () => {
    const { user, onChange, lastRule } = await renderCustom();

    await user.click(editor().getByRole('radio', { name: 'On' }));
    expect(lastRule()).toBe('FREQ=WEEKLY');
    expect(editor().getByLabelText('End date')).toHaveAttribute('aria-invalid', 'true');
    await user.type(editor().getByLabelText('End date'), '2027-03-12');

    expect(lastRule()).toBe('FREQ=WEEKLY;UNTIL=20270312');
    expect(summary()).toHaveTextContent('Every week on Monday, until 12 Mar 2027');
    expectOnlyValidRules(onChange);
  });

  it('opens a rule without a preset in the editor, filled in', () => {
    renderFields('FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;COUNT=4');

    expect(screen.getByTestId('repeat')).toHaveValue('custom');
    expect(editor().getByLabelText('Every')).toHaveValue(2);
    expect(editor().getByLabelText('Unit')).toHaveValue('MONTHLY');
    expect(editor().getByRole('radio', { name: 'On the' })).toBeChecked();
    expect(editor().getByLabelText('Week of the month')).toHaveValue('-1');
    expect(editor().getByLabelText('Weekday')).toHaveValue('FR');
    expect(editor().getByRole('radio', { name: 'After' })).toBeChecked();
    expect(editor().getByLabelText('Number of times')).toHaveValue(4);
    expect(summary()).toHaveTextContent('Every 2 months on the last Friday, 4 times');
  });

  it('opens a weekly rule with its days pressed and its end date filled in', () => {
    renderFields('FREQ=WEEKLY;BYDAY=FR,TU;UNTIL=20270312');

    expect(pressedDays()).toEqual(['Tuesday', 'Friday']);
    expect(editor().getByRole('radio', { name: 'On' })).toBeChecked();
    expect(editor().getByLabelText('End date')).toHaveValue('2027-03-12');
  });

  it('keeps a cleared interval empty and sends nothing until it is a number again', async () => {
    const { user, onChange, lastRule } = renderFields('FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH');
    const interval = editor().getByLabelText('Every');

    await user.clear(interval);
    expect(onChange).not.toHaveBeenCalled();
    expect(interval).toHaveValue(null);
    expect(interval).toHaveAttribute('aria-invalid', 'true');
    expect(interval).toHaveAccessibleDescription('Enter how often, from 1 to 999.');
    expect(summary()).toHaveTextContent('Every 3 weeks on Monday and Thursday');

    await user.type(interval, '2');
    expect(lastRule()).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH');
    expect(interval).not.toHaveAttribute('aria-invalid');
    expectOnlyValidRules(onChange);
  });

  it('sends nothing for an interval above 999, keeping the last one that was not', async () => {
    const { user, onChange, lastRule } = renderFields('FREQ=DAILY;INTERVAL=3');

    await user.type(editor().getByLabelText('Every'), '000');

    expect(editor().getByLabelText('Every')).toHaveValue(3000);
    expect(editor().getByLabelText('Every')).toHaveAttribute('aria-invalid', 'true');
    expect(lastRule()).toBe('FREQ=DAILY;INTERVAL=300');
    expect(summary()).toHaveTextContent('Every 300 days');
    expectOnlyValidRules(onChange);
  });

  it('sets weekdays from the keyboard: Tab and the arrow keys to move, Space or Enter to toggle', async () => {
    const { user, lastRule } = renderFields('FREQ=WEEKLY;BYDAY=MO');
    act(() => editor().getByLabelText('Unit').focus());

    await user.tab();
    expect(editor().getByRole('button', { name: 'Monday' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(editor().getByRole('button', { name: 'Wednesday' })).toHaveFocus();
    await user.keyboard(' ');
    expect(lastRule()).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(lastRule()).toBe('FREQ=WEEKLY;BYDAY=MO,WE,TH');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(editor().getByRole('button', { name: 'Sunday' })).toHaveFocus();
  });

  it('says which day it repeats on when every day is unpressed', async () => {
    const { user, lastRule } = renderFields('FREQ=WEEKLY;BYDAY=TH');

    await user.click(editor().getByRole('button', { name: 'Thursday' }));

    expect(lastRule()).toBe('FREQ=WEEKLY');
    expect(pressedDays()).toEqual([]);
    expect(editor().getByText('No day picked: it repeats on Mondays, the weekday it starts on.')).toBeInTheDocument();
  });

  it('keeps the interval and the end when the unit changes', async () => {
    const { user, lastRule } = renderFields('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=3');

    await user.selectOptions(editor().getByLabelText('Unit'), 'DAILY');
    expect(lastRule()).toBe('FREQ=DAILY;INTERVAL=2;COUNT=3');
    await user.selectOptions(editor().getByLabelText('Unit'), 'WEEKLY');
    expect(lastRule()).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=3');
  });

  it('stays open while its rule passes through a preset’s', async () => {
    const { user, lastRule } = renderFields('FREQ=WEEKLY;INTERVAL=3');

    await user.clear(editor().getByLabelText('Every'));
    await user.type(editor().getByLabelText('Every'), '2');

    expect(lastRule()).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(screen.getByTestId('repeat')).toHaveValue('custom');
    expect(editor().getByLabelText('Every')).toHaveValue(2);
  });

  it('starts "Custom…" from a preset as that preset, and a preset chosen again hides the editor', async () => {
    const { user, onChange } = await renderCustom('FREQ=WEEKLY;INTERVAL=2');

    expect(onChange).not.toHaveBeenCalled();
    expect(editor().getByLabelText('Every')).toHaveValue(2);
    await user.selectOptions(screen.getByTestId('repeat'), 'FREQ=WEEKLY;INTERVAL=2');

    expect(screen.queryByRole('group', { name: 'Custom repeat' })).not.toBeInTheDocument();
    expect(screen.getByTestId('repeat')).toHaveValue('FREQ=WEEKLY;INTERVAL=2');
    expect(summary()).toHaveTextContent('Every 2 weeks on Monday');
  });

  it('leaves alone a rule it cannot show, until "Custom…" replaces it', async () => {
    const { user, onChange, lastRule } = renderFields('FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=6');

    expect(screen.queryByRole('group', { name: 'Custom repeat' })).not.toBeInTheDocument();
    expect(screen.getByTestId('repeat')).toHaveValue('FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=6');
    expect(summary()).toHaveTextContent('Every month on the 1st and 15th, 6 times');
    expect(onChange).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByTestId('repeat'), 'Custom…');
    expect(lastRule()).toBe('FREQ=MONTHLY;COUNT=6');
    expect(editor().getByLabelText('Unit')).toHaveValue('MONTHLY');
  });

  it('leaves alone a rule it cannot read', () => {
    const { onChange } = renderFields('FREQ=MONTHLY;BYSETPOS=-1');

    expect(screen.queryByRole('group', { name: 'Custom repeat' })).not.toBeInTheDocument();
    expect(screen.getByTestId('repeat')).toHaveValue('FREQ=MONTHLY;BYSETPOS=-1');
    expect(summary()).toHaveTextContent('Repeats (custom rule)');
    expect(onChange).not.toHaveBeenCalled();
  });
});
