import { type ReactNode, type RefObject, useEffect, useId, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatRoute } from '../../model/route';
import { kindStyles } from '../../model/kinds';
import type { Concept, Relation } from '../../model/schema';
import { useAtlasStore } from '../../store/atlas-store';
import { routeOf, selectSelectedConcept } from '../../store/selectors';
import { ChineseTerm } from '../../shared/chinese-term';
import { CorrectedText } from '../../shared/curator-note';
import { KindIcon } from '../../shared/kind-icon';

type Link = { relation: Relation; other: Concept; outgoing: boolean };

function Proposition({ link, self }: { link: Link; self: Concept }) {
  const { relation, other, outgoing } = link;
  // Subscribed to the route so the link keeps the current view, focus and filters as they change.
  const route = useAtlasStore(useShallow(routeOf));
  const href = formatRoute({ ...route, conceptId: other.id });
  const otherLink = (
    <a href={href} className="details-relation__concept">
      {other.label}
    </a>
  );
  return (
    <li className="details-relation">
      {outgoing ? <span className="details-relation__self">{self.label}</span> : otherLink}
      <span className="details-relation__phrase"> → {relation.label} → </span>
      {outgoing ? otherLink : <span className="details-relation__self">{self.label}</span>}
    </li>
  );
}

/** Whose words a passage gives: the author's, or a quoted document's or person's. */
function Speaker({ speaker, self }: { speaker: Concept | undefined; self: Concept }) {
  const route = useAtlasStore(useShallow(routeOf));
  if (!speaker) return <p className="details__speaker">The author’s own words</p>;
  const name =
    speaker.id === self.id ? (
      speaker.label
    ) : (
      <a href={formatRoute({ ...route, conceptId: speaker.id })}>{speaker.label}</a>
    );
  return (
    <p className="details__speaker details__speaker--quoted">
      Words of {name}, as the author reports them
    </p>
  );
}

/** Who wrote the article, and whom it quotes: students judge a source by who wrote it. */
function AboutTheSource() {
  const atlas = useAtlasStore((s) => s.atlas);
  const route = useAtlasStore(useShallow(routeOf));
  const titleId = useId();
  if (!atlas) return null;
  const { byline } = atlas.graph.meta;
  const quoted = atlas.graph.concepts.filter((c) => c.kind === 'source');
  if (!byline && quoted.length === 0) return null;
  return (
    <section className="details__about" aria-labelledby={titleId}>
      <h3 className="details__heading" id={titleId}>
        Who wrote the article
      </h3>
      {byline ? (
        <p className="details__byline">
          Written by {byline.name ?? 'an author the article does not name'}: {byline.role},{' '}
          {byline.institution}.
        </p>
      ) : null}
      {quoted.length > 0 ? (
        <p>
          The author also quotes these sources:{' '}
          {quoted.map((source, index) => (
            <span key={source.id}>
              {index === 0 ? '' : index === quoted.length - 1 ? ' and ' : ', '}
              <a href={formatRoute({ ...route, conceptId: source.id })}>{source.label}</a>
            </span>
          ))}
          . Each quoted passage says whose words it gives.
        </p>
      ) : null}
    </section>
  );
}

/** The nearest ancestor that scrolls: the panel's, or the narrow screen's tab. */
function scrollerOf(element: HTMLElement): HTMLElement | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(at).overflowY)) return at;
  }
  return null;
}

/**
 * Each new selection (or its clearing) starts at the top of the panel. Where the user acted in
 * the panel (a relation, "Clear selection"), or the focus fell with the element that had it (a
 * passage in the reader), the focus moves to the new heading; anywhere else (a concept on the map,
 * the search box) it stays where the user is.
 */
function useFreshStart(
  id: string | null,
  panel: RefObject<HTMLElement | null>,
  heading: RefObject<HTMLHeadingElement | null>,
) {
  const shown = useRef(id);
  useEffect(() => {
    if (shown.current === id) return;
    shown.current = id;
    const element = panel.current;
    if (!element) return;
    const scroller = scrollerOf(element);
    if (scroller) scroller.scrollTop = 0;
    const active = document.activeElement;
    const lost = !active || active === document.body;
    if (lost || element.contains(active)) heading.current?.focus({ preventScroll: true });
  }, [id, panel, heading]);
}

type Props = {
  /** Shown when nothing is selected, such as the student's progress and notes tools. */
  tools?: ReactNode;
  /** The student's own note on the selected concept, below the author's words. */
  notes?: (conceptId: string) => ReactNode;
};

