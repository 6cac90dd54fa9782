import { describe, expect, it } from 'vitest';
import { useAtlasStore } from '../../src/store/atlas-store';
import { STUDY_KEY } from '../../src/store/study-storage';
import { startStudySync } from '../../src/store/study-sync';
import { makeGraph } from '../fixtures/atlas-fixture';
import { fixtureAtlas } from '../fixtures/load-fixture';
import { memoryStorage } from '../fixtures/memory-storage';

/** The fixture with its last concept, rain, renamed from "drizzle". */
async function renamedAtlas() {
  const graph = makeGraph();
  graph.concepts[3] = { ...graph.concepts[3]!, formerIds: ['drizzle'] };
  return fixtureAtlas(graph);
}

describe('a renamed concept keeps the student’s work', () => {
  it('moves notes and progress kept under the former id to the id it has now', async () => {
    useAtlasStore.setState({
      notes: { drizzle: { text: 'Falls softly.', updated: '2026-01-01T10:00:00Z' } },
      visited: ['water', 'drizzle'],
      quizzed: ['drizzle'],
    });
    useAtlasStore.getState().setAtlas(await renamedAtlas());
    const state = useAtlasStore.getState();
    expect(state.notes).toEqual({
      rain: { text: 'Falls softly.', updated: '2026-01-01T10:00:00Z' },
    });
    expect(state.visited).toEqual(['water', 'rain']);
    expect(state.quizzed).toEqual(['rain']);
  });

  it('keeps both texts when the concept has a note under each id', async () => {
    useAtlasStore.setState({
      notes: {
        drizzle: { text: 'Old thought.', updated: '2026-01-01T10:00:00Z' },
        rain: { text: 'New thought.', updated: '2026-02-01T10:00:00Z' },
      },
      visited: ['drizzle', 'rain'],
    });
    useAtlasStore.getState().setAtlas(await renamedAtlas());
    const state = useAtlasStore.getState();
    expect(state.notes).toEqual({
      rain: { text: 'New thought.\n\nOld thought.', updated: '2026-02-01T10:00:00Z' },
    });
    expect(state.visited).toEqual(['rain']);
  });

  it('moves a note saved under the former id as the saved work is restored, and saves it so', async () => {
    const storage = memoryStorage({
      [STUDY_KEY]: JSON.stringify({
        version: 1,
        notes: { drizzle: { text: 'Saved last week.', updated: '2026-01-01T10:00:00Z' } },
        visited: ['drizzle'],
        quizzed: [],
      }),
    });
    useAtlasStore.getState().setAtlas(await renamedAtlas());
    const stop = startStudySync(storage, null);
    expect(Object.keys(useAtlasStore.getState().notes)).toEqual(['rain']);
    const saved = JSON.parse(storage.getItem(STUDY_KEY) ?? 'null') as { notes: object };
    expect(Object.keys(saved.notes)).toEqual(['rain']);
    stop();
  });

  it('changes nothing when no id was renamed', async () => {
    const notes = { water: { text: 'Mine.', updated: '2026-01-01T10:00:00Z' } };
    useAtlasStore.setState({ notes });
    useAtlasStore.getState().setAtlas(await renamedAtlas());
    expect(useAtlasStore.getState().notes).toBe(notes);
  });
});
