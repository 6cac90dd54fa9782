import type { Atlas } from './atlas';
import { kindStyles } from './kinds';
import type { Concept, ConceptKind, RelationKind } from './schema';
import { mulberry32 } from './random';

export const questionTypes = [
  'complete-proposition',
  'pair-poles',
  'order',
  'which-section',
  'which-pillar',
] as const;
export type QuestionType = (typeof questionTypes)[number];

export type QuizOption = { id: string; text: string };

/** One multiple-choice question; every question, ordering ones included, has one right option. */
export type Question = {
  id: string;
  type: QuestionType;
  /** The question as a sentence; `___` marks the blank of a proposition to complete. */
  prompt: string;
  options: QuizOption[];
  /** The id of the right option. */
  correct: string;
  /** Concepts to review after a wrong answer, the main one first. */
  conceptIds: string[];
  /**
   * The article's words shown with the feedback: the exact text of one of the concept's passages,
   * and whose words they are when not the author's (the id of a quoted source).
   */
  explanation: { quote: string; conceptId: string; speaker?: string };
};

export type QuizScore = { correct: number; total: number; toReview: string[] };

export const BLANK = '___';
const DISTRACTORS = 3;

/** Linking phrases of these kinds still read as a sentence when either end is left blank. */
export const propositionKinds: ReadonlySet<RelationKind> = new Set<RelationKind>([
  'likened-to',
  'part-of',
  'example-of',
  'enables',
  'supports',
  'drives',
  'evolves-into',
  'responds-to',
  'echoes',
  'states',
]);

export { mulberry32 };

/** A shuffled copy (Fisher–Yates) driven by `random`. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const numberWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
const counted = (n: number) => numberWords[n] ?? String(n);

type Context = {
  atlas: Atlas;
  byId: ReadonlyMap<string, Concept>;
  rank: (id: string) => number;
  linked: (a: string, b: string) => boolean;
};

/** A question the data allows, built only when picked: distractors depend on the seed. */
type Candidate = {
  /** Questions sharing a key would give each other away, so a quiz uses each key once. */
  key: string;
  make: (random: () => number) => Question | null;
};

const stopWords = new Set(
  'the and for with from that this are its not but into was were has have their them they which what when than then also more most only such these those who why how all any one two'.split(
    ' ',
  ),
);

function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new Set(
    words
      .filter((w) => w.length >= 3 && !stopWords.has(w))
      .map((w) => (w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.replace(/([^s])s$/, '$1'))),
  );
}

/**
 * The passage that best explains an answer: among the candidates' passages, the one sharing most
 * words with `hint` (the other concepts involved); ties go to the first candidate and passage.
 */
function explain(candidates: Concept[], hint: string): Question['explanation'] {
  const wanted = contentWords(hint);
  let best: Question['explanation'] | null = null;
  let bestScore = -1;
  for (const concept of candidates) {
    for (const passage of concept.passages) {
      let score = 0;
      for (const word of contentWords(passage.exact)) if (wanted.has(word)) score += 1;
      if (score > bestScore) {
        best = { quote: passage.exact, conceptId: concept.id };
        if (passage.speaker !== undefined) best.speaker = passage.speaker;
        bestScore = score;
      }
    }
  }
  // Every concept has at least one passage (the schema says so), so `best` is set.
  return best as Question['explanation'];
}

/** The right option and up to three distractors with distinct texts, in a seeded order. */
function withDistractors(
  correct: QuizOption,
  pool: QuizOption[],
  random: () => number,
): QuizOption[] | null {
  const texts = new Set([correct.text]);
  const chosen: QuizOption[] = [];
  for (const option of pool) {
    if (chosen.length === DISTRACTORS) break;
    if (option.id === correct.id || texts.has(option.text)) continue;
    texts.add(option.text);
    chosen.push(option);
  }
  if (chosen.length < DISTRACTORS) return null;
  return shuffle([correct, ...chosen], random);
}

