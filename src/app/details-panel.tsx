import { ConceptDetails } from '../features/explorer/concept-details';
import { NotesBox } from '../features/study/notes-box';
import { StudyTools } from '../features/study/study-tools';

const notesOf = (conceptId: string) => <NotesBox conceptId={conceptId} />;

/** The details panel: the explorer's view of the selected concept, with the study feature's notes. */
export function DetailsPanel() {
  return <ConceptDetails tools={<StudyTools />} notes={notesOf} />;
}
