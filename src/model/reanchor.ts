import approxSearch from 'approx-string-match';
import {
  anchorPassages,
  endsBefore,
  normaliseQuote,
  startsAfter,
  type TextPosition,
} from './anchor.ts';
import { isCjk } from './cjk.ts';
import type { Graph, Passage } from './schema.ts';

/**
 * What became of a passage when the article changed:
 * - `exact`: its words are still there, unchanged. `passage` is the selector to keep: the old one,
 *   or (`changed`) the same words with a new prefix or suffix where they now repeat.
 * - `fuzzy`: words close to its old ones stand where it stood. `passage` quotes them as they now
 *   read, with a prefix or suffix only where they repeat; `errors` counts the characters that differ.
 * - `orphan`: it could not be found again. `passage` is kept exactly as it was, never dropped,
 *   and `reason` says why in words a teacher reads.
 */
export type Reanchored =
  | { status: 'exact'; passage: Passage; position: TextPosition; changed: boolean }
  | { status: 'fuzzy'; passage: Passage; position: TextPosition; errors: number }
  | { status: 'orphan'; passage: Passage; reason: string };

export const ORPHAN_REASONS = Object.freeze({
  empty: 'It quotes no words.',
  gone: 'Its words are no longer where they stood in the article, and nothing close enough to them is left there.',
  missing: 'Its words are not in the article.',
  repeated:
    'Its words occur more than once in the article, and the words around them do not tell which place is meant.',
  split: 'Its words now run across two paragraphs; a passage stays within one.',
});

/** The edited stretch of the article: before `from` and after `oldTo`/`newTo` the texts agree. */
type Edit = { from: number; oldTo: number; newTo: number };

/** The one stretch that covers every difference between the two texts (linear time). */
function editBetween(oldText: string, newText: string): Edit {
  const shorter = Math.min(oldText.length, newText.length);
  let from = 0;
  while (from < shorter && oldText.charCodeAt(from) === newText.charCodeAt(from)) from += 1;
  let tail = 0;
  while (
    tail < shorter - from &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  ) {
    tail += 1;
  }
  return { from, oldTo: oldText.length - tail, newTo: newText.length - tail };
}

/** A place known in both texts: `old` in the old one is `now` in the new one. */
type Landmark = { old: number; now: number };

/**
 * Where an old offset most likely is now: shifted as the nearest landmark before it was. The
 * landmarks are the edges of the edited stretch and the passages found unchanged, so that
 * words inserted before a passage move its hint with it.
 */
function hintFor(landmarks: readonly Landmark[], old: number): number {
  let low = 0;
  let high = landmarks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((landmarks[middle] as Landmark).old <= old) low = middle;
    else high = middle - 1;
  }
  const landmark = landmarks[low] as Landmark;
  return landmark.now + (old - landmark.old);
}

/**
 * The most characters a changed quote may differ by and still be found: a quarter of it, and
 * never more than 64, which keeps approx-string-match to two 32-bit words per character of text.
 */
export const maxErrorsFor = (quoteLength: number) => Math.min(64, Math.floor(quoteLength / 4));

/**
 * How far from where it stood a passage is looked for. A search costs the length of the stretch
 * it reads, so bounding it keeps hundreds of changed passages in a 5 MB article to well under a
 * second: a passage moved further than this and changed at once becomes an orphan.
 */
export const SEARCH_REACH = 100_000;

/** Text read on each side of a passage to tell its candidates apart. */
const CONTEXT = 32;

/** Enough exact places to choose among; more would only cost. */
const ENOUGH_PLACES = 1_000;

/** How similar `value` is to the start (`fromEnd`: the end) of `expected`, from 0 to 1. */
function similarity(value: string, expected: string): number {
  if (expected === '') return 1;
  if (value === '') return 0;
  const [best] = approxSearch(value, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

type Candidate = { start: number; end: number; errors: number };

/** The places of `exact` that start within [from, to), at most `enough` of them. */
function exactPlaces(
  text: string,
  exact: string,
  from: number,
  to: number,
  enough = ENOUGH_PLACES,
): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact, from); at >= 0 && at < to; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
    if (found.length >= enough) break;
  }
  return found;
}

