import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * False until the browser is first idle (unless `idle` is false), or until the page is about to
 * print: for parts of the page that only printing needs, so that they never delay the map.
 */
export function useWhenIdleOrPrinting(idle = true): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    // Printing waits for `beforeprint` handlers, so rendering here in one go still prints it all.
    const now = () => flushSync(() => setReady(true));
    const later = () => setReady(true);
    const print = window.matchMedia?.('print');
    window.addEventListener('beforeprint', now);
    print?.addEventListener('change', later);
    const stop = () => {
      window.removeEventListener('beforeprint', now);
      print?.removeEventListener('change', later);
    };
    if (!idle) return stop;
    const handle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(later, { timeout: 3000 })
        : window.setTimeout(later, 500);
    return () => {
      stop();
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [ready, idle]);
  return ready;
}
