// SPDX-License-Identifier: MIT
import { Toaster } from 'sonner';

/** Where reportError() messages appear (data-testid="toast-region" for the e2e tests). */
export function AppToaster() {
  return (
    <div data-testid="toast-region">
      <Toaster theme="system" position="bottom-right" closeButton duration={6000} />
    </div>
  );
}
