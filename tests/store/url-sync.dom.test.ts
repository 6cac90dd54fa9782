import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUrlSync } from '../../src/store/url-sync';
import { useAtlasStore } from '../../src/store/atlas-store';
import { makeGraph } from '../fixtures/atlas-fixture';
import { fixtureAtlas } from '../fixtures/load-fixture';

let stop: () => void = () => {};

beforeEach(async () => {
  window.history.replaceState(null, '', '/');
  useAtlasStore.getState().setAtlas(await fixtureAtlas());
});
afterEach(() => stop());

function go(hash: string) {
  window.history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

describe('URL sync', () => {
  it('restores the view from a shared link on load', () => {
    window.history.replaceState(null, '', '#/concept/pipes?depth=2&mode=hide&hide-kinds=example');
    stop = startUrlSync();
    const state = useAtlasStore.getState();
    expect(state.selectedId).toBe('pipes');
    expect(state.focusDepth).toBe(2);
    expect(state.focusMode).toBe('hide');
    expect(state.hiddenKinds).toEqual(['example']);
  });

  it('writes each selection into the URL as a new history entry', () => {
    stop = startUrlSync();
    const before = window.history.length;
    useAtlasStore.getState().select('veins');
    expect(window.location.hash).toBe('#/concept/veins');
    expect(window.history.length).toBe(before + 1);
    useAtlasStore.getState().setFocusDepth(1);
    expect(window.location.hash).toBe('#/concept/veins?depth=1');
    expect(window.history.length).toBe(before + 1);
  });

  it('follows the URL when it changes (back, forward, a link)', () => {
    stop = startUrlSync();
    go('#/concept/rain');
    expect(useAtlasStore.getState().selectedId).toBe('rain');
    go('#/');
    expect(useAtlasStore.getState().selectedId).toBeNull();
  });

  it('opens a link shared before a concept was renamed, and writes its id now', async () => {
    const graph = makeGraph();
    graph.concepts[3] = { ...graph.concepts[3]!, formerIds: ['drizzle', 'showers'] };
    useAtlasStore.getState().setAtlas(await fixtureAtlas(graph));
    window.history.replaceState(null, '', '#/concept/showers?depth=2');
    stop = startUrlSync();
    expect(useAtlasStore.getState().selectedId).toBe('rain');
    expect(useAtlasStore.getState().notice).toBeNull();
    expect(useAtlasStore.getState().visited).toContain('rain');
    expect(window.location.hash).toBe('#/concept/rain?depth=2');
    go('#/outline/concept/drizzle');
    expect(useAtlasStore.getState().selectedId).toBe('rain');
    expect(window.location.hash).toBe('#/outline/concept/rain');
  });

  it('says so when a link names an unknown concept and keeps the map usable', () => {
    window.history.replaceState(null, '', '#/concept/no-such-thing?depth=1');
    stop = startUrlSync();
    const state = useAtlasStore.getState();
    expect(state.selectedId).toBeNull();
    expect(state.notice).toBe('Concept “no-such-thing” not found. Showing the whole map instead.');
    expect(state.focusDepth).toBe(1);
    expect(window.location.hash).toBe('#/?depth=1');
    state.select('water');
    expect(useAtlasStore.getState().notice).toBeNull();
  });
});