/**
 * Chooses as Hypothesis does: the quote's likeness first, then its surroundings, then nearness.
 * Hypothesis's hint is a guess; here it is where the text around the passage moved to, so a
 * candidate standing right there (`here`, 1 at the hint and 0 a context's width away) counts more,
 * and a repeat of the same words a little further on does not win over the edited words themselves.
 */
function best(
  candidates: readonly Candidate[],
  quoteLength: number,
  score: (candidate: Candidate) => { before: number; after: number; near: number; here: number },
): Candidate | undefined {
  let chosen: Candidate | undefined;
  let top = -Infinity;
  for (const candidate of candidates) {
    const { before, after, near, here } = score(candidate);
    const value =
      50 * (1 - candidate.errors / quoteLength) + 20 * before + 20 * after + 2 * near + 15 * here;
    if (value > top) {
      top = value;
      chosen = candidate;
    }
  }
  return chosen;
}

const WORD = /[\p{L}\p{N}]/u;
const isWordChar = (char: string | undefined) =>
  char !== undefined && WORD.test(char) && !isCjk(char);
/** The most letters a match is widened by to reach the edge of a word. */
const WORD_REACH = 24;

/**
 * A close match can stop inside a word ("econom" for "economy"); where the old quote began or
 * ended on a word's edge, the new one is widened to the edge of the word it cuts. Chinese, which
 * has no spaces, is left as matched.
 */
function toWordEdges(
  text: string,
  match: Candidate,
  edges: { startsWord: boolean; endsWord: boolean },
): Candidate {
  let { start, end } = match;
  if (edges.startsWord && isWordChar(text[start]) && isWordChar(text[start - 1])) {
    let at = start;
    while (at > 0 && start - at < WORD_REACH && isWordChar(text[at - 1])) at -= 1;
    if (!isWordChar(text[at - 1])) start = at;
  }
  if (edges.endsWord && isWordChar(text[end - 1]) && isWordChar(text[end])) {
    let at = end;
    while (at < text.length && at - end < WORD_REACH && isWordChar(text[at])) at += 1;
    if (!isWordChar(text[at])) end = at;
  }
  while (start < end && /\s/.test(text[start] as string)) start += 1;
  while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
  return { ...match, start, end };
}

/** Cut points back from `start` to the paragraph's start, nearest first: words, or runs of Chinese. */
function cutsBefore(text: string, low: number, start: number): number[] {
  const cuts: number[] = [];
  let last = start;
  for (let at = start - 1; at >= low; at -= 1) {
    if (at === low || text[at - 1] === ' ' || last - at >= 16) {
      cuts.push(at);
      last = at;
    }
  }
  return cuts;
}

function cutsAfter(text: string, end: number, high: number): number[] {
  const cuts: number[] = [];
  let last = end;
  for (let at = end + 1; at <= high; at += 1) {
    if (at === high || text[at] === ' ' || at - last >= 16) {
      cuts.push(at);
      last = at;
    }
  }
  return cuts;
}

/**
 * The selector for the words at [start, end): the words alone where they occur once, or with the
 * shortest prefix, suffix or both from their own paragraph that lead to this place only. Undefined
 * when even the whole paragraph around them repeats.
 */
