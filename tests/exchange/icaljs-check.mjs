// SPDX-License-Identifier: MIT
// A second, independent parser reads what Quire writes: ical.js, the one Thunderbird uses.
// quire_exchange_sample writes the every-field fixture (tests/exchange/fixtures.cpp) as .ics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// ical.js is installed with the e2e packages (tests/e2e/package.json), not beside this file.
const packages = process.env.QUIRE_E2E_PACKAGES ?? path.join(import.meta.dirname ?? '.', '..', 'e2e');
const ICAL = createRequire(path.join(packages, 'package.json'))('ical.js');

function sampleTodos() {
  const sample = process.env.QUIRE_EXCHANGE_SAMPLE;
  assert.ok(sample, 'QUIRE_EXCHANGE_SAMPLE names the quire_exchange_sample binary');
  const folder = mkdtempSync(path.join(tmpdir(), 'quire-icaljs-'));
  try {
    const file = path.join(folder, 'sample.ics');
    execFileSync(sample, [file]);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    return new Map(calendar.getAllSubcomponents('vtodo').map((todo) => [todo.getFirstPropertyValue('uid'), todo]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const todos = sampleTodos();
const everything = todos.get('9a2b0c41-0000-4000-8000-000000000001');
const done = todos.get('9a2b0c41-0000-4000-8000-000000000002');
const blocked = todos.get('9a2b0c41-0000-4000-8000-000000000003');

const utc = (time) => time.toJSDate().toISOString();

test('every task is a VTODO with its id as UID', () => {
  assert.equal(todos.size, 4);
  assert.ok(everything && done && blocked);
});

test('SUMMARY and DESCRIPTION keep quotes, commas, line breaks and non-ASCII text', () => {
  assert.equal(everything.getFirstPropertyValue('summary'), 'Pack for the "big" trip, then leave');
  assert.equal(everything.getFirstPropertyValue('description'),
    'Line one\nLine two; with a comma, and a quote " and a backslash \\ — 日本語 😀');
});

test('STATUS maps in_progress, completed and blocked', () => {
  assert.equal(everything.getFirstPropertyValue('status'), 'IN-PROCESS');
  assert.equal(done.getFirstPropertyValue('status'), 'COMPLETED');
  assert.equal(blocked.getFirstPropertyValue('status'), 'NEEDS-ACTION');
});

test('PRIORITY is 1 to 9, highest first', () => {
  assert.equal(done.getFirstPropertyValue('priority'), 1); // pinned
  assert.equal(everything.getFirstPropertyValue('priority'), 3); // high
  assert.equal(blocked.getFirstPropertyValue('priority'), 7); // long term
});

test('CATEGORIES are the tags', () => {
  const tags = everything.getAllProperties('categories').flatMap((p) => p.getValues());
  assert.deepEqual(tags, ['travel', 'long term plans', 'ünïcode']);
});

test('DUE is a floating date-time or a date', () => {
  const timed = everything.getFirstPropertyValue('due');
  assert.equal(timed.isDate, false);
  assert.equal(timed.zone, ICAL.Timezone.localTimezone); // floating: wall time, no zone
  assert.equal(timed.toString(), '2026-03-29T09:30:00');
  const dated = done.getFirstPropertyValue('due');
  assert.equal(dated.isDate, true);
  assert.equal(dated.toString(), '2026-04-15');
});

test('RRULE is the recurrence', () => {
  const rule = everything.getFirstPropertyValue('rrule');
  assert.equal(rule.freq, 'WEEKLY');
  assert.equal(rule.interval, 2);
  assert.equal(rule.count, 10);
  assert.deepEqual(rule.parts.BYDAY, ['MO', 'FR']);
});

test('COMPLETED, CREATED and LAST-MODIFIED are UTC', () => {
  assert.equal(utc(done.getFirstPropertyValue('completed')), '2026-04-01T18:00:00.000Z');
  assert.equal(utc(everything.getFirstPropertyValue('created')), '2026-02-01T08:00:00.000Z');
  assert.equal(utc(everything.getFirstPropertyValue('last-modified')), '2026-02-02T08:15:30.000Z');
  assert.equal(everything.getFirstProperty('created').getFirstValue().zone, ICAL.Timezone.utcTimezone);
});

test("Quire's own fields travel as X-QUIRE properties", () => {
  assert.equal(blocked.getFirstPropertyValue('x-quire-status'), 'blocked');
  assert.equal(everything.getFirstPropertyValue('x-quire-sort-key'), 'a0');
  const items = everything.getAllProperties('x-quire-checklist-item');
  assert.equal(items.length, 2);
  assert.equal(items[0].getParameter('x-done'), 'TRUE');
});
