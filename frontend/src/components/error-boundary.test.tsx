// SPDX-License-Identifier: MIT
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '@/components/error-boundary';
import { NotInQuire } from '@/app/not-in-quire';

function Broken(): never {
  throw new Error('cannot read title of undefined');
}

describe('ErrorBoundary', () => {
  it('shows what failed instead of a blank screen', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary area="Showing tasks">
        <Broken />
      </ErrorBoundary>,
    );

    expect(screen.getByRole('alert')).toHaveTextContent('Showing tasks: cannot read title of undefined');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('NotInQuire', () => {
  it('says clearly that the page is not inside Quire', () => {
    render(<NotInQuire />);

    expect(screen.getByRole('alert')).toHaveTextContent('Not running inside Quire');
  });
});
