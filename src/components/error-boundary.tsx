import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { error: Error | null };

/**
 * The last line of defence: an unexpected error shows a message with a way back instead of a
 * blank page. Notes are saved as they are typed, so reloading loses nothing.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Concept Atlas stopped:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="data-problems" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title">Something went wrong</h1>
        <p>
          The app ran into a problem it did not expect. Your notes are saved in this browser, so
          reloading is safe.
        </p>
        <p>
          <code>{error.message}</code>
        </p>
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              window.location.hash = '#/';
              this.setState({ error: null });
            }}
          >
            Back to the whole map
          </button>{' '}
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      </main>
    );
  }
}
