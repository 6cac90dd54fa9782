import { useEffect, useRef, useState } from 'react';
import { formatRoute } from '../../model/route';
import { useAtlasStore } from '../../store/atlas-store';
import { routeOf } from '../../store/selectors';
import { PREVIEW_FRAME_NAME } from './use-tour';

/** The class's screen the preview is drawn for: a 1080p projector. */
export const AUDIENCE_SCREEN = { width: 1920, height: 1080 };

/** The address of the audience's view of the step the presenter is on. */
export function audienceHref(): string {
  const path = formatRoute({ ...routeOf(useAtlasStore.getState()), view: 'tour' });
  return new URL(path, window.location.href).href;
}

/**
 * A live copy of what the class sees, drawn small in the presenter's window: the app itself, in
 * a frame the size of a projector, following the presenter's step by its address: the fragment
 * is replaced, so the copy never reloads and the presenter's Back button is not filled with its
 * steps. It takes no focus and no clicks; the blackout is drawn over it here, since the copy does
 * not listen to the other windows.
 */
export function AudiencePreview() {
  const show = useAtlasStore((s) => s.audiencePreview);
  const setShow = useAtlasStore((s) => s.setAudiencePreview);
  const blackout = useAtlasStore((s) => s.blackout);
  const setBlackout = useAtlasStore((s) => s.setBlackout);
  const step = useAtlasStore((s) => s.tour);
  const reveal = useAtlasStore((s) => s.reveal);
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.25);
  const frame = useRef<HTMLIFrameElement>(null);
  // The first address loads the copy; later steps move it.
  const [src] = useState(audienceHref);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const element = frame.current;
    if (!element) {
      shown.current = null;
      return;
    }
    shown.current ??= element.getAttribute('src');
    const href = audienceHref();
    if (href === shown.current) return;
    shown.current = href;
    // eslint-disable-next-line no-restricted-syntax -- the preview frame's address, not this window's
    element.contentWindow?.location.replace(href);
  }, [step, reveal, show]);
  useEffect(() => {
    // The copy never keeps the focus (a frame can be focused from inside, inert or not): the
    // presenter's keys must reach this window.
    const onBlur = () => {
      if (document.activeElement !== frame.current) return;
      frame.current?.blur();
      window.focus();
    };
    window.addEventListener('blur', onBlur);
    return () => window.removeEventListener('blur', onBlur);
  }, []);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0) setScale(element.clientWidth / AUDIENCE_SCREEN.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [show]);
  return (
    <section className="presenter__audience" aria-labelledby="presenter-audience">
      <div className="presenter__audience-head">
        <p id="presenter-audience" className="presenter__label">
          The class sees
        </p>
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={show}
          onClick={() => setShow(!show)}
        >
          Preview
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={blackout}
          aria-keyshortcuts="B"
          onClick={() => setBlackout(!blackout)}
        >
          Black out <kbd>B</kbd>
        </button>
      </div>
      {show ? (
        <div
          ref={box}
          className="presenter__audience-screen"
          style={{ aspectRatio: `${AUDIENCE_SCREEN.width} / ${AUDIENCE_SCREEN.height}` }}
        >
          <iframe
            ref={frame}
            name={PREVIEW_FRAME_NAME}
            title="Preview of the class’s screen"
            src={src}
            tabIndex={-1}
            // The copy is only to be seen: the presenter steps in this window, never inside it.
            inert
            style={{
              width: AUDIENCE_SCREEN.width,
              height: AUDIENCE_SCREEN.height,
              transform: `scale(${scale})`,
            }}
          />
          {blackout ? (
            <p className="presenter__audience-black">The class’s screen is blacked out</p>
          ) : null}
        </div>
      ) : blackout ? (
        <p className="presenter__audience-note">The class’s screen is blacked out.</p>
      ) : null}
    </section>
  );
}
