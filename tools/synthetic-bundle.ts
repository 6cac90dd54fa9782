/**
 * Synthetic bundles of any size, for measuring the map at scale (`npm run bench`) and for tests.
 * The content is nonsense that reads like prose, but it passes every check real content must pass:
 * each concept quotes a sentence that occurs exactly once in the article, the graph is connected,
 * the article has one `##` heading per section after the introduction.
 */
import { BUNDLE_SCHEMA_VERSION, type Bundle } from '../src/model/bundle-format.ts';
import { NODE_WIDTH, nodeHeight, SECTION_HEADER, SECTION_PADDING } from '../src/model/geometry.ts';
import { kindStyles } from '../src/model/kinds.ts';
import { mulberry32 } from '../src/model/random.ts';
import {
  conceptKinds,
  relationKinds,
  SCHEMA_VERSION,
  type Concept,
  type ConceptKind,
  type Graph,
  type Relation,
  type RelationKind,
  type Section,
} from '../src/model/schema.ts';
import type { Tours } from '../src/model/tours.ts';

export type SyntheticOptions = {
  /** The same seed always gives the same bundle. */
  seed?: number;
  /** Give every concept a position on a grid (the default), or leave the layout to the app. */
  positions?: boolean;
  /** Relations per concept on average; the default 1.5 gives 7,500 relations for 5,000 concepts. */
  relationsPerConcept?: number;
};

export const CONCEPTS_PER_SECTION = 100;
/** Grid of the positions: columns per section, gaps between nodes and between sections. */
const GRID_COLUMNS = 10;
const COLUMN_GAP = 40;
const ROW_GAP = 28;
const SECTION_GAP = 80;
/** Share of the extra relations that link two sections. */
const CROSS_SECTION_SHARE = 0.2;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const abstractNouns = [
  'Resilience',
  'Upgrading',
  'Digitalisation',
  'Openness',
  'Productivity',
  'Standardisation',
  'Localisation',
  'Decarbonisation',
  'Automation',
  'Interoperability',
  'Self-reliance',
  'Specialisation',
  'Manufacturing',
  'Logistics',
  'Robotics',
  'Shipbuilding',
  'Aviation',
  'Hydrogen',
  'Procurement',
  'Standards',
  'Patents',
  'Sensors',
  'Innovation',
  'Competitiveness',
] as const;
const adjectives = [
  'regional',
  'digital',
  'green',
  'advanced',
  'smart',
  'rural',
  'coastal',
  'shared',
  'open',
  'low-carbon',
  'high-end',
  'modern',
  'traditional',
  'emerging',
  'strategic',
  'local',
  'national',
  'public',
  'private',
  'cross-border',
  'resilient',
  'circular',
  'precision',
  'urban',
  'autonomous',
  'integrated',
  'flexible',
  'secure',
  'clean',
  'skilled',
  'collaborative',
  'frontier',
  'knowledge-intensive',
  'labour-intensive',
  'internationally competitive',
  'high-performance',
  'state-supported',
] as const;
const nouns = [
  'manufacturing',
  'supply chains',
  'data exchanges',
  'power grids',
  'logistics',
  'textile mills',
  'steel plants',
  'chip design',
  'battery recycling',
  'biotech parks',
  'port automation',
  'rail freight',
  'talent pools',
  'venture capital',
  'research institutes',
  'standards',
  'patents',
  'software platforms',
  'cloud services',
  'sensors',
  'robotics',
  'vocational training',
  'water management',
  'grain storage',
  'shipbuilding',
  'aviation',
  'satellite links',
  'payment systems',
  'credit guarantees',
  'industrial parks',
  'innovation hubs',
  'quality control',
  'brand building',
  'export markets',
  'service trade',
  'energy storage',
  'hydrogen',
  'machine tools',
  'fibre networks',
  'elderly care',
  'farming cooperatives',
  'testing labs',
  'pilot zones',
  'procurement',
  'semiconductor equipment',
  'biopharmaceuticals',
  'telecommunications',
  'intellectual property',
  'infrastructure financing',
] as const;
const qualifiers = [
  'for small firms',
  'in western provinces',
  'across the value chain',
  'at county level',
  'in old industrial bases',
  'for export',
  'under carbon limits',
  'of key components',
  'with public funding',
  'in border regions',
  'for young workers',
  'near large cities',
] as const;
/** Verbs in the base form, after a modal, so that they agree with singular and plural labels. */
const modals = ['can', 'will', 'should', 'must', 'may'] as const;
const predicates = [
  'strengthen',
  'depend on',
  'open new room for',
  'reduce the cost of',
  'give new weight to',
  'tie together',
  'reshape',
  'build on',
  'protect',
  'speed up',
  'change the rules of',
  'draw investment into',
] as const;
const objects = [
  'the supply chains of small firms',
  'the upgrading of traditional industries',
  'a better balance between regions',
  'the flow of data between factories',
  'the training of skilled workers',
  'the way new products reach the market',
  'long-term research that markets neglect',
  'the security of key materials',
  'trade with neighbouring countries',
  'the cost of clean energy',
  'services that grow around manufacturing',
  'the weight of the real economy',
] as const;
const fillers = [
  'The picture differs from one province to the next.',
  'None of this happens by itself; it takes patient policy.',
  'Markets alone have not settled the question so far.',
  'Earlier plans had already pointed in this direction.',
  'Critics warn that the gains may take a decade to show.',
  'The same pattern appears in older industrial economies.',
] as const;
const sectionThemes = [
  'Foundations',
  'Driving logic',
  'Stock and increment',
  'Hardware and software',
  'Regions and clusters',
  'Talent and training',
  'Finance and risk',
  'Openness and security',
  'Services and industry',
  'Energy and climate',
] as const;

