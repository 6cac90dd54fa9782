import { useEffect, useState } from 'react';
import { afterPaint } from '../../../shared/after-paint';
import { blocksThrough, type ReaderModel } from '../../../model/reader-model';

/** How many of the article's blocks are rendered in the first frame, and added in each after. */
const BLOCKS_PER_FRAME = 40;

/**
 * How many of the model's blocks to render now. A long article is built up a few dozen blocks a
 * frame rather than in one long freeze; the block holding `wantedStart` (the selection's passage)
 * is rendered at once, with those before it, and kept, so that nothing disappears when the
 * selection moves on.
 */
export function useProgressiveBlocks(
  model: ReaderModel | null,
  wantedStart: number | undefined,
): number {
  const [progress, setProgress] = useState({ model, count: BLOCKS_PER_FRAME });
  let count = progress.count;
  if (progress.model !== model) {
    count = BLOCKS_PER_FRAME;
    setProgress({ model, count });
  }
  if (model && wantedStart !== undefined)
    count = Math.max(count, blocksThrough(model, wantedStart));
  if (count > progress.count && progress.model === model) setProgress({ model, count });
  const total = model?.blocks.length ?? 0;
  const kept = progress.count;
  useEffect(() => {
    if (kept >= total) return;
    return afterPaint(() =>
      setProgress((now) =>
        now.model === model ? { model, count: Math.min(total, now.count + BLOCKS_PER_FRAME) } : now,
      ),
    );
  }, [model, kept, total]);
  return count;
}
