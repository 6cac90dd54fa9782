import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/model/atlas';
import {
  BLANK,
  generateQuiz,
  mulberry32,
  propositionKinds,
  questionTypes,
  scoreQuiz,
  shuffle,
  type Question,
} from '../../src/model/quiz';
import type { Concept } from '../../src/model/schema';
import { makeConcept, makeGraph, makeRelation, makeSection } from '../fixtures/atlas-fixture';
import { fixtureAtlas } from '../fixtures/load-fixture';
import { truthOf } from '../fixtures/quiz-truth';
import { loadRealAtlas } from '../fixtures/real-atlas';

const seeds = Array.from({ length: 50 }, (_, i) => i + 1);

const realAtlas = loadRealAtlas;

/** An article rich enough for every question type: four pillars, three pairs, one sequence. */
const cityMarkdown = `---
title: "Water for a city"
source: "https://example.org/water"
published: "2026-01-02"
---

# Water for a city

A city lives on its water. Four pillars carry the water.

## 1. Pipes

Pipes are the veins of the city. Steel mains come first. Clay drains come second. Smart meters come third.

## 2. Rain

Rain is the gift of the sky. Storm tanks catch the rain.

## 3. Wells

Wells are the roots of the city. Deep bores reach the aquifer.

## 4. Rivers

Rivers are the arteries of the land. Weirs slow the current.

## 5. Balance

Old and new must meet. Supply and demand must meet. Clean and used water must meet.
`;

function cityGraph() {
  const c = (id: string, kind: Concept['kind'], section: string, exact: string) =>
    makeConcept({ id, label: id.replace(/-/g, ' '), kind, section, passages: [{ exact }] });
  const pillars = ['pipes', 'rain', 'wells', 'rivers'] as const;
  const pairs = [
    ['old-new', 'old', 'new', 'Old and new must meet.'],
    ['supply-demand', 'supply', 'demand', 'Supply and demand must meet.'],
    ['clean-used', 'clean', 'used', 'Clean and used water must meet.'],
  ] as const;
  return makeGraph({
    sections: [
      makeSection({ id: 'intro', title: 'Introduction', order: 0 }),
      ...pillars.map((id, i) => makeSection({ id, title: `On ${id}`, order: i + 1 })),
      makeSection({ id: 'balance', title: 'Balance', order: 5 }),
    ],
    concepts: [
      c('city', 'thesis', 'intro', 'A city lives on its water.'),
      c('four-pillars', 'idea', 'intro', 'Four pillars carry the water.'),
      c('pipes', 'pillar', 'pipes', 'Pipes are the veins of the city.'),
      c('veins', 'metaphor', 'pipes', 'the veins of the city'),
      c('steel-mains', 'direction', 'pipes', 'Steel mains come first.'),
      c('clay-drains', 'direction', 'pipes', 'Clay drains come second.'),
      c('smart-meters', 'direction', 'pipes', 'Smart meters come third.'),
      c('rain', 'pillar', 'rain', 'Rain is the gift of the sky.'),
      c('gift', 'metaphor', 'rain', 'the gift of the sky'),
      c('storm-tanks', 'example', 'rain', 'Storm tanks catch the rain.'),
      c('wells', 'pillar', 'wells', 'Wells are the roots of the city.'),
      c('roots', 'metaphor', 'wells', 'the roots of the city'),
      c('deep-bores', 'example', 'wells', 'Deep bores reach the aquifer.'),
      c('rivers', 'pillar', 'rivers', 'Rivers are the arteries of the land.'),
      c('arteries', 'metaphor', 'rivers', 'the arteries of the land'),
      c('weirs', 'example', 'rivers', 'Weirs slow the current.'),
      ...pairs.flatMap(([pair, a, b, exact]) => [
        c(pair, 'pair', 'balance', exact),
        c(a, 'pole', 'balance', exact),
        c(b, 'pole', 'balance', exact),
      ]),
    ],
    relations: [
      makeRelation({ source: 'four-pillars', target: 'city', label: 'carry', kind: 'supports' }),
      ...pillars.map((id) =>
        makeRelation({ source: id, target: 'four-pillars', label: 'is one of', kind: 'part-of' }),
      ),
      ...[
        ['veins', 'pipes'],
        ['gift', 'rain'],
        ['roots', 'wells'],
        ['arteries', 'rivers'],
      ].map(([source = '', target = '']) =>
        makeRelation({ source, target, label: 'is the image for', kind: 'likened-to' }),
      ),
      ...['steel-mains', 'clay-drains', 'smart-meters'].map((source) =>
        makeRelation({ source, target: 'pipes', label: 'is a direction for', kind: 'part-of' }),
      ),
      ...[
        ['storm-tanks', 'rain'],
        ['deep-bores', 'wells'],
        ['weirs', 'rivers'],
      ].map(([source = '', target = '']) =>
        makeRelation({ source, target, label: 'is an example of', kind: 'example-of' }),
      ),
      ...pairs.flatMap(([pair, a, b]) => [
        makeRelation({ source: a, target: pair, label: 'is one pole of', kind: 'pole-of' }),
        makeRelation({ source: b, target: pair, label: 'is one pole of', kind: 'pole-of' }),
        makeRelation({ source: a, target: b, label: 'contrasts with', kind: 'contrasts-with' }),
        makeRelation({ source: pair, target: 'city', label: 'balances', kind: 'supports' }),
      ]),
    ],
  });
}

