// SPDX-License-Identifier: MIT
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { NotInQuire } from '@/app/not-in-quire';
import { AppProviders } from '@/app/providers';
import { ErrorBoundary } from '@/components/error-boundary';
import { isBridgeAvailable } from '@/ipc/channel';
import { installGlobalInvoke } from '@/ipc/global';
import '@/styles/index.css';

installGlobalInvoke();

const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    <ErrorBoundary area="Starting Quire">
      {isBridgeAvailable() ? (
        <AppProviders>
          <App />
        </AppProviders>
      ) : (
        <NotInQuire />
      )}
    </ErrorBoundary>
  </StrictMode>,
);
