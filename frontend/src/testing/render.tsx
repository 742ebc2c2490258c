// SPDX-License-Identifier: MIT
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/lib/query-client';

/** Renders inside the app's real providers (query client with the error path, toaster). */
export function renderWithProviders(ui: ReactElement): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const user = userEvent.setup();
  const result = render(<AppProviders client={createQueryClient()}>{ui}</AppProviders>);
  return { ...result, user };
}
