import type { z } from 'zod';
import { anchorPassages, type Anchors } from './anchor.ts';
import type { Article } from './article.ts';
import { normaliseWhitespace } from './text.ts';
import { isExhaustion } from './failure.ts';
import { issueInWords } from './issue-words.ts';
import {
  conceptSchema,
  correctionSchema,
  graphSchema,
  passageSchema,
  relationSchema,
  sectionSchema,
  type Concept,
  type Correction,
  type Graph,
  type Passage,
  type Relation,
  type Section,
} from './schema.ts';

export type GraphCheck =
  { ok: true; graph: Graph; anchors: Anchors } | { ok: false; problems: string[] };

function formatPath(path: readonly PropertyKey[], raw: unknown): string {
  let place = '';
  let node: unknown = raw;
  for (const key of path) {
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined;
    if (typeof key === 'number') {
      const itemId =
        node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      place += typeof itemId === 'string' ? `[${key}] (${itemId})` : `[${key}]`;
    } else {
      place += place ? `.${String(key)}` : String(key);
    }
  }
  return place || '(root)';
}

type Issue = Pick<z.core.$ZodIssue, 'path' | 'message'>;

/** zod issues as `place: reason` lines that name the concept or relation at fault. */
export function formatIssues(error: { issues: readonly Issue[] }, raw: unknown): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path, raw)}: ${issue.message}`);
}

/** More lines than this, when a value's problems are listed item by item, are counted instead. */
const MAX_ITEM_PROBLEMS = 500;

export type Parsed<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      problems: string[];
      /** Where each problem is, when the schema could list them all at once. */
      issuePaths?: readonly (readonly PropertyKey[])[];
    };

/**
 * `schema.safeParse`, for values that may hold hundreds of thousands of problems. zod gathers a
 * list's issues with one spread call, which runs out of stack at that scale; when it does, the
 * value's lists are checked item by item by their own schemas (`lists`), and the problems after
 * the first few hundred are counted, so the user still hears what is wrong, and where.
 */
export function parseBounded<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  lists: Readonly<Record<string, z.ZodType>> = {},
): Parsed<T> {
  try {
    const parsed = schema.safeParse(raw, { error: issueInWords });
    if (parsed.success) return { ok: true, data: parsed.data };
    return {
      ok: false,
      problems: formatIssues(parsed.error, raw),
      issuePaths: parsed.error.issues.map((issue) => issue.path),
    };
  } catch (error) {
    if (!isExhaustion(error)) throw error;
  }
  const problems: string[] = [];
  let hidden = 0;
  const record = (raw ?? {}) as Record<string, unknown>;
  for (const [key, itemSchema] of Object.entries(lists)) {
    const items = record[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      if (problems.length >= MAX_ITEM_PROBLEMS) {
        hidden += 1;
        return;
      }
      let issues: readonly Issue[];
      try {
        const parsed = itemSchema.safeParse(item, { error: issueInWords });
        if (parsed.success) return;
        issues = parsed.error.issues;
      } catch {
        issues = [{ path: [], message: 'it is too large or too deeply nested to check' }];
      }
      const placed = issues.map((issue) => ({ ...issue, path: [key, index, ...issue.path] }));
      problems.push(...formatIssues({ issues: placed }, raw).slice(0, MAX_ITEM_PROBLEMS));
    });
  }
  if (problems.length === 0) {
    problems.push('(root): it is too large or too deeply nested to check; make it smaller');
  }
  if (hidden > 0)
    problems.push(`(root): …and problems in ${hidden.toLocaleString('en-US')} more items`);
  return { ok: false, problems };
}

/** Names compare as a reader types them: whatever the case and spacing. */
const nameKey = (name: string) => normaliseWhitespace(name).toLowerCase();

function repeats(ids: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

/**
 * Relations that say what an earlier one already says: the same two concepts, in either
 * direction, joined by the same kind. The kind is what a link claims, and a second link of that
 * kind between the same two concepts either repeats the claim (two ways of saying that one is an
 * image of, or contrasts with, the other) or contradicts it (each a part, an example, or the
 * earlier stage of the other). A mutual influence ("they empower each other") is one relation whose
 * phrase says so, not two. Links of different kinds between the same two concepts (the old is the
 * foundation of the new, and contrasts with it) say different things and are allowed.
 */
function sameMeaning(relations: readonly Placed<Relation>[]): string[] {
  const first = new Map<string, Placed<Relation>>();
  const problems: string[] = [];
  for (const placed of relations) {
    const { index, item: relation } = placed;
    const ends = [relation.source, relation.target].sort().join('\u0000');
    const key = `${ends}\u0000${relation.kind}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, placed);
      continue;
    }
    problems.push(
      `relations[${index}] (${relation.id}): says the same as relations[${earlier.index}] (${earlier.item.id}); both join "${relation.source}" and "${relation.target}" as ${relation.kind}`,
    );
  }
  return problems;
}