function selectorAt(
  text: string,
  start: number,
  end: number,
  speaker: string | undefined,
): Passage | undefined {
  const exact = text.slice(start, end);
  const withSpeaker = (selector: Passage): Passage =>
    speaker === undefined ? selector : { ...selector, speaker };
  const others = exactPlaces(text, exact, 0, text.length).filter((place) => place.start !== start);
  const low = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const high = newline < 0 ? text.length : newline;
  const prefixes = cutsBefore(text, low, start).map((at) => normaliseQuote(text.slice(at, start)));
  const suffixes = cutsAfter(text, end, high).map((at) => normaliseQuote(text.slice(end, at)));
  const tries: Passage[] = [{ exact }];
  for (let words = 0; words < Math.max(prefixes.length, suffixes.length); words += 1) {
    const prefix = prefixes[Math.min(words, prefixes.length - 1)];
    const suffix = suffixes[Math.min(words, suffixes.length - 1)];
    if (words < prefixes.length && prefix) tries.push({ exact, prefix });
    if (words < suffixes.length && suffix) tries.push({ exact, suffix });
    tries.push({ exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) });
  }
  for (const selector of tries) {
    const fits = (at: number) =>
      (!selector.prefix || endsBefore(text, at, selector.prefix)) &&
      (!selector.suffix || startsAfter(text, at + exact.length, selector.suffix));
    if (fits(start) && !others.some((place) => fits(place.start))) return withSpeaker(selector);
  }
  return undefined;
}

type Known = {
  oldText: string;
  newText: string;
  landmarks: readonly Landmark[];
  edit: Edit;
};

/** Finds a passage again near where it stood, exact words first, then close ones. */
function findNear(known: Known, passage: Passage, exact: string, was: TextPosition): Reanchored {
  const { oldText, newText, landmarks, edit } = known;
  const hint = Math.max(0, Math.min(newText.length, hintFor(landmarks, was.start)));
  const reach = Math.max(256, 2 * exact.length);
  let from = hint - reach;
  let to = hint + exact.length + reach;
  // A passage that overlapped the edit may now be anywhere in what replaced it.
  const overlapped = was.start < edit.oldTo && was.end > edit.from;
  if (overlapped) {
    from = Math.min(from, edit.from - exact.length);
    to = Math.max(to, edit.newTo + exact.length);
  }
  from = Math.max(0, from, hint - SEARCH_REACH);
  to = Math.min(newText.length, to, hint + exact.length + SEARCH_REACH);

  const before = oldText.slice(Math.max(0, was.start - CONTEXT), was.start);
  const after = oldText.slice(was.end, was.end + CONTEXT);
  const score = (candidate: Candidate) => ({
    before: similarity(
      newText.slice(Math.max(0, candidate.start - before.length), candidate.start),
      before,
    ),
    after: similarity(newText.slice(candidate.end, candidate.end + after.length), after),
    near: 1 - Math.abs(candidate.start - hint) / Math.max(1, to - from),
    here: Math.max(0, 1 - Math.abs(candidate.start - hint) / (exact.length + 2 * CONTEXT)),
  });

  // Where the passage now stands: right after its old surroundings before it, or right before
  // those after it, as found nearest to where the text around it moved.
  const maxErrors = maxErrorsFor(exact.length);
  const nearest = (needle: string, around: number) => {
    if (needle === '') return undefined;
    let closest: number | undefined;
    for (const place of exactPlaces(newText, needle, Math.max(0, from - needle.length), to)) {
      if (closest === undefined || Math.abs(place.start - around) < Math.abs(closest - around)) {
        closest = place.start;
      }
    }
    return closest;
  };
  const beforeAt = nearest(before, hint - before.length);
  const afterAt = nearest(after, hint + exact.length);
  const low = beforeAt === undefined ? undefined : beforeAt + before.length;
  const high = afterAt !== undefined && (low === undefined || afterAt >= low) ? afterAt : undefined;
  const found = (matches: readonly { start: number; end: number; errors: number }[], at: number) =>
    matches.map((match) => ({
      start: match.start + at,
      end: match.end + at,
      errors: match.errors,
    }));

  const exactOnes = exactPlaces(newText, exact, from, to - exact.length + 1);
  let candidates: Candidate[];
  if (low === undefined && high === undefined) {
    // Its surroundings are gone too: anything within reach, scored by likeness and nearness.
    candidates =
      exactOnes.length > 0 || maxErrors === 0
        ? exactOnes
        : found(approxSearch(newText.slice(from, to), exact, maxErrors), from);
  } else {
    // Its place is known: only the words there, changed or not, are the passage. A repeat of
    // the words nearby is not, unless they occurred only at the passage's place and now occur
    // once elsewhere: then they were moved.
    const placeFrom = Math.max(0, (low ?? (high as number) - exact.length) - maxErrors - 1);
    const placeTo = Math.min(
      newText.length,
      (high ?? (low as number) + exact.length) + maxErrors + 1,
    );
    candidates = exactOnes.filter((place) => place.start >= placeFrom && place.end <= placeTo);
    if (candidates.length === 0 && maxErrors > 0) {
      candidates = found(
        approxSearch(newText.slice(placeFrom, placeTo), exact, maxErrors),
        placeFrom,
      );
    }
    if (candidates.length === 0) {
      const [only, ...more] = exactPlaces(newText, exact, 0, newText.length, 2);
      if (
        only &&
        more.length === 0 &&
        exactPlaces(oldText, exact, 0, oldText.length, 2).length === 1
      ) {
        candidates = [only];
      }
    }
  }
  const chosen = best(candidates, exact.length, score);
  if (!chosen) return { status: 'orphan', passage, reason: ORPHAN_REASONS.gone };
  const placed =
    chosen.errors === 0
      ? chosen
      : toWordEdges(newText, chosen, {
          startsWord: !isWordChar(oldText[was.start - 1]),
          endsWord: !isWordChar(oldText[was.end]),
        });
  if (placed.start === placed.end)
    return { status: 'orphan', passage, reason: ORPHAN_REASONS.gone };
  if (newText.slice(placed.start, placed.end).includes('\n')) {
    return { status: 'orphan', passage, reason: ORPHAN_REASONS.split };
  }
  const selector = selectorAt(newText, placed.start, placed.end, passage.speaker);
  if (!selector) return { status: 'orphan', passage, reason: ORPHAN_REASONS.repeated };
  const position = { start: placed.start, end: placed.end };
  if (selector.exact === exact) {
    return { status: 'exact', passage: selector, position, changed: true };
  }
  return { status: 'fuzzy', passage: selector, position, errors: chosen.errors };
}