const conceptOption = (c: Concept): QuizOption => ({ id: c.id, text: c.label });

function propositionCandidates(ctx: Context): Candidate[] {
  const { atlas, byId, linked } = ctx;
  const candidates: Candidate[] = [];
  for (const relation of atlas.graph.relations) {
    if (!propositionKinds.has(relation.kind)) continue;
    const source = byId.get(relation.source);
    const target = byId.get(relation.target);
    if (!source || !target) continue;
    for (const blank of ['target', 'source'] as const) {
      const answer = blank === 'target' ? target : source;
      const given = blank === 'target' ? source : target;
      const prompt =
        blank === 'target'
          ? `${source.label} ${relation.label} ${BLANK}`
          : `${BLANK} ${relation.label} ${target.label}`;
      candidates.push({
        key: `relation:${relation.id}`,
        make: (random) => {
          // Anything already related to the given end could make a true, or half-true, sentence.
          const eligible = atlas.graph.concepts.filter(
            (c) => c.id !== answer.id && c.id !== given.id && !linked(c.id, given.id),
          );
          const sameKind = eligible.filter((c) => c.kind === answer.kind);
          const sameSection = eligible.filter(
            (c) => c.kind !== answer.kind && c.section === answer.section,
          );
          const rest = eligible.filter(
            (c) => c.kind !== answer.kind && c.section !== answer.section,
          );
          const pool = [sameKind, sameSection, rest].flatMap((tier) =>
            shuffle(tier, random).map(conceptOption),
          );
          const options = withDistractors(conceptOption(answer), pool, random);
          if (!options) return null;
          return {
            id: `complete-proposition:${relation.id}:${blank}`,
            type: 'complete-proposition',
            prompt,
            options,
            correct: answer.id,
            conceptIds: [answer.id, given.id],
            explanation: explain([answer, given], `${source.label} ${target.label}`),
          };
        },
      });
    }
  }
  return candidates;
}

function poleCandidates(ctx: Context): Candidate[] {
  const { atlas, byId } = ctx;
  const polesOf = new Map<string, Concept[]>();
  for (const relation of atlas.graph.relations) {
    const pair = byId.get(relation.target);
    const pole = byId.get(relation.source);
    if (relation.kind !== 'pole-of' || pair?.kind !== 'pair' || !pole) continue;
    polesOf.set(pair.id, [...(polesOf.get(pair.id) ?? []), pole]);
  }
  const candidates: Candidate[] = [];
  for (const [pairId, poles] of polesOf) {
    const pair = byId.get(pairId) as Concept;
    if (poles.length !== 2) continue;
    const own = new Set(poles.map((p) => p.id));
    const others = [...polesOf.values()].flat().filter((p) => !own.has(p.id));
    for (const [given, answer] of [poles, [...poles].reverse()] as [Concept, Concept][]) {
      candidates.push({
        key: `pair:${pair.id}`,
        make: (random) => {
          const options = withDistractors(
            conceptOption(answer),
            shuffle(others, random).map(conceptOption),
            random,
          );
          if (!options) return null;
          return {
            id: `pair-poles:${pair.id}:${answer.id}`,
            type: 'pair-poles',
            prompt: `Which is the other pole of the dialectical pair “${pair.label}”, besides “${given.label}”?`,
            options,
            correct: answer.id,
            conceptIds: [pair.id, answer.id, given.id],
            explanation: explain([pair, answer], `${given.label} ${answer.label}`),
          };
        },
      });
    }
  }
  return candidates;
}

/** Concepts of one kind to put in the author's order, with what they belong to if anything. */
type Sequence = { key: string; items: Concept[]; parent: Concept | undefined; prompt: string };

