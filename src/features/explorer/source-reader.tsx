import {
  Fragment,
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { afterPaint } from '../../shared/after-paint';
import { prefersReducedMotion } from '../../shared/motion';
import { blockAt } from '../../model/anchor';
import type { Block } from '../../model/article';
import type { Atlas } from '../../model/atlas';
import { kindStyles } from '../../model/kinds';
import { coverage, marksByBlock, segmentBlock, type Segment } from '../../model/passages';
import { useAtlasStore } from '../../store/atlas-store';
import './source-reader.css';

/** A segment with its offset in the article's text, which names its <mark> in the DOM. */
type Run = Segment & { start: number };

type ReaderBlockModel = { block: Block; runs: Run[]; conceptIds: ReadonlySet<string> };

type ConceptInfo = { label: string; kind: string };

type ReaderModel = {
  blocks: ReaderBlockModel[];
  concepts: ReadonlyMap<string, ConceptInfo>;
  /** What each set of concepts sharing a mark is called, keyed by the ids joined with `--`. */
  abouts: ReadonlyMap<string, string>;
  covered: number;
  total: number;
};

/** A passage to flash after a request to show it. */
type Flash = { conceptId: string; start: number; end: number; blockId: string; nonce: number };

type Chooser = { blockId: string; start: number; conceptIds: string[] };

type ChooserHandlers = {
  choose: (conceptId: string, start: number) => void;
  close: (start: number, returnFocus: boolean) => void;
};

const FLASH_MS = 1600;
const headingTags = { title: 'h2', section: 'h3', subheading: 'h4' } as const;

/** Kebab-case ids never hold `--`, so joining by it keeps combinations distinct. */
const aboutKey = (ids: readonly string[]) => ids.join('--');

function listOf(labels: string[]): string {
  if (labels.length < 2) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

function buildModel(atlas: Atlas): ReaderModel {
  const { article, anchors, graph } = atlas;
  const concepts = new Map(
    graph.concepts.map((c) => [c.id, { label: c.label, kind: kindStyles[c.kind].label }]),
  );
  const grouped = marksByBlock(article, anchors);
  const abouts = new Map<string, string>();
  const blocks = article.blocks.map((block) => {
    const marks = grouped.get(block.id) ?? [];
    let at = block.start;
    const runs = segmentBlock(block, marks).map((segment) => {
      const run = { ...segment, start: at };
      at += segment.text.length;
      const ids = segment.conceptIds;
      if (ids.length > 0 && !abouts.has(aboutKey(ids))) {
        const labels = ids.map((id) => concepts.get(id)?.label ?? id);
        abouts.set(
          aboutKey(ids),
          ids.length === 1
            ? `Passage about ${labels[0]}`
            : `Passage about ${ids.length} concepts: ${listOf(labels)}`,
        );
      }
      return run;
    });
    return { block, runs, conceptIds: new Set(marks.map((m) => m.conceptId)) };
  });
  return { blocks, concepts, abouts, ...coverage(article, anchors) };
}

/** How many of the article's blocks are rendered in the first frame, and added in each after. */
const BLOCKS_PER_FRAME = 40;

function scrollOptions(): ScrollIntoViewOptions & { container?: 'nearest' } {
  // `container: 'nearest'` keeps the page still and scrolls only the reader, where supported.
  return {
    block: 'center',
    inline: 'nearest',
    behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    container: 'nearest',
  };
}

/** A reader in a hidden tab can neither scroll nor take focus until it is shown. */
function isRendered(element: HTMLElement): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : !element.closest('[hidden]');
}

/** Runs `action` now, or once the element is shown (its size then changes); returns a cleanup. */
function whenRendered(element: HTMLElement, action: () => void): () => void {
  if (isRendered(element)) {
    action();
    return () => {};
  }
  const observer = new ResizeObserver(() => {
    if (!isRendered(element)) return;
    observer.disconnect();
    action();
  });
  observer.observe(element);
  return () => observer.disconnect();
}

function firstPassageStart(atlas: Atlas, conceptId: string): number | undefined {
  const starts = (atlas.anchors.get(conceptId) ?? []).map((p) => p.start);
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

type ChooserProps = {
  chooser: Chooser;
  concepts: ReadonlyMap<string, ConceptInfo>;
  selectedId: string | null;
  handlers: ChooserHandlers;
};

/** The choice of concept for a passage that several concepts quote. */
function PassageChooser({ chooser, concepts, selectedId, handlers }: ChooserProps) {
  const boxRef = useRef<HTMLSpanElement>(null);
  const titleId = useId();
  const { start } = chooser;

  useLayoutEffect(() => {
    const box = boxRef.current;
    const mark = box?.previousElementSibling;
    const host = box?.offsetParent;
    if (!box || !mark || !host) return;
    // Below the mark's last line, so that the chooser never hides the words it is about.
    const lines = mark.getClientRects();
    const line = lines[lines.length - 1] ?? mark.getBoundingClientRect();
    const frame = host.getBoundingClientRect();
    const left = Math.min(line.left - frame.left, frame.width - box.offsetWidth - 8);
    box.style.left = `${Math.max(8, left)}px`;
    box.style.top = `${line.bottom - frame.top + 6}px`;
  }, [start]);

  useEffect(() => {
    boxRef.current?.querySelector('button')?.focus();
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node | null;
      const mark = boxRef.current?.previousElementSibling;
      if (target && (boxRef.current?.contains(target) || mark?.contains(target))) return;
      handlers.close(start, false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [start, handlers]);

  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      handlers.close(start, true);
      return;
    }
    const buttons = [...(boxRef.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: buttons.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  const onBlur = (event: FocusEvent<HTMLSpanElement>) => {
    const to = event.relatedTarget;
    // Focus back on the mark is left to the mark's own toggle.
    if (to && (boxRef.current?.contains(to) || to === boxRef.current?.previousElementSibling))
      return;
    handlers.close(start, false);
  };

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape and Tab inside the chooser close it or keep focus in it
    <span
      ref={boxRef}
      className="reader-chooser"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <span id={titleId} className="reader-chooser__title">
        This passage is about
      </span>
      {chooser.conceptIds.map((id) => {
        const concept = concepts.get(id);
        return (
          <button
            key={id}
            type="button"
            className="reader-chooser__option"
            aria-current={id === selectedId ? 'true' : undefined}
            onClick={() => handlers.choose(id, start)}
          >
            <span className="reader-chooser__label">{concept?.label ?? id}</span>
            <span className="reader-chooser__kind">
              {concept?.kind}
              {id === selectedId ? ' · selected' : ''}
            </span>
          </button>
        );
      })}
    </span>
  );
}

type ReaderBlockProps = {
  model: ReaderBlockModel;
  /** The selection, only when this block quotes it: other blocks keep their props and skip. */
  activeId: string | null;
  flash: Flash | null;
  chooser: Chooser | null;
  concepts: ReadonlyMap<string, ConceptInfo>;
  selectedId: string | null;
  aboutPrefix: string;
  onActivate: (blockId: string, run: Run) => void;
  chooserHandlers: ChooserHandlers;
};

const ReaderBlock = memo(function ReaderBlock({
  model,
  activeId,
  flash,
  chooser,
  concepts,
  selectedId,
  aboutPrefix,
  onActivate,
  chooserHandlers,
}: ReaderBlockProps) {
  const { block, runs } = model;
  const content = runs.map((run) => {
    const ids = run.conceptIds;
    if (ids.length === 0) return <Fragment key={run.start}>{run.text}</Fragment>;
    const several = ids.length > 1;
    const active = activeId !== null && ids.includes(activeId);
    const flashing =
      flash !== null &&
      ids.includes(flash.conceptId) &&
      flash.start <= run.start &&
      run.start < flash.end;
    const className = [
      'reader-mark',
      several ? 'reader-mark--shared' : '',
      active ? 'is-active' : '',
      flashing ? 'is-flash' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const open = chooser?.start === run.start;
    return (
      <Fragment key={run.start}>
        <mark
          className={className}
          data-concepts={ids.join(' ')}
          data-start={run.start}
          // eslint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role -- the author's highlighted words are the control; a button would break the paragraph's text
          role="button"
          tabIndex={0}
          aria-describedby={`${aboutPrefix}${aboutKey(ids)}`}
          aria-haspopup={several ? 'dialog' : undefined}
          aria-expanded={several ? open : undefined}
          aria-current={active ? 'true' : undefined}
          onClick={() => onActivate(block.id, run)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' && event.key !== ' ') return;
            event.preventDefault();
            onActivate(block.id, run);
          }}
        >
          {run.text}
        </mark>
        {open && chooser ? (
          <PassageChooser
            chooser={chooser}
            concepts={concepts}
            selectedId={selectedId}
            handlers={chooserHandlers}
          />
        ) : null}
      </Fragment>
    );
  });

  if (block.type !== 'paragraph') {
    const Heading = headingTags[block.type];
    return <Heading className={`reader-heading reader-heading--${block.type}`}>{content}</Heading>;
  }
  const quoted = model.conceptIds.size > 0;
  return (
    <p className={quoted ? 'reader-paragraph' : 'reader-paragraph reader-paragraph--unquoted'}>
      {quoted ? null : <span className="reader-unquoted-label">Not on the map</span>}
      {content}
    </p>
  );
});

/**
 * The article itself, with every passage the map quotes marked: choosing a passage selects its
 * concept, and selecting a concept (or asking for one of its passages) brings its words into view.
 */
export function SourceReader() {
  // The article follows a new map one render behind: the map is drawn first, and a long article
  // (thousands of quoted passages) is rendered after it, in a render that input can interrupt.
  const current = useAtlasStore((s) => s.atlas);
  const atlas = useDeferredValue(current, null);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const passageRequest = useAtlasStore((s) => s.passageRequest);
  const select = useAtlasStore((s) => s.select);
  const model = useMemo(() => (atlas ? buildModel(atlas) : null), [atlas]);
  // A long article is built up a few dozen blocks a frame rather than in one long freeze; a block
  // that is asked for (the selection's passage) is rendered at once, with those before it.
  const [progress, setProgress] = useState({ model, count: BLOCKS_PER_FRAME });
  let count = progress.count;
  if (progress.model !== model) {
    count = BLOCKS_PER_FRAME;
    setProgress({ model, count });
  }
  const requested = useMemo<Flash | null>(() => {
    if (!atlas || !passageRequest) return null;
    const { conceptId, index, nonce } = passageRequest;
    const position = atlas.anchors.get(conceptId)?.[index];
    const block = position && blockAt(atlas.article, position);
    return position && block ? { conceptId, ...position, blockId: block.id, nonce } : null;
  }, [atlas, passageRequest]);
  const wantedStart = requested
    ? requested.start
    : atlas && selectedId !== null
      ? firstPassageStart(atlas, selectedId)
      : undefined;
  if (model && wantedStart !== undefined) {
    const wanted = model.blocks.findIndex(({ block }) => wantedStart < block.end);
    count = Math.max(count, wanted + 1);
  }
  // Kept, so that nothing disappears when the selection moves on.
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
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [chooser, setChooser] = useState<Chooser | null>(null);
  const [expiredNonce, setExpiredNonce] = useState<number | null>(null);
  /** A selection made in the reader: the reader already shows it, so it must not jump away. */
  const selectedHere = useRef<string | null>(null);
  const aboutPrefix = `${useId()}about-`;

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
                concepts={model.concepts}
                selectedId={chooser?.blockId === id ? selectedId : null}
                aboutPrefix={aboutPrefix}
                onActivate={onActivate}
                chooserHandlers={chooserHandlers}
              />
            );
          })}
        </article>
        <div hidden>
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
