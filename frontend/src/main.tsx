// SPDX-License-Identifier: MIT
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { NotInQuire } from '@/app/not-in-quire';
import { AppProviders } from '@/app/providers';
import { ErrorBoundary } from '@/components/error-boundary';
import { projectsQuery } from '@/features/projects/api/projects-api';
import { tasksQuery } from '@/features/tasks/api/tasks-api';
import { listQueryOf } from '@/features/tasks/utils/task-lists';
import { startTheme } from '@/features/theme/theme';
import { startIpc } from '@/ipc/start';
import { todayText } from '@/lib/local-date';
import { createQueryClient } from '@/lib/query-client';
import '@/styles/index.css';

performance.mark('quire:bundle-running'); // start-up phases: bench/README.md
// Before anything renders, so the first frame already has the chosen colours.
startTheme();

const inQuire = startIpc();
const queryClient = createQueryClient();
if (inQuire) {
  // Ask for what the start view shows (all tasks, the projects) before React renders it, so the
  // channel handshake and the app's answer overlap the first render instead of following it. The
  // views read the same queries; a failure here shows there, as any failed load does.
  void queryClient.prefetchQuery(tasksQuery(listQueryOf({ view: 'all' }, todayText(new Date()))));
  void queryClient.prefetchQuery(projectsQuery());
}

const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    <ErrorBoundary area="Starting Quire">
      {inQuire ? (
        <AppProviders client={queryClient}>
          <App />
        </AppProviders>
      ) : (
        <NotInQuire />
      )}
    </ErrorBoundary>
  </StrictMode>,
);
