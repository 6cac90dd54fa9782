import { z } from 'zod';
import { anchorPassages, type AnchorResult, type Anchors, type TextPosition } from './anchor.ts';
import { parseArticle, type Article, type Block } from './article.ts';
import { BUNDLE_SCHEMA_VERSION, type Bundle } from './bundle-format.ts';
import { deriveAtlas, type Atlas } from './derive-atlas.ts';
import { keepUnchanged, retextFlow } from './flow.ts';
import { NODE_WIDTH, nodeHeight, SECTION_HEADER, SECTION_PADDING } from './geometry.ts';
import { quoteSelector, type QuoteSelector } from './quote-selector.ts';
import {
  bylineSchema,
  conceptKinds,
  correctionSchema,
  relationSchema,
  SCHEMA_VERSION,
  sectionSchema,
  type Concept,
  type ConceptKind,
  type Graph,
  type Layout,
  type Section,
} from './schema.ts';
import { layoutFromPositions } from './section-boxes.ts';
import { bundleTours, draftTourSchema, presentableTours } from './tour-draft.ts';

/**
 * A map being made in the browser: the article and what the teacher has made of it so far. Its
 * concepts are held as typed, even half-finished (an empty label while it is being retyped), so
 * that nothing typed is ever refused; the rules of the finished map are checked beside them.
 */
const draftPassageSchema = z.strictObject({
  exact: z.string().min(1),
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
  /** Whose words the passage gives, kept from a bundle the draft was made from. */
  speaker: z.string().min(1).optional(),
});

export const draftConceptSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string(),
  kind: z.enum(conceptKinds),
  section: z.string().min(1),
  summary: z.string(),
  passages: z.array(draftPassageSchema),
  aliases: z.array(z.string()).optional(),
  zh: z.string().optional(),
  note: z.string().optional(),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  position: z.strictObject({ x: z.number(), y: z.number() }).optional(),
  /** Ids the concept had in a bundle the draft was made from, so that its old links still work. */
  formerIds: z.array(z.string().min(1)).optional(),
});

export const draftMetaSchema = z.strictObject({
  title: z.string(),
  author: z.string().optional(),
  source: z.string().optional(),
  published: z.string().optional(),
});

export const draftSchema = z.strictObject({
  version: z.literal(1),
  id: z.string().min(1),
  name: z.string(),
  meta: draftMetaSchema,
  /** The article's Markdown, its sections headed by `##`. */
  markdown: z.string(),
  sections: z.array(sectionSchema),
  concepts: z.array(draftConceptSchema),
  relations: z.array(relationSchema),
  /** The tours made of the map so far; a draft kept before tours could be made has none. */
  tours: z.array(draftTourSchema).optional(),
  /** Kept from a bundle the draft was made from: who wrote the article, and the curator's corrections. */
  byline: bylineSchema.optional(),
  /** The map's own title, kept from a bundle that titles its map apart from its article. */
  mapTitle: z.string().optional(),
  corrections: z.array(correctionSchema).optional(),
});

export type DraftMeta = z.infer<typeof draftMetaSchema>;
export type DraftConcept = z.infer<typeof draftConceptSchema>;
export type Draft = z.infer<typeof draftSchema>;