/** Concepts that cannot be reached from the first one when relations are read in both directions. */
function unreachable(concepts: readonly Concept[], relations: readonly Relation[]): string[] {
  const first = concepts[0];
  if (!first) return [];
  const neighbours = new Map<string, string[]>(concepts.map((c) => [c.id, []]));
  for (const { source, target } of relations) {
    neighbours.get(source)?.push(target);
    neighbours.get(target)?.push(source);
  }
  const reached = new Set([first.id]);
  const queue = [first.id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const other of neighbours.get(next) ?? []) {
      if (!reached.has(other)) {
        reached.add(other);
        queue.push(other);
      }
    }
  }
  return concepts.filter((c) => !reached.has(c.id)).map((c) => c.id);
}

/** The graph's schema alone, item by item when there is too much wrong to list at once. */
export const parseGraph = (raw: unknown): Parsed<Graph> =>
  parseBounded(graphSchema, raw, {
    sections: sectionSchema,
    concepts: conceptSchema,
    relations: relationSchema,
    corrections: correctionSchema,
  });

export type CheckOptions = {
  /**
   * Whether the map must be finished: every section with a concept, every concept reachable from
   * the first. The built-in content is; a map opened from a bundle may still be in the making.
   */
  complete?: boolean;
};

/** An item of one of the file's lists, with its place in that list. */
export type Placed<T> = { index: number; item: T };

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** The items of `raw[key]` that passed `schema`, with their places; none when it is no list. */
function itemsThatParse<T>(
  raw: Record<string, unknown>,
  key: string,
  schema: z.ZodType<T>,
  failed: ReadonlySet<string>,
): Placed<T>[] {
  const items = raw[key];
  if (!Array.isArray(items)) return [];
  const placed: Placed<T>[] = [];
  items.forEach((item: unknown, index) => {
    if (failed.has(`${key}[${index}]`) || asRecord(item) === null) return;
    const parsed = schema.safeParse(item);
    if (parsed.success) placed.push({ index, item: parsed.data });
  });
  return placed;
}

/**
 * The strings that the items of a list hold in `field`; null when the list is no list, or when an
 * item's field cannot be read, since then what the file names is not known (a relation to "water"
 * may mean the concept whose id is missing).
 */
function fieldsOf(raw: Record<string, unknown>, key: string, field: string): string[] | null {
  const items = raw[key];
  if (!Array.isArray(items)) return null;
  const values: string[] = [];
  for (const item of items as unknown[]) {
    const value = asRecord(item)?.[field];
    if (typeof value !== 'string') return null;
    values.push(value);
  }
  return values;
}

/**
 * What of a graph its rules can judge: the items that pass their own schema, each at its place in
 * the file, and the ids that the file's items name whether or not they pass (a relation to a
 * concept that lacks a label does not name an unknown concept).
 */