/**
 * Everything about the selected concept: what it is, the article's words (the author's own or
 * those it quotes, each said whose), and its relations. The
 * study tools and notes come from the study feature, which the app passes in.
 */
export function ConceptDetails({ tools, notes }: Props) {
  const atlas = useAtlasStore((s) => s.atlas);
  const showPassage = useAtlasStore((s) => s.showPassage);
  const select = useAtlasStore((s) => s.select);

  const concept = useAtlasStore(selectSelectedConcept);
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFreshStart(concept?.id ?? null, panelRef, headingRef);
  const links = useMemo((): Link[] => {
    if (!atlas || !concept) return [];
    return atlas.graph.relations
      .filter((r) => r.source === concept.id || r.target === concept.id)
      .map((relation) => {
        const outgoing = relation.source === concept.id;
        const other = atlas.conceptById.get(outgoing ? relation.target : relation.source);
        return other ? { relation, other, outgoing } : null;
      })
      .filter((link): link is Link => link !== null)
      .sort((a, b) => (atlas.order.get(a.other.id) ?? 0) - (atlas.order.get(b.other.id) ?? 0));
  }, [atlas, concept]);

  if (!atlas) return null;
  if (!concept) {
    return (
      <aside
        ref={panelRef}
        id="concept-details"
        tabIndex={-1}
        className="details details--empty"
        aria-label="Concept details"
      >
        <h2 ref={headingRef} tabIndex={-1} className="details__empty-title">
          No concept selected
        </h2>
        <p>
          Click a concept on the map, search for one, or click a highlighted passage in the article
          to see what it means, where the author says it and how it connects to the rest.
        </p>
        <p>
          Keyboard: press <kbd>Tab</kbd> to reach the map, <kbd>Enter</kbd> to select, <kbd>/</kbd>{' '}
          to search, <kbd>?</kbd> for all shortcuts.
        </p>
        <AboutTheSource />
        {tools}
      </aside>
    );
  }
  const style = kindStyles[concept.kind];
  const section = atlas.graph.sections.find((s) => s.id === concept.section);
  return (
    <aside
      ref={panelRef}
      id="concept-details"
      tabIndex={-1}
      className="details"
      aria-label="Concept details"
      style={{ '--kind-colour': style.colour, '--kind-tint': style.tint } as React.CSSProperties}
    >
      <header className="details__header">
        <p className="details__kind">
          <KindIcon kind={concept.kind} size={16} />
          {style.label}
        </p>
        <h2 ref={headingRef} tabIndex={-1} className="details__title">
          {concept.label}
        </h2>
        {concept.zh ? (
          <p className="details__zh">
            <ChineseTerm term={concept.zh} />
          </p>
        ) : null}
        {section ? (
          <p className="details__section">
            {section.order === 0 ? 'Introduction' : `Section ${section.order}: ${section.title}`}
          </p>
        ) : null}
        <button type="button" className="details__close" onClick={() => select(null)}>
          Clear selection
        </button>
      </header>
      <p className="details__summary">{concept.summary}</p>
      {concept.note ? (
        <p className="details__note">
          <strong>Curator’s note: </strong>
          {concept.note}
        </p>
      ) : null}
      <h3 className="details__heading">
        In the article’s words <span className="details__count">({concept.passages.length})</span>
      </h3>
      <ul className="details__passages">
        {concept.passages.map((passage, index) => (
          <li key={`${passage.exact}-${index}`}>
            <blockquote
              className={
                passage.speaker ? 'details__quote details__quote--quoted' : 'details__quote'
              }
            >
              <CorrectedText text={passage.exact} corrections={atlas.graph.corrections} />
            </blockquote>
            <Speaker
              speaker={
                passage.speaker === undefined ? undefined : atlas.conceptById.get(passage.speaker)
              }
              self={concept}
            />
            <button
              type="button"
              className="details__show"
              onClick={() => showPassage(concept.id, index)}
            >
              Show in article
              <span className="visually-hidden">
                {concept.passages.length > 1 ? ` (passage ${index + 1})` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {notes?.(concept.id)}
      <h3 className="details__heading">
        Relations <span className="details__count">({links.length})</span>
      </h3>
      <ul className="details__relations">
        {links.map((link) => (
          <Proposition key={link.relation.id} link={link} self={concept} />
        ))}
      </ul>
      {concept.aliases?.length ? (
        <p className="details__aliases">Also called: {concept.aliases.join(', ')}</p>
      ) : null}
    </aside>
  );
}
