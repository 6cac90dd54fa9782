import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  draftAtlas,
  newDraft,
  addConcept,
  draftArticle,
  updateConcept,
} from '../../src/model/draft';
import type { Atlas } from '../../src/model/atlas';
import { useAtlasStore } from '../../src/store/atlas-store';
import { useUnhurriedAtlas } from '../../src/store/unhurried-atlas';
import { waterAndTrade } from '../fixtures/draft-article';

/** Each render of a part that follows the map at leisure: the map in the store, and its own. */
function recordRenders() {
  const renders: [Atlas | null, Atlas | null][] = [];
  function Follower() {
    renders.push([useAtlasStore((s) => s.atlas), useUnhurriedAtlas()]);
    return null;
  }
  render(<Follower />);
  return renders;
}

function draftWithConcept() {
  const draft = newDraft({ id: 'd1', meta: { title: 'Rivers' }, text: waterAndTrade });
  const at = draftArticle(draft).text.indexOf('Boats carry goods');
  const made = addConcept(draft, at, at + 'Boats carry goods'.length);
  if (!made.ok) throw new Error(made.reason);
  return { draft: made.draft, id: made.conceptId };
}

describe('the map for what may wait', () => {
  it('hears of a change of words after the key’s render, and of any other at once', () => {
    const { draft, id } = draftWithConcept();
    const first = draftAtlas(draft);
    act(() => useAtlasStore.getState().setAtlas(first));
    const renders = recordRenders();
    expect(renders.at(-1)).toEqual([first, first]);

    // A label typed: the key's render still has the map before it; the next has the new one.
    const typed = draftAtlas(updateConcept(draft, id, { label: 'Barges' }), null, first);
    const from = renders.length;
    act(() => useAtlasStore.getState().setAtlas(typed));
    const heard = renders.slice(from);
    expect(heard[0]?.[0]).toBe(typed);
    expect(heard[0]?.[1]).toBe(first);
    expect(renders.at(-1)).toEqual([typed, typed]);

    // Another map: no render has the new map in the store and the old one here.
    const other = draftAtlas(newDraft({ id: 'd2', meta: { title: 'Other' }, text: waterAndTrade }));
    const next = renders.length;
    act(() => useAtlasStore.getState().setAtlas(other));
    expect(renders.slice(next).every(([store, own]) => store === own)).toBe(true);
    expect(renders.at(-1)).toEqual([other, other]);
  });
});