type GraphParts = {
  sections: Placed<Section>[];
  concepts: Placed<Concept>[];
  relations: Placed<Relation>[];
  corrections: Placed<Correction>[];
  /** The passages that parse of each concept that does not, so that its quotes are still looked for. */
  loosePassages: { index: number; id: unknown; passages: Placed<Passage>[] }[];
  /** Ids as the file writes them, of every item; null where the list is not a list. */
  ids: { sections: string[] | null; concepts: string[] | null; relations: string[] | null };
  /** The sections the file's concepts name, and how many sections the file lists. */
  sectionsNamed: ReadonlySet<string> | null;
  sectionsListed: number | null;
  /** Every item passed: rules about the whole graph (is it connected?) can be judged. */
  whole: boolean;
};

function partsOfGraph(graph: Graph): GraphParts {
  const placed = <T>(items: readonly T[] = []) => items.map((item, index) => ({ index, item }));
  return {
    sections: placed(graph.sections),
    concepts: placed(graph.concepts),
    relations: placed(graph.relations),
    corrections: placed(graph.corrections),
    loosePassages: [],
    ids: {
      sections: graph.sections.map((s) => s.id),
      concepts: graph.concepts.map((c) => c.id),
      relations: graph.relations.map((r) => r.id),
    },
    sectionsNamed: new Set(graph.concepts.map((c) => c.section)),
    sectionsListed: graph.sections.length,
    whole: true,
  };
}

/** The parts of a graph that did not pass its schema; `failed` names the items that did not. */
function partsOfRaw(raw: Record<string, unknown>, failed: ReadonlySet<string>): GraphParts {
  const concepts = itemsThatParse(raw, 'concepts', conceptSchema, failed);
  const parsedConcepts = new Set(concepts.map((c) => c.index));
  const rawConcepts: unknown[] = Array.isArray(raw.concepts) ? raw.concepts : [];
  const loosePassages = rawConcepts.flatMap((item, index) => {
    const concept = asRecord(item);
    if (!concept || parsedConcepts.has(index)) return [];
    const passages = itemsThatParse(concept, 'passages', passageSchema, new Set());
    return passages.length > 0 ? [{ index, id: concept.id, passages }] : [];
  });
  const sections = Array.isArray(raw.sections) ? raw.sections : null;
  const named = fieldsOf(raw, 'concepts', 'section');
  return {
    sections: itemsThatParse(raw, 'sections', sectionSchema, failed),
    concepts,
    relations: itemsThatParse(raw, 'relations', relationSchema, failed),
    corrections: itemsThatParse(raw, 'corrections', correctionSchema, failed),
    loosePassages,
    ids: {
      sections: fieldsOf(raw, 'sections', 'id'),
      concepts: fieldsOf(raw, 'concepts', 'id'),
      relations: fieldsOf(raw, 'relations', 'id'),
    },
    sectionsNamed: named && new Set(named),
    sectionsListed: sections?.length ?? null,
    whole: false,
  };
}

/** The items that an issue's path points into, as `concepts[3]`. */
function failedItems(issuePaths: readonly (readonly PropertyKey[])[]): Set<string> {
  const failed = new Set<string>();
  for (const [key, index] of issuePaths) {
    if (typeof key === 'string' && typeof index === 'number') failed.add(`${key}[${index}]`);
  }
  return failed;
}

/**
 * The graph's own rules, over whatever of it passed its schema: ids that repeat, sections that do
 * not match the article, quotes not found in it, relations and speakers that name unknown
 * concepts, names that lead to two concepts, and so on. Each item is judged on its own, so that one
 * concept without a label hides nothing else that is wrong; a rule that needs what did not pass
 * (is the graph connected?) waits until it does. Without the article, its rules wait too.
 */
