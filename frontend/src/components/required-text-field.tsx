// SPDX-License-Identifier: MIT
// The one required single-line field of a dialog (a task's title, a project's name): focused on
// opening, marked required, and with its error shown under it, announced and tied to the input.
import { useId, type Ref } from 'react';

interface RequiredTextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Why the value cannot be saved, or null. */
  error: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

export function RequiredTextField({ label, value, onChange, error, inputRef }: RequiredTextFieldProps) {
  const inputId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        ref={inputRef}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-required="true"
        autoComplete="off"
        autoFocus
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