/** Checks that every question is answerable and true to the graph; returns nothing on success. */
function expectSoundQuestion(atlas: Atlas, question: Question) {
  const truth = truthOf(atlas);
  const { graph } = atlas;
  const byId = new Map(graph.concepts.map((c) => [c.id, c]));
  const related = (a: string, b: string) =>
    graph.relations.some(
      (r) => (r.source === a && r.target === b) || (r.source === b && r.target === a),
    );
  const place = `${question.id}: ${question.prompt}`;
  const optionIds = question.options.map((o) => o.id);
  const distractors = optionIds.filter((id) => id !== question.correct);

  expect(question.options, place).toHaveLength(4);
  expect(
    optionIds.filter((id) => id === question.correct),
    place,
  ).toHaveLength(1);
  expect(new Set(optionIds).size, place).toBe(4);
  expect(new Set(question.options.map((o) => o.text)).size, place).toBe(4);
  for (const id of question.conceptIds) expect(byId.has(id), `${place} ${id}`).toBe(true);
  expect(question.conceptIds, place).toContain(question.explanation.conceptId);
  expect(
    byId.get(question.explanation.conceptId)?.passages.map((p) => p.exact),
    place,
  ).toContain(question.explanation.quote);
  // The one right option is the only one the graph and the article make right.
  expect([...truth.right(question)], place).toEqual([question.correct]);

  switch (question.type) {
    case 'complete-proposition': {
      const [answerId = '', givenId = ''] = question.conceptIds;
      const answer = byId.get(answerId) as Concept;
      const given = byId.get(givenId) as Concept;
      expect(question.correct).toBe(answer.id);
      // The blanked relation exists, with the prompt reading it in its own direction.
      const blanked = graph.relations.find(
        (r) =>
          propositionKinds.has(r.kind) &&
          ((r.source === given.id &&
            r.target === answer.id &&
            question.prompt === `${given.label} ${r.label} ${BLANK}`) ||
            (r.source === answer.id &&
              r.target === given.id &&
              question.prompt === `${BLANK} ${r.label} ${given.label}`)),
      );
      expect(blanked, place).toBeDefined();
      // No distractor is related to the given end at all, so none makes a true proposition.
      for (const id of distractors) expect(related(id, given.id), `${place} ${id}`).toBe(false);
      // Distractors are of the answer's kind as far as such concepts exist and are wrong.
      const wrong = (id: string) =>
        truth.right({ ...question, options: [{ id, text: id }] }).size === 0;
      const sameKind = graph.concepts.filter(
        (c) => c.kind === answer.kind && c.id !== given.id && wrong(c.id),
      );
      const ofKind = distractors.filter((id) => byId.get(id)?.kind === answer.kind);
      expect(ofKind.length, place).toBe(Math.min(3, sameKind.length));
      break;
    }
    case 'pair-poles': {
      const [pairId = '', answerId = '', givenId = ''] = question.conceptIds;
      const poleOf = (pole: string) =>
        graph.relations
          .filter((r) => r.kind === 'pole-of' && r.source === pole)
          .map((r) => r.target);
      expect(byId.get(pairId)?.kind).toBe('pair');
      expect(question.correct).toBe(answerId);
      expect(poleOf(answerId)).toContain(pairId);
      expect(poleOf(givenId)).toContain(pairId);
      expect(question.prompt).toContain(`“${byId.get(givenId)?.label}”`);
      for (const id of distractors) {
        expect(poleOf(id).length, `${place} ${id}`).toBeGreaterThan(0);
        expect(poleOf(id), `${place} ${id}`).not.toContain(pairId);
      }
      break;
    }
    case 'order': {
      const rank = (id: string) => atlas.order.get(id) ?? -1;
      const correct = question.correct.split('+');
      expect(correct.length).toBeGreaterThanOrEqual(3);
      expect(correct).toEqual([...correct].sort((a, b) => rank(a) - rank(b)));
      expect(question.conceptIds).toEqual(expect.arrayContaining(correct));
      for (const option of question.options) {
        expect([...option.id.split('+')].sort()).toEqual([...correct].sort());
        expect(option.text).toBe(
          option.id
            .split('+')
            .map((id) => byId.get(id)?.label)
            .join(' → '),
        );
      }
      break;
    }
    case 'which-section': {
      const concept = byId.get(question.conceptIds[0] ?? '');
      expect(question.correct).toBe(concept?.section);
      const sectionIds = new Set(graph.sections.map((s) => s.id));
      for (const id of optionIds) expect(sectionIds.has(id)).toBe(true);
      break;
    }
    case 'which-pillar': {
      const concept = byId.get(question.conceptIds[0] ?? '');
      const pillar = byId.get(question.correct);
      expect(pillar?.kind).toBe('pillar');
      expect(pillar?.section).toBe(concept?.section);
      for (const id of optionIds) expect(byId.get(id)?.kind).toBe('pillar');
      break;
    }
  }
}

