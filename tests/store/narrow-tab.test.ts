import { describe, expect, it } from 'vitest';
import { defaultRoute } from '../../src/model/route';
import { useAtlasStore } from '../../src/store/atlas-store';

describe('what a narrow screen shows', () => {
  it('shows the view that a link opens, even over the details or the article', () => {
    const store = useAtlasStore.getState();
    store.setNarrowTab('article');
    store.applyRoute({ ...defaultRoute, view: 'outline' });
    expect(useAtlasStore.getState()).toMatchObject({ view: 'outline', narrowTab: 'map' });
    useAtlasStore.getState().setNarrowTab('details');
    useAtlasStore.getState().applyRoute({ ...defaultRoute, view: 'quiz' });
    expect(useAtlasStore.getState()).toMatchObject({ view: 'quiz', narrowTab: 'map' });
  });

  it('keeps the details in turn when a link changes only the selection', () => {
    useAtlasStore.getState().applyRoute({ ...defaultRoute, view: 'outline' });
    useAtlasStore.getState().setNarrowTab('details');
    useAtlasStore.getState().applyRoute({ ...defaultRoute, view: 'outline', depth: 1 });
    expect(useAtlasStore.getState().narrowTab).toBe('details');
  });

  it('shows a view chosen from the tabs', () => {
    useAtlasStore.getState().setNarrowTab('article');
    useAtlasStore.getState().setView('quiz');
    expect(useAtlasStore.getState()).toMatchObject({ view: 'quiz', narrowTab: 'map' });
  });
});
