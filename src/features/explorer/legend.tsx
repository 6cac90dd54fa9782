import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { kindStyles } from '../../model/kinds';
import type { Concept } from '../../model/schema';
import { conceptKinds } from '../../model/vocabulary';
import { useAtlasStore } from '../../store/atlas-store';
import { KindIcon } from '../../shared/kind-icon';

/**
 * How many concepts the map has of each kind, counted once for each list of concepts. The legend
 * reads it with a shallow comparison: a key typed into a draft's label gives the map a new list
 * of the same kinds, and the legend need not be drawn again for it.
 */
const countsOf = (concepts: readonly Concept[] | undefined): ReadonlyMap<string, number> => {
  if (!concepts) return noCounts;
  let tally = kindCounts.get(concepts);
  if (!tally) {
    const counting = new Map<string, number>();
    for (const c of concepts) counting.set(c.kind, (counting.get(c.kind) ?? 0) + 1);
    tally = counting;
    kindCounts.set(concepts, tally);
  }
  return tally;
};
const kindCounts = new WeakMap<readonly Concept[], ReadonlyMap<string, number>>();
const noCounts: ReadonlyMap<string, number> = new Map();

/**
 * What each colour and icon means. Each entry is also a toggle that shows or hides that kind of
 * concept, and the sections can be filtered the same way.
 */
export function Legend() {
  const sections = useAtlasStore((s) => s.atlas?.graph.sections);
  const counts = useAtlasStore(useShallow((s) => countsOf(s.atlas?.graph.concepts)));
  const hiddenKinds = useAtlasStore((s) => s.hiddenKinds);
  const hiddenSections = useAtlasStore((s) => s.hiddenSections);
  const toggleKind = useAtlasStore((s) => s.toggleKind);
  const toggleSection = useAtlasStore((s) => s.toggleSection);
  const clearFilters = useAtlasStore((s) => s.clearFilters);
  // Closed at first on every screen: open, it would cover a part of the map the reader came for.
  const [open, setOpen] = useState(false);
  const filtered = hiddenKinds.length + hiddenSections.length;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend__title">
        <button
          type="button"
          className="legend__disclosure"
          aria-expanded={open}
          aria-controls="legend-body"
          onClick={() => setOpen(!open)}
        >
          {`Legend and filters${filtered > 0 ? ` (${filtered} hidden)` : ''}`}
        </button>
      </h2>
      <div id="legend-body" hidden={!open}>
        <p className="legend__hint">Press an entry to show or hide it on the map.</p>
        <ul className="legend__list" aria-label="Kinds of concept">
          {conceptKinds
            .filter((kind) => counts.has(kind))
            .map((kind) => {
              const style = kindStyles[kind];
              const shown = !hiddenKinds.includes(kind);
              return (
                <li key={kind}>
                  <button
                    type="button"
                    className="legend__item"
                    aria-pressed={shown}
                    title={style.description}
                    onClick={() => toggleKind(kind)}
                    style={
                      {
                        '--kind-colour': style.colour,
                        '--kind-tint': style.tint,
                      } as React.CSSProperties
                    }
                  >
                    <span className="legend__swatch">
                      <KindIcon kind={kind} size={15} />
                    </span>
                    <span className="legend__label">{style.label}</span>
                    <span className="legend__count">
                      {counts.get(kind)}
                      <span className="visually-hidden"> concepts</span>
                    </span>
                  </button>
                </li>
              );
            })}
        </ul>
        <ul className="legend__list legend__sections" aria-label="Sections">
          {sections?.map((section) => (
            <li key={section.id}>
              <button
                type="button"
                className="legend__item legend__item--section"
                aria-pressed={!hiddenSections.includes(section.id)}
                onClick={() => toggleSection(section.id)}
              >
                <span className="legend__number" aria-hidden="true">
                  {section.order === 0 ? 'In' : section.order}
                </span>
                <span className="legend__label">{section.title}</span>
              </button>
            </li>
          ))}
        </ul>
        {filtered > 0 ? (
          <button type="button" className="legend__reset" onClick={clearFilters}>
            Show everything
          </button>
        ) : null}
      </div>
    </section>
  );
}