const relationLabels: Record<RelationKind, readonly string[]> = {
  'part-of': ['is part of', 'belongs to'],
  supports: ['supports', 'backs up'],
  enables: ['enables', 'makes possible'],
  'contrasts-with': ['contrasts with', 'pulls against'],
  'pole-of': ['is one side of'],
  'evolves-into': ['evolves into', 'grows into'],
  'likened-to': ['is likened to', 'is the image for'],
  'example-of': ['is an example of', 'illustrates'],
  precedes: ['comes before', 'prepares the way for'],
  drives: ['drives', 'pushes forward'],
  'responds-to': ['responds to', 'is the answer to'],
  echoes: ['echoes', 'restates'],
  states: ['states', 'sets out'],
};

const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const wordCount = (value: string) => value.split(' ').length;

/** A label of one to six words, so that labels wrap onto one to three lines on the map. */
function makeLabel(random: Random): string {
  const target = 1 + Math.floor(random() * 6);
  if (target === 1) return pick(random, abstractNouns);
  // Random shapes (adjectives, a noun, maybe a qualifier) until one has the wanted length.
  for (let tries = 0; tries < 40; tries += 1) {
    const parts: string[] = [pick(random, nouns)];
    const adjectiveCount = Math.floor(random() * 3);
    while (parts.length <= adjectiveCount) {
      const adjective = pick(random, adjectives);
      if (!parts.includes(adjective)) parts.unshift(adjective);
    }
    if (random() < 0.5) parts.push(pick(random, qualifiers));
    const label = parts.join(' ');
    if (wordCount(label) === target) return capitalise(label);
  }
  return capitalise(`${pick(random, adjectives)} ${pick(random, nouns)}`);
}

/** A label not used before, if a few tries find one; repeats are allowed but rare. */
function uniqueLabel(random: Random, used: Set<string>): string {
  let label = makeLabel(random);
  for (let tries = 0; used.has(label) && tries < 8; tries += 1) label = makeLabel(random);
  used.add(label);
  return label;
}

/**
 * The sentence a concept quotes. "case study <n> shows" occurs once in the whole article (no other
 * sentence has that number after those words), so the quote anchors to exactly one place.
 */
function passageSentence(random: Random, label: string, n: number): string {
  return `${label} ${pick(random, modals)} ${pick(random, predicates)} ${pick(random, objects)}, as case study ${n} shows.`;
}

function summarySentence(random: Random, label: string, kind: ConceptKind, title: string): string {
  return `${kindStyles[kind].label} in "${title}": ${label.toLowerCase()} ${pick(random, modals)} ${pick(random, predicates)} ${pick(random, objects)}, and the section's argument rests on that.`;
}

