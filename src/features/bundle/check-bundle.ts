import { z } from 'zod';
import '../../shared/zod-setup';
import type { Anchors } from '../../model/anchor';
import { ArticleError, parseArticle, type Article } from '../../model/article';
import { bundleSchema } from '../../model/bundle-schema';
import { deriveAtlas, type AtlasLoad } from '../../model/derive-atlas';
import { faultInWords } from '../../model/failure';
import { outOfRange } from '../../model/positions';
import { layoutSchema, type Graph, type Layout } from '../../model/schema';
import { everyConceptPlaced, layoutFromPositions } from '../../model/section-boxes';
import { examineTours, type Tour } from '../../model/tours';
import { parseUntrustedJson } from '../../model/untrusted-json';
import { timed } from '../../model/timing';
import { examineGraph, parseBounded } from '../../model/validate';
import type { Progress } from './layout-client';
import { textOf, UNREADABLE_FILE } from './read-source';

/**
 * The bundle's envelope: the bundle's own schema with the graph and tours left open here, since
 * they are checked next by their own rules, which name each problem's concept or step.
 */
const envelopeSchema = bundleSchema.extend({
  graph: z.unknown().refine((value) => value !== undefined, 'is missing'),
  tours: z.unknown().optional(),
});

/** Problems inside a part of the bundle, with their place written from the bundle's root. */
const within = (part: string, problems: string[]) =>
  problems.map((problem) =>
    problem.startsWith('(root)')
      ? `${part}${problem.slice('(root)'.length)}`
      : `${part}.${problem}`,
  );

/** The steps of checking, named for the message that says which one was too costly. */
export type CheckStep = 'read the file' | 'read the article' | 'check the map' | 'check the tours';

/** What checking a bundle's text finds, before anything is laid out or drawn. */
export type ContentCheck =
  | { ok: true; article: Article; graph: Graph; anchors: Anchors; tours: Tour[] }
  | { ok: false; problems: string[] };

/** Runs one step; a fault it throws becomes a problem in words, never the exception's text. */
function step<T>(
  name: CheckStep,
  onStep: (name: CheckStep) => void,
  work: () => T,
): { ok: true; value: T } | { ok: false; problem: string } {
  onStep(name);
  try {
    return { ok: true, value: timed(`bundle: ${name}`, work) };
  } catch (error) {
    return { ok: false, problem: faultInWords(error) };
  }
}

/**
 * Why a file is no map file at all, when it is not: rather than a list of every field it lacks,
 * one sentence a teacher can act on.
 */
