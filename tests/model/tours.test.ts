import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphSchema } from '../../src/model/schema';
import { checkTours, type Tour, type Tours, type TourStep } from '../../src/model/tours';
import { makeGraph } from '../fixtures/atlas-fixture';

function makeStep(overrides: Partial<TourStep> = {}): TourStep {
  return {
    title: 'A step',
    text: 'What the class reads.',
    concepts: ['water', 'pipes'],
    notes: 'A point.\nQuestion: why?',
    ...overrides,
  };
}

function makeTour(overrides: Partial<Tour> & Pick<Tour, 'id'>): Tour {
  return {
    title: overrides.id,
    description: `A tour called ${overrides.id}.`,
    steps: [makeStep(), makeStep({ concepts: ['veins', 'rain'] })],
    ...overrides,
  };
}

/** Two valid tours over the fixture graph; tests break one thing at a time. */
function makeTours(overrides: Partial<Tours> = {}): Tours {
  return {
    schemaVersion: 1,
    tours: [makeTour({ id: 'whole' }), makeTour({ id: 'short' })],
    ...overrides,
  };
}

const graph = makeGraph();

function problemsOf(raw: unknown): string[] {
  const result = checkTours(raw, graph);
  return result.ok ? [] : result.problems;
}

describe('checkTours', () => {
  it('accepts valid tours', () => {
    const result = checkTours(makeTours(), graph);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tours.tours.map((t) => t.id)).toEqual(['whole', 'short']);
  });

  it('reports JSON that does not match the schema, naming the tour', () => {
    const tours = makeTours();
    const broken = {
      ...tours,
      schemaVersion: 2,
      tours: [
        makeTour({ id: 'whole', steps: [makeStep({ concepts: [] }), makeStep({ text: ' ' })] }),
        { ...makeTour({ id: 'short' }), steps: [makeStep()], extra: true },
      ],
    };
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(expect.stringMatching(/^schemaVersion: /));
    expect(problems).toContain(
      'tours[0] (whole).steps[0].concepts: a step needs at least one concept',
    );
    expect(problems).toContain('tours[0] (whole).steps[1].text: must not be empty');
    expect(problems).toContain('tours[1] (short).steps: a tour needs at least two steps');
    expect(problems).toContainEqual(expect.stringMatching(/^tours\[1\] \(short\): .*extra/));
  });

  it('reports a tour id that is not kebab-case and text that is too long', () => {
    const broken = makeTours({
      tours: [
        makeTour({ id: 'Whole Tour', steps: [makeStep({ text: 'x'.repeat(221) }), makeStep()] }),
      ],
    });
    expect(problemsOf(broken)).toEqual([
      expect.stringMatching(/^tours\[0\] \(Whole Tour\)\.id: must be kebab-case/),
      'tours[0] (Whole Tour).steps[0].text: must be at most 220 characters',
    ]);
  });

  it('reports an unknown concept in a step', () => {
    const tours = makeTours();
    tours.tours[0] = makeTour({
      id: 'whole',
      steps: [makeStep(), makeStep({ concepts: ['water', 'ghost'] })],
    });
    expect(problemsOf(tours)).toEqual([
      'tours[0] (whole).steps[1].concepts[1]: unknown concept "ghost"',
    ]);
  });

  it('reports a repeated tour id', () => {
    const tours = makeTours({ tours: [makeTour({ id: 'whole' }), makeTour({ id: 'whole' })] });
    expect(problemsOf(tours)).toEqual(['tours: id "whole" repeats']);
  });

  it('reports a step that repeats a concept', () => {
    const tours = makeTours();
    tours.tours[1] = makeTour({
      id: 'short',
      steps: [makeStep({ concepts: ['water', 'pipes', 'water'] }), makeStep()],
    });
    expect(problemsOf(tours)).toEqual([
      'tours[1] (short).steps[0].concepts[2]: concept "water" repeats concepts[0]',
    ]);
  });

  it('lists every problem, not only the first', () => {
    const tours = makeTours({
      tours: [
        makeTour({ id: 'whole', steps: [makeStep({ concepts: ['ghost'] }), makeStep()] }),
        makeTour({ id: 'whole', steps: [makeStep(), makeStep({ concepts: ['rain', 'rain'] })] }),
      ],
    });
    expect(problemsOf(tours)).toEqual([
      'tours: id "whole" repeats',
      'tours[0] (whole).steps[0].concepts[0]: unknown concept "ghost"',
      'tours[1] (whole).steps[1].concepts[1]: concept "rain" repeats concepts[0]',
    ]);
  });
});

