import { useEffect, useRef } from 'react';
import type { Tour } from '../../model/tours';
import { useAtlasStore } from '../../store/atlas-store';
import { openTourChannel } from './tour-channel';
import { isTypingTarget } from '../../shared/typing';

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

/**
 * The clicker keys: Right, PageDown and Space go forward; Left and PageUp back; Home and End to
 * the ends; Escape leaves the tour; F toggles fullscreen.
 */
export function useTourKeys(onLeave: () => void) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      const { tour, atlas, goToStep } = useAtlasStore.getState();
      const steps = atlas?.tours.find((t) => t.id === tour?.id)?.steps.length;
      if (!tour || !steps) return;
      const target = event.target as HTMLElement | null;
      const onButton = target?.closest('button, a, input, select, [role="button"]');
      let next: number | null = null;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') next = tour.step + 1;
      else if (event.key === ' ' && !onButton) next = tour.step + 1;
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') next = tour.step - 1;
      else if (event.key === 'Home') next = 1;
      else if (event.key === 'End') next = steps;
      else if (event.key === 'Escape') {
        event.preventDefault();
        onLeave();
        return;
      } else if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        toggleFullscreen();
        return;
      }
      if (next === null) return;
      event.preventDefault();
      goToStep(tour.id, next);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onLeave]);
}
