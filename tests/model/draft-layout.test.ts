import { describe, expect, it } from 'vitest';
import {
  addConcept,
  draftArticle,
  draftAtlas,
  draftBundle,
  draftLayoutKey,
  laidOutPositions,
  newDraft,
  pinConcept,
  removeConcept,
  updateConcept,
  type Draft,
} from '../../src/model/draft';
import { addRelation, removeRelation } from '../../src/model/draft-links';
import { sameShape } from '../../src/model/derive-atlas';
import { computeLayout } from '../../src/model/layout';
import { riversAndTowns } from '../fixtures/draft-article';

/** A draft with a concept for each of the words, each with a summary. */
function draftWith(...words: string[]): Draft {
  let draft = newDraft({ id: 'd1', meta: { title: 'Rivers' }, text: riversAndTowns });
  for (const quote of words) {
    const at = draftArticle(draft).text.indexOf(quote);
    const made = addConcept(draft, at, at + quote.length);
    if (!made.ok) throw new Error(made.reason);
    draft = updateConcept(made.draft, made.conceptId, { summary: `About ${quote}.` });
  }
  return draft;
}

const water = 'rivers-carry-water';
const boats = 'boats-carry-goods';
const towns = 'towns-grow';

const linked = (draft: Draft) =>
  addRelation(draft, { source: water, target: towns, label: 'feeds', kind: 'supports' });

describe('where a draft’s concepts stand', () => {
  const base = linked(draftWith('Rivers carry water', 'Boats carry goods', 'Towns grow')).draft;

  it('lays them out as the engine does, a pin winning over it', async () => {
    const atlas = draftAtlas(base);
    const layout = await computeLayout(atlas.graph, atlas.anchors);
    const laid = draftAtlas(base, layout);
    for (const id of [water, boats, towns]) {
      expect(laid.layout.concepts[id]).toEqual(layout.concepts[id]);
    }
    const pinned = pinConcept(base, boats, { x: 1234.4, y: -56.6 });
    expect(pinned.concepts.find((c) => c.id === boats)?.position).toEqual({ x: 1234, y: -57 });
    expect(draftAtlas(pinned, layout).layout.concepts[boats]).toEqual({ x: 1234, y: -57 });
    expect(draftAtlas(pinned, layout).layout.concepts[water]).toEqual(layout.concepts[water]);
    // Exported as its position; unpinned, the layout places it again.
    const bundled = draftBundle(pinned).graph.concepts.find((c) => c.id === boats);
    expect(bundled?.position).toEqual({ x: 1234, y: -57 });
    const unpinned = pinConcept(pinned, boats, undefined);
    expect(unpinned.concepts.find((c) => c.id === boats)).not.toHaveProperty('position');
  });

  it('keeps every concept clear of one pinned onto its place, moving it down below', async () => {
    const atlas = draftAtlas(base);
    const layout = await computeLayout(atlas.graph, atlas.anchors);
    const at = layout.concepts[water]!;
    // "Boats carry goods" dragged exactly onto the place of "Rivers carry water".
    const pinned = pinConcept(base, boats, { x: at.x + 10, y: at.y + 5 });
    const laid = draftAtlas(pinned, layout);
    const boxOf = (id: string) => laid.boxes.get(id)!;
    expect(laid.layout.concepts[boats]).toEqual({ x: at.x + 10, y: at.y + 5 });
    const [w, b] = [boxOf(water), boxOf(boats)];
    const meet =
      w.x < b.x + b.width && b.x < w.x + w.width && w.y < b.y + b.height && b.y < w.y + w.height;
    expect(meet).toBe(false);
    // Moved down, under the pinned concept, in its own column still.
    expect(laid.layout.concepts[water]!.x).toBe(at.x);
    expect(laid.layout.concepts[water]!.y).toBeGreaterThan(at.y + 5);
    // What no pin covers stays where the layout put it.
    expect(laid.layout.concepts[towns]).toEqual(layout.concepts[towns]);
  });

  it('places a concept the last layout has not placed under the others of its section', async () => {
    const layout = await computeLayout(draftAtlas(base).graph, draftAtlas(base).anchors);
    const more = draftWith('Rivers carry water', 'Boats carry goods', 'Towns grow', 'rivers meet');
    const placed = laidOutPositions(more, layout);
    const town = layout.concepts[towns]!;
    const meet = placed.get('rivers-meet')!;
    expect(meet.x).toBe(town.x);
    expect(meet.y).toBeGreaterThan(town.y);
  });

  it('is laid out again when concepts or relations come and go, not when a summary is typed', () => {
    const key = draftLayoutKey(base);
    expect(draftLayoutKey(updateConcept(base, water, { summary: 'Something else.' }))).toBe(key);
    expect(draftLayoutKey(pinConcept(base, water, { x: 1, y: 2 }))).toBe(key);
    expect(draftLayoutKey(removeRelation(base, base.relations[0]!.id))).not.toBe(key);
    expect(draftLayoutKey(removeConcept(base, boats))).not.toBe(key);
    expect(
      draftLayoutKey(updateConcept(base, water, { label: 'A much longer label for it, now' })),
    ).not.toBe(key);
  });
});

