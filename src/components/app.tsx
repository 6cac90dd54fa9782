import { useAtlasStore } from '../store/atlas-store';
import { ConceptMap } from './concept-map';
import { DataProblems } from './data-problems';
import { Legend } from './legend';

export function App() {
  const atlas = useAtlasStore((s) => s.atlas);
  const problems = useAtlasStore((s) => s.problems);
  return (
    <div className="app">
      <header className="app-header">
        <p className="app-header__brand">Concept Atlas</p>
        <h1 className="app-header__title">{atlas?.article.meta.title ?? 'Concept map'}</h1>
        {atlas?.article.meta.source ? (
          <a
            className="app-header__source"
            href={atlas.article.meta.source}
            rel="noreferrer"
            target="_blank"
          >
            Source article
          </a>
        ) : null}
      </header>
      <main className="app-main">
        {problems.length > 0 ? <DataProblems problems={problems} /> : null}
        {atlas ? (
          <>
            <ConceptMap />
            <Legend />
          </>
        ) : null}
      </main>
    </div>
  );
}
