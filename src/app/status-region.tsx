import { useAtlasStore } from '../store/atlas-store';

/**
 * Live regions: a visible notice (an unknown concept in a link, unreadable preferences), a polite
 * announcement of each new selection for screen-reader users, and another of each change they
 * make that the page shows without words (a relation saved).
 */
export function StatusRegion() {
  const notice = useAtlasStore((s) => s.notice);
  const setNotice = useAtlasStore((s) => s.setNotice);
  const said = useAtlasStore((s) => s.announcement);
  const announcement = useAtlasStore((s) => {
    const concept = s.selectedId === null ? undefined : s.atlas?.conceptById.get(s.selectedId);
    if (!concept || !s.atlas) return 'No concept selected.';
    const links = s.atlas.links.get(concept.id)?.length ?? 0;
    return `Selected: ${concept.label}. ${links} related concept${links === 1 ? '' : 's'}.`;
  });
  return (
    <>
      <div className="notice" role="status" aria-label="Notices">
        {notice ? (
          <div className="notice__body">
            <p>{notice}</p>
            <button type="button" className="notice__dismiss" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {said ? <span key={said.count}>{said.text}</span> : null}
      </p>
    </>
  );
}