function sequences(ctx: Context): Sequence[] {
  const { atlas, byId, rank } = ctx;
  const inOrder = (items: Concept[]) => [...items].sort((a, b) => rank(a.id) - rank(b.id));
  const partOf = (kind: ConceptKind, parentId: string) =>
    atlas.graph.relations
      .filter((r) => r.kind === 'part-of' && r.target === parentId)
      .map((r) => byId.get(r.source))
      .filter((c): c is Concept => c?.kind === kind);
  const plural = (kind: ConceptKind) => `${kindStyles[kind].label.toLowerCase()}s`;
  const found: Sequence[] = [];

  const leaps = inOrder(atlas.graph.concepts.filter((c) => c.kind === 'leap'));
  const parents = new Set(
    atlas.graph.relations
      .filter((r) => r.kind === 'part-of' && leaps.some((l) => l.id === r.source))
      .map((r) => r.target),
  );
  const parentId = [...parents].find((id) => partOf('leap', id).length === leaps.length);
  found.push({
    key: 'order:leaps',
    items: leaps,
    parent: parentId === undefined ? undefined : byId.get(parentId),
    prompt: `In which order does the author discuss the ${counted(leaps.length)} ${plural('leap')}?`,
  });

  for (const pillar of atlas.graph.concepts.filter((c) => c.kind === 'pillar')) {
    let directions = partOf('direction', pillar.id);
    if (directions.length < 3) {
      directions = atlas.graph.concepts.filter(
        (c) => c.kind === 'direction' && c.section === pillar.section,
      );
    }
    found.push({
      key: `order:${pillar.id}`,
      items: inOrder(directions),
      parent: pillar,
      prompt: `In which order does the author discuss the ${counted(directions.length)} ${plural('direction')} of “${pillar.label}”?`,
    });
  }
  // Three items give five wrong orders; past six the orders are too long to read as options.
  return found.filter(
    (s) =>
      s.items.length >= 3 &&
      s.items.length <= 6 &&
      new Set(s.items.map((c) => c.label)).size === s.items.length,
  );
}

const orderOption = (items: Concept[]): QuizOption => ({
  id: items.map((c) => c.id).join('+'),
  text: items.map((c) => c.label).join(' → '),
});

function orderCandidates(ctx: Context): Candidate[] {
  return sequences(ctx).map((sequence) => ({
    key: sequence.key,
    make: (random) => {
      const correct = orderOption(sequence.items);
      const wrong = new Map<string, QuizOption>();
      for (let attempt = 0; attempt < 100 && wrong.size < DISTRACTORS; attempt += 1) {
        const option = orderOption(shuffle(sequence.items, random));
        if (option.id !== correct.id) wrong.set(option.id, option);
      }
      const options = withDistractors(correct, [...wrong.values()], random);
      if (!options) return null;
      const ids = sequence.items.map((c) => c.id);
      const hint = sequence.items.map((c) => c.label).join(' ');
      return {
        id: `order:${sequence.key}`,
        type: 'order',
        prompt: sequence.prompt,
        options,
        correct: correct.id,
        conceptIds: sequence.parent ? [sequence.parent.id, ...ids] : ids,
        explanation: explain(
          sequence.parent ? [sequence.parent, ...sequence.items] : sequence.items,
          hint,
        ),
      };
    },
  }));
}

function sectionCandidates(ctx: Context): Candidate[] {
  const { atlas } = ctx;
  const sections = atlas.graph.sections.map((s) => ({ id: s.id, text: s.title }));
  return atlas.graph.concepts.map((concept) => ({
    key: `place:${concept.id}`,
    make: (random) => {
      const correct = sections.find((s) => s.id === concept.section);
      if (!correct) return null;
      const options = withDistractors(correct, shuffle(sections, random), random);
      if (!options) return null;
      return {
        id: `which-section:${concept.id}`,
        type: 'which-section',
        prompt: `In which section does the author discuss “${concept.label}”?`,
        options,
        correct: correct.id,
        conceptIds: [concept.id],
        explanation: explain([concept], correct.text),
      };
    },
  }));
}

