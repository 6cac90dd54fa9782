import { focusDepths, type FocusDepth } from '../../model/route';
import { useAtlasStore } from '../../store/atlas-store';

/** Focus on the selection's surroundings, and choose whether links between sections show. */
export function MapToolbar({ children }: { children?: React.ReactNode }) {
  const focusDepth = useAtlasStore((s) => s.focusDepth);
  const focusMode = useAtlasStore((s) => s.focusMode);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const showCrossLinks = useAtlasStore((s) => s.showCrossLinks);
  const setFocusDepth = useAtlasStore((s) => s.setFocusDepth);
  const setFocusMode = useAtlasStore((s) => s.setFocusMode);
  const setShowCrossLinks = useAtlasStore((s) => s.setShowCrossLinks);
  return (
    <div className="map-toolbar" role="toolbar" aria-label="Map view">
      <fieldset className="map-toolbar__group">
        <legend>Focus</legend>
        {focusDepths.map((depth: FocusDepth) => (
          <label key={depth} className="map-toolbar__choice">
            <input
              type="radio"
              name="focus-depth"
              value={depth}
              checked={focusDepth === depth}
              onChange={() => setFocusDepth(depth)}
            />
            {depth === 0 ? 'Off' : `${depth} step${depth > 1 ? 's' : ''}`}
          </label>
        ))}
      </fieldset>
      {/* Only with a focus is there an outside to fade or hide: with Focus off, a choice shown
          checked but greyed out read as on and unavailable at once. */}
      {focusDepth > 0 ? (
        <fieldset className="map-toolbar__group">
          <legend>Outside focus</legend>
          {(['fade', 'hide'] as const).map((mode) => (
            <label key={mode} className="map-toolbar__choice">
              <input
                type="radio"
                name="focus-mode"
                value={mode}
                checked={focusMode === mode}
                onChange={() => setFocusMode(mode)}
              />
              {mode === 'fade' ? 'Fade' : 'Hide'}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="map-toolbar__check">
        <input
          type="checkbox"
          checked={showCrossLinks}
          onChange={(event) => setShowCrossLinks(event.target.checked)}
        />
        Links between sections
      </label>
      {children}
      {focusDepth > 0 && !selectedId ? (
        <p className="map-toolbar__hint">Select a concept to focus on it.</p>
      ) : null}
    </div>
  );
}
