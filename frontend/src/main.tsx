// SPDX-License-Identifier: MIT
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { NotInQuire } from '@/app/not-in-quire';
import { AppProviders } from '@/app/providers';
import { ErrorBoundary } from '@/components/error-boundary';
import { getChannel, isBridgeAvailable } from '@/ipc/channel';
import { installGlobalInvoke } from '@/ipc/global';
import '@/styles/index.css';

installGlobalInvoke();
// The channel handshake is a round trip to the app: start it now, so it runs while React renders
// rather than after the first query asks for it. A failure here is retried by that query.
if (isBridgeAvailable()) getChannel().catch(() => undefined);

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
