import { useMemo } from 'react';
import type { Atlas } from '../../model/atlas';
import { kindStyles } from '../../model/kinds';
import { sectionLabel } from '../../model/outline';
import type { Correction } from '../../model/corrections';
import type { Concept } from '../../model/schema';
import { useAtlasStore } from '../../store/atlas-store';
import { useUnhurriedAtlas } from '../../store/unhurried-atlas';
import { ChineseTerm } from '../../shared/chinese-term';
import { CorrectedText } from '../../shared/curator-note';
import { useWhenIdleOrPrinting } from '../../shared/use-when-idle';
import { LARGE_MAP } from '../../model/geometry';
import { drawMap } from '../../model/map-drawing';
import { MapFigure } from './map-figure';
import './print-handout.css';

type HandoutConcept = { concept: Concept; propositions: { id: string; text: string }[] };
type EntryProps = HandoutConcept & {
  corrections: readonly Correction[] | undefined;
  /** Concept labels by id, to name the speaker of a quoted passage. */
  labels: ReadonlyMap<string, string>;
  /** The student's own note on it, when the handout carries notes. */
  note: string | undefined;
};
type HandoutSection = { id: string; heading: string; concepts: HandoutConcept[] };

/**
 * The argument in reading order: each section with its concepts, and each concept with every
 * relation it takes part in, written as a proposition so that it reads on its own.
 */
function outlineOf(atlas: Atlas): HandoutSection[] {
  const { graph, order } = atlas;
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const byId = new Map(graph.concepts.map((c) => [c.id, c]));
  const handoutConcept = (concept: Concept): HandoutConcept => ({
    concept,
    propositions: graph.relations
      .filter((r) => r.source === concept.id || r.target === concept.id)
      .map((r) => {
        const other = r.source === concept.id ? r.target : r.source;
        const text = `${byId.get(r.source)?.label ?? r.source} → ${r.label} → ${byId.get(r.target)?.label ?? r.target}`;
        return { id: r.id, text, rank: rank(other) };
      })
      .sort((a, b) => a.rank - b.rank)
      .map(({ id, text }) => ({ id, text })),
  });
  return [...graph.sections]
    .sort((a, b) => a.order - b.order)
    .map((section) => ({
      id: section.id,
      heading: sectionLabel(section),
      concepts: graph.concepts
        .filter((c) => c.section === section.id)
        .sort((a, b) => rank(a.id) - rank(b.id))
        .map(handoutConcept),
    }));
}

function HandoutEntry({ concept, propositions, corrections, labels, note }: EntryProps) {
  return (
    <article className="print-handout__concept">
      <h3 className="print-handout__label">{concept.label}</h3>
      <p className="print-handout__kind">
        {kindStyles[concept.kind].label}
        {concept.zh ? (
          <>
            {' · Chinese: '}
            <ChineseTerm term={concept.zh} />
          </>
        ) : null}
      </p>
      <p className="print-handout__summary">{concept.summary}</p>
      {concept.passages.map((passage, index) => (
        <blockquote key={`${passage.exact}-${index}`} className="print-handout__quote">
          <CorrectedText text={passage.exact} corrections={corrections} />
          {passage.speaker ? (
            <span className="print-handout__speaker">
              {' '}
              (words of {labels.get(passage.speaker) ?? passage.speaker}, reported by the author)
            </span>
          ) : null}
        </blockquote>
      ))}
      {concept.note ? (
        <p className="print-handout__note">
          <strong>Curator’s note: </strong>
          {concept.note}
        </p>
      ) : null}
      {note ? (
        <p className="print-handout__own-note">
          <strong>My notes: </strong>
          {note}
        </p>
      ) : null}
      {propositions.length > 0 ? (
        <ul className="print-handout__relations" aria-label={`Relations of ${concept.label}`}>
          {propositions.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

/**
 * The argument's outline as a handout for paper: hidden on screen, and the only thing printed.
 * Render it as a direct child of the `.app` element (see print-handout.css).
 */
export function PrintHandout() {
  const atlas = useUnhurriedAtlas();
  // Only paper needs it: built when the page is idle, or at the latest when it prints. A large
  // map's handout would be thousands of entries, so it waits for printing.
  const wanted = useWhenIdleOrPrinting((atlas?.graph.concepts.length ?? 0) <= LARGE_MAP);
  const sections = useMemo(() => (atlas && wanted ? outlineOf(atlas) : []), [atlas, wanted]);
  const labels = useMemo(
    () => new Map(atlas?.graph.concepts.map((c) => [c.id, c.label]) ?? []),
    [atlas],
  );
  const withNotes = useAtlasStore((s) => s.handoutNotes);
  const notes = useAtlasStore((s) => s.notes);
  // A drawing of the whole map, and of each section before its concepts. A large map's would be
  // thousands of boxes too small to read on paper, so it has none.
  const figures = useMemo(() => {
    if (!atlas || !wanted || atlas.graph.concepts.length > LARGE_MAP) return null;
    // As the map shows it at first: links between sections would cross the whole page.
    const within = new Set(atlas.edges.filter((e) => !e.data?.crossesSections).map((e) => e.id));
    return {
      whole: drawMap(atlas, { relations: within }),
      sections: new Map(
        atlas.graph.sections.map((s) => [s.id, drawMap(atlas, { sections: new Set([s.id]) })]),
      ),
    };
  }, [atlas, wanted]);
  if (!atlas || !wanted) return null;
  const { meta } = atlas.article;
  // On paper a link cannot be followed, so the address is written out.
  const url = meta.source ?? atlas.graph.meta.source?.url;
  const published = meta.published ?? atlas.graph.meta.source?.published;
  const source = [url, published ? `published ${published}` : undefined].filter(Boolean);
  return (
    <div className="print-handout">
      <header className="print-handout__header">
        <p className="print-handout__brand">Concept Atlas: a handout</p>
        <h1 className="print-handout__title">{meta.title}</h1>
        {meta.author ? <p className="print-handout__author">By {meta.author}</p> : null}
        {source.length > 0 ? (
          <p className="print-handout__source">Source: {source.join(', ')}</p>
        ) : null}
      </header>
      {figures ? (
        <figure className="print-handout__figure print-handout__figure--whole">
          <MapFigure drawing={figures.whole} label="The whole map" markerId="handout-arrow" />
          <figcaption>
            The whole map: each section with its concepts and their relations.
          </figcaption>
        </figure>
      ) : null}
      {sections.map((section) => (
        <section key={section.id} className="print-handout__section">
          <h2 className="print-handout__heading">{section.heading}</h2>
          {figures?.sections.get(section.id)?.concepts.length ? (
            <figure className="print-handout__figure">
              <MapFigure
                drawing={figures.sections.get(section.id)!}
                label={`The map of ${section.heading}`}
                markerId={`handout-arrow-${section.id}`}
              />
            </figure>
          ) : null}
          <div className="print-handout__concepts">
            {section.concepts.map((entry) => (
              <HandoutEntry
                key={entry.concept.id}
                {...entry}
                corrections={atlas.graph.corrections}
                labels={labels}
                note={withNotes ? notes[entry.concept.id]?.text.trim() || undefined : undefined}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
