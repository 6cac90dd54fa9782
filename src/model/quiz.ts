import type { Atlas } from './atlas.ts';
import { kindStyles } from './kinds.ts';
import type { Concept, ConceptKind, RelationKind } from './schema.ts';
import { mulberry32 } from './random.ts';

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

/**
 * What the graph and its passages say about concepts, from which each question works out its true
 * answers: a distractor must never be one of them, or a student who knows the article would be
 * marked wrong.
 */
type Facts = {
  /** Whether a relation joins the two concepts, in either direction. */
  linked: (a: string, b: string) => boolean;
  /** Whether the article quotes the two concepts with overlapping words. */
  sharesWords: (a: string, b: string) => boolean;
  /** The sections whose text quotes the concept, with its own section. */
  sectionsOf: (id: string) => ReadonlySet<string>;
  /** The section whose text holds the concept's `index`-th passage. */
  passageSection: (id: string, index: number) => string | undefined;
  /** Whether every passage of `a` ends before any passage of `b` starts. */
  whollyBefore: (a: string, b: string) => boolean;
  /**
   * What the concept belongs to and what belongs to it, two steps up or down through part-of,
   * example-of and pole-of, and what shares a part with it: steel, a case of high-end development,
   * a direction of traditional industries, is revitalized with them; infrastructure, whose coupling
   * of hard and soft is part of the leap in form, shares in that leap.
   */
  family: (id: string) => ReadonlySet<string>;
};

type Context = Facts & {
  atlas: Atlas;
  byId: ReadonlyMap<string, Concept>;
  rank: (id: string) => number;
};

/** Relations that put one concept inside another: a part, a case, a pole. */
const structural: ReadonlySet<RelationKind> = new Set(['part-of', 'example-of', 'pole-of']);

/** The facts of one atlas: the sections and overlaps of its passages, worked out once. */
function factsOf(atlas: Atlas): Facts {
  const sectionIds = [...atlas.graph.sections].sort((a, b) => a.order - b.order).map((s) => s.id);
  const starts = atlas.article.blocks.map((block) => block.start);
  const sectionAt = (offset: number) => {
    // The last block that starts at or before the offset holds it.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    const block = atlas.article.blocks[low];
    return block ? sectionIds[block.sectionIndex] : undefined;
  };
  const spans = (id: string) => atlas.anchors.get(id) ?? [];
  const sections = new Map<string, Set<string>>();
  for (const concept of atlas.graph.concepts) {
    const here = new Set([concept.section]);
    for (const span of spans(concept.id)) {
      const section = sectionAt(span.start);
      if (section !== undefined) here.add(section);
    }
    sections.set(concept.id, here);
  }
  // Overlapping passages, found in one sweep along the article.
  const all = [...atlas.anchors].flatMap(([id, list]) => list.map((span) => ({ id, ...span })));
  all.sort((a, b) => a.start - b.start);
  const overlaps = new Map<string, Set<string>>();
  const note = (a: string, b: string) => {
    if (a === b) return;
    overlaps.set(a, (overlaps.get(a) ?? new Set()).add(b));
    overlaps.set(b, (overlaps.get(b) ?? new Set()).add(a));
  };
  all.forEach((span, i) => {
    for (let j = i + 1; j < all.length && (all[j]?.start ?? Infinity) < span.end; j += 1) {
      note(span.id, (all[j] as (typeof all)[number]).id);
    }
  });
  const bounds = (id: string) => {
    const list = spans(id);
    return {
      first: Math.min(...list.map((span) => span.start)),
      last: Math.max(...list.map((span) => span.end)),
    };
  };
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const { source, target, kind } of atlas.graph.relations) {
    if (!structural.has(kind)) continue;
    up.set(source, [...(up.get(source) ?? []), target]);
    down.set(target, [...(down.get(target) ?? []), source]);
  }
  const reach = (id: string, step: Map<string, string[]>) => {
    const near = step.get(id) ?? [];
    return [...near, ...near.flatMap((next) => step.get(next) ?? [])];
  };
  const families = new Map<string, Set<string>>();
  return {
    family: (id) => {
      let known = families.get(id);
      if (!known) {
        const below = down.get(id) ?? [];
        const sharing = below.flatMap((part) => up.get(part) ?? []);
        known = new Set([...reach(id, up), ...reach(id, down), ...sharing]);
        known.delete(id);
        families.set(id, known);
      }
      return known;
    },
    linked: (a, b) => atlas.links.get(a)?.includes(b) ?? false,
    sharesWords: (a, b) => overlaps.get(a)?.has(b) ?? false,
    sectionsOf: (id) => sections.get(id) ?? new Set(),
    passageSection: (id, index) => {
      const span = spans(id)[index];
      return span ? sectionAt(span.start) : undefined;
    },
    whollyBefore: (a, b) => bounds(a).last <= bounds(b).first,
  };
}

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
 * The passage that best explains an answer: among the candidates' passages (those `usable`, where
 * some are), the one sharing most words with `hint` (the other concepts involved); ties go to the
 * first candidate and passage.
 */