type Member = { concept: Concept; sentence: string; sectionIndex: number };

function makeSections(count: number): Section[] {
  return Array.from({ length: count }, (_, order) => {
    if (order === 0) return { id: 'intro', title: 'Introduction', order };
    const theme = sectionThemes[(order - 1) % sectionThemes.length] as string;
    const round = Math.floor((order - 1) / sectionThemes.length);
    const title = round === 0 ? theme : `${theme}, part ${round + 1}`;
    return { id: `s${order}-${slug(title)}`, title, order };
  });
}

function makeMarkdown(title: string, url: string, sections: Section[], members: Member[][]) {
  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `source: ${JSON.stringify(url)}`,
    'published: "2026-01-01"',
    '---',
    '',
    `# ${title}`,
    '',
  ];
  sections.forEach((section, index) => {
    if (index > 0) lines.push(`## ${section.order}. ${section.title}`, '');
    const inSection = members[index] ?? [];
    // Paragraphs of five quoted sentences and one that no concept quotes.
    for (let at = 0; at < inSection.length; at += 5) {
      const sentences = inSection.slice(at, at + 5).map((m) => m.sentence);
      sentences.push(fillers[(index + at) % fillers.length] as string);
      lines.push(sentences.join(' '), '');
    }
  });
  return lines.join('\n');
}

/** Each section's concepts on a grid, sections in rows of about 16:9 overall, never overlapping. */
function placeConcepts(sections: Section[], members: Member[][]) {
  const boxes = members.map((inSection) => {
    const columns = Math.max(1, Math.min(GRID_COLUMNS, inSection.length));
    const rowHeights: number[] = [];
    inSection.forEach((m, i) => {
      const row = Math.floor(i / columns);
      rowHeights[row] = Math.max(rowHeights[row] ?? 0, nodeHeight(m.concept.label));
    });
    const rowTops: number[] = [];
    rowHeights.forEach((_, row) => {
      rowTops[row] = row === 0 ? 0 : (rowTops[row - 1] ?? 0) + (rowHeights[row - 1] ?? 0) + ROW_GAP;
    });
    const last = rowHeights.length - 1;
    const contentHeight = (rowTops[last] ?? 0) + (rowHeights[last] ?? 0);
    return {
      columns,
      rowTops,
      width: 2 * SECTION_PADDING + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP,
      height: SECTION_HEADER + SECTION_PADDING + contentHeight,
    };
  });
  const widest = Math.max(...boxes.map((b) => b.width));
  const tallest = Math.max(...boxes.map((b) => b.height));
  const perRow = Math.max(
    1,
    Math.round(Math.sqrt((sections.length * 16 * tallest) / (9 * widest))),
  );
  let top = 0;
  for (let first = 0; first < boxes.length; first += perRow) {
    const row = boxes.slice(first, first + perRow);
    row.forEach((box, offset) => {
      const left = offset * (widest + SECTION_GAP);
      (members[first + offset] ?? []).forEach((m, i) => {
        m.concept.position = {
          x: left + SECTION_PADDING + (i % box.columns) * (NODE_WIDTH + COLUMN_GAP),
          y: top + SECTION_HEADER + (box.rowTops[Math.floor(i / box.columns)] ?? 0),
        };
      });
    });
    top += Math.max(...row.map((b) => b.height)) + SECTION_GAP;
  }
}

function makeRelations(random: Random, members: Member[][], target: number): Relation[] {
  const all = members.flat();
  const relations: Relation[] = [];
  const linked = new Set<string>();
  const add = (source: Member, to: Member) => {
    const a = source.concept.id;
    const b = to.concept.id;
    if (a === b || linked.has(`${a} ${b}`) || linked.has(`${b} ${a}`)) return false;
    linked.add(`${a} ${b}`);
    // The first ten relations use every kind once; the rest are drawn at random.
    const kind =
      relations.length < relationKinds.length
        ? (relationKinds[relations.length] as RelationKind)
        : pick(random, relationKinds);
    relations.push({
      id: `r-${relations.length + 1}`,
      source: a,
      target: b,
      label: pick(random, relationLabels[kind]),
      kind,
    });
    return true;
  };
  // A spanning tree first, so the graph is connected: each concept links to an earlier one of its
  // section, and each section's first concept to the section before it.
  members.forEach((inSection, s) => {
    inSection.forEach((m, i) => {
      if (i > 0) add(m, inSection[Math.floor(random() * i)] as Member);
      else if (s > 0) add(m, pick(random, members[s - 1] as Member[]));
    });
  });
  for (let tries = 0; relations.length < target && tries < target * 20; tries += 1) {
    const source = pick(random, all);
    const pool = random() < CROSS_SECTION_SHARE ? all : (members[source.sectionIndex] as Member[]);
    add(source, pick(random, pool));
  }
  return relations;
}

