import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { Article } from './article.ts';
import type { Concept, ConceptKind, Graph } from './schema.ts';
import type { Anchors } from './anchor.ts';
import { excerpt, SNIPPET_LENGTH } from './text.ts';

export type SearchField = 'label' | 'alias' | 'zh' | 'summary' | 'passage';

export type SearchHit = {
  id: string;
  label: string;
  kind: ConceptKind;
  score: number;
  /** The field that holds the best match, for telling the reader why the concept came up. */
  field: SearchField;
  /** A short piece of that field around the match (at most `SNIPPET_LENGTH` characters). */
  snippet: string;
};

export type SearchIndex = {
  search(query: string, limit?: number): SearchHit[];
  /** The ids of what `search` finds, best first, without working out why each matched. */
  ids(query: string, limit?: number): string[];
  /**
   * One search for a list and a map: the first `shown` hits in full, the ids of the first
   * `marked`, and how many concepts match in all.
   */
  lookup(query: string, shown: number, marked: number): SearchLookup;
};

export type SearchLookup = { hits: SearchHit[]; ids: string[]; total: number };

export { excerpt, SNIPPET_LENGTH };

/** MiniSearch's own separator: any Unicode space, line break or punctuation. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Chinese is written without spaces; characters and overlapping pairs make any substring findable. */
function cjkTerms(run: string): string[] {
  const chars = [...run];
  const terms = [...chars];
  for (let i = 0; i + 1 < chars.length; i += 1) terms.push(`${chars[i]}${chars[i + 1]}`);
  return terms;
}

/**
 * Splits text into terms as MiniSearch does, except that runs of CJK characters become single
 * characters plus overlapping bigrams. Used for documents and queries alike.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const word of text.split(SPACE_OR_PUNCTUATION)) {
    if (!word) continue;
    let rest = 0;
    for (const run of word.matchAll(CJK_RUN)) {
      if (run.index > rest) terms.push(word.slice(rest, run.index));
      terms.push(...cjkTerms(run[0]));
      rest = run.index + run[0].length;
    }
    if (rest < word.length) terms.push(word.slice(rest));
  }
  return terms;
}

const isCjk = (term: string) => CJK.test(term);

/** Allowed typos as a share of a word's length: one in a word of 4 to 7 letters, two up to 12. */
const FUZZY = 0.2;

type Doc = {
  id: string;
  label: string;
  aliases: string;
  zh: string;
  summary: string;
  passages: string;
};

const fieldOf: Record<Exclude<keyof Doc, 'id'>, SearchField> = {
  label: 'label',
  aliases: 'alias',
  zh: 'zh',
  summary: 'summary',
  passages: 'passage',
};
/** Where a match counts most, and the order in which ties between fields are decided. */
const fieldOrder = Object.keys(fieldOf) as (keyof typeof fieldOf)[];

/** How many typos a query term may have (MiniSearch's rule for a fractional `fuzzy`). */
const maxTypos = (term: string) =>
  !isCjk(term) && term.length >= 4 ? Math.round(term.length * FUZZY) : 0;

/** Whether the Levenshtein distance between two words is at most `max`. */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    if (Math.min(...current) > max) return false;
    previous = current;
  }
  return (previous[b.length] ?? Infinity) <= max;
}

/** Whether an indexed term is what a query term found: itself, its completion or a near miss. */
function derivesFrom(docTerm: string, queryTerm: string): boolean {
  if (docTerm === queryTerm) return true;
  if (isCjk(queryTerm)) return false;
  return docTerm.startsWith(queryTerm) || withinDistance(docTerm, queryTerm, maxTypos(queryTerm));
}

const searchOptions: SearchOptions = {
  boost: { label: 6, aliases: 3, zh: 3, summary: 1.2, passages: 1 },
  // Bigrams already find any CJK substring; prefixes and typos only make sense for words.
  prefix: (term) => !isCjk(term),
  fuzzy: (term) => (maxTypos(term) > 0 ? FUZZY : false),
};

/** Query words shorter than this are looked for in names only. */
const SHORT_TERM = 3;
const NAME_FIELDS: (keyof typeof fieldOf)[] = ['label', 'aliases'];

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first place any of the terms occurs in the text, longest term first on a tie. */
function firstMatch(text: string, terms: string[]): { at: number; length: number } | undefined {
  let best: { at: number; length: number } | undefined;
  for (const term of terms) {
    const found = new RegExp(escapeRegExp(term), 'iu').exec(text);
    if (!found) continue;
    if (!best || found.index < best.at || (found.index === best.at && term.length > best.length)) {
      best = { at: found.index, length: found[0].length };
    }
  }
  return best;
}

/** Every quoted passage of a concept as it reads in the article (emphasis markers dropped). */
function passageTexts(concept: Concept, article: Article, anchors: Anchors): string[] {
  const positions = anchors.get(concept.id);
  return concept.passages.map((passage, index) => {
    const position = positions?.[index];
    return position ? article.text.slice(position.start, position.end) : passage.exact;
  });
}

/**
 * A full-text index of the concepts: their labels, aliases, Chinese names, summaries and quoted
 * passages, tolerant of case, typos and half-typed words.
 */
export function buildSearchIndex(graph: Graph, article: Article, anchors: Anchors): SearchIndex {
  const { index, docs, api } = createIndex(graph, article, anchors);
  index.addAll(docs);
  return api;
}

/** How long one step of building the index may run before it lets the page draw a frame. */
const STEP_MS = 6;

/**
 * The same index, built a few milliseconds at a time so that a large map stays smooth to pan and
 * type in while it is being built.
 */
