import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { prefersReducedMotion } from '../../shared/motion';
import {
  buildReaderModel,
  firstPassageStart,
  locatePassage,
  type ConceptInfo,
  type Run,
} from '../../model/reader-model';
import { useAtlasStore } from '../../store/atlas-store';
import { useUnhurriedAtlas } from '../../store/unhurried-atlas';
import type { Chooser, ChooserHandlers } from './reader/passage-chooser';
import { type Flash, ReaderBlock } from './reader/reader-block';
import { useProgressiveBlocks } from './reader/use-progressive-blocks';
import { whenRendered } from './reader/when-rendered';
import './source-reader.css';

const FLASH_MS = 1600;

function scrollOptions(): ScrollIntoViewOptions & { container?: 'nearest' } {
  // `container: 'nearest'` keeps the page still and scrolls only the reader, where supported.
  return {
    block: 'center',
    inline: 'nearest',
    behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    container: 'nearest',
  };
}

/** What a block without the chooser is given for the concepts' names. */
const noConcepts: ReadonlyMap<string, ConceptInfo> = new Map();

/**
 * The article itself, with every passage the map quotes marked: choosing a passage selects its
 * concept, and selecting a concept (or asking for one of its passages) brings its words into view.
 */
export function SourceReader({ paragraphHint }: { paragraphHint?: string | undefined } = {}) {
  // The article follows a new map one render behind: the map is drawn first, and a long article
  // (thousands of quoted passages) is rendered after it, in a render that input can interrupt.
  // A draft's concepts changing only in their words are followed once the key's frame is drawn.
  const current = useUnhurriedAtlas();
  const atlas = useDeferredValue(current, null);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const passageRequest = useAtlasStore((s) => s.passageRequest);
  const select = useAtlasStore((s) => s.select);
  const model = useMemo(() => (atlas ? buildReaderModel(atlas) : null), [atlas]);
  const requested = useMemo<Flash | null>(() => {
    if (!atlas || !passageRequest) return null;
    const { conceptId, index, nonce } = passageRequest;
    const located = locatePassage(atlas, conceptId, index);
    return located ? { ...located, nonce } : null;
  }, [atlas, passageRequest]);
  const wantedStart = requested
    ? requested.start
    : atlas && selectedId !== null
      ? firstPassageStart(atlas, selectedId)
      : undefined;
  const count = useProgressiveBlocks(model, wantedStart);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [chooser, setChooser] = useState<Chooser | null>(null);
  const [expiredNonce, setExpiredNonce] = useState<number | null>(null);
  /** A selection made in the reader: the reader already shows it, so it must not jump away. */
  const selectedHere = useRef<string | null>(null);
  const aboutPrefix = `${useId()}about-`;
  const hintId = `${aboutPrefix}paragraph`;

  const findMark = useCallback(
    (start: number) =>
      scrollerRef.current?.querySelector<HTMLElement>(`mark[data-start="${start}"]`) ?? null,
    [],
  );

  const choose = useCallback(
    (conceptId: string) => {
      if (useAtlasStore.getState().selectedId !== conceptId) selectedHere.current = conceptId;
      select(conceptId);
    },
    [select],
  );

  const onActivate = useCallback(
    (blockId: string, run: Run) => {
      const [only] = run.conceptIds;
      if (run.conceptIds.length === 1 && only !== undefined) {
        choose(only);
        return;
      }
      setChooser((open) =>
        open?.start === run.start
          ? null
          : { blockId, start: run.start, conceptIds: run.conceptIds },
      );
    },
    [choose],
  );

  const chooserHandlers = useMemo<ChooserHandlers>(
    () => ({
      choose: (conceptId, start) => {
        findMark(start)?.focus();
        setChooser(null);
        choose(conceptId);
      },
      close: (start, returnFocus) => {
        if (returnFocus) findMark(start)?.focus();
        setChooser((open) => (open?.start === start ? null : open));
      },
    }),
    [choose, findMark],
  );

  const flash = requested && requested.nonce !== expiredNonce ? requested : null;

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!atlas || selectedId === null || !scroller) return;
    const fromReader = selectedHere.current === selectedId;
    selectedHere.current = null;
    const start = firstPassageStart(atlas, selectedId);
    if (fromReader || start === undefined) return;
    return whenRendered(scroller, () => findMark(start)?.scrollIntoView(scrollOptions()));
  }, [atlas, selectedId, findMark]);

  // Declared after the selection's effect so that, when both change together, the passage wins.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!requested || !scroller) return;
    let timer: number | undefined;
    const stopWaiting = whenRendered(scroller, () => {
      const mark = findMark(requested.start);
      if (!mark) return;
      mark.focus({ preventScroll: true });
      mark.scrollIntoView(scrollOptions());
      timer = window.setTimeout(() => setExpiredNonce(requested.nonce), FLASH_MS);
    });
    return () => {
      stopWaiting();
      window.clearTimeout(timer);
    };
  }, [requested, findMark]);

  if (!model) return null;
  const percent = model.total > 0 ? Math.floor((model.covered / model.total) * 100) : 0;
  return (
    <div className="reader" ref={scrollerRef}>
      <div className="reader-content">
        {model.total > 0 ? (
          <div className="reader-coverage">
            <p className="reader-coverage__figure">
              The map quotes {model.covered} of {model.total} paragraphs ({percent}%)
            </p>
            <span className="reader-coverage__bar" aria-hidden="true">
              <span style={{ width: `${percent}%` }} />
            </span>
            <p className="reader-coverage__hint">
              Highlighted words are quoted on the map: choose one to show its concept.
              {atlas?.graph.corrections?.length
                ? ' The text is the article’s own; a curator’s note in brackets corrects it where it is wrong.'
                : null}
            </p>
          </div>
        ) : null}
        <article className="reader-article" aria-label="Source article">
          {model.blocks.slice(0, count).map((blockModel) => {
            const { id } = blockModel.block;
            return (
              <ReaderBlock
                key={id}
                model={blockModel}
                activeId={
                  selectedId !== null && blockModel.conceptIds.has(selectedId) ? selectedId : null
                }
                flash={flash?.blockId === id ? flash : null}
                chooser={chooser?.blockId === id ? chooser : null}
                // Only the block with the chooser open names concepts: the others keep their props.
                concepts={chooser?.blockId === id ? model.concepts : noConcepts}
                selectedId={chooser?.blockId === id ? selectedId : null}
                aboutPrefix={aboutPrefix}
                onActivate={onActivate}
                chooserHandlers={chooserHandlers}
                focusHint={paragraphHint ? hintId : null}
              />
            );
          })}
        </article>
        <div hidden>
          {paragraphHint ? <span id={hintId}>{paragraphHint}</span> : null}
          {[...model.abouts].map(([key, text]) => (
            <span key={key} id={`${aboutPrefix}${key}`}>
              {text}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
