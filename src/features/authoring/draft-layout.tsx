import '../../shared/zod-setup';
import { useEffect } from 'react';
import { startDraftLayout, type DraftLayOut } from '../../store/draft-layout';

/**
 * While the draft's editor is on screen, its concepts are laid out by `layOut` as they come and
 * go (the app passes the layout engine that opening a bundle uses).
 */
export function DraftLayout({ layOut }: { layOut: DraftLayOut }) {
  useEffect(() => startDraftLayout(layOut), [layOut]);
  return null;
}