function notAMapFile(value: unknown): string | null {
  const fields =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  if (fields && (Object.hasOwn(fields, 'article') || Object.hasOwn(fields, 'graph'))) return null;
  if (fields && Object.hasOwn(fields, 'concepts')) {
    return 'this is the graph of a map alone, without its article: a Concept Atlas map file holds the article, its graph and its tours together';
  }
  return 'this is not a Concept Atlas map file: it has no article and no map. “Download the built-in map as an example file”, under “Open map…”, shows what one holds';
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/**
 * Checks a bundle's text by every rule the built-in content follows. Never throws: every problem,
 * of every part that can be checked, comes back as a `place: reason` line, with places written
 * from the bundle's root. Pure and synchronous, so that it runs in the checking worker.
 */
export function checkContent(
  text: string,
  onStep: (name: CheckStep) => void = () => undefined,
): ContentCheck {
  const json = step('read the file', onStep, () => parseUntrustedJson(text));
  if (!json.ok) return { ok: false, problems: [`(file): it could not be read: ${json.problem}`] };
  if (!json.value.ok) return json.value;
  const raw = record(json.value.value);
  const notAMap = notAMapFile(json.value.value);
  if (notAMap) return { ok: false, problems: [`(file): ${notAMap}`] };
  const problems: string[] = [];

  const envelope = step('read the file', onStep, () => parseBounded(envelopeSchema, raw));
  if (!envelope.ok) problems.push(`(root): it could not be checked: ${envelope.problem}`);
  else if (!envelope.value.ok) problems.push(...envelope.value.problems);

  let article: Article | null = null;
  if (envelope.ok && envelope.value.ok) {
    const { title, markdown, source } = envelope.value.data.article;
    const read = step('read the article', onStep, () => {
      try {
        return parseArticle(markdown, { title, ...(source ? { source } : {}) });
      } catch (error) {
        if (error instanceof ArticleError) return error;
        throw error;
      }
    });
    if (!read.ok) problems.push(`article.markdown: it could not be read: ${read.problem}`);
    else if (read.value instanceof ArticleError) problems.push(`article: ${read.value.message}`);
    else article = read.value;
  }

  // The graph and the tours are checked even when the article is not, so that one look lists
  // what is wrong in every part: by every rule that can judge what passed its schema, those that
  // quote the article only where it is there to quote.
  const rawGraph = raw.graph;
  if (rawGraph === undefined) return { ok: false, problems };
  // A bundle may hold a map still in the making: sections without concepts yet, concepts not yet
  // connected.
  const graphCheck = step('check the map', onStep, () =>
    examineGraph(rawGraph, article, { complete: false }),
  );
  if (!graphCheck.ok) problems.push(`graph: it could not be checked: ${graphCheck.problem}`);
  else problems.push(...within('graph', graphCheck.value.problems));
  const graph = graphCheck.ok ? graphCheck.value : null;

  let tours: Tour[] = [];
  if (raw.tours !== undefined) {
    const toursCheck = step('check the tours', onStep, () =>
      examineTours(raw.tours, graph?.conceptIds ?? null),
    );
    if (!toursCheck.ok) problems.push(`tours: it could not be checked: ${toursCheck.problem}`);
    else if (!toursCheck.value.ok) problems.push(...within('tours', toursCheck.value.problems));
    else tours = toursCheck.value.tours.tours;
  }

  if (problems.length > 0 || !article || !graph?.graph || !graph.anchors) {
    return { ok: false, problems };
  }
  return { ok: true, article, graph: graph.graph, anchors: graph.anchors, tours };
}

export type LayOut = (
  graph: Parameters<typeof layoutFromPositions>[0],
  anchors: Parameters<typeof deriveAtlas>[0]['anchors'],
  onProgress: Progress,
) => Promise<Layout>;

/**
 * Checks a bundle's text, or the file that holds it, somewhere (the app does it in a worker); see
 * `checkContent`.
 */
export type CheckText = (input: string | Blob) => Promise<ContentCheck>;

/** Checks a bundle's text, or reads its file and checks that, here on this thread. */
export async function checkHere(input: string | Blob): Promise<ContentCheck> {
  const text = await textOf(input);
  return text === null ? { ok: false, problems: [UNREADABLE_FILE] } : checkContent(text);
}

export type CheckOptions = {
  /** Places the concepts that have no position; the app does it in a worker. */
  layOut: LayOut;
  onProgress?: Progress;
  /** A layout kept from an earlier opening of the same bundle, used when it still fits. */
  savedLayout?: unknown;
  /** Where the text is checked; by default here, on this thread. */
  check?: CheckText;
};

export type BundleCheck =
  | {
      ok: true;
      atlas: Extract<AtlasLoad, { ok: true }>['atlas'];
      laidOut: Layout | null;
      /** What the user should know about a map that opened, such as positions laid out anew. */
      notice: string | null;
    }
  | { ok: false; problems: string[] };

/**
 * Checks a bundle from anywhere, by every rule the built-in content follows, and derives its map.
 * Returns every problem as a `place: reason` line, with places written from the bundle's root.
 */
export async function checkBundle(
  input: string | Blob,
  options: CheckOptions,
): Promise<BundleCheck> {
  const checked = await (options.check ?? checkHere)(input);
  if (!checked.ok) return checked;
  const { article, anchors, tours } = checked;
  let { graph } = checked;

  // Positions so far out that the map would draw nothing (or nothing but errors) are dropped,
  // and the map laid out anew, rather than opened blank.
  let notice: string | null = null;
  const far = outOfRange(graph);
  if (far) {
    notice = `${far} The map was laid out anew instead.`;
    graph = {
      ...graph,
      concepts: graph.concepts.map((concept) => {
        const unplaced = { ...concept };
        delete unplaced.position;
        return unplaced;
      }),
    };
  }

  let laidOut: Layout | null = null;
  if (!everyConceptPlaced(graph)) {
    const saved = far ? null : layoutSchema.safeParse(options.savedLayout);
    const fits =
      saved?.success === true &&
      graph.concepts.every((concept) => concept.id in saved.data.concepts);
    laidOut =
      fits && saved.success
        ? saved.data
        : await options.layOut(graph, anchors, options.onProgress ?? (() => undefined));
  }
  const layout = layoutFromPositions(graph, laidOut?.concepts ?? {});
  return {
    ok: true,
    atlas: timed('bundle: derive the map', () =>
      deriveAtlas({ article, graph, anchors, layout, tours }),
    ),
    laidOut,
    notice,
  };
}
