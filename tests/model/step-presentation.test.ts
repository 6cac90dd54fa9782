import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { EdgeEnds } from '../../src/model/floating';
import { screenPhraseSize } from '../../src/model/phrase-placement';
import { presentStep } from '../../src/model/step-presentation';

/** A relation running left to right along y, from x = 0 to x = 1000 in map units. */
const along = (y: number): EdgeEnds => ({
  sourceX: 0,
  sourceY: y,
  sourcePosition: Position.Right,
  targetX: 1000,
  targetY: y,
  targetPosition: Position.Left,
});
const relation = (id: string, y = 0, label = 'is built on') => ({ id, label, ends: along(y) });
// Half the map's size: each relation runs from 0 to 500 on screen; phrases at a projector's 24 px.
const zoom = 0.5;
const size = 24;

describe('whether a tour step reads on the map or is brought together as a close-up', () => {
  it('stays on the map where every label and every phrase has its place, and says where', () => {
    const shown = presentStep(
      [],
      [relation('a', 0), relation('b', 400)],
      zoom,
      size,
      [],
      undefined,
    );
    expect(shown.closeUp).toBe(false);
    expect(shown.phrases.get('a')).toEqual({ x: 500, y: 0 });
    expect(shown.phrases.get('b')).toEqual({ x: 500, y: 400 });
  });

  it('becomes a close-up where a concept’s label has no room on the map', () => {
    const shown = presentStep(['pillar'], [relation('a')], zoom, size, [], undefined);
    expect(shown).toEqual({ closeUp: true, phrases: new Map() });
  });

  it('becomes a close-up where one relation’s phrase has no room, and the map then draws none', () => {
    // The second relation runs under labels all along its length, as concepts side by side do.
    const labels = { x: -20, y: 180, width: 540, height: 40 };
    const shown = presentStep(
      [],
      [relation('free', 0), relation('covered', 400)],
      zoom,
      size,
      [labels],
      undefined,
    );
    expect(shown).toEqual({ closeUp: true, phrases: new Map() });
  });

  it('becomes a close-up where a phrase would leave the view', () => {
    // A view narrower than the phrase: wherever it stands along the relation, it reaches out.
    const { width } = screenPhraseSize('is built on', size);
    const view = { x: 0, y: -100, width: width / 2, height: 200 };
    expect(presentStep([], [relation('a')], zoom, size, [], view).closeUp).toBe(true);
  });

  it('stays on the map for a phrase too long for any slide, which the close-up cannot say either', () => {
    const long = 'pictures, as the flesh on the bones of manufacturing, the services that '.repeat(
      2,
    );
    expect(screenPhraseSize(long, size).lines).toBeGreaterThan(3);
    const shown = presentStep(
      [],
      [relation('short', 0), relation('long', 400, long)],
      zoom,
      size,
      [],
      undefined,
    );
    expect(shown.closeUp).toBe(false);
    expect([...shown.phrases.keys()]).toEqual(['short']);
  });

  it('stays on the map for a step with no relations among its concepts', () => {
    expect(presentStep([], [], zoom, size, [], undefined)).toEqual({
      closeUp: false,
      phrases: new Map(),
    });
  });
});