function makeTours(concepts: Concept[]): Tours {
  const at = (i: number) => (concepts[Math.min(i, concepts.length - 1)] as Concept).id;
  const ids = (...indices: number[]) => [...new Set(indices.map(at))];
  return {
    schemaVersion: SCHEMA_VERSION,
    tours: [
      {
        id: 'first-look',
        title: 'A first look',
        description: 'Three stops through the opening concepts of the map.',
        steps: [
          {
            title: 'Where it starts',
            text: 'The map opens with its first concept.',
            concepts: ids(0),
            notes: 'Read the first concept aloud.\nWhat does it claim?',
          },
          {
            title: 'What it leads to',
            text: 'Two concepts build on the first one.',
            concepts: ids(1, 2),
            notes: 'Follow the relations from the first concept.\nWhich link is strongest?',
          },
          {
            title: 'Putting it together',
            text: 'The three concepts side by side.',
            concepts: ids(0, 1, 2),
            notes: 'Compare the three.\nWhat would you add?',
          },
        ],
      },
    ],
  };
}

/**
 * A deterministic bundle of `conceptCount` concepts in sections of about a hundred, with every
 * concept kind and relation kind, cross-section relations and one three-step tour.
 */
export function makeSyntheticBundle(conceptCount: number, options: SyntheticOptions = {}): Bundle {
  if (!Number.isInteger(conceptCount) || conceptCount < 1) {
    throw new RangeError(`conceptCount must be a positive integer, not ${conceptCount}`);
  }
  const { seed = 1, positions = true, relationsPerConcept = 1.5 } = options;
  const random = mulberry32(seed);
  const sectionCount = Math.max(
    Math.min(2, conceptCount),
    Math.round(conceptCount / CONCEPTS_PER_SECTION),
  );
  const sections = makeSections(sectionCount);
  const usedLabels = new Set<string>();
  const members: Member[][] = sections.map(() => []);
  for (let i = 0; i < conceptCount; i += 1) {
    // Concepts are dealt to sections in order, so each section gets a contiguous share.
    const sectionIndex = Math.floor((i * sectionCount) / conceptCount);
    const section = sections[sectionIndex] as Section;
    const label = uniqueLabel(random, usedLabels);
    const kind =
      i < conceptKinds.length ? (conceptKinds[i] as ConceptKind) : pick(random, conceptKinds);
    const sentence = passageSentence(random, label, i + 1);
    const concept: Concept = {
      id: `${slug(label)}-${i + 1}`,
      label,
      kind,
      section: section.id,
      summary: summarySentence(random, label, kind, section.title),
      passages: [{ exact: sentence }],
    };
    if (i % 10 === 3) concept.aliases = [`${label.split(' ')[0] ?? label} ${i + 1}`];
    (members[sectionIndex] as Member[]).push({ concept, sentence, sectionIndex });
  }
  if (positions) placeConcepts(sections, members);

  const title = `A synthetic reading of ${conceptCount} concepts`;
  const url = `https://example.org/synthetic/${conceptCount}`;
  const concepts = members.flat().map((m) => m.concept);
  const graph: Graph = {
    schemaVersion: SCHEMA_VERSION,
    meta: { title, source: { url, published: '2026-01-01' } },
    sections,
    concepts,
    relations: makeRelations(random, members, Math.round(conceptCount * relationsPerConcept)),
  };
  return {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    article: { title, markdown: makeMarkdown(title, url, sections, members), source: url },
    graph,
    tours: makeTours(concepts),
  };
}
