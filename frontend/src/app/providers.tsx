// SPDX-License-Identifier: MIT
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ProgressPanel } from '@/components/progress-panel';
import { AppToaster } from '@/components/toaster';
import { useTheme } from '@/features/theme/theme';
import { ActionsProvider } from '@/lib/action-registry';
import { createQueryClient } from '@/lib/query-client';

export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <ActionsProvider>{children}</ActionsProvider>
      <ProgressPanel />
      <AppToaster theme={useTheme()} />
    </QueryClientProvider>
  );
}
