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

/**
 * Keeps this window's tour step in step with the other windows of the same tour: a step taken here
 * is told to them, and a step taken there is followed here.
 */
export function useTourSync() {
  const current = useAtlasStore((s) => s.tour);
  const fromOther = useRef<string | null>(null);
  const channel = useRef<ReturnType<typeof openTourChannel> | null>(null);
  useEffect(() => {
    channel.current = openTourChannel((message) => {
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