function graphRules(
  parts: GraphParts,
  article: Article | null,
  complete: boolean,
): { problems: string[]; anchors: Anchors } {
  const problems: string[] = [];
  const conceptIds = parts.ids.concepts && new Set(parts.ids.concepts);
  const sectionIds = parts.ids.sections && new Set(parts.ids.sections);

  for (const id of repeats(parts.ids.sections ?? [])) problems.push(`sections: id "${id}" repeats`);
  for (const order of repeats(parts.sections.map((s) => String(s.item.order)))) {
    problems.push(`sections: order ${order} repeats`);
  }
  if (article && parts.sectionsListed !== null && parts.sectionsListed !== article.sectionCount) {
    problems.push(
      `sections: the article has ${article.sectionCount} sections (the introduction and ${article.sectionCount - 1} headed sections), the graph lists ${parts.sectionsListed}`,
    );
  }
  for (const id of repeats(parts.ids.concepts ?? [])) problems.push(`concepts: id "${id}" repeats`);
  for (const id of repeats(parts.ids.relations ?? [])) {
    problems.push(`relations: id "${id}" repeats`);
  }

  const kindOf = new Map(parts.concepts.map(({ item }) => [item.id, item.kind]));
  const conceptPlace = (index: number, id: unknown) =>
    typeof id === 'string' ? `concepts[${index}] (${id})` : `concepts[${index}]`;
  // Every concept's quotes, in the file's order: those of a concept that did not pass as well.
  const quoting = [
    ...parts.concepts.map(({ index, item }) => ({
      index,
      id: item.id as unknown,
      concept: item as Concept | null,
      passages: item.passages.map((passage, p) => ({ index: p, item: passage })),
    })),
    ...parts.loosePassages.map((loose) => ({ ...loose, concept: null })),
  ].sort((a, b) => a.index - b.index);
  // All quotes are found in the article together, which is much faster than one by one.
  const anchored = article
    ? anchorPassages(
        article.text,
        quoting.flatMap(({ passages }) => passages.map(({ item }) => item)),
      )
    : [];
  let nextAnchor = 0;
  const anchors: Anchors = new Map();
  for (const { index, id, concept, passages } of quoting) {
    const place = conceptPlace(index, id);
    if (concept && sectionIds && !sectionIds.has(concept.section)) {
      problems.push(`${place}.section: unknown section "${concept.section}"`);
    }
    if (article) {
      const positions = passages.flatMap(({ index: p }) => {
        const result = anchored[nextAnchor++] as (typeof anchored)[number];
        if (result.ok) return [result.position];
        problems.push(`${place}.passages[${p}]: ${result.reason}`);
        return [];
      });
      if (typeof id === 'string') anchors.set(id, positions);
    }
    for (const { index: p, item: passage } of passages) {
      if (passage.speaker === undefined) continue;
      const speaker = kindOf.get(passage.speaker);
      if (speaker === undefined) {
        // A concept that is there but did not pass has its own problems, and may be the source.
        if (conceptIds && !conceptIds.has(passage.speaker)) {
          problems.push(`${place}.passages[${p}].speaker: unknown concept "${passage.speaker}"`);
        }
      } else if (speaker !== 'source') {
        problems.push(
          `${place}.passages[${p}].speaker: "${passage.speaker}" is of kind ${speaker}; a speaker must be of kind source`,
        );
      }
    }
    if (!concept) continue;
    const summary = normaliseWhitespace(concept.summary).toLowerCase();
    for (const passage of concept.passages) {
      const exact = normaliseWhitespace(passage.exact).toLowerCase();
      if (exact.length >= 40 && summary.includes(exact)) {
        problems.push(`${place}.summary: copies its passage; explain it in other words`);
      }
    }
  }

  for (const { index, item: relation } of parts.relations) {
    const place = `relations[${index}] (${relation.id})`;
    for (const end of ['source', 'target'] as const) {
      if (conceptIds && !conceptIds.has(relation[end])) {
        problems.push(`${place}.${end}: unknown concept "${relation[end]}"`);
      }
    }
    if (relation.source === relation.target) problems.push(`${place}: relates a concept to itself`);
  }
  problems.push(...sameMeaning(parts.relations));

  // A name (a label or an alias) typed into the search leads to one concept: an alias may repeat
  // neither its own concept's label nor another concept's name. Labels alone may repeat, as in
  // generated maps; the curated map's labels are all different.
  const named = new Map<string, string>();
  for (const { item } of parts.concepts) named.set(nameKey(item.label), item.id);
  for (const { index, item: concept } of parts.concepts) {
    concept.aliases?.forEach((alias, a) => {
      const place = `${conceptPlace(index, concept.id)}.aliases[${a}]`;
      const owner = named.get(nameKey(alias));
      if (owner === concept.id)
        problems.push(`${place}: "${alias}" repeats a name of this concept`);
      else if (owner !== undefined) problems.push(`${place}: "${alias}" also names "${owner}"`);
      else named.set(nameKey(alias), concept.id);
    });
  }

  // A former id leads a shared link to one concept, so it may be neither a current id nor another
  // concept's former id.
  const formerOwner = new Map<string, string>();
  for (const { index, item: concept } of parts.concepts) {
    concept.formerIds?.forEach((formerId, f) => {
      const place = `${conceptPlace(index, concept.id)}.formerIds[${f}]`;
      const owner = formerOwner.get(formerId);
      if (conceptIds?.has(formerId)) {
        problems.push(`${place}: "${formerId}" is the id of a concept`);
      } else if (owner !== undefined) {
        problems.push(`${place}: "${formerId}" is already a former id of "${owner}"`);
      } else formerOwner.set(formerId, concept.id);
    });
  }

  if (article) {
    for (const { index, item: correction } of parts.corrections) {
      if (!article.text.includes(correction.exact)) {
        problems.push(
          `corrections[${index}]: the words are not in the article: "${correction.exact}"`,
        );
      }
    }
  }

  if (complete && parts.sectionsNamed) {
    for (const { item: section } of parts.sections) {
      if (!parts.sectionsNamed.has(section.id)) {
        problems.push(`sections (${section.id}): no concept belongs to this section`);
      }
    }
  }
  if (complete && parts.whole) {
    const concepts = parts.concepts.map(({ item }) => item);
    const cut = unreachable(
      concepts,
      parts.relations.map(({ item }) => item),
    );
    if (cut.length > 0) {
      problems.push(
        `relations: the graph is not connected; ${cut.length} concept(s) cannot be reached from "${concepts[0]?.id}": ${cut.join(', ')}`,
      );
    }
  }
  return { problems, anchors };
}

