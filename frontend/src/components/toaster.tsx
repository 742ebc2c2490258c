// SPDX-License-Identifier: MIT
import { Toaster } from 'sonner';

/**
 * Where reportError() messages and undo offers appear (data-testid="toast-region" for the e2e
 * tests), in the theme the user chose: 'system' follows the desktop like the page does.
 */
export function AppToaster({ theme = 'system' }: { theme?: 'system' | 'light' | 'dark' }) {
  return (
    <div data-testid="toast-region">
      <Toaster theme={theme} position="bottom-right" closeButton duration={6000} />
    </div>
  );
}