function pillarCandidates(ctx: Context): Candidate[] {
  const { atlas, linked } = ctx;
  const pillars = atlas.graph.concepts.filter((c) => c.kind === 'pillar');
  const candidates: Candidate[] = [];
  for (const concept of atlas.graph.concepts) {
    if (concept.kind === 'pillar') continue;
    const here = pillars.filter((p) => p.section === concept.section);
    const pillar = here[0];
    if (here.length !== 1 || !pillar) continue;
    // A concept the map links to another pillar could fairly be said to belong there too.
    if (pillars.some((p) => p.id !== pillar.id && linked(p.id, concept.id))) continue;
    candidates.push({
      key: `place:${concept.id}`,
      make: (random) => {
        const options = withDistractors(
          conceptOption(pillar),
          shuffle(pillars, random).map(conceptOption),
          random,
        );
        if (!options) return null;
        return {
          id: `which-pillar:${concept.id}`,
          type: 'which-pillar',
          prompt: `Which of the ${counted(pillars.length)} pillars does “${concept.label}” belong to?`,
          options,
          correct: pillar.id,
          conceptIds: [concept.id, pillar.id],
          explanation: explain([concept], pillar.label),
        };
      },
    });
  }
  return candidates;
}

/** How many questions of each type one round of the mix asks: propositions are the core. */
const weights: Record<QuestionType, number> = {
  'complete-proposition': 2,
  'pair-poles': 1,
  order: 1,
  'which-section': 1,
  'which-pillar': 1,
};

/**
 * A self-test generated from the graph alone. Types are mixed round by round so that a short quiz
 * still asks every kind of question the data allows; questions and options are shuffled by a PRNG
 * seeded with `seed`, so the same seed gives the same quiz.
 */
export function generateQuiz(atlas: Atlas, options: { seed: number; count?: number }): Question[] {
  const count = options.count ?? 10;
  const random = mulberry32(options.seed);
  const byId = new Map(atlas.graph.concepts.map((c) => [c.id, c]));
  const ctx: Context = {
    atlas,
    byId,
    rank: (id) => atlas.order.get(id) ?? Number.MAX_SAFE_INTEGER,
    linked: (a, b) => atlas.links.get(a)?.includes(b) ?? false,
  };
  const pools: Record<QuestionType, Candidate[]> = {
    'complete-proposition': propositionCandidates(ctx),
    'pair-poles': poleCandidates(ctx),
    order: orderCandidates(ctx),
    'which-section': sectionCandidates(ctx),
    'which-pillar': pillarCandidates(ctx),
  };
  const queues = new Map(questionTypes.map((type) => [type, shuffle(pools[type], random)]));
  const used = new Set<string>();
  const next = (type: QuestionType): Question | null => {
    const queue = queues.get(type) ?? [];
    for (let candidate = queue.shift(); candidate; candidate = queue.shift()) {
      if (used.has(candidate.key)) continue;
      const question = candidate.make(random);
      if (!question) continue;
      used.add(candidate.key);
      return question;
    }
    return null;
  };

  const typeOrder = shuffle(questionTypes, random);
  const questions: Question[] = [];
  let added = true;
  while (questions.length < count && added) {
    added = false;
    for (const type of typeOrder) {
      for (let i = 0; i < weights[type] && questions.length < count; i += 1) {
        const question = next(type);
        if (!question) break;
        questions.push(question);
        added = true;
      }
    }
  }
  return shuffle(questions, random);
}

/** The score of a finished quiz; an unanswered question counts as a wrong one. */
export function scoreQuiz(
  questions: readonly Question[],
  answers: Readonly<Record<string, string>>,
): QuizScore {
  let correct = 0;
  const toReview = new Set<string>();
  for (const question of questions) {
    if (answers[question.id] === question.correct) correct += 1;
    else for (const id of question.conceptIds) toReview.add(id);
  }
  return { correct, total: questions.length, toReview: [...toReview] };
}
