// SPDX-License-Identifier: MIT
// Turns a render crash into a readable message instead of a blank screen.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this part of the screen does, e.g. "Showing tasks". */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[quire] ${this.props.area}: ${error.message}`, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel-message" role="alert">
        <p className="panel-message-title">Something went wrong</p>
        <p>
          {this.props.area}: {this.state.error.message}
        </p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
