import { useEffect, useRef } from 'react';
import type { Tour } from '../../model/tours';
import { useAtlasStore } from '../../store/atlas-store';
import { openTourChannel } from './tour-channel';
import { usePageKeys, type KeyGroup } from '../../shared/page-keys';

/** The tour on screen, its step (1-based) and the step's content. */
export function useCurrentTour(): { tour: Tour; step: number } | null {
  const atlas = useAtlasStore((s) => s.atlas);
  const current = useAtlasStore((s) => s.tour);
  const tour = atlas?.tours.find((t) => t.id === current?.id);
  return tour && current ? { tour, step: current.step } : null;
}

/** The name the presenter view gives the audience preview's frame: a copy that only follows. */
export const PREVIEW_FRAME_NAME = 'concept-atlas-audience-preview';

/** Whether this window is the presenter's preview of the audience, which follows its address. */
export const isPreview = () => typeof window !== 'undefined' && window.name === PREVIEW_FRAME_NAME;

/**
 * Keeps this window's tour step, and the blackout of the class's screen, in step with the other
 * windows of the same tour: a change made here is told to them, and one made there is followed
 * here. The presenter's preview of the audience follows its own address instead and tells nobody,
 * so that a preview a step behind can never pull the other windows back.
 */
export function useTourSync() {
  const current = useAtlasStore((s) => s.tour);
  const blackout = useAtlasStore((s) => s.blackout);
  const fromOther = useRef<string | null>(null);
  const blackoutFromOther = useRef<boolean | null>(null);
  const channel = useRef<ReturnType<typeof openTourChannel> | null>(null);
  useEffect(() => {
    if (isPreview()) return;
    channel.current = openTourChannel((message) => {
      if (message.type === 'blackout') {
        blackoutFromOther.current = message.on;
        useAtlasStore.getState().setBlackout(message.on);
        return;
      }
      fromOther.current = `${message.tourId}/${message.step}`;
      useAtlasStore.getState().goToStep(message.tourId, message.step);
    });
    return () => channel.current?.close();
  }, []);
  useEffect(() => {
    if (!current) return;
    const key = `${current.id}/${current.step}`;
    if (fromOther.current === key) return;
    fromOther.current = null;
    channel.current?.post(current.id, current.step);
  }, [current]);
  const told = useRef(blackout);
  useEffect(() => {
    // Only a change is told: a window that opens is not blacked out, and must not light the others.
    if (told.current === blackout) return;
    told.current = blackout;
    if (blackoutFromOther.current === blackout) return;
    blackoutFromOther.current = null;
    channel.current?.postBlackout(blackout);
  }, [blackout]);
}

export function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen?.();
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

const plain = (event: KeyboardEvent) => !event.altKey && !event.ctrlKey && !event.metaKey;

/** The step to go to for a key press, or null when the key is not a step key. */
function stepFor(event: KeyboardEvent): number | null {
  const { tour, atlas } = useAtlasStore.getState();
  const steps = atlas?.tours.find((t) => t.id === tour?.id)?.steps.length;
  if (!tour || !steps || !plain(event)) return null;
  const target = event.target instanceof Element ? event.target : null;
  const onButton = target?.closest('button, a, input, select, [role="button"]');
  if (event.key === 'ArrowRight' || event.key === 'PageDown') return tour.step + 1;
  if (event.key === ' ' && !onButton) return tour.step + 1;
  if (event.key === 'ArrowLeft' || event.key === 'PageUp') return tour.step - 1;
  if (event.key === 'Home') return 1;
  if (event.key === 'End') return steps;
  return null;
}

const goBy = (event: KeyboardEvent) => {
  const { tour, goToStep } = useAtlasStore.getState();
  const next = stepFor(event);
  if (tour && next !== null) goToStep(tour.id, next);
};

const inTour = () => useAtlasStore.getState().tour !== null;

/** The clicker keys, tried before the map's own: a clicker sends arrows, PageDown and PageUp. */
const tourKeys: KeyGroup = {
  title: 'Presenting a tour',
  precedence: 1,
  keys: [
    {
      keys: ['→', 'PageDown', 'Space'],
      does: 'Next step',
      test: (e) => ['ArrowRight', 'PageDown', ' '].includes(e.key) && stepFor(e) !== null,
      perform: goBy,
    },
    {
      keys: ['←', 'PageUp'],
      does: 'Previous step',
      test: (e) => ['ArrowLeft', 'PageUp'].includes(e.key) && stepFor(e) !== null,
      perform: goBy,
    },
    {
      keys: ['Home', 'End'],
      does: 'First or last step',
      test: (e) => ['Home', 'End'].includes(e.key) && stepFor(e) !== null,
      perform: goBy,
    },
    {
      keys: ['Esc'],
      does: 'Leave the tour',
      test: (e) => e.key === 'Escape' && plain(e) && inTour(),
      perform: () => useAtlasStore.getState().leaveTour(),
    },
    {
      keys: ['B', '.'],
      does: 'Black the screen out, and back',
      test: (e) => (e.key === 'b' || e.key === 'B' || e.key === '.') && plain(e) && inTour(),
      perform: () => {
        const { blackout, setBlackout } = useAtlasStore.getState();
        setBlackout(!blackout);
      },
    },
    {
      keys: ['F'],
      does: 'Fullscreen on or off',
      test: (e) => (e.key === 'f' || e.key === 'F') && plain(e) && inTour(),
      perform: toggleFullscreen,
    },
  ],
};

/** The clicker keys while a tour is on screen, listed by `?` for as long. */
export function useTourKeys() {
  usePageKeys(tourKeys);
}
