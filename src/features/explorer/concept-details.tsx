import { useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatRoute } from '../../model/route';
import { kindStyles } from '../../model/kinds';
import type { Concept, Relation } from '../../model/schema';
import { useAtlasStore } from '../../store/atlas-store';
import { routeOf } from '../../store/selectors';
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

type Props = {
  /** Shown when nothing is selected, such as the student's progress and notes tools. */
  tools?: ReactNode;
  /** The student's own note on the selected concept, below the author's words. */
  notes?: (conceptId: string) => ReactNode;
};

/**
 * Everything about the selected concept: what it is, the author's words, and its relations. The
 * study tools and notes come from the study feature, which the app passes in.
 */
export function ConceptDetails({ tools, notes }: Props) {
  const atlas = useAtlasStore((s) => s.atlas);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const showPassage = useAtlasStore((s) => s.showPassage);
  const select = useAtlasStore((s) => s.select);

  const concept = selectedId === null ? undefined : atlas?.conceptById.get(selectedId);
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
      <aside className="details details--empty" aria-label="Concept details">
        <h2 className="details__empty-title">No concept selected</h2>
        <p>
          Click a concept on the map, search for one, or click a highlighted passage in the article
          to see what it means, where the author says it and how it connects to the rest.
        </p>
        <p>
          Keyboard: press <kbd>Tab</kbd> to reach the map, <kbd>Enter</kbd> to select, <kbd>/</kbd>{' '}
          to search, <kbd>?</kbd> for all shortcuts.
        </p>
        {tools}
      </aside>
    );
  }
  const style = kindStyles[concept.kind];
  const section = atlas.graph.sections.find((s) => s.id === concept.section);
  return (
    <aside
      className="details"
      aria-label="Concept details"
      style={{ '--kind-colour': style.colour, '--kind-tint': style.tint } as React.CSSProperties}
    >
      <header className="details__header">
        <p className="details__kind">
          <KindIcon kind={concept.kind} size={16} />
          {style.label}
        </p>
        <h2 className="details__title">{concept.label}</h2>
        {concept.zh ? (
          <p className="details__zh" lang="zh-Hans">
            {concept.zh}
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
        In the author’s words <span className="details__count">({concept.passages.length})</span>
      </h3>
      <ul className="details__passages">
        {concept.passages.map((passage, index) => (
          <li key={`${passage.exact}-${index}`}>
            <blockquote className="details__quote">
              <CorrectedText text={passage.exact} corrections={atlas.graph.corrections} />
            </blockquote>
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
