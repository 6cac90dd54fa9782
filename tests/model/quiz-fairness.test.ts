import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAtlas, type Atlas } from '../../src/model/atlas';
import { generateQuiz, mulberry32, type Question } from '../../src/model/quiz';
import type { Concept, ConceptKind, Relation, RelationKind } from '../../src/model/schema';
import { makeConcept, makeGraph, makeSection } from '../fixtures/atlas-fixture';
import { truthOf } from '../fixtures/quiz-truth';
import { loadRealAtlas } from '../fixtures/real-atlas';

/** Every question of a quiz has exactly one right option, and its feedback quotes the right place. */
function expectFair(atlas: Atlas, questions: Question[]) {
  const truth = truthOf(atlas);
  for (const question of questions) {
    const place = `${question.id}: ${question.prompt} [${question.options.map((o) => o.text).join(' | ')}]`;
    expect([...truth.right(question)], place).toEqual([question.correct]);
    if (question.type === 'which-section') {
      expect(
        truth.sectionOfQuote(question.explanation.conceptId, question.explanation.quote),
        place,
      ).toBe(question.correct);
    }
  }
}

const real = loadRealAtlas();

describe('the quiz never marks a right answer wrong', () => {
  it('on the real data, for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expectFair(real, generateQuiz(real, { seed, count: 1000 }));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('never offers a section that quotes the concept as a wrong answer', () => {
    // Concepts the article quotes in two sections or more, "Engine" among them.
    const sectionsOf = (id: string) => {
      const order = [...real.graph.sections].sort((a, b) => a.order - b.order);
      return new Set(
        (real.anchors.get(id) ?? []).map((span) => {
          const block = real.article.blocks.find(
            (b) => b.start <= span.start && span.start < b.end,
          );
          return order[block?.sectionIndex ?? -1]?.id;
        }),
      );
    };
    const twice = real.graph.concepts.filter((c) => sectionsOf(c.id).size > 1).map((c) => c.id);
    expect(twice).toEqual(
      expect.arrayContaining([
        'metaphor-engine',
        'metaphor-family-assets',
        'metaphor-meridians',
        'leading-role',
        'metaphor-potential-strong-stocks',
        'metaphor-ship',
        'metaphor-bones-dynamics',
        'large-but-not-strong',
        'traditional-industries',
      ]),
    );
    const asked = new Set<string>();
    for (let seed = 1; seed <= 40; seed += 1) {
      for (const q of generateQuiz(real, { seed, count: 1000 })) {
        if (q.type !== 'which-section' || !twice.includes(q.conceptIds[0] ?? '')) continue;
        asked.add(q.conceptIds[0] ?? '');
        const quoted = sectionsOf(q.conceptIds[0] ?? '');
        const wrongOnes = q.options.filter((o) => o.id !== q.correct).map((o) => o.id);
        for (const id of wrongOnes) expect(quoted.has(id), `${q.prompt} ${id}`).toBe(false);
      }
    }
    expect(asked.has('metaphor-engine')).toBe(true);
  });
});

/**
 * A small random argument: sections with a pillar and its directions, a dialectical pair, images
 * and ideas; some concepts quoted again in another section, some quoted by the same words as
 * another; relations of every proposition kind. The article is written to match.
 */
