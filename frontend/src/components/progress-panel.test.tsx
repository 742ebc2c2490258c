// SPDX-License-Identifier: MIT
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import { phaseWords } from '@/components/progress-panel';
import { invokeTransferExportTasks, invokeTransferImport, invokeTransferPreviewImport } from '@/ipc/commands';
import { IpcError } from '@/ipc/errors';
import { createQueryClient } from '@/lib/query-client';
import { runLongCall, SHOW_AFTER_MS } from '@/lib/long-call';
import { fakeBackend, type FakeBackend } from '@/testing/fake-backend';

const panel = () => screen.queryByTestId('transfer-progress');

/** Lets the fake bridge's promise hops run, without moving the (fake) clock. */
const settle = () => act(async () => {});
const advance = (ms: number) => act(async () => void vi.advanceTimersByTime(ms));

/** A backend with a file read and ready to import, whose import waits for `release()`. */
async function slowImport(): Promise<{ backend: FakeBackend; release: () => void; outcome: Promise<unknown> }> {
  const backend = fakeBackend();
  await invokeTransferPreviewImport({ source: 'file' });
  const release = backend.holdNext('transfer_import');
  render(<AppProviders client={createQueryClient()}>{null}</AppProviders>);
  let outcome!: Promise<unknown>;
  act(() => {
    outcome = runLongCall('Importing tasks', (options) => invokeTransferImport({ importId: 'import-1' }, options));
  });
  // Settled either way here; the tests look at how.
  outcome.catch(() => undefined);
  await settle();
  return { backend, release, outcome };
}

describe('the progress panel of a long call', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it(`shows only once the call has run ${SHOW_AFTER_MS} ms`, async () => {
    await slowImport();

    await advance(SHOW_AFTER_MS - 1);
    expect(panel()).not.toBeInTheDocument();
    await advance(1);

    expect(panel()).toBeInTheDocument();
    expect(panel()).toHaveAccessibleName('Importing tasks');
  });

  it('never shows for a call that ends sooner', async () => {
    const { release, outcome } = await slowImport();

    await advance(SHOW_AFTER_MS - 50);
    release();
    await outcome;
    await advance(1000);

    expect(panel()).not.toBeInTheDocument();
  });

  it('says the phase in words and how far the call has come, on an accessible progress bar', async () => {
    const { backend } = await slowImport();
    await advance(SHOW_AFTER_MS);

    // No report yet: a bar with no value, and no count.
    const bar = screen.getByRole('progressbar', { name: 'Importing tasks' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(panel()).toHaveTextContent('Working…');

    act(() => backend.reportProgress('transfer_import', { done: 1234, total: 100000, phase: 'writing' }));

    expect(panel()).toHaveTextContent('Writing…');
    expect(screen.getByText('1 234 of 100 000')).toBeInTheDocument();
    expect(bar).toHaveAttribute('aria-valuenow', '1234');
    expect(bar).toHaveAttribute('aria-valuemax', '100000');

    // A total not known yet (reading a file): indeterminate again.
    act(() => backend.reportProgress('transfer_import', { done: 0, total: 0, phase: 'checking' }));
    expect(panel()).toHaveTextContent('Checking…');
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).not.toHaveAttribute('aria-valuemax');
  });

  it('Cancel stops the call in the backend by its requestId; the panel goes and nothing is imported', async () => {
    const { backend, release, outcome } = await slowImport();
    await advance(SHOW_AFTER_MS);
    const before = backend.tasks.length;

    fireEvent.click(screen.getByTestId('transfer-cancel'));

    expect(panel()).not.toBeInTheDocument();
    await expect(outcome).rejects.toSatisfy((error) => error instanceof IpcError && error.code === 'cancelled');
    const importCall = backend.bridge.calls.find((c) => c.command === 'transfer_import')!;
    expect(importCall.requestId).toEqual(expect.any(String));
    expect(backend.bridge.callsTo('cancel_request')).toEqual([{ requestId: importCall.requestId }]);

    release();
    await settle();
    expect(backend.tasks).toHaveLength(before);
  });

  it('Esc cancels too', async () => {
    const { backend, outcome } = await slowImport();
    await advance(SHOW_AFTER_MS);

    fireEvent.keyDown(document.body, { key: 'Escape' });

    expect(panel()).not.toBeInTheDocument();
    await expect(outcome).rejects.toThrow('Cancelled');
    expect(backend.bridge.callsTo('cancel_request')).toHaveLength(1);
  });

  it('goes when the call ends', async () => {
    const { release, outcome } = await slowImport();
    await advance(SHOW_AFTER_MS);
    expect(panel()).toBeInTheDocument();

    release();

    await expect(outcome).resolves.toMatchObject({ tasks: 2, projects: 1 });
    await settle();
    expect(panel()).not.toBeInTheDocument();
  });

  it('goes when the call fails', async () => {
    const { backend, release, outcome } = await slowImport();
    backend.failNext('transfer_import', 'storage', 'disk full');
    await advance(SHOW_AFTER_MS);
    expect(panel()).toBeInTheDocument();

    release();

    await expect(outcome).rejects.toThrow('disk full');
    await settle();
    expect(panel()).not.toBeInTheDocument();
  });

  it('counts from the first progress report for a call that first waits on a file dialog', async () => {
    const backend = fakeBackend();
    const release = backend.holdNext('transfer_export_tasks');
    render(<AppProviders client={createQueryClient()}>{null}</AppProviders>);
    let outcome!: Promise<unknown>;
    act(() => {
      outcome = runLongCall('Exporting tasks', (options) => invokeTransferExportTasks({ format: 'csv' }, options), {
        showFrom: 'progress',
      });
    });
    await settle();

    // The person is choosing where to save: no panel behind the dialog, however long it takes.
    await advance(10_000);
    expect(panel()).not.toBeInTheDocument();
    act(() => backend.reportProgress('transfer_export_tasks', { done: 10, total: 3000, phase: 'reading' }));
    await advance(SHOW_AFTER_MS - 1);
    expect(panel()).not.toBeInTheDocument();
    await advance(1);
    expect(panel()).toHaveTextContent('Reading…');

    release();
    await outcome;
    await settle();
    expect(panel()).not.toBeInTheDocument();
  });

  it('names the backend’s phases in words', () => {
    expect(['reading', 'writing', 'checking', '', 'Copying'].map(phaseWords)).toEqual([
      'Reading…',
      'Writing…',
      'Checking…',
      'Working…',
      'Copying…',
    ]);
  });
});
