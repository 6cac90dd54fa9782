import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { whenIdle } from './when-idle';

/**
 * False until the browser is first idle (only while `idle` is true), or until the page is about to
 * print: for parts of the page that only printing needs, so that they never delay the map. Once
 * `idle` turns false (a large map replaced a small one), only printing makes it true.
 */
export function useWhenIdleOrPrinting(idle = true): boolean {
  const [printing, setPrinting] = useState(false);
  const [idled, setIdled] = useState(false);
  useEffect(() => {
    if (printing) return;
    // Printing waits for `beforeprint` handlers, so rendering here in one go still prints it all.
    const now = () => flushSync(() => setPrinting(true));
    const later = () => setPrinting(true);
    const print = window.matchMedia?.('print');
    window.addEventListener('beforeprint', now);
    print?.addEventListener('change', later);
    return () => {
      window.removeEventListener('beforeprint', now);
      print?.removeEventListener('change', later);
    };
  }, [printing]);
  useEffect(() => {
    if (!idle || idled) return;
    // Without an idle callback, a moment's wait still lets the map be drawn first.
    return whenIdle(() => setIdled(true), 3000, 500);
  }, [idle, idled]);
  return printing || (idle && idled);
}