function randomAtlas(seed: number, sectionCount: number, perSection: number): Atlas {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const sections = Array.from({ length: sectionCount + 1 }, (_, order) =>
    makeSection({ id: order === 0 ? 'intro' : `part-${order}`, title: `Part ${order}`, order }),
  );
  const sentences: string[][] = sections.map(() => []);
  const concepts: Concept[] = [];
  const relations: Relation[] = [];
  const joined = new Set<string>();
  const relate = (source: string, target: string, kind: RelationKind) => {
    const pair = [source, target].sort().join(' ');
    if (source === target || joined.has(pair)) return;
    joined.add(pair);
    relations.push({ id: `r-${relations.length}`, source, target, label: `${kind} link`, kind });
  };
  const kinds: ConceptKind[] = ['idea', 'metaphor', 'example', 'principle', 'idea', 'metaphor'];
  let n = 0;
  sections.forEach((section, s) => {
    // The first four parts each have a pillar, then three directions of it.
    const hasPillar = s >= 1 && s <= 4;
    for (let i = 0; i < perSection; i += 1) {
      n += 1;
      const id = `c${n}`;
      const kind: ConceptKind =
        hasPillar && i === 0 ? 'pillar' : hasPillar && i <= 3 ? 'direction' : pick(kinds);
      const own = `Item ${n} belongs here.`;
      sentences[s]!.push(own);
      const passages: Concept['passages'] = [];
      const previous = concepts[concepts.length - 1];
      // Some concepts are quoted by the very words of the one before, in the same section.
      if (previous?.section === section.id && random() < 0.2)
        passages.push({ ...previous.passages[0]! });
      else passages.push({ exact: own });
      // Some are quoted again in another section.
      if (random() < 0.3) {
        const other = Math.floor(random() * sections.length);
        const again = `Item ${n} returns in part ${other}.`;
        sentences[other]!.push(again);
        passages.push({ exact: again });
      }
      concepts.push(
        makeConcept({ id, label: `Concept ${n}`, kind, section: section.id, passages }),
      );
      if (kind === 'direction') relate(id, `c${n - i}`, 'part-of');
    }
  });
  // Four dialectical pairs in random sections, so that a pole question has distractors.
  for (let p = 1; p <= 4; p += 1) {
    const home = pick(sections);
    const [pair, a, b] = [`pair-${p}`, `pole-${p}a`, `pole-${p}b`];
    for (const id of [pair, a, b]) {
      const exact = `The ${id} is named.`;
      sentences[home.order]!.push(exact);
      const kind = id === pair ? 'pair' : 'pole';
      concepts.push(makeConcept({ id, label: id, kind, section: home.id, passages: [{ exact }] }));
    }
    relate(a, pair, 'pole-of');
    relate(b, pair, 'pole-of');
    relate(a, b, 'contrasts-with');
  }
  // A spanning tree keeps the graph connected, and a few more relations cross it.
  const wordy: RelationKind[] = [
    'likened-to',
    'part-of',
    'example-of',
    'supports',
    'drives',
    'responds-to',
    'echoes',
  ];
  concepts.forEach((concept, i) => {
    if (i > 0) relate(concept.id, concepts[Math.floor(random() * i)]!.id, pick(wordy));
  });
  for (let extra = 0; extra < concepts.length; extra += 1) {
    relate(pick(concepts).id, pick(concepts).id, pick(wordy));
  }
  const markdown = [
    '---\ntitle: "Generated"\nsource: "https://example.org/generated"\npublished: "2026-01-02"\n---',
    '# Generated',
    ...sections.flatMap((_, s) => [
      ...(s === 0 ? [] : [`## ${s}. Part ${s}`]),
      sentences[s]!.length > 0 ? sentences[s]!.join(' ') : `Part ${s} is empty.`,
    ]),
  ].join('\n\n');
  const graph = makeGraph({ sections, concepts, relations });
  const loaded = loadAtlas(markdown, graph, { sections: {}, concepts: {} });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return loaded.atlas;
}

describe('the quiz on generated graphs', () => {
  it('never marks a right answer wrong, whatever the graph and the seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 4, max: 9 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (graphSeed, sectionCount, perSection, quizSeed) => {
          const atlas = randomAtlas(graphSeed, sectionCount, perSection);
          expectFair(atlas, generateQuiz(atlas, { seed: quizSeed, count: 1000 }));
        },
      ),
      { numRuns: 80 },
    );
  }, 30_000);

  it('are varied enough to ask about shared words and second sections', () => {
    // The property above only proves something if the graphs it draws have the hard cases.
    let shared = 0;
    let twice = 0;
    let types = new Set<string>();
    for (let seed = 1; seed <= 20; seed += 1) {
      const atlas = randomAtlas(seed, 5, 7);
      const spans = [...atlas.anchors.values()].flat();
      shared += spans.length - new Set(spans.map((s) => s.start)).size;
      twice += atlas.graph.concepts.filter((c) => c.passages.length > 1).length;
      types = new Set([...types, ...generateQuiz(atlas, { seed, count: 1000 }).map((q) => q.type)]);
    }
    expect(shared).toBeGreaterThan(0);
    expect(twice).toBeGreaterThan(0);
    expect([...types].sort()).toEqual([
      'complete-proposition',
      'order',
      'pair-poles',
      'which-pillar',
      'which-section',
    ]);
  });
});
