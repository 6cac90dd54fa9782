import { own } from '../../model/own';
import { useAtlasStore } from '../../store/atlas-store';

/** Small marks for a concept the student has written notes on, visited or been quizzed on. */
export function StudyBadges({ conceptId }: { conceptId: string }) {
  const hasNote = useAtlasStore((s) => Boolean(own(s.notes, conceptId)?.text));
  const visited = useAtlasStore((s) => s.visited.includes(conceptId));
  const quizzed = useAtlasStore((s) => s.quizzed.includes(conceptId));
  if (!hasNote && !visited && !quizzed) return null;
  return (
    <span className="study-badges">
      {hasNote ? <span className="study-badge study-badge--note">notes</span> : null}
      {quizzed ? (
        <span className="study-badge">quizzed</span>
      ) : visited ? (
        <span className="study-badge">visited</span>
      ) : null}
    </span>
  );
}