describe('mulberry32 and shuffle', () => {
  it('repeats the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    for (const v of values) expect(v >= 0 && v < 1).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(95);
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });

  it('shuffles into a permutation without touching the input', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const shuffled = shuffle(items, mulberry32(3));
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    const orders = new Set(seeds.map((s) => shuffle(items, mulberry32(s)).join()));
    expect(orders.size).toBeGreaterThan(40);
  });
});

describe.each([
  ['the real data', async () => realAtlas()],
  ['the city fixture', async () => fixtureAtlas(cityGraph(), cityMarkdown)],
])('generateQuiz on %s', (_name, load) => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await load();
  });

  it('asks ten sound questions of at least three types, for every seed', () => {
    for (const seed of seeds) {
      const quiz = generateQuiz(atlas, { seed });
      expect(quiz).toHaveLength(10);
      expect(new Set(quiz.map((q) => q.id)).size).toBe(10);
      expect(new Set(quiz.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
      for (const question of quiz) expectSoundQuestion(atlas, question);
    }
  });

  it('can ask every type of question', () => {
    const types = new Set(
      seeds.flatMap((seed) => generateQuiz(atlas, { seed }).map((q) => q.type)),
    );
    expect([...types].sort()).toEqual([...questionTypes].sort());
  });

  it('gives the same quiz for the same seed and different quizzes for different seeds', () => {
    expect(generateQuiz(atlas, { seed: 42 })).toEqual(generateQuiz(atlas, { seed: 42 }));
    const quizzes = new Set(seeds.map((seed) => JSON.stringify(generateQuiz(atlas, { seed }))));
    expect(quizzes.size).toBe(seeds.length);
  });

  it('shuffles where the right option sits', () => {
    const positions = new Set(
      seeds.flatMap((seed) =>
        generateQuiz(atlas, { seed }).map((q) => q.options.findIndex((o) => o.id === q.correct)),
      ),
    );
    expect([...positions].sort()).toEqual([0, 1, 2, 3]);
  });

  it('asks as many questions as requested, never two on the same relation or concept', () => {
    expect(generateQuiz(atlas, { seed: 5, count: 3 })).toHaveLength(3);
    const all = generateQuiz(atlas, { seed: 5, count: 1000 });
    expect(all.length).toBeGreaterThan(10);
    const relations = all
      .filter((q) => q.type === 'complete-proposition')
      .map((q) => q.id.split(':')[1]);
    expect(new Set(relations).size).toBe(relations.length);
    const placed = all
      .filter((q) => q.type === 'which-section' || q.type === 'which-pillar')
      .map((q) => q.conceptIds[0]);
    expect(new Set(placed).size).toBe(placed.length);
    for (const question of all) expectSoundQuestion(atlas, question);
  });
});