describe('the curated tours', () => {
  const realGraph = graphSchema.parse(JSON.parse(readFileSync('data/graph.json', 'utf8')));
  const result = checkTours(JSON.parse(readFileSync('data/tours.json', 'utf8')), realGraph);
  const tours = result.ok ? result.tours.tours : [];
  const steps = tours.flatMap((t) => t.steps);

  it('validate against the graph', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('walk the whole argument in 10-15 steps, covering its structural concepts', () => {
    const whole = tours.find((t) => t.id === 'whole-argument');
    expect(whole?.steps.length).toBeGreaterThanOrEqual(10);
    expect(whole?.steps.length).toBeLessThanOrEqual(15);
    const visited = new Set(whole?.steps.flatMap((s) => s.concepts));
    const structural = realGraph.concepts.filter((c) =>
      ['pillar', 'leap', 'keyword', 'pair'].includes(c.kind),
    );
    expect(structural.length).toBeGreaterThan(0);
    expect(structural.map((c) => c.id).filter((id) => !visited.has(id))).toEqual([]);
  });

  it('say from the first step that the plan is the 15th, which the translation calls the 14th', () => {
    const first = tours.find((t) => t.id === 'whole-argument')?.steps[0];
    expect(first?.concepts).toContain('fifteenth-five-year-plan');
    expect(first?.notes).toMatch(/15th Five-Year Plan \(2026-2030\)/);
    expect(first?.notes).toMatch(/"14th"/);
  });

  it('name the three voices in the first step: the plan, Xi Jinping and the author', () => {
    const first = tours.find((t) => t.id === 'whole-argument')?.steps[0];
    expect(first?.concepts).toEqual(
      expect.arrayContaining(['fifteenth-five-year-plan', 'xi-jinping']),
    );
    expect(first?.notes).toMatch(/plan’s own words, General Secretary Xi Jinping .*and the author/);
  });

  it('quote the article where a step stands on its words', () => {
    const quoted = steps.flatMap((s) =>
      [...`${s.text}\n${s.notes}`.matchAll(/"([^"\n]*)"/g)]
        .map((m) => m[1] as string)
        .filter((words) => words.length >= 20),
    );
    // Words in quotation marks are the article's, or a term it uses, whatever the case; a quote
    // within the quote takes single marks.
    const plain = (text: string) => text.toLowerCase().replace(/['"]/g, '"');
    const article = plain(readFileSync('data/article.md', 'utf8'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const words of quoted) expect(article, words).toContain(plain(words));
    const emerging = steps.find((s) => s.title === 'Emerging and future industries');
    expect(emerging?.notes).toContain('encourage exploration, while allowing for failure');
    const pairs = steps.find((s) => s.title === 'From pairs to leaps');
    expect(pairs?.notes).toContain(
      "It is not a one-size-fits-all 'break,' but a steady 'establishment.'",
    );
  });

  it('offer a shorter tour besides the whole argument', () => {
    const longest = Math.max(...tours.map((t) => t.steps.length));
    expect(tours.length).toBeGreaterThanOrEqual(2);
    expect(tours.some((t) => t.steps.length < longest)).toBe(true);
  });

  it('keep what the class reads short, and name a few concepts per step', () => {
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step.text.length, step.title).toBeLessThanOrEqual(220);
      expect(step.title.length, step.title).toBeLessThanOrEqual(50);
      expect(step.concepts.length, step.title).toBeGreaterThanOrEqual(2);
      expect(step.concepts.length, step.title).toBeLessThanOrEqual(8);
    }
  });

  it('give the teacher a few talking points and one question per step', () => {
    for (const step of steps) {
      const lines = step.notes.split('\n');
      const questions = lines.filter((line) => line.startsWith('Question:'));
      expect(questions, step.title).toHaveLength(1);
      expect(lines.length - questions.length, step.title).toBeGreaterThanOrEqual(2);
      expect(lines.length - questions.length, step.title).toBeLessThanOrEqual(4);
      expect(step.notes.length, step.title).toBeLessThanOrEqual(700);
    }
  });
});
