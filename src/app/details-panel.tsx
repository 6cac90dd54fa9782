import { lazy, Suspense } from 'react';
import { ConceptDetails } from '../features/explorer/concept-details';
import { NotesBox } from '../features/study/notes-box';
import { StudyTools } from '../features/study/study-tools';
import { useAtlasStore } from '../store/atlas-store';

const ConceptForm = lazy(() =>
  import('../features/authoring/concept-form').then((m) => ({ default: m.ConceptForm })),
);

const TourEditor = lazy(() =>
  import('../features/authoring/tour-editor').then((m) => ({ default: m.TourEditor })),
);

const PassagesToFix = lazy(() =>
  import('../features/authoring/passages-to-fix').then((m) => ({ default: m.PassagesToFix })),
);

const notesOf = (conceptId: string) => <NotesBox conceptId={conceptId} />;

/**
 * The details panel: the explorer's view of the selected concept, with the study feature's notes;
 * while a draft is open, the concept's form instead, or the draft's tours or its passages to fix
 * when the draft's bar asks for them.
 */
export function DetailsPanel() {
  const drafting = useAtlasStore((s) => s.source.kind === 'draft');
  const panel = useAtlasStore((s) => s.draftPanel);
  const tours = panel === 'tours';
  if (drafting && panel === 'passages') {
    return (
      <Suspense fallback={<p className="loading">Loading the passages to fix…</p>}>
        <PassagesToFix />
      </Suspense>
    );
  }
  if (drafting && tours) {
    return (
      <Suspense fallback={<p className="loading">Loading the tours…</p>}>
        <TourEditor />
      </Suspense>
    );
  }
  if (drafting) {
    return (
      <Suspense fallback={<p className="loading">Loading the form…</p>}>
        <ConceptForm />
      </Suspense>
    );
  }
  return <ConceptDetails tools={<StudyTools />} notes={notesOf} />;
}