/** A passage that had no single place before the change: only its exact words can be trusted. */
function findAnywhere(newText: string, passage: Passage, exact: string): Reanchored {
  const places = exactPlaces(newText, exact, 0, newText.length);
  if (places.length === 0) return { status: 'orphan', passage, reason: ORPHAN_REASONS.missing };
  const [only] = places;
  if (places.length > 1 || !only) {
    return { status: 'orphan', passage, reason: ORPHAN_REASONS.repeated };
  }
  const selector = selectorAt(newText, only.start, only.end, passage.speaker);
  if (!selector) return { status: 'orphan', passage, reason: ORPHAN_REASONS.repeated };
  return {
    status: 'exact',
    passage: selector,
    position: { start: only.start, end: only.end },
    changed: true,
  };
}

/**
 * Finds passages again after the article's text changed from `oldText` to `newText` (both the
 * plain text passages are anchored in, `Article.text`). Each passage is looked for by its exact
 * words first, with its prefix and suffix deciding between repeats, as the app anchors it; then,
 * near where it stood, by close words, as Hypothesis does with approx-string-match. One result
 * per passage, in order; none is ever dropped.
 */
export function reanchorPassages(
  passages: readonly Passage[],
  oldText: string,
  newText: string,
): Reanchored[] {
  const now = anchorPassages(newText, passages);
  if (now.every((result) => result.ok)) {
    return passages.map((passage, i) => {
      const { position } = now[i] as Extract<(typeof now)[number], { ok: true }>;
      return { status: 'exact', passage, position, changed: false };
    });
  }
  const before = anchorPassages(oldText, passages);
  const edit = editBetween(oldText, newText);
  const landmarks: Landmark[] = [
    { old: 0, now: 0 },
    { old: edit.from, now: edit.from },
    { old: edit.oldTo, now: edit.newTo },
  ];
  // Passages found unchanged inside the edited stretch say how far the text around them moved.
  passages.forEach((_, i) => {
    const was = before[i];
    const is = now[i];
    if (was?.ok && is?.ok && was.position.start > edit.from && was.position.start < edit.oldTo) {
      landmarks.push({ old: was.position.start, now: is.position.start });
    }
  });
  landmarks.sort((a, b) => a.old - b.old || a.now - b.now);
  const known: Known = { oldText, newText, landmarks, edit };

  const results = passages.map((passage, i): Reanchored => {
    const found = now[i];
    if (found?.ok) return { status: 'exact', passage, position: found.position, changed: false };
    const exact = normaliseQuote(passage.exact);
    if (exact === '') return { status: 'orphan', passage, reason: ORPHAN_REASONS.empty };
    const was = before[i];
    return was?.ok
      ? findNear(known, passage, exact, was.position)
      : findAnywhere(newText, passage, exact);
  });
  return verified(results, passages, newText);
}

