import { useMemo } from 'react';
import { kindStyles } from '../model/kinds';
import { conceptKinds } from '../model/schema';
import { useAtlasStore } from '../store/atlas-store';
import { KindIcon } from './kind-icon';

/** What each colour and icon means, with how many concepts of each kind the map holds. */
export function Legend() {
  const concepts = useAtlasStore((s) => s.atlas?.graph.concepts);
  const showCrossLinks = useAtlasStore((s) => s.showCrossLinks);
  const setShowCrossLinks = useAtlasStore((s) => s.setShowCrossLinks);
  const counts = useMemo(() => {
    const tally = new Map<string, number>();
    for (const c of concepts ?? []) tally.set(c.kind, (tally.get(c.kind) ?? 0) + 1);
    return tally;
  }, [concepts]);
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend__title">
        Kinds of concept
      </h2>
      <ul className="legend__list">
        {conceptKinds
          .filter((kind) => counts.has(kind))
          .map((kind) => {
            const style = kindStyles[kind];
            return (
              <li
                key={kind}
                className="legend__item"
                title={style.description}
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
                <span className="legend__count" aria-label={`${counts.get(kind)} concepts`}>
                  {counts.get(kind)}
                </span>
              </li>
            );
          })}
      </ul>
      <label className="legend__toggle">
        <input
          type="checkbox"
          checked={showCrossLinks}
          onChange={(event) => setShowCrossLinks(event.target.checked)}
        />
        Show links between sections
      </label>
    </section>
  );
}