export async function buildSearchIndexInSteps(
  graph: Graph,
  article: Article,
  anchors: Anchors,
): Promise<SearchIndex> {
  const { index, docs, api } = createIndex(graph, article, anchors);
  let next = 0;
  while (next < docs.length) {
    const until = performance.now() + STEP_MS;
    do index.add(docs[next++] as Doc);
    while (next < docs.length && performance.now() < until);
    if (next < docs.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return api;
}

function createIndex(graph: Graph, article: Article, anchors: Anchors) {
  const parts = new Map<string, Record<SearchField, string[]>>();
  const concepts = new Map(graph.concepts.map((c) => [c.id, c]));
  const docs: Doc[] = graph.concepts.map((concept) => {
    const passages = passageTexts(concept, article, anchors);
    parts.set(concept.id, {
      label: [concept.label],
      alias: concept.aliases ?? [],
      zh: concept.zh === undefined ? [] : [concept.zh],
      summary: [concept.summary],
      passage: passages,
    });
    return {
      id: concept.id,
      label: concept.label,
      aliases: (concept.aliases ?? []).join(' · '),
      zh: concept.zh ?? '',
      summary: concept.summary,
      passages: passages.join(' · '),
    };
  });
  const index = new MiniSearch<Doc>({
    fields: fieldOrder,
    tokenize,
    searchOptions: { ...searchOptions, tokenize },
  });

  /** The field that holds the most of the query's terms, the more important field on a tie. */
  function bestField(result: SearchResult, queryTerms: string[]): keyof typeof fieldOf {
    let best: keyof typeof fieldOf = 'passages';
    let bestCount = 0;
    for (const field of fieldOrder) {
      const docTerms = Object.keys(result.match).filter((t) => result.match[t]?.includes(field));
      const count = queryTerms.filter((q) => docTerms.some((t) => derivesFrom(t, q))).length;
      if (count > bestCount) {
        best = field;
        bestCount = count;
      }
    }
    return best;
  }

  function toHit(result: SearchResult, queryTerms: string[]): SearchHit | undefined {
    const id = result.id as string;
    const concept = concepts.get(id);
    const texts = parts.get(id);
    if (!concept || !texts) return undefined;
    const docField = bestField(result, queryTerms);
    const field = fieldOf[docField];
    const terms = Object.entries(result.match)
      .filter(([, fields]) => fields.includes(docField))
      .map(([term]) => term);
    // An alias or passage is shown on its own: the one that holds the match.
    let snippet = excerpt(texts[field][0] ?? '');
    for (const text of texts[field]) {
      const match = firstMatch(text, terms);
      if (match) {
        snippet = excerpt(text, match.at, match.length);
        break;
      }
    }
    return { id, label: concept.label, kind: concept.kind, score: result.score, field, snippet };
  }

  function find(query: string): { results: SearchResult[]; queryTerms: string[] } {
    const queryTerms = tokenize(query).map((term) => term.toLowerCase());
    if (queryTerms.length === 0) return { results: [], queryTerms };
    // A word of one or two letters, completed as a prefix, starts most words of a long article:
    // it is looked for in names only, which is what someone typing a first letter is after,
    // and so the list keeps up with each key on a map of thousands of concepts.
    const short = queryTerms.every((term) => !isCjk(term) && term.length < SHORT_TERM);
    const where = short ? { fields: NAME_FIELDS } : {};
    let results = index.search(query, { ...where, combineWith: 'AND' });
    if (results.length === 0) results = index.search(query, { ...where, combineWith: 'OR' });
    return { results, queryTerms };
  }

  const api: SearchIndex = {
    search(query, limit = Infinity) {
      return api.lookup(query, limit, 0).hits;
    },
    ids(query, limit = Infinity) {
      return api.lookup(query, 0, limit).ids;
    },
    lookup(query, shown, marked) {
      const { results, queryTerms } = find(query);
      const known = results.filter((result) => concepts.has(result.id as string));
      return {
        hits: known
          .slice(0, shown)
          .map((result) => toHit(result, queryTerms))
          .filter((hit) => hit !== undefined),
        ids: known.slice(0, marked).map((result) => result.id as string),
        total: known.length,
      };
    },
  };
  return { index, docs, api };
}

/**
 * Queries that take each path a typed word takes: one letter, two (names only), a prefix of
 * three, a whole word, and the same word with a typo. Made from the map's first label, so they
 * find something and work out snippets too.
 */
export function warmUpQueries(graph: Graph): string[] {
  const word =
    graph.concepts
      .flatMap((c) => tokenize(c.label))
      .find((w) => !isCjk(w) && w.length >= 6)
      ?.toLowerCase() ?? 'productive';
  const typo = `${word.slice(0, 2)}${word.slice(3)}`;
  return [word.slice(0, 1), word.slice(0, 2), word.slice(0, 3), word.slice(0, 5), word, typo];
}

/** How many times the warm-up runs its queries: enough for the engine to compile the search. */
const WARM_UP_ROUNDS = 5;

/** Runs `action` later (in the app: when the browser is next idle) and returns a way to cancel it. */
export type Schedule = (action: () => void) => () => void;

/**
 * Runs the warm-up queries a few times, one per `later` moment, so that the first keys someone
 * types run compiled code instead of the engine's first, slower pass over it. Returns a way to stop.
 */
export function warmUp(index: SearchIndex, graph: Graph, later: Schedule): () => void {
  const queries = warmUpQueries(graph);
  const total = queries.length * WARM_UP_ROUNDS;
  let done = 0;
  const next = () => {
    index.lookup(queries[done % queries.length] as string, 8, 50);
    done += 1;
    if (done < total) cancel = later(next);
  };
  let cancel = later(next);
  return () => cancel();
}
