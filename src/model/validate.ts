import type { z } from 'zod';
import { anchorPassages, type Anchors } from './anchor.ts';
import type { Article } from './article.ts';
import { normaliseWhitespace } from './text.ts';
import { isExhaustion } from './failure.ts';
import {
  conceptSchema,
  correctionSchema,
  graphSchema,
  relationSchema,
  sectionSchema,
  type Graph,
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

export type Parsed<T> = { ok: true; data: T } | { ok: false; problems: string[] };

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
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { ok: true, data: parsed.data };
    return { ok: false, problems: formatIssues(parsed.error, raw) };
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
        const parsed = itemSchema.safeParse(item);
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
function sameMeaning(relations: Graph['relations']): string[] {
  const first = new Map<string, number>();
  const problems: string[] = [];
  relations.forEach((relation, index) => {
    const ends = [relation.source, relation.target].sort().join('\u0000');
    const key = `${ends}\u0000${relation.kind}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return;
    }
    const other = relations[earlier] as Graph['relations'][number];
    problems.push(
      `relations[${index}] (${relation.id}): says the same as relations[${earlier}] (${other.id}); both join "${relation.source}" and "${relation.target}" as ${relation.kind}`,
    );
  });
  return problems;
}

/** Concepts that cannot be reached from the first one when relations are read in both directions. */
function unreachable(graph: Graph): string[] {
  const first = graph.concepts[0];
  if (!first) return [];
  const neighbours = new Map<string, string[]>(graph.concepts.map((c) => [c.id, []]));
  for (const { source, target } of graph.relations) {
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
  return graph.concepts.filter((c) => !reached.has(c.id)).map((c) => c.id);
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

/**
 * Checks the curated graph against its schema and against the article it quotes. Returns every
 * problem as a `place: reason` line, never only the first.
 */
export function checkGraph(
  raw: unknown,
  article: Article,
  { complete = true }: CheckOptions = {},
): GraphCheck {
  const parsed = parseGraph(raw);
  if (!parsed.ok) return parsed;
  const graph = parsed.data;
  const problems: string[] = [];

  for (const id of repeats(graph.sections.map((s) => s.id)))
    problems.push(`sections: id "${id}" repeats`);
  for (const order of repeats(graph.sections.map((s) => String(s.order)))) {
    problems.push(`sections: order ${order} repeats`);
  }
  if (graph.sections.length !== article.sectionCount) {
    problems.push(
      `sections: the article has ${article.sectionCount} sections (the introduction and ${article.sectionCount - 1} headed sections), the graph lists ${graph.sections.length}`,
    );
  }
  for (const id of repeats(graph.concepts.map((c) => c.id)))
    problems.push(`concepts: id "${id}" repeats`);
  for (const id of repeats(graph.relations.map((r) => r.id)))
    problems.push(`relations: id "${id}" repeats`);

  const sectionIds = new Set(graph.sections.map((s) => s.id));
  const conceptIds = new Set(graph.concepts.map((c) => c.id));
  const kindOf = new Map(graph.concepts.map((c) => [c.id, c.kind]));
  const anchors: Anchors = new Map();
  // All quotes are found in the article together, which is much faster than one by one.
  const anchored = anchorPassages(
    article.text,
    graph.concepts.flatMap((concept) => concept.passages),
  );
  let nextAnchor = 0;
  graph.concepts.forEach((concept, index) => {
    const place = `concepts[${index}] (${concept.id})`;
    if (!sectionIds.has(concept.section)) {
      problems.push(`${place}.section: unknown section "${concept.section}"`);
    }
    const positions = concept.passages.flatMap((_, p) => {
      const result = anchored[nextAnchor++] as (typeof anchored)[number];
      if (result.ok) return [result.position];
      problems.push(`${place}.passages[${p}]: ${result.reason}`);
      return [];
    });
    anchors.set(concept.id, positions);
    concept.passages.forEach((passage, p) => {
      if (passage.speaker === undefined) return;
      const speaker = kindOf.get(passage.speaker);
      if (speaker === undefined) {
        problems.push(`${place}.passages[${p}].speaker: unknown concept "${passage.speaker}"`);
      } else if (speaker !== 'source') {
        problems.push(
          `${place}.passages[${p}].speaker: "${passage.speaker}" is of kind ${speaker}; a speaker must be of kind source`,
        );
      }
    });
    const summary = normaliseWhitespace(concept.summary).toLowerCase();
    for (const passage of concept.passages) {
      const exact = normaliseWhitespace(passage.exact).toLowerCase();
      if (exact.length >= 40 && summary.includes(exact)) {
        problems.push(`${place}.summary: copies its passage; explain it in other words`);
      }
    }
  });

  graph.relations.forEach((relation, index) => {
    const place = `relations[${index}] (${relation.id})`;
    for (const end of ['source', 'target'] as const) {
      if (!conceptIds.has(relation[end])) {
        problems.push(`${place}.${end}: unknown concept "${relation[end]}"`);
      }
    }
    if (relation.source === relation.target) problems.push(`${place}: relates a concept to itself`);
  });
  problems.push(...sameMeaning(graph.relations));

  // A name (a label or an alias) typed into the search leads to one concept: an alias may repeat
  // neither its own concept's label nor another concept's name. Labels alone may repeat, as in
  // generated maps; the curated map's labels are all different.
  const named = new Map<string, string>();
  for (const concept of graph.concepts) named.set(nameKey(concept.label), concept.id);
  graph.concepts.forEach((concept, index) => {
    concept.aliases?.forEach((alias, a) => {
      const place = `concepts[${index}] (${concept.id}).aliases[${a}]`;
      const owner = named.get(nameKey(alias));
      if (owner === concept.id)
        problems.push(`${place}: "${alias}" repeats a name of this concept`);
      else if (owner !== undefined) problems.push(`${place}: "${alias}" also names "${owner}"`);
      else named.set(nameKey(alias), concept.id);
    });
  });

  // A former id leads a shared link to one concept, so it may be neither a current id nor another
  // concept's former id.
  const formerOwner = new Map<string, string>();
  graph.concepts.forEach((concept, index) => {
    concept.formerIds?.forEach((formerId, f) => {
      const place = `concepts[${index}] (${concept.id}).formerIds[${f}]`;
      const owner = formerOwner.get(formerId);
      if (conceptIds.has(formerId)) {
        problems.push(`${place}: "${formerId}" is the id of a concept`);
      } else if (owner !== undefined) {
        problems.push(`${place}: "${formerId}" is already a former id of "${owner}"`);
      } else formerOwner.set(formerId, concept.id);
    });
  });

  graph.corrections?.forEach((correction, index) => {
    if (!article.text.includes(correction.exact)) {
      problems.push(
        `corrections[${index}]: the words are not in the article: "${correction.exact}"`,
      );
    }
  });

  for (const section of complete ? graph.sections : []) {
    if (!graph.concepts.some((c) => c.section === section.id)) {
      problems.push(`sections (${section.id}): no concept belongs to this section`);
    }
  }
  const cut = complete ? unreachable(graph) : [];
  if (cut.length > 0) {
    problems.push(
      `relations: the graph is not connected; ${cut.length} concept(s) cannot be reached from "${graph.concepts[0]?.id}": ${cut.join(', ')}`,
    );
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, graph, anchors };
}
