import { Fragment, memo } from 'react';
import {
  aboutKey,
  type ConceptInfo,
  type LocatedPassage,
  type ReaderBlockModel,
  type Run,
} from '../../../model/reader-model';
import { CuratorNote } from '../../../shared/curator-note';
import { type Chooser, type ChooserHandlers, PassageChooser } from './passage-chooser';

/** A passage to flash after a request to show it; each request has a new `nonce`. */
export type Flash = LocatedPassage & { nonce: number };

const headingTags = { title: 'h2', section: 'h3', subheading: 'h4' } as const;

type Props = {
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
  /** The id of what a paragraph that takes the focus says it is for; none takes it without. */
  focusHint: string | null;
};

/** One heading or paragraph of the article, its quoted passages marked as controls. */
export const ReaderBlock = memo(function ReaderBlock({
  model,
  activeId,
  flash,
  chooser,
  concepts,
  selectedId,
  aboutPrefix,
  onActivate,
  chooserHandlers,
  focusHint,
}: Props) {
  const { block, runs } = model;
  const content = runs.map((run) => {
    const ids = run.conceptIds;
    const notes = run.corrections?.map((correction, index) => (
      <CuratorNote key={index} correction={correction} />
    ));
    if (ids.length === 0) {
      return (
        <Fragment key={run.start}>
          {run.text}
          {notes}
        </Fragment>
      );
    }
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
          tabIndex={run.continued ? -1 : 0}
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
        {notes}
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
    return (
      <Heading
        className={`reader-heading reader-heading--${block.type}`}
        data-block-start={block.start}
      >
        {content}
      </Heading>
    );
  }
  const quoted = model.conceptIds.size > 0;
  return (
    <p
      className={quoted ? 'reader-paragraph' : 'reader-paragraph reader-paragraph--unquoted'}
      data-block-start={block.start}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- on a map being made, a paragraph is where the keyboard selects words (its hint says how)
      tabIndex={focusHint ? 0 : undefined}
      aria-describedby={focusHint ?? undefined}
    >
      {quoted ? null : <span className="reader-unquoted-label">Not on the map</span>}
      {content}
    </p>
  );
});
