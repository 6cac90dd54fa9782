import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/model/atlas';
import { computeLayout } from '../../src/model/layout';
import { layoutProblems } from '../../tools/layout-check';
import { kindStyles } from '../../src/model/kinds';

const markdown = readFileSync('data/article.md', 'utf8');
const rawGraph: unknown = JSON.parse(readFileSync('data/graph.json', 'utf8'));
const rawLayout: unknown = JSON.parse(readFileSync('data/layout.json', 'utf8'));
const loaded = loadAtlas(markdown, rawGraph, rawLayout);
if (!loaded.ok) throw new Error(`data/ is invalid:\n${loaded.problems.join('\n')}`);
const { graph, anchors, layout } = loaded.atlas;
const byId = new Map(graph.concepts.map((c) => [c.id, c]));
const ofKind = (kind: string) => graph.concepts.filter((c) => c.kind === kind);
const linked = (kind: string, target: string) =>
  graph.relations.filter((r) => r.kind === kind && r.target === target).map((r) => r.source);

describe('the curated graph', () => {
  it('validates, with every passage anchored', () => {
    for (const concept of graph.concepts) {
      expect(anchors.get(concept.id)).toHaveLength(concept.passages.length);
    }
  });

  it('has the expected size, with more relations than concepts', () => {
    expect(graph.concepts.length).toBeGreaterThanOrEqual(90);
    expect(graph.concepts.length).toBeLessThanOrEqual(135);
    expect(graph.relations.length).toBeGreaterThan(graph.concepts.length);
  });

  it('names the structural elements of the argument', () => {
    expect(ofKind('keyword')).toHaveLength(3);
    expect(ofKind('pillar')).toHaveLength(4);
    expect(ofKind('leap')).toHaveLength(4);
    expect(ofKind('pair').length).toBeGreaterThanOrEqual(3);
  });

  it('draws each dialectical pair as one concept with two contrasting poles', () => {
    for (const pair of ofKind('pair')) {
      const poles = linked('pole-of', pair.id);
      expect(poles, pair.id).toHaveLength(2);
      const [a, b] = poles;
      const contrast = graph.relations.some(
        (r) =>
          r.kind === 'contrasts-with' &&
          ((r.source === a && r.target === b) || (r.source === b && r.target === a)),
      );
      expect(contrast, `${a} contrasts with ${b}`).toBe(true);
    }
  });

  it('has every metaphor the essay leans on', () => {
    const images = ofKind('metaphor').map((c) =>
      `${c.label} ${(c.aliases ?? []).join(' ')}`.toLowerCase(),
    );
    for (const word of [
      'chassis',
      'engine',
      'lubricant',
      'carrying platform',
      'meridian',
      'family asset',
      'bones',
    ]) {
      expect(
        images.some((label) => label.includes(word)),
        word,
      ).toBe(true);
    }
  });

  it('links every metaphor to what it describes', () => {
    for (const metaphor of ofKind('metaphor')) {
      const touching = graph.relations.filter(
        (r) => r.source === metaphor.id || r.target === metaphor.id,
      );
      expect(touching.length, metaphor.id).toBeGreaterThan(0);
    }
  });

  it('draws every image from a metaphor, so a pillar is never its own metaphor again', () => {
    for (const relation of graph.relations.filter((r) => r.kind === 'likened-to')) {
      expect(byId.get(relation.source)?.kind, relation.id).toBe('metaphor');
    }
  });

  it('says where the conclusion restates earlier sections, from the later to the earlier', () => {
    const order = new Map(graph.sections.map((s) => [s.id, s.order]));
    const sectionOf = (id: string) => order.get(byId.get(id)?.section ?? '') ?? -1;
    const echoes = graph.relations.filter((r) => r.kind === 'echoes');
    expect(echoes.length).toBeGreaterThan(0);
    for (const relation of echoes) {
      expect(sectionOf(relation.source), relation.id).toBeGreaterThan(sectionOf(relation.target));
    }
  });

  it('tells the plan and General Secretary Xi Jinping apart from the author', () => {
    const sources = ofKind('source').map((c) => c.id);
    expect(sources.sort()).toEqual(['fifteenth-five-year-plan', 'xi-jinping']);
    for (const relation of graph.relations.filter((r) => r.kind === 'states')) {
      expect(sources, relation.id).toContain(relation.source);
    }
    // Xi is quoted three times; each quote of his words is his, not the author's.
    expect(byId.get('xi-jinping')?.passages).toHaveLength(3);
    const system = byId.get('modern-industrial-system');
    expect(system?.passages[0]).toMatchObject({
      exact:
        'A modern industrial system is the material and technological foundation of a modern country.',
      speaker: 'xi-jinping',
    });
    expect(system?.summary).toMatch(/quoting General Secretary Xi Jinping/);
    expect(system?.summary).not.toMatch(/author argues that building it is the material base/);
    const spoken = graph.concepts.flatMap((c) => c.passages.filter((p) => p.speaker));
    expect(spoken.length).toBeGreaterThan(10);
  });

  it('names the author and institution of the byline in the map’s meta', () => {
    const byline = graph.meta.byline;
    expect(byline?.institution).toBe('Fudan University');
    expect(byline?.role).toMatch(/^Director of the Party Building and National Development/);
    expect(markdown).toContain('School of International Relations and Public Affairs at Fudan');
  });

  it('has the aims of the plan’s key sentence and the “core engine”', () => {
    const quoting = (words: string) =>
      graph.concepts.filter((c) => c.passages.some((p) => p.exact.includes(words)));
    expect(quoting('focus on developing the real economy')[0]?.zh).toBe('实体经济');
    expect(quoting('maintain a reasonable proportion of manufacturing')).toHaveLength(1);
    const [engine] = quoting('New quality productivity will become the core engine');
    expect(
      graph.relations.some(
        (r) =>
          r.source === engine?.id &&
          r.target === 'new-quality-productive-forces' &&
          r.kind === 'likened-to',
      ),
    ).toBe(true);
  });

  it('gives kinds by role: the title’s terms are theses, and what the plan sets out is policy', () => {
    expect(byId.get('new-quality-productive-forces')?.kind).toBe('thesis');
    expect(byId.get('modern-industrial-system')?.kind).toBe('thesis');
    const backbone = byId.get('advanced-manufacturing-backbone');
    expect([backbone?.kind, backbone?.tier]).toEqual(['policy', 1]);
    // Section 6's plan measures, whether a rail grid, a network or a project, are all policy.
    const measures = [
      'eight-vertical-eight-horizontal',
      'new-energy-system',
      'modern-water-network',
      'ex-5g-gigabit',
      'east-data-west-computing',
      'national-computing-network',
    ].map((id) => byId.get(id));
    for (const measure of measures) {
      expect([measure?.id, measure?.kind]).toEqual([measure?.id, 'policy']);
      expect(measure?.passages[0]?.speaker, measure?.id).toBe('fifteenth-five-year-plan');
    }
  });

  it('uses the standard Chinese terms the review asked for', () => {
    const zh = (id: string) => byId.get(id)?.zh;
    expect(zh('modern-water-network')).toBe('现代化水网');
    expect(zh('advanced-manufacturing-backbone')).toBe('以先进制造业为骨干的现代化产业体系');
    expect(zh('strong-country-goals')).toBe('制造强国、质量强国、航天强国、交通强国、网络强国');
    expect(zh('pt-emerging-pillars')).toBe('新兴支柱产业');
    // The term translates the whole label, not only the industry in it.
    expect([byId.get('ex-steel')?.label, zh('ex-steel')]).toEqual(['Steel', '钢铁']);
    // Where the label needs its context, no term that stands for only part of it.
    expect(byId.get('ex-artificial-intelligence')?.label).toBe('AI in manufacturing');
    expect(zh('ex-artificial-intelligence')).toBeUndefined();
  });

  it('marks outside knowledge as a curator’s note rather than a summary', () => {
    const projects = byId.get('hist-156-key-projects');
    expect(projects?.summary).not.toMatch(/Soviet/);
    expect(projects?.note).toMatch(/Soviet/);
    expect(markdown).not.toMatch(/Soviet/);
  });

  it('corrects the plan number in a note while keeping the quote verbatim', () => {
    const plan = graph.concepts.find((c) =>
      c.passages.some((p) => p.exact.includes('14th Five-Year')),
    );
    expect(plan?.note).toMatch(/15th Five-Year Plan/);
  });

  it('gives every used kind a colour and a name', () => {
    for (const concept of graph.concepts) expect(kindStyles[concept.kind]).toBeDefined();
  });

  it('writes summaries of one to three sentences', () => {
    for (const concept of graph.concepts) {
      const sentences = concept.summary.split(/(?<=[.!?])\s+(?=[A-Z"“])/).length;
      expect(sentences, concept.id).toBeLessThanOrEqual(3);
    }
  });

  it('relates only concepts that exist', () => {
    for (const relation of graph.relations) {
      expect(byId.has(relation.source) && byId.has(relation.target), relation.id).toBe(true);
    }
  });
});

describe('the committed layout', () => {
  it('places every concept and section', () => {
    expect(layoutProblems(graph, layout)).toEqual([]);
  });

  it('is what the layout engine computes from the current graph', async () => {
    expect(await computeLayout(graph, anchors)).toEqual(layout);
  });

  it('has no overlapping concepts', () => {
    const boxes = Object.entries(layout.concepts).map(([id, at]) => ({ id, ...at }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = Math.abs(a.x - b.x) >= 220 || Math.abs(a.y - b.y) >= 46;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });
});