/**
 * The anchoring itself has the last word on every new selector, so that what is kept is what the
 * app will find: all of them at once, in one pass over the text. One that leads elsewhere (its
 * words repeat more often than were counted) is an orphan.
 */
function verified(
  results: Reanchored[],
  passages: readonly Passage[],
  newText: string,
): Reanchored[] {
  const fresh = results.flatMap((result, i) =>
    result.status === 'fuzzy' || (result.status === 'exact' && result.changed) ? [i] : [],
  );
  const anchored = anchorPassages(
    newText,
    fresh.map((i) => results[i]?.passage as Passage),
  );
  fresh.forEach((i, k) => {
    const result = results[i] as Extract<Reanchored, { position: TextPosition }>;
    const check = anchored[k];
    if (!check?.ok || check.position.start !== result.position.start) {
      results[i] = {
        status: 'orphan',
        passage: passages[i] as Passage,
        reason: ORPHAN_REASONS.repeated,
      };
    }
  });
  return results;
}

/** An orphaned passage of a concept: where the concept lists it, and why it was not found. */
export type OrphanPassage = { index: number; passage: Passage; reason: string };

export type GraphReanchoring = {
  /** The graph with every found passage's selector as it now reads; orphans kept as they were. */
  graph: Graph;
  /** Each concept's results, in the order it lists its passages. */
  results: Map<string, Reanchored[]>;
  /** The concepts that have orphaned passages, in the graph's order, for the editor to list. */
  orphans: { conceptId: string; label: string; passages: OrphanPassage[] }[];
  counts: { exact: number; fuzzy: number; orphan: number };
};

/**
 * Re-anchors every passage of the map after the article changed (see `reanchorPassages`), all
 * at once so that the exact search makes one pass over the text for every quote.
 */
export function reanchorGraph(graph: Graph, oldText: string, newText: string): GraphReanchoring {
  const all = graph.concepts.flatMap((concept) => concept.passages);
  const flat = reanchorPassages(all, oldText, newText);
  const results = new Map<string, Reanchored[]>();
  const orphans: GraphReanchoring['orphans'] = [];
  const counts = { exact: 0, fuzzy: 0, orphan: 0 };
  let next = 0;
  const concepts = graph.concepts.map((concept) => {
    const own = flat.slice(next, next + concept.passages.length);
    next += concept.passages.length;
    results.set(concept.id, own);
    const lost: OrphanPassage[] = [];
    own.forEach((result, index) => {
      counts[result.status] += 1;
      if (result.status === 'orphan')
        lost.push({ index, passage: result.passage, reason: result.reason });
    });
    if (lost.length > 0)
      orphans.push({ conceptId: concept.id, label: concept.label, passages: lost });
    const changed = own.some((result) => result.status !== 'exact' || result.changed);
    return changed ? { ...concept, passages: own.map((result) => result.passage) } : concept;
  });
  return { graph: { ...graph, concepts }, results, orphans, counts };
}
