// SPDX-License-Identifier: MIT

/**
 * The onCloseAutoFocus of a Radix dialog that puts the focus where `returnFocus` says, instead of
 * back where it was when the dialog opened; Radix's own behaviour when there is none.
 */
export function closeAutoFocus(returnFocus: (() => void) | undefined) {
  return (event: Event) => {
    if (!returnFocus) return;
    event.preventDefault();
    returnFocus();
  };
}
