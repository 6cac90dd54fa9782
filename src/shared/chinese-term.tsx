import { useMemo } from 'react';
import { missingGlyphs } from './cjk-glyphs';
import './chinese-term.css';

/**
 * A concept's Chinese term. The build's subset font draws the built-in map's terms on any device;
 * where a bundle's term has characters neither it nor the device's fonts have, the term is still
 * given (to copy, and for screen readers) but followed by a note that says why it shows as boxes.
 */
export function ChineseTerm({ term }: { term: string }) {
  const missing = useMemo(() => missingGlyphs(term).length > 0, [term]);
  return (
    <>
      <span lang="zh-Hans">{term}</span>
      {missing ? (
        <span className="chinese-term__missing"> (Chinese font missing on this device)</span>
      ) : null}
    </>
  );
}