/** An id from words: lower-case ASCII letters and digits joined by dashes, as the schema asks. */
export function slugOf(words: string, fallback: string): string {
  const slug = words
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 6)
    .join('-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `base`, or `base-2`, `base-3`…: the first not taken. */
export function unique(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const HEADING = /^ {0,3}(#{1,2})[ \t]+(.+?)[ \t#]*$/;

/**
 * The article's Markdown with its sections headed by `##`, as the reader and the bundle expect,
 * and the title its first line gives, if any. `#` and `##` both head sections; a lone `#` on the
 * first line above `##` sections is the article's title instead.
 */
export function sectionedMarkdown(text: string): { markdown: string; title: string | null } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const firstLine = lines.findIndex((line) => line.trim() !== '');
  const first = firstLine < 0 ? null : HEADING.exec(lines[firstLine] as string);
  const depths = lines.map((line) => HEADING.exec(line)?.[1]?.length ?? 0);
  const titled =
    first?.[1] === '#' &&
    depths.filter((depth) => depth === 1).length === 1 &&
    depths.some((depth) => depth === 2);
  const body = titled ? lines.filter((_, index) => index !== firstLine) : lines;
  return {
    markdown: body
      .map((line) => {
        const heading = HEADING.exec(line);
        return heading ? `## ${heading[2]}` : line;
      })
      .join('\n')
      .trim(),
    title: titled && first?.[2] ? first[2].trim() : null,
  };
}

export type NewDraft = { id: string; meta: DraftMeta; text: string };

/** Only what was given: empty fields are left out rather than kept as empty strings. */
function givenMeta(meta: DraftMeta): DraftMeta {
  const kept: DraftMeta = { title: meta.title.trim() };
  for (const key of ['author', 'source', 'published'] as const) {
    const value = meta[key]?.trim();
    if (value) kept[key] = value;
  }
  return kept;
}

/**
 * A new draft from an article's text: its headings become the sections (the words before the
 * first heading are the introduction); a text without headings is one section. Throws
 * ArticleError for a text that cannot be read.
 */
export function newDraft({ id, meta, text }: NewDraft): Draft {
  const { markdown } = sectionedMarkdown(text);
  const kept = givenMeta(meta);
  const article = parseArticle(markdown, { title: kept.title });
  const headings = article.blocks.filter((block) => block.type === 'section');
  const taken = new Set<string>();
  const sectionOf = (title: string, order: number): Section => {
    const sectionId = unique(slugOf(title, `section-${order}`), taken);
    taken.add(sectionId);
    return { id: sectionId, title: title.slice(0, 300), order };
  };
  const sections = [
    sectionOf(headings.length > 0 ? 'Introduction' : kept.title || 'The article', 0),
    ...headings.map((heading, index) => sectionOf(heading.text, index + 1)),
  ];
  return {
    version: 1,
    id,
    name: kept.title,
    meta: kept,
    markdown,
    sections,
    concepts: [],
    relations: [],
  };
}

const articles = new WeakMap<Draft, Article>();
let lastArticle: { markdown: string; title: string; article: Article } | null = null;

/** The draft's article, parsed once for as long as its text and title stay the same. */
export function draftArticle(draft: Draft): Article {
  const known = articles.get(draft);
  if (known) return known;
  const title = draft.meta.title || draft.name || 'Untitled';
  const article =
    lastArticle?.markdown === draft.markdown && lastArticle.title === title
      ? lastArticle.article
      : parseArticle(draft.markdown, { title });
  lastArticle = { markdown: draft.markdown, title, article };
  articles.set(draft, article);
  return article;
}

/** Words cut to a label: the first clause, at most six words, without closing punctuation. */
export function labelOfQuote(exact: string): string {
  const clause = exact.split(/[.;:!?。；：！？]\s/)[0] ?? exact;
  const words = clause.trim().split(/\s+/);
  const label = words.length > 6 ? words.slice(0, 6).join(' ') : clause.trim();
  const trimmed = label.replace(/[\s,.;:!?，。；：！？、“”"'‘’()（）-]+$/u, '').slice(0, 80);
  const cut = trimmed === '' ? exact.trim().slice(0, 80) : trimmed;
  return cut.charAt(0).toUpperCase() + cut.slice(1);
}

/** The section a place in the article belongs to. */
function sectionAt(draft: Draft, article: Article, start: number): Section | undefined {
  const block: Block | undefined = article.blocks.find(
    (candidate) => candidate.start <= start && start <= candidate.end,
  );
  const ordered = [...draft.sections].sort((a, b) => a.order - b.order);
  return ordered[block?.sectionIndex ?? 0] ?? ordered[0];
}

export type Made = { ok: true; draft: Draft; conceptId: string } | { ok: false; reason: string };

const DEFAULT_KIND: ConceptKind = 'idea';

/** The passage for the words from `start` to `end` of the article's text. */
export function passageAt(
  draft: Draft,
  start: number,
  end: number,
): { ok: true; selector: QuoteSelector; start: number } | { ok: false; reason: string } {
  const result = quoteSelector(draftArticle(draft).text, start, end);
  return result.ok ? { ok: true, selector: result.selector, start: result.start } : result;
}

/** A new concept quoting the words from `start` to `end`, in the section where they stand. */
export function addConcept(draft: Draft, start: number, end: number): Made {
  const passage = passageAt(draft, start, end);
  if (!passage.ok) return passage;
  const section = sectionAt(draft, draftArticle(draft), passage.start);
  if (!section) return { ok: false, reason: 'The article has no section to put a concept in.' };
  const label = labelOfQuote(passage.selector.exact);
  const conceptId = unique(
    slugOf(label, 'concept'),
    new Set(draft.concepts.map((concept) => concept.id)),
  );
  const concept: DraftConcept = {
    id: conceptId,
    label,
    kind: DEFAULT_KIND,
    section: section.id,
    summary: '',
    passages: [passage.selector],
  };
  return { ok: true, draft: { ...draft, concepts: [...draft.concepts, concept] }, conceptId };
}

/** One more passage for a concept: the words from `start` to `end`. */
export function addPassage(draft: Draft, conceptId: string, start: number, end: number): Made {
  const passage = passageAt(draft, start, end);
  if (!passage.ok) return passage;
  const concept = draft.concepts.find((candidate) => candidate.id === conceptId);
  if (!concept) return { ok: false, reason: 'That concept is no longer on the map.' };
  const quoted = (p: QuoteSelector) =>
    p.exact === passage.selector.exact &&
    p.prefix === passage.selector.prefix &&
    p.suffix === passage.selector.suffix;
  if (concept.passages.some(quoted)) {
    return { ok: false, reason: `“${concept.label}” already quotes these words.` };
  }
  return {
    ok: true,
    conceptId,
    draft: updateConcept(draft, conceptId, { passages: [...concept.passages, passage.selector] }),
  };
}

/** What the form changes of a concept. */
export type ConceptEdit = Partial<Omit<DraftConcept, 'id'>>;

/** The draft with one concept changed; fields set to undefined are removed. */
export function updateConcept(draft: Draft, conceptId: string, edit: ConceptEdit): Draft {
  return {
    ...draft,
    concepts: draft.concepts.map((concept) => {
      if (concept.id !== conceptId) return concept;
      const next: Record<string, unknown> = { ...concept, ...edit };
      for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
      return next as DraftConcept;
    }),
  };
}

/** The draft without one concept, and without the relations that reach it. */
export function removeConcept(draft: Draft, conceptId: string): Draft {
  return {
    ...draft,
    concepts: draft.concepts.filter((concept) => concept.id !== conceptId),
    relations: draft.relations.filter(
      (relation) => relation.source !== conceptId && relation.target !== conceptId,
    ),
    ...toursWithout(draft, conceptId),
  };
}

/** The draft's tours with one concept taken out of every step that named it, if any did. */
function toursWithout(draft: Draft, conceptId: string): Pick<Draft, 'tours'> {
  const { tours } = draft;
  if (!tours?.some((tour) => tour.steps.some((step) => step.concepts.includes(conceptId)))) {
    return {};
  }
  return {
    tours: tours.map((tour) => ({
      ...tour,
      steps: tour.steps.map((step) =>
        step.concepts.includes(conceptId)
          ? { ...step, concepts: step.concepts.filter((id) => id !== conceptId) }
          : step,
      ),
    })),
  };
}

/** The draft's concept as the bundle holds it: empty optional fields left out. */
function bundleConcept(concept: DraftConcept) {
  let made = bundled.get(concept);
  if (!made) {
    const { aliases: typed, zh, note, ...rest } = concept;
    const aliases = typed?.filter((alias) => alias.trim() !== '');
    made = {
      ...rest,
      ...(aliases && aliases.length > 0 ? { aliases } : {}),
      ...(zh?.trim() ? { zh } : {}),
      ...(note?.trim() ? { note } : {}),
    };
    bundled.set(concept, made);
  }
  return made;
}

/** Each concept in the bundle's shape, made once: a key typed on a large draft remakes one. */
const bundled = new WeakMap<DraftConcept, Omit<DraftConcept, 'aliases' | 'zh' | 'note'>>();

/** The draft's map in the graph's shape, as typed: the rules say what is still missing. */
export function draftGraph(draft: Draft): Graph {
  const { meta } = draft;
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: {
      title: draft.mapTitle ?? meta.title,
      ...(meta.source && meta.published
        ? { source: { url: meta.source, published: meta.published } }
        : {}),
      ...(draft.byline ? { byline: draft.byline } : {}),
    },
    sections: draft.sections,
    concepts: draft.concepts.map(bundleConcept) as Graph['concepts'],
    relations: draft.relations,
    ...(draft.corrections ? { corrections: draft.corrections } : {}),
  };
}

/** The article as the bundle carries it: the author and date in its front matter. */
function bundleMarkdown(draft: Draft): string {
  const front = (['author', 'published'] as const)
    .filter((key) => draft.meta[key])
    .map((key) => `${key}: ${JSON.stringify(draft.meta[key])}`);
  return front.length > 0
    ? `---\n${front.join('\n')}\n---\n\n${draft.markdown}\n`
    : `${draft.markdown}\n`;
}

/** The draft as a bundle, which "Open map…" reads, with its tours as typed. */
export function draftBundle(draft: Draft): Bundle {
  const tours = bundleTours(draft.tours ?? []);
  return {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    article: {
      title: draft.meta.title,
      markdown: bundleMarkdown(draft),
      ...(draft.meta.source ? { source: draft.meta.source } : {}),
    },
    graph: draftGraph(draft),
    ...(tours ? { tours } : {}),
  };
}

/** Room between two sections' columns, and between two concepts of a column. */
const COLUMN_GAP = 2 * SECTION_PADDING + 96;
const ROW_GAP = 40;

/**
 * Where the draft's concepts stand: each section a column, in the article's order, its concepts
 * one under another in the order of their words. A new concept takes its place in its own
 * section's column, and nothing else on the map moves but what stands below it.
 */
export function draftPositions(
  draft: Draft,
  anchors: Anchors,
): Map<string, { x: number; y: number }> {
  const column = new Map(
    [...draft.sections]
      .sort((a, b) => a.order - b.order)
      .map((section, index) => [section.id, index]),
  );
  const placed = new Map<string, { x: number; y: number }>();
  const bySection = new Map<string, DraftConcept[]>();
  for (const concept of draft.concepts) {
    const list = bySection.get(concept.section) ?? [];
    list.push(concept);
    bySection.set(concept.section, list);
  }
  const startOf = (concept: DraftConcept) => anchors.get(concept.id)?.[0]?.start ?? Infinity;
  for (const [sectionId, concepts] of bySection) {
    const x = (column.get(sectionId) ?? 0) * (NODE_WIDTH + COLUMN_GAP);
    let y = 0;
    for (const concept of [...concepts].sort((a, b) => startOf(a) - startOf(b))) {
      placed.set(concept.id, concept.position ?? { x, y });
      y += nodeHeight(concept.label) + ROW_GAP;
    }
  }
  return clearOfPinned(draft, placed);
}

/**
 * The places with every concept the user did not pin kept clear of those pinned: one that a
 * pinned concept would cover moves down below it (and below any other it then meets), so that a
 * concept dragged onto another's place never hides it.
 */
function clearOfPinned(
  draft: Draft,
  placed: Map<string, { x: number; y: number }>,
): Map<string, { x: number; y: number }> {
  const box = (concept: DraftConcept) => {
    const at = placed.get(concept.id) ?? { x: 0, y: 0 };
    return { ...at, width: NODE_WIDTH, height: nodeHeight(concept.label) };
  };
  const meet = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const pinned = draft.concepts.filter((concept) => concept.position);
  if (pinned.length === 0) return placed;
  const fixed = pinned.map(box);
  const free = draft.concepts
    .filter((concept) => !concept.position)
    .sort((a, b) => (placed.get(a.id)?.y ?? 0) - (placed.get(b.id)?.y ?? 0));
  for (const concept of free) {
    let own = box(concept);
    for (let tries = 0; tries <= fixed.length; tries += 1) {
      const under = fixed.find((other) => meet(own, other));
      if (!under) break;
      own = { ...own, y: under.y + under.height + ROW_GAP };
    }
    placed.set(concept.id, { x: own.x, y: own.y });
    // What has moved is kept clear of in its turn, by the concepts below it.
    fixed.push(own);
  }
  return placed;
}

/**
 * Where a concept's passages were found, or why not, by its list of passages, for as long as the
 * list and the article stay the same: an edit of one concept keeps every other concept's list, so
 * a key typed on a large map finds no passage again.
 */
const anchoredPassages = new WeakMap<DraftConcept['passages'], PassageResults>();

/** Where a concept's passages stand, or why not; `lost`: how many are not found. */
type PassageResults = {
  article: Article;
  results: AnchorResult[];
  positions: TextPosition[];
  lost: number;
};

/**
 * Where each concept's passages stand in the draft's article, or why they are not found, in the
 * order of the draft's concepts and of each one's passages.
 */
export function draftPassageResults(draft: Draft, article = draftArticle(draft)) {
  const found: (PassageResults | undefined)[] = draft.concepts.map((concept) => {
    const kept = anchoredPassages.get(concept.passages);
    return kept?.article === article ? kept : undefined;
  });
  const unknown = draft.concepts.filter((_, i) => found[i] === undefined);
  if (unknown.length > 0) {
    // Found together, which is much faster than one by one.
    const results = anchorPassages(
      article.text,
      unknown.flatMap((concept) => concept.passages),
    );
    let next = 0;
    for (const [i, concept] of draft.concepts.entries()) {
      if (found[i]) continue;
      const own = concept.passages.map(() => results[next++]!);
      const positions = own.flatMap((result) => (result.ok ? [result.position] : []));
      const made = { article, results: own, positions, lost: own.length - positions.length };
      anchoredPassages.set(concept.passages, made);
      found[i] = made;
    }
  }
  return found as PassageResults[];
}

/** Where each concept's passages stand; a passage that does not anchor is left out. */
function draftAnchors(draft: Draft, article: Article): Anchors {
  const found = draftPassageResults(draft, article);
  return new Map(draft.concepts.map((concept, i) => [concept.id, found[i]!.positions]));
}

/**
 * The map the explorer shows for the draft, every concept placed, even before it is complete:
 * where the user pinned it, else where the layout engine put it (`laidOut`, see
 * `laidOutPositions`), else in its section's column. Given the map drawn before (`previous`), the
 * nodes and edges the change left as they were are its own, so that only what changed is drawn.
 */
export function draftAtlas(draft: Draft, laidOut?: Layout | null, previous?: Atlas | null): Atlas {
  const drawn = previous ? drawnFrom.get(previous) : undefined;
  const retexted =
    previous && drawn && drawn.laidOut === (laidOut ?? null)
      ? retextedAtlas(previous, drawn.draft, draft, drawn.laidOut)
      : null;
  const atlas = retexted ?? drawAtlas(draft, laidOut, previous);
  drawnFrom.set(atlas, { draft, laidOut: laidOut ?? null });
  return atlas;
}

/** The draft and layout each map of a draft was drawn from, to draw the next change from it. */
const drawnFrom = new WeakMap<Atlas, { draft: Draft; laidOut: Layout | null }>();

/**
 * The draft's map after a change of only the words of some concepts (a label typed into, a
 * summary, a kind, …), made from the map before it: no passage is found again, and only the
 * changed concepts' nodes and their relations are new. A label that needs another line, or one
 * fewer, is drawn so too where that moves nothing else (see `resizesAlone`). Null when the change
 * is any other, which draws the whole map again.
 */
function retextedAtlas(
  previous: Atlas,
  before: Draft,
  after: Draft,
  laidOut: Layout | null,
): Atlas | null {
  const same = (['markdown', 'name', 'meta', 'sections', 'relations', 'tours'] as const).every(
    (key) => before[key] === after[key],
  );
  if (!same || before.mapTitle !== after.mapTitle || before.byline !== after.byline) return null;
  if (before.corrections !== after.corrections) return null;
  if (before.concepts.length !== after.concepts.length) return null;
  const changed: Concept[] = [];
  const concepts = previous.graph.concepts.slice();
  for (const [i, now] of after.concepts.entries()) {
    const was = before.concepts[i]!;
    if (was === now) continue;
    const moves =
      was.id !== now.id ||
      was.section !== now.section ||
      was.passages !== now.passages ||
      was.position !== now.position ||
      was.formerIds !== now.formerIds;
    if (moves) return null;
    if (nodeHeight(was.label) !== nodeHeight(now.label) && !resizesAlone(now, after, laidOut)) {
      return null;
    }
    const concept = bundleConcept(now) as Concept;
    concepts[i] = concept;
    changed.push(concept);
  }
  const graph = { ...previous.graph, concepts };
  const layout = resizedLayout(previous, graph, changed);
  if (!layout) return null;
  const conceptById = new Map(previous.conceptById);
  for (const concept of changed) conceptById.set(concept.id, concept);
  return {
    ...previous,
    graph,
    layout,
    conceptById,
    ...retextFlow(previous, changed, conceptById, layout),
  };
}

/**
 * The layout once some concepts are taller or shorter where they stand: their sections' boxes
 * grow or shrink with them (and the row of empty sections under the map moves with the map's
 * bottom). Each box that stays keeps its object. Null if a section with concepts would move.
 */
function resizedLayout(previous: Atlas, graph: Graph, changed: readonly Concept[]): Layout | null {
  const resized = changed.some(
    (concept) => previous.boxes.get(concept.id)?.height !== nodeHeight(concept.label),
  );
  if (!resized) return previous.layout;
  const was = previous.layout.sections;
  const made = layoutFromPositions(graph, previous.layout.concepts).sections;
  if (Object.keys(made).length !== Object.keys(was).length) return null;
  const filled = new Set(graph.concepts.map((concept) => concept.section));
  const sections: Layout['sections'] = {};
  for (const [id, box] of Object.entries(made)) {
    const old = was[id];
    if (!old) return null;
    const same = old.x === box.x && old.y === box.y;
    if (!same && filled.has(id)) return null;
    sections[id] = same && old.width === box.width && old.height === box.height ? old : box;
  }
  return { ...previous.layout, sections };
}

/**
 * Whether the concept may be drawn taller or shorter where it stands, moving no other concept:
 * so every concept of its section has a place of its own, pinned or given by the layout engine
 * (none waits under the others, see `laidOutPositions` and `draftPositions`), and none is kept
 * clear of a pinned one (see `clearOfPinned`), until the engine lays the draft out again.
 */
function resizesAlone(concept: DraftConcept, draft: Draft, laidOut: Layout | null): boolean {
  const pinned = draft.concepts.filter((other) => other.position).length;
  if (pinned !== 0 && pinned !== draft.concepts.length) return false;
  return draft.concepts.every(
    (other) => other.section !== concept.section || other.position || laidOut?.concepts[other.id],
  );
}

/** The draft's whole map drawn again, keeping the nodes and edges alike those of `previous`. */
function drawAtlas(draft: Draft, laidOut?: Layout | null, previous?: Atlas | null): Atlas {
  const article = draftArticle(draft);
  const anchors = draftAnchors(draft, article);
  const graph = draftGraph(draft);
  const positions = laidOut ? laidOutPositions(draft, laidOut) : draftPositions(draft, anchors);
  const layout = layoutFromPositions(graph, Object.fromEntries(positions));
  const atlas = deriveAtlas({ article, graph, anchors, layout, tours: draftAtlasTours(draft) });
  if (!previous) return atlas;
  return {
    ...atlas,
    nodes: keepUnchanged(previous.nodes, atlas.nodes),
    edges: keepUnchanged(previous.edges, atlas.edges),
  };
}

/** The tours the explorer can present now: a tour with something to fix waits until it is fixed. */
function draftAtlasTours(draft: Draft) {
  if (!draft.tours || draft.tours.length === 0) return [];
  return presentableTours(draft.tours, new Set(draft.concepts.map((concept) => concept.id)));
}

/**
 * What the layout engine's placing of the draft depends on: its sections, its concepts (their
 * sections, the heights of their labels and where their words stand) and its relations. Typing a
 * summary or dragging a concept changes none of it, so nothing moves but what the user moved.
 */
export function draftLayoutKey(draft: Draft): string {
  let key = layoutKeys.get(draft) ?? keyOfLastDraft(draft);
  if (key === undefined) {
    const concepts = draft.concepts.map(conceptLayoutKey).join(',');
    key = `[${partLayoutKey(draft.sections, sectionsLayoutKey)},[${concepts}],${partLayoutKey(draft.relations, relationsLayoutKey)}]`;
  }
  layoutKeys.set(draft, key);
  lastKeyed = draft;
  return key;
}

/** The draft whose key was asked for last: the next is most often it with one concept changed. */
let lastKeyed: Draft | null = null;

/** The last draft's key, if `draft` differs from it in nothing the key holds. */
function keyOfLastDraft(draft: Draft): string | undefined {
  const last = lastKeyed;
  if (!last || last.sections !== draft.sections || last.relations !== draft.relations) return;
  if (last.concepts.length !== draft.concepts.length) return;
  const same = draft.concepts.every(
    (concept, i) =>
      concept === last.concepts[i] ||
      conceptLayoutKey(concept) === conceptLayoutKey(last.concepts[i]!),
  );
  return same ? layoutKeys.get(last) : undefined;
}

/**
 * Each part's share of the layout key, kept while the part is the same object: a key typed on a
 * large draft makes one concept's share again, not every one's.
 */
const layoutKeys = new WeakMap<object, string>();

function partLayoutKey<T extends object>(part: T, make: (part: T) => unknown): string {
  let key = layoutKeys.get(part);
  if (key === undefined) {
    key = JSON.stringify(make(part));
    layoutKeys.set(part, key);
  }
  return key;
}

const sectionsLayoutKey = (sections: Draft['sections']) =>
  sections.map((section) => [section.id, section.order]);

const relationsLayoutKey = (relations: Draft['relations']) =>
  relations.map((relation) => [relation.source, relation.target]);

const conceptLayoutKey = (concept: DraftConcept) =>
  partLayoutKey(concept, (c) => [c.id, c.section, nodeHeight(c.label), c.passages[0]?.exact ?? '']);

/**
 * Where the draft's concepts stand by a layout the engine made, perhaps for the draft as it was a
 * moment ago: a concept it has not placed yet waits under the others of its section (or at the
 * top of its section's box) until the next layout places it.
 */
export function laidOutPositions(
  draft: Draft,
  laidOut: Layout,
): Map<string, { x: number; y: number }> {
  const placed = new Map<string, { x: number; y: number }>();
  const bottoms = new Map<string, { x: number; y: number }>();
  const unplaced: DraftConcept[] = [];
  for (const concept of draft.concepts) {
    const at = concept.position ?? laidOut.concepts[concept.id];
    if (!at) {
      unplaced.push(concept);
      continue;
    }
    placed.set(concept.id, at);
    const bottom = at.y + nodeHeight(concept.label) + ROW_GAP;
    const last = bottoms.get(concept.section);
    if (!last || bottom > last.y) bottoms.set(concept.section, { x: last?.x ?? at.x, y: bottom });
  }
  for (const concept of unplaced) {
    const box = laidOut.sections[concept.section];
    const at = bottoms.get(concept.section) ?? {
      x: (box?.x ?? 0) + SECTION_PADDING,
      y: (box?.y ?? 0) + SECTION_HEADER,
    };
    placed.set(concept.id, at);
    bottoms.set(concept.section, { x: at.x, y: at.y + nodeHeight(concept.label) + ROW_GAP });
  }
  return clearOfPinned(draft, placed);
}

/** The draft with a concept pinned where the user put it, or, without a place, laid out again. */
export function pinConcept(
  draft: Draft,
  conceptId: string,
  position: { x: number; y: number } | undefined,
): Draft {
  return updateConcept(draft, conceptId, {
    position: position && { x: Math.round(position.x), y: Math.round(position.y) },
  });
}