function explain(
  candidates: Concept[],
  hint: string,
  usable: (concept: Concept, index: number) => boolean = () => true,
): Question['explanation'] {
  const wanted = contentWords(hint);
  let best: Question['explanation'] | null = null;
  let bestScore = -1;
  const anyUsable = candidates.some((c) => c.passages.some((_, i) => usable(c, i)));
  for (const concept of candidates) {
    for (const [index, passage] of concept.passages.entries()) {
      if (anyUsable && !usable(concept, index)) continue;
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

/**
 * The right option and three distractors with distinct texts, in a seeded order, or null when the
 * pool has too few. The one rule every question type keeps: no distractor is `alsoTrue`, that is,
 * none is another right answer according to the graph and its passages.
 */
function withDistractors(
  correct: QuizOption,
  pool: QuizOption[],
  random: () => number,
  alsoTrue: (option: QuizOption) => boolean,
): QuizOption[] | null {
  const texts = new Set([correct.text]);
  const chosen: QuizOption[] = [];
  for (const option of pool) {
    if (chosen.length === DISTRACTORS) break;
    if (option.id === correct.id || texts.has(option.text) || alsoTrue(option)) continue;
    texts.add(option.text);
    chosen.push(option);
  }
  if (chosen.length < DISTRACTORS) return null;
  return shuffle([correct, ...chosen], random);
}

const conceptOption = (c: Concept): QuizOption => ({ id: c.id, text: c.label });

function propositionCandidates(ctx: Context): Candidate[] {
  const { atlas, byId, linked, sharesWords, family } = ctx;
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
          // Anything related to either end, belonging to it or holding it, or quoted by the same
          // words as one of them, could make a true sentence too: an image, a part or a case of
          // the answer (what revitalizes traditional industries revitalizes steel), another
          // concept that the given end is said to drive.
          // A name that shares a word with the given end could be read as fitting it too
          // ("Embodied intelligence" beside "Intelligence").
          const givenWords = contentWords(given.label);
          const alsoTrue = ({ id, text }: QuizOption) =>
            id === given.id ||
            linked(id, given.id) ||
            linked(id, answer.id) ||
            family(answer.id).has(id) ||
            family(given.id).has(id) ||
            sharesWords(id, answer.id) ||
            sharesWords(id, given.id) ||
            [...contentWords(text)].some((word) => givenWords.has(word));
          const others = atlas.graph.concepts.filter((c) => c.id !== answer.id);
          const sameKind = others.filter((c) => c.kind === answer.kind);
          const sameSection = others.filter(
            (c) => c.kind !== answer.kind && c.section === answer.section,
          );
          const rest = others.filter((c) => c.kind !== answer.kind && c.section !== answer.section);
          const pool = [sameKind, sameSection, rest].flatMap((tier) =>
            shuffle(tier, random).map(conceptOption),
          );
          const options = withDistractors(conceptOption(answer), pool, random, alsoTrue);
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
  const { atlas, byId, linked, sharesWords } = ctx;
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
          // Another pole is a right answer too if the map ties it to this pair or its poles.
          const alsoTrue = ({ id }: QuizOption) =>
            own.has(id) ||
            [pair.id, given.id, answer.id].some((end) => linked(id, end)) ||
            sharesWords(id, answer.id) ||
            sharesWords(id, given.id);
          const options = withDistractors(
            conceptOption(answer),
            shuffle(others, random).map(conceptOption),
            random,
            alsoTrue,
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
  const { whollyBefore } = ctx;
  return sequences(ctx).map((sequence) => ({
    key: sequence.key,
    make: (random) => {
      const correct = orderOption(sequence.items);
      // An order is right too when it only swaps concepts whose passages interleave (one quoted
      // both before and after the other): only an order that puts a concept before one the
      // article has wholly finished quoting first is wrong.
      const alsoTrue = ({ id }: QuizOption) => {
        const order = id.split('+');
        return order.every((later, j) =>
          order.slice(0, j).every((earlier) => !whollyBefore(later, earlier)),
        );
      };
      const wrong = new Map<string, QuizOption>();
      for (let attempt = 0; attempt < 100 && wrong.size < DISTRACTORS; attempt += 1) {
        const option = orderOption(shuffle(sequence.items, random));
        if (option.id !== correct.id && !alsoTrue(option)) wrong.set(option.id, option);
      }
      const options = withDistractors(correct, [...wrong.values()], random, alsoTrue);
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
  const { atlas, sectionsOf, passageSection } = ctx;
  const sections = atlas.graph.sections.map((s) => ({ id: s.id, text: s.title }));
  return atlas.graph.concepts.map((concept) => ({
    key: `place:${concept.id}`,
    make: (random) => {
      const correct = sections.find((s) => s.id === concept.section);
      if (!correct) return null;
      // A concept the article quotes in two sections is discussed in both.
      const quoted = sectionsOf(concept.id);
      const options = withDistractors(correct, shuffle(sections, random), random, ({ id }) =>
        quoted.has(id),
      );
      if (!options) return null;
      return {
        id: `which-section:${concept.id}`,
        type: 'which-section',
        prompt: `In which section does the author discuss “${concept.label}”?`,
        options,
        correct: correct.id,
        conceptIds: [concept.id],
        // The words quoted must be the ones in the right section, not those elsewhere.
        explanation: explain(
          [concept],
          correct.text,
          (c, index) => passageSection(c.id, index) === correct.id,
        ),
      };
    },
  }));
}

function pillarCandidates(ctx: Context): Candidate[] {
  const { atlas, linked, sectionsOf, passageSection } = ctx;
  const pillars = atlas.graph.concepts.filter((c) => c.kind === 'pillar');
  const candidates: Candidate[] = [];
  for (const concept of atlas.graph.concepts) {
    if (concept.kind === 'pillar') continue;
    const here = pillars.filter((p) => p.section === concept.section);
    const pillar = here[0];
    if (here.length !== 1 || !pillar) continue;
    // A concept the map links to another pillar, or that the article quotes in another pillar's
    // section, could fairly be said to belong there too.
    const quoted = sectionsOf(concept.id);
    const alsoTrue = ({ id }: QuizOption) => {
      const other = ctx.byId.get(id);
      return linked(id, concept.id) || (other !== undefined && quoted.has(other.section));
    };
    candidates.push({
      key: `place:${concept.id}`,
      make: (random) => {
        const options = withDistractors(
          conceptOption(pillar),
          shuffle(pillars, random).map(conceptOption),
          random,
          alsoTrue,
        );
        if (!options) return null;
        return {
          id: `which-pillar:${concept.id}`,
          type: 'which-pillar',
          prompt: `Which of the ${counted(pillars.length)} pillars does “${concept.label}” belong to?`,
          options,
          correct: pillar.id,
          conceptIds: [concept.id, pillar.id],
          explanation: explain(
            [concept],
            pillar.label,
            (c, index) => passageSection(c.id, index) === pillar.section,
          ),
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
    ...factsOf(atlas),
    atlas,
    byId,
    rank: (id) => atlas.order.get(id) ?? Number.MAX_SAFE_INTEGER,
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
