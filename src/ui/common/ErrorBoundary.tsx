import { Component, type ErrorInfo, Fragment, type ReactNode } from "react";

interface ErrorBoundaryProps {
  /** What to show instead of the children once they threw; `retry` mounts them anew. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
  /** Bumped by `retry`: a new key mounts the children from scratch, dropping their state. */
  generation: number;
}

/**
 * Keeps a render error inside the part of the page that threw it: without one, React unmounts
 * the whole app and the page goes blank.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, generation: 0 };

  static getDerivedStateFromError(thrown: unknown): Partial<ErrorBoundaryState> {
    return { error: thrown instanceof Error ? thrown : new Error(String(thrown)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever opens the console; the page says what failed in words.
    console.error(error, info.componentStack);
  }

  retry = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  override render() {
    if (this.state.error) return this.props.fallback(this.state.error, this.retry);
    return <Fragment key={this.state.generation}>{this.props.children}</Fragment>;
  }
}