/** What checking a graph finds: every problem, and what passed, for the checks that follow. */
export type GraphFindings = {
  problems: string[];
  /** The graph, when it passed its schema. */
  graph: Graph | null;
  /** Where each concept's passages are, when the article was there to look in. */
  anchors: Anchors | null;
  /** The concept ids the file names, for the tours that point at them; null when unknown. */
  conceptIds: ReadonlySet<string> | null;
};

/**
 * Checks a graph by its schema and by its own rules, over every part that can be checked: the
 * rules run over the items that pass their schema even when others do not, and without the
 * article (`null`, when it could not be read) every rule that does not quote it still runs.
 * Problems come as `place: reason` lines, never only the first.
 */
export function examineGraph(
  raw: unknown,
  article: Article | null,
  { complete = true }: CheckOptions = {},
): GraphFindings {
  const parsed = parseGraph(raw);
  const record = asRecord(raw);
  if (!parsed.ok && (!record || !parsed.issuePaths)) {
    // Not a graph at all, or so much wrong that its problems are counted rather than listed: its
    // rules would only add to a list nobody reads to its end.
    return { problems: parsed.problems, graph: null, anchors: null, conceptIds: null };
  }
  const parts = parsed.ok
    ? partsOfGraph(parsed.data)
    : partsOfRaw(record ?? {}, failedItems(parsed.issuePaths ?? []));
  const rules = graphRules(parts, article, complete);
  return {
    problems: [...(parsed.ok ? [] : parsed.problems), ...rules.problems],
    graph: parsed.ok ? parsed.data : null,
    anchors: article ? rules.anchors : null,
    conceptIds: parts.ids.concepts && new Set(parts.ids.concepts),
  };
}

/**
 * Checks the curated graph against its schema and against the article it quotes. Returns every
 * problem as a `place: reason` line, never only the first.
 */
export function checkGraph(raw: unknown, article: Article, options: CheckOptions = {}): GraphCheck {
  const { problems, graph, anchors } = examineGraph(raw, article, options);
  return problems.length === 0 && graph && anchors
    ? { ok: true, graph, anchors }
    : { ok: false, problems };
}
