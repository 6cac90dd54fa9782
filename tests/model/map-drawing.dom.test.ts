import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/model/floating';
import { drawingToSvg, drawMap, wrapWords } from '../../src/model/map-drawing';
import { makeGraph } from '../fixtures/atlas-fixture';
import { fixtureAtlas } from '../fixtures/load-fixture';

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('the map as vector shapes and text', () => {
  it('draws every concept as a box with its kind and label, and every relation as an arrow', async () => {
    const atlas = await fixtureAtlas();
    const doc = parse(drawingToSvg(drawMap(atlas), 'A small argument'));
    expect(doc.querySelector('parsererror')).toBeNull();
    const svg = doc.documentElement;
    expect(svg.tagName).toBe('svg');
    expect(svg.querySelector('title')?.textContent).toBe('A small argument');
    // Shapes and text, not a web page inside an image.
    expect(svg.querySelector('foreignObject')).toBeNull();
    expect(svg.querySelectorAll('g.concept')).toHaveLength(atlas.graph.concepts.length);
    expect(svg.querySelectorAll('g.section')).toHaveLength(atlas.graph.sections.length);
    expect(svg.querySelectorAll('line')).toHaveLength(atlas.graph.relations.length);
    const texts = [...svg.querySelectorAll('g.concept text')].map((t) => t.textContent);
    for (const concept of atlas.graph.concepts) expect(texts).toContain(concept.label);
    expect(texts).toContain('METAPHOR');
    const propositions = [...svg.querySelectorAll('line title')].map((t) => t.textContent);
    expect(propositions).toContain('pipes carry water');
  });

  it('draws only the concepts asked for, with the relations between them and their sections', async () => {
    const atlas = await fixtureAtlas();
    const section = atlas.graph.concepts.find((c) => c.id === 'pipes')!.section;
    const drawing = drawMap(atlas, { sections: new Set([section]) });
    expect(drawing.sections.map((s) => s.id)).toEqual([section]);
    expect(drawing.concepts.every((c) => atlas.conceptById.get(c.id)?.section === section)).toBe(
      true,
    );
    const drawn = new Set(drawing.concepts.map((c) => c.id));
    for (const r of drawing.relations) {
      const relation = atlas.graph.relations.find((x) => x.id === r.id)!;
      expect(drawn.has(relation.source) && drawn.has(relation.target)).toBe(true);
    }
    const framed = drawMap(atlas, { frame: { x: 10, y: 20, width: 300, height: 200 } });
    expect(framed.viewBox).toEqual({ x: 10, y: 20, width: 300, height: 200 });
  });

  it('draws, in a frame, only what lies in it, with the relations that reach into it', async () => {
    const atlas = await fixtureAtlas();
    const pipes = atlas.boxes.get('pipes')!;
    // The concept's own box and a little around it.
    const frame = { x: pipes.x - 10, y: pipes.y - 10, width: pipes.width + 20, height: 80 };
    const overlaps = (a: Box, b: Box) =>
      a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
    const inFrame = atlas.graph.concepts.filter((c) => overlaps(atlas.boxes.get(c.id)!, frame));
    const outside = atlas.graph.concepts.filter((c) => !overlaps(atlas.boxes.get(c.id)!, frame));
    expect(outside.length).toBeGreaterThan(0);
    const drawing = drawMap(atlas, { frame });
    expect(drawing.concepts.map((c) => c.id).sort()).toEqual(inFrame.map((c) => c.id).sort());
    const pipesSection = atlas.conceptById.get('pipes')!.section;
    expect(drawing.sections.map((s) => s.id)).toContain(pipesSection);
    // Each relation of the framed concept still shows where it leaves the frame.
    const ofPipes = atlas.graph.relations.filter(
      (r) => r.source === 'pipes' || r.target === 'pipes',
    );
    expect(ofPipes.length).toBeGreaterThan(0);
    for (const r of ofPipes) expect(drawing.relations.map((d) => d.id)).toContain(r.id);
  });

  it('writes a label as text, never as markup', async () => {
    const graph = makeGraph();
    graph.concepts[0] = { ...graph.concepts[0]!, label: 'Water <script>&"rain"' };
    const svg = drawingToSvg(drawMap(await fixtureAtlas(graph)), 'Title & <b>bold</b>');
    const doc = parse(svg);
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('script, b')).toBeNull();
    expect(doc.documentElement.textContent).toContain('Water <script>&"rain"');
  });

  it('wraps labels at spaces, and cuts a word longer than a line', () => {
    expect(wrapWords('New quality productive forces', 12)).toEqual([
      'New quality',
      'productive',
      'forces',
    ]);
    expect(wrapWords('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapWords('Breakthrough-to-reconstruction path', 24)).toEqual([
      'Breakthrough-to-',
      'reconstruction path',
    ]);
    expect(wrapWords('  ', 4)).toEqual([]);
  });
});