describe('a draft’s map after a change of words', () => {
  const base = linked(draftWith('Rivers carry water', 'Boats carry goods', 'Towns grow')).draft;
  const long = 'Rivers carry the water that towns, fields and mills along their banks all need';

  /** Everything the map draws, as plain data: a quick drawing must give what a whole one does. */
  const drawn = (atlas: ReturnType<typeof draftAtlas>) => ({
    graph: atlas.graph,
    nodes: atlas.nodes,
    edges: atlas.edges,
    boxes: [...atlas.boxes],
    layout: atlas.layout,
    order: [...atlas.order],
    links: atlas.links,
    anchors: [...atlas.anchors],
    tours: atlas.tours,
    byId: [...atlas.conceptById],
  });

  it('draws from the map before it what a whole drawing draws', async () => {
    const first = draftAtlas(base);
    const layout = await computeLayout(first.graph, first.anchors);
    const edits: [string, Draft][] = [
      ['a label', updateConcept(base, water, { label: 'Rivers bring water' })],
      ['a label on two lines', updateConcept(base, water, { label: long })],
      ['a summary', updateConcept(base, boats, { summary: 'Goods go by boat.' })],
      ['a kind', updateConcept(base, towns, { kind: 'example' })],
      ['other names', updateConcept(base, towns, { aliases: ['Cities'] })],
    ];
    for (const laid of [null, layout]) {
      const before = draftAtlas(base, laid);
      for (const [what, after] of edits) {
        const quick = draftAtlas(after, laid, before);
        // Before the first layout, a taller concept moves those under it: all is drawn again.
        const moves = laid === null && what === 'a label on two lines';
        expect(sameShape(before, quick), what).toBe(!moves);
        expect(drawn(quick), what).toEqual(drawn(draftAtlas(after, laid)));
      }
    }
  });

  it('makes only the changed concept’s node, and its relations, again', async () => {
    const first = draftAtlas(base);
    const layout = await computeLayout(first.graph, first.anchors);
    const before = draftAtlas(base, layout);
    const after = draftAtlas(updateConcept(base, water, { label: long }), layout, before);
    // Its node and its section's, which grows with it, are new; every other is the same.
    for (const node of after.nodes) {
      const was = before.nodes.find((n) => n.id === node.id);
      if ([water, 'section:water'].includes(node.id)) expect(node).not.toBe(was);
      else expect(node).toBe(was);
    }
    expect(after.layout.sections.water!.height).toBeGreaterThan(
      before.layout.sections.water!.height,
    );
    const [feeds] = after.edges;
    expect(feeds).not.toBe(before.edges[0]);
    expect(feeds?.ariaLabel).toBe(`${long} feeds Towns grow`);
    // The label needs another line: its box is taller where it stands, and its arrow starts lower.
    expect(after.boxes.get(water)?.height).toBeGreaterThan(before.boxes.get(water)!.height);
    expect(after.boxes.get(water)?.y).toBe(before.boxes.get(water)?.y);
    expect(feeds?.data?.ends).not.toEqual(before.edges[0]?.data?.ends);
    expect(after.boxes.get(boats)).toBe(before.boxes.get(boats));
    for (const kept of ['article', 'anchors', 'links', 'order', 'tours'] as const) {
      expect(after[kept]).toBe(before[kept]);
    }
    expect(after.layout.concepts).toBe(before.layout.concepts);
    expect(after.layout.sections.trade).toBe(before.layout.sections.trade);
  });

  it('draws the whole map again when a change moves or joins concepts', async () => {
    const first = draftAtlas(base);
    const layout = await computeLayout(first.graph, first.anchors);
    const before = draftAtlas(base, layout);
    const joined = addRelation(base, {
      source: boats,
      target: towns,
      label: 'feed',
      kind: 'supports',
    }).draft;
    expect(sameShape(before, draftAtlas(joined, layout, before))).toBe(false);
    // With one concept pinned, a taller one may push another clear of it: all is placed again.
    const pinned = pinConcept(base, boats, { x: 0, y: 0 });
    const pinnedMap = draftAtlas(pinned, layout);
    const taller = draftAtlas(updateConcept(pinned, water, { label: long }), layout, pinnedMap);
    expect(sameShape(pinnedMap, taller)).toBe(false);
    expect(drawn(taller)).toEqual(
      drawn(draftAtlas(updateConcept(pinned, water, { label: long }), layout)),
    );
    // A new layout is a new map, even of the same draft.
    expect(sameShape(before, draftAtlas(base, layout, first))).toBe(false);
  });
});
