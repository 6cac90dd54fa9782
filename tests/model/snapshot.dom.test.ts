import { describe, expect, it } from 'vitest';
import { readSnapshot, SNAPSHOT_ELEMENT_ID, snapshotScriptText } from '../../src/model/snapshot';
import { loadRealAtlas } from '../fixtures/real-atlas';
import { fixtureAtlas } from '../fixtures/load-fixture';

function pageWith(text: string | null): Document {
  const doc = document.implementation.createHTMLDocument('test');
  if (text !== null) {
    const script = doc.createElement('script');
    script.type = 'application/json';
    script.id = SNAPSHOT_ELEMENT_ID;
    script.textContent = text;
    doc.body.append(script);
  }
  return doc;
}

describe('the built-in map in the page', () => {
  it('reads back exactly the map that was checked when the app was built', () => {
    const atlas = loadRealAtlas();
    const read = readSnapshot(pageWith(snapshotScriptText(atlas)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.atlas.graph).toEqual(atlas.graph);
    expect(read.atlas.article).toEqual(atlas.article);
    expect(read.atlas.anchors).toEqual(atlas.anchors);
    expect(read.atlas.tours).toEqual(atlas.tours);
    expect(read.atlas.nodes).toEqual(atlas.nodes);
    expect(read.atlas.edges).toEqual(atlas.edges);
    expect(read.atlas.order).toEqual(atlas.order);
  });

  it('never lets content close the script element it travels in', async () => {
    const atlas = await fixtureAtlas();
    const hostile = {
      ...atlas,
      graph: {
        ...atlas.graph,
        concepts: atlas.graph.concepts.map((c, i) =>
          i === 0 ? { ...c, label: '</script><script>alert(1)</script>' } : c,
        ),
      },
    };
    const text = snapshotScriptText(hostile);
    expect(text).not.toContain('<');
    const read = readSnapshot(pageWith(text));
    expect(read.ok && read.atlas.graph.concepts[0]?.label).toBe(
      '</script><script>alert(1)</script>',
    );
  });

  it('says so, instead of failing, when the map is missing or unreadable', () => {
    for (const doc of [pageWith(null), pageWith('{ not json'), pageWith('{"format":"other"}')]) {
      const read = readSnapshot(doc);
      expect(read.ok).toBe(false);
      expect(!read.ok && read.problems[0]).toMatch(/built-in map is missing/);
    }
  });
});