describe('generateQuiz on the real data', () => {
  const atlas = realAtlas();
  const everything = seeds.flatMap((seed) => generateQuiz(atlas, { seed, count: 1000 }));

  it('orders the four leaps as the article does', () => {
    const leaps = atlas.graph.concepts.filter((c) => c.kind === 'leap');
    const question = everything.find(
      (q) => q.type === 'order' && q.conceptIds.includes(leaps[0]?.id ?? ''),
    );
    expect(question?.prompt).toBe('In which order does the author discuss the four leaps?');
    const inArticle = leaps
      .map((leap) => ({
        id: leap.id,
        at: Math.min(...atlas.anchors.get(leap.id)!.map((p) => p.start)),
      }))
      .sort((a, b) => a.at - b.at)
      .map((l) => l.id);
    expect(question?.correct).toBe(inArticle.join('+'));
  });

  it('orders the directions of each pillar', () => {
    const pillars = atlas.graph.concepts.filter((c) => c.kind === 'pillar');
    for (const pillar of pillars) {
      const question = everything.find((q) => q.type === 'order' && q.conceptIds[0] === pillar.id);
      expect(question?.prompt, pillar.id).toContain(`directions of “${pillar.label}”`);
      for (const id of question?.correct.split('+') ?? []) {
        expect(atlas.graph.concepts.find((c) => c.id === id)?.kind).toBe('direction');
      }
    }
  });

  it('asks about every dialectical pair', () => {
    const pairs = atlas.graph.concepts.filter((c) => c.kind === 'pair').map((c) => c.id);
    const asked = new Set(
      everything.filter((q) => q.type === 'pair-poles').map((q) => q.conceptIds[0]),
    );
    expect([...asked].sort()).toEqual([...pairs].sort());
  });
});

describe('generateQuiz on small graphs', () => {
  it('skips every question that cannot have three distractors', async () => {
    // Four concepts and three sections: too few for any distractor set.
    expect(generateQuiz(await fixtureAtlas(), { seed: 1 })).toEqual([]);
  });

  it('completes a metaphor with the other metaphors as distractors', async () => {
    const atlas = await fixtureAtlas(cityGraph(), cityMarkdown);
    const question = seeds
      .flatMap((seed) => generateQuiz(atlas, { seed, count: 1000 }))
      .find((q) => q.id === 'complete-proposition:r-veins-pipes:source');
    expect(question?.prompt).toBe(`${BLANK} is the image for pipes`);
    expect(question?.correct).toBe('veins');
    expect(question?.options.map((o) => o.id).sort()).toEqual([
      'arteries',
      'gift',
      'roots',
      'veins',
    ]);
  });

  it('never offers a concept with the same relation to the given end', async () => {
    const atlas = await fixtureAtlas(cityGraph(), cityMarkdown);
    const question = seeds
      .flatMap((seed) => generateQuiz(atlas, { seed, count: 1000 }))
      .find((q) => q.id === 'complete-proposition:r-steel-mains-pipes:source');
    expect(question?.prompt).toBe(`${BLANK} is a direction for pipes`);
    const ids = question?.options.map((o) => o.id);
    expect(ids).toContain('steel-mains');
    expect(ids).not.toContain('clay-drains');
    expect(ids).not.toContain('smart-meters');
  });

  it('falls back to other concepts when too few share the answer’s kind', async () => {
    const atlas = await fixtureAtlas(cityGraph(), cityMarkdown);
    const question = seeds
      .flatMap((seed) => generateQuiz(atlas, { seed, count: 1000 }))
      .find((q) => q.id === 'complete-proposition:r-storm-tanks-rain:source');
    const ids = question?.options.map((o) => o.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining(['storm-tanks', 'deep-bores', 'weirs']));
    expect(ids).toHaveLength(4);
  });
});

describe('scoreQuiz', () => {
  const question = (id: string, correct: string, conceptIds: string[]): Question => ({
    id,
    type: 'which-section',
    prompt: id,
    options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: o })),
    correct,
    conceptIds,
    explanation: { quote: 'q', conceptId: conceptIds[0] ?? '' },
  });
  const questions = [
    question('q1', 'a', ['x', 'y']),
    question('q2', 'b', ['y', 'z']),
    question('q3', 'c', ['w']),
    question('q4', 'd', ['v']),
  ];

  it('counts right answers and lists nothing to review when all are right', () => {
    expect(scoreQuiz(questions, { q1: 'a', q2: 'b', q3: 'c', q4: 'd' })).toEqual({
      correct: 4,
      total: 4,
      toReview: [],
    });
  });

  it('lists the concepts of wrong and unanswered questions once each', () => {
    expect(scoreQuiz(questions, { q1: 'b', q2: 'a', q3: 'c' })).toEqual({
      correct: 1,
      total: 4,
      toReview: ['x', 'y', 'z', 'v'],
    });
  });
});
