import { Component, type ErrorInfo, type ReactNode } from 'react';
import { OPEN_BUNDLE_KEY } from '../features/bundle/bundle-actions';
import { reloadWithoutBundle, showWholeMap } from '../store/url-sync';

type State = { error: Error | null; reportCopied?: boolean };

/** Forgets an opened map (the likeliest cause of a surprise) and starts again from the built-in one. */
export function reloadBuiltIn(win: Window = window) {
  try {
    win.localStorage.removeItem(OPEN_BUNDLE_KEY);
  } catch {
    // Nothing saved to forget.
  }
  reloadWithoutBundle(win);
}

/** What to send to whoever looks after the app: the error, where it happened, which browser. */
export function problemReport(error: Error, win: Window = window): string {
  return [
    `Concept Atlas stopped: ${error.message}`,
    `Page: ${win.location.href}`,
    `Browser: ${win.navigator.userAgent}`,
    '',
    error.stack ?? '',
  ].join('\n');
}

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
              showWholeMap();
              this.setState({ error: null, reportCopied: false });
            }}
          >
            Back to the whole map
          </button>{' '}
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>{' '}
          <button type="button" className="button" onClick={() => reloadBuiltIn()}>
            Reload the built-in map
          </button>{' '}
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard
                ?.writeText(problemReport(error))
                .then(() => this.setState({ reportCopied: true }));
            }}
          >
            Copy a problem report
          </button>
        </p>
        <p role="status">
          {this.state.reportCopied
            ? 'The report is copied: paste it into an e-mail to whoever looks after this app.'
            : ''}
        </p>
      </main>
    );
  }
}
