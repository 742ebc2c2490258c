// SPDX-License-Identifier: MIT
// How far a long call has come (src/lib/long-call.ts), with a Cancel button, at the bottom of the
// window: "Importing tasks · Writing… · 1 234 of 100 000". Not a dialog: the rest of the page stays
// usable while the call runs. Esc cancels, unless a dialog or a field has a use for it; the
// focus, if the panel had it, goes back where it came from when the panel goes.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { formatCount } from '@/lib/format-count';
import { useShownLongCall, type ShownLongCall } from '@/lib/long-call';

/** The backend's phases ('reading', 'writing', 'checking'…) as the panel says them. */
export function phaseWords(phase: string): string {
  const word = phase.trim();
  if (!word) return 'Working…';
  return `${word[0]!.toUpperCase()}${word.slice(1)}…`;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Mounted once (app/providers.tsx): shows the long call that has been running longest enough, if any. */
export function ProgressPanel() {
  const call = useShownLongCall();
  return call ? <Panel key={call.id} call={call} /> : null;
}

function Panel({ call }: { call: ShownLongCall }) {
  const { title, progress, cancel } = call;
  const panel = useRef<HTMLElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const cancelRef = useRef(cancel);
  useEffect(() => {
    cancelRef.current = cancel;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const inPanel = event.target instanceof Node && panel.current?.contains(event.target);
      if (!inPanel && (isTyping(event.target) || document.querySelector('[role="dialog"], [role="alertdialog"]'))) return;
      event.preventDefault();
      cancelRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  // Removing the focused Cancel button would leave the focus nowhere (on <body>).
  useLayoutEffect(() => {
    const node = panel.current;
    return () => {
      if (node?.contains(document.activeElement) && returnFocus.current?.isConnected) returnFocus.current.focus();
    };
  }, []);

  const total = progress?.total ?? 0;
  const done = Math.min(progress?.done ?? 0, total);
  const determinate = total > 0;
  const amount = determinate ? `${formatCount(done)} of ${formatCount(total)}` : '';
  const phase = phaseWords(progress?.phase ?? '');

  return (
    <section
      ref={panel}
      className="progress-panel"
      aria-label={title}
      data-testid="transfer-progress"
      onFocus={(event) => {
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !panel.current?.contains(from)) returnFocus.current = from;
      }}
    >
      <div className="progress-panel-text">
        <h2 className="progress-panel-title">{title}</h2>
        <p className="progress-panel-status">
          <span>{phase}</span>
          {amount ? <span className="progress-panel-amount">{amount}</span> : null}
        </p>
      </div>
      <div
        className={`progress-bar${determinate ? '' : ' is-indeterminate'}`}
        role="progressbar"
        aria-label={title}
        aria-valuemin={0}
        {...(determinate
          ? { 'aria-valuemax': total, 'aria-valuenow': done, 'aria-valuetext': `${phase} ${amount}` }
          : { 'aria-valuetext': phase })}
      >
        <div className="progress-bar-fill" style={determinate ? { width: `${(done / total) * 100}%` } : undefined} />
      </div>
      <button type="button" className="button progress-panel-cancel" data-testid="transfer-cancel" onClick={cancel}>
        Cancel <kbd aria-hidden="true">Esc</kbd>
      </button>
    </section>
  );
}
