import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/app';
import { setDraftStorage } from '../../../src/features/authoring/draft-actions';
import { newDraft } from '../../../src/model/draft';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { asDraft, stamped } from '../../../src/store/draft-storage';
import { settleDraftWrites } from '../../../src/store/draft-sync';
import { riversAndTowns } from '../../fixtures/draft-article';
import { fixtureAtlas } from '../../fixtures/load-fixture';
import { memoryDrafts } from '../../fixtures/memory-drafts';

const other = stamped(
  newDraft({ id: 'd-trade', meta: { title: 'Trade by river' }, text: riversAndTowns }),
  1_700_000_000_000,
);

beforeEach(() => localStorage.clear());

function keptStorage() {
  const storage = memoryDrafts({ 'd-trade': structuredClone(other) });
  setDraftStorage(storage);
  return storage;
}

describe('Edit this map', () => {
  it('opens the map on screen as a new draft, kept beside the others', async () => {
    const storage = keptStorage();
    const atlas = await fixtureAtlas();
    useAtlasStore.getState().setAtlas(atlas);
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Edit this map' }));

    const bar = await screen.findByRole('region', { name: 'Draft' });
    expect(within(bar).getByText('A small argument (copy)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit this map' })).toBeNull();
    const { draft, source } = useAtlasStore.getState();
    expect(source).toEqual({ kind: 'draft', name: 'A small argument (copy)' });
    expect(draft?.concepts.map((concept) => concept.id)).toEqual(
      atlas.graph.concepts.map((concept) => concept.id),
    );
    expect(draft?.relations).toEqual(atlas.graph.relations);
    expect(draft?.meta).toEqual({
      title: 'A small argument',
      source: 'https://example.org/argument',
      published: '2026-01-02',
    });

    await settleDraftWrites();
    expect(storage.saved.size).toBe(2);
    expect(asDraft(storage.saved.get(draft?.id ?? ''))?.name).toBe('A small argument (copy)');
    expect(storage.saved.get('d-trade')).toEqual(other);

    await user.click(within(bar).getByRole('button', { name: 'Drafts…' }));
    const list = await screen.findByRole('dialog', { name: 'Your drafts' });
    await within(list).findByRole('heading', { name: /^A small argument \(copy\)/ });
    expect(within(list).getByRole('heading', { name: 'Trade by river' })).toBeInTheDocument();
    expect(storage.saved.get('d-trade')).toEqual(other);
  });

  it('says first what the draft cannot keep, and makes the copy only when asked', async () => {
    const storage = keptStorage();
    const atlas = await fixtureAtlas();
    const meta = {
      title: 'A small argument',
      source: { url: 'https://example.org/other', published: '2026-01-02' },
    };
    useAtlasStore.getState().setAtlas({ ...atlas, graph: { ...atlas.graph, meta } });
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Edit this map' }));

    const asked = await screen.findByRole('alertdialog', { name: 'Edit a copy of this map?' });
    expect(asked).toHaveTextContent(
      'The map names its source as https://example.org/other and its article as https://example.org/argument: the copy keeps https://example.org/argument.',
    );
    await user.click(within(asked).getByRole('button', { name: 'Keep it' }));
    expect(useAtlasStore.getState().draft).toBeNull();
    expect(storage.saved.size).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Edit this map' }));
    const again = await screen.findByRole('alertdialog', { name: 'Edit a copy of this map?' });
    await user.click(within(again).getByRole('button', { name: 'Edit a copy without these' }));
    const bar = await screen.findByRole('region', { name: 'Draft' });
    expect(within(bar).getByText('A small argument (copy)')).toBeInTheDocument();
    await settleDraftWrites();
    expect(storage.saved.size).toBe(2);
    expect(storage.saved.get('d-trade')).toEqual(other);
  });
});
