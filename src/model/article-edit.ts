import { ArticleError, parseArticle, type Article } from './article.ts';
import {
  draftArticle,
  draftPassageResults,
  draftGraph,
  passageAt,
  sectionedMarkdown,
  slugOf,
  unique,
  updateConcept,
  type Draft,
  type DraftConcept,
  type Made,
} from './draft.ts';
import { ORPHAN_REASONS, reanchorGraph, type GraphReanchoring } from './reanchor.ts';
import type { Passage, Section } from './schema.ts';

/** A concept whose section's heading is no longer in the article, and where it now stands. */
export type MovedConcept = { conceptId: string; label: string; from: string; to: string };

/** What applying an edited article to a draft does, said before it is applied. */
export type ArticleEditPlan =
  | {
      ok: true;
      /** The draft as it will be: the new text, its sections, every passage found again or kept. */
      draft: Draft;
      /** Whether the text is the same as the draft's: applying it changes nothing. */
      unchanged: boolean;
      counts: GraphReanchoring['counts'];
      orphans: GraphReanchoring['orphans'];
      /** The headings of sections no longer in the article, and those new in it. */
      removedSections: string[];
      addedSections: string[];
      moved: MovedConcept[];
      /** The `# Title` line taken as the article's title rather than a section, if there was one. */
      titleLine: string | null;
    }
  | { ok: false; problem: string };

/** The section's title when it was made from the article: see `newDraft`. */
function autoIntroTitle(draft: Draft, headings: number): string {
  return headings > 0 ? 'Introduction' : draft.meta.title || 'The article';
}

type SectionPlan = {
  sections: Section[];
  /** The old section id of each section kept, to the section it is now. */
  kept: Map<string, Section>;
  removed: Section[];
  added: Section[];
};

/**
 * The sections of the edited article. A heading still there, word for word, keeps its section's id
 * (and so its concepts); a heading changed where it stood (between the same kept headings, in the
 * same order) is the same section renamed. The introduction is always the same section.
 */
function planSections(draft: Draft, oldArticle: Article, newArticle: Article): SectionPlan {
  const ordered = [...draft.sections].sort((a, b) => a.order - b.order);
  const oldHeadings = oldArticle.blocks.filter((block) => block.type === 'section');
  const newHeadings = newArticle.blocks.filter((block) => block.type === 'section');
  // Old section i + 1 is headed by old heading i; new heading j will be section j + 1.
  const match = new Array<number | undefined>(newHeadings.length).fill(undefined);
  const used = new Set<number>();
  newHeadings.forEach((heading, j) => {
    const i = oldHeadings.findIndex((old, k) => !used.has(k) && old.text === heading.text);
    if (i >= 0 && ordered[i + 1]) {
      match[j] = i;
      used.add(i);
    }
  });
  // Renamed headings: between the same two kept neighbours, paired in order.
  let j = 0;
  while (j < newHeadings.length) {
    if (match[j] !== undefined) {
      j += 1;
      continue;
    }
    let end = j;
    while (end < newHeadings.length && match[end] === undefined) end += 1;
    const before = j === 0 ? -1 : (match[j - 1] as number);
    const after = end === newHeadings.length ? oldHeadings.length : (match[end] as number);
    let i = before + 1;
    for (let k = j; k < end && i < after; k += 1, i += 1) {
      if (!used.has(i) && ordered[i + 1]) {
        match[k] = i;
        used.add(i);
      }
    }
    j = end;
  }
  const taken = new Set(draft.sections.map((section) => section.id));
  const kept = new Map<string, Section>();
  const added: Section[] = [];
  const intro = ordered[0];
  const introTitle =
    intro && intro.title !== autoIntroTitle(draft, oldHeadings.length)
      ? intro.title
      : autoIntroTitle(draft, newHeadings.length);
  const first: Section = { id: intro?.id ?? 'introduction', title: introTitle, order: 0 };
  if (intro) kept.set(intro.id, first);
  const sections = [first];
  newHeadings.forEach((heading, k) => {
    const i = match[k];
    const old = i === undefined ? undefined : ordered[i + 1];
    const title = heading.text.slice(0, 300);
    if (old) {
      const oldHeading = oldHeadings[i as number]?.text;
      // A title the teacher set apart from the heading stays; one that was the heading follows it.
      const section = {
        ...old,
        title: old.title === oldHeading?.slice(0, 300) ? title : old.title,
        order: k + 1,
      };
      kept.set(old.id, section);
      sections.push(section);
      return;
    }
    const id = unique(slugOf(heading.text, `section-${k + 1}`), taken);
    taken.add(id);
    const section = { id, title, order: k + 1 };
    added.push(section);
    sections.push(section);
  });
  const removed = ordered.filter((section) => !kept.has(section.id));
  return { sections, kept, removed, added };
}

/** The section of the new article a place in its text belongs to. */
function sectionAtPlace(article: Article, sections: readonly Section[], start: number) {
  const block = article.blocks.find((b) => b.start <= start && start <= b.end);
  return block ? sections[block.sectionIndex] : undefined;
}

/**
 * What the edited article `text` makes of the draft: its text sectioned as "New map…" sections it,
 * its sections (see `planSections`), and every passage re-anchored by `reanchorGraph`, exact first,
 * then close words where it stood; a passage not found is kept as it was, to be fixed. A concept
 * whose section's heading is gone moves to the section where its first passage now stands, or, if
 * none is found, to the nearest section kept before its old one.
 */
export function planArticleEdit(draft: Draft, text: string): ArticleEditPlan {
  const { markdown, title } = sectionedMarkdown(text);
  if (markdown.trim() === '') return { ok: false, problem: 'The article has no words left.' };
  let oldArticle: Article;
  let newArticle: Article;
  try {
    oldArticle = draftArticle(draft);
    newArticle = parseArticle(markdown, { title: draft.meta.title || draft.name || 'Untitled' });
  } catch (error) {
    return {
      ok: false,
      problem:
        error instanceof ArticleError ? error.message : 'The article could not be read as it is.',
    };
  }
  if (newArticle.text.trim() === '') {
    return { ok: false, problem: 'The article has no words left.' };
  }
  const reanchored = reanchorGraph(draftGraph(draft), oldArticle.text, newArticle.text);
  const { sections, kept, removed, added } = planSections(draft, oldArticle, newArticle);
  const ordered = [...draft.sections].sort((a, b) => a.order - b.order);
  const moved: MovedConcept[] = [];
  const concepts = draft.concepts.map((concept, index): DraftConcept => {
    const found = reanchored.graph.concepts[index]?.passages as Passage[] | undefined;
    const passages = found === concept.passages || !found ? concept.passages : found;
    const next = passages === concept.passages ? concept : { ...concept, passages };
    if (kept.has(concept.section)) return next;
    const results = reanchored.results.get(concept.id) ?? [];
    const firstFound = results.find((result) => result.status !== 'orphan');
    let to =
      firstFound && 'position' in firstFound
        ? sectionAtPlace(newArticle, sections, firstFound.position.start)
        : undefined;
    if (!to) {
      const was = ordered.findIndex((section) => section.id === concept.section);
      for (let i = was - 1; i >= 0 && !to; i -= 1) to = kept.get((ordered[i] as Section).id);
      to ??= sections[0];
    }
    const from = draft.sections.find((section) => section.id === concept.section);
    const target = to as Section;
    moved.push({
      conceptId: concept.id,
      label: concept.label || concept.id,
      from: from?.title ?? concept.section,
      to: target.title,
    });
    return { ...next, section: target.id };
  });
  const edited: Draft = { ...draft, markdown, sections, concepts };
  return {
    ok: true,
    draft: edited,
    unchanged: markdown === draft.markdown,
    counts: reanchored.counts,
    orphans: reanchored.orphans,
    removedSections: removed.map((section) => section.title),
    addedSections: added.map((section) => section.title),
    moved,
    titleLine: title,
  };
}

const passagesIn = (count: number) => (count === 1 ? '1 passage' : `${count} passages`);

/** The plan in plain words, one sentence a line, for the teacher to read before applying it. */
export function planInWords(plan: Extract<ArticleEditPlan, { ok: true }>): string[] {
  if (plan.unchanged) return ['The article is as it was: nothing changes.'];
  const { exact, fuzzy, orphan } = plan.counts;
  const lines: string[] = [];
  const total = exact + fuzzy + orphan;
  if (total === 0) lines.push('No concept quotes the article yet, so no passage needs finding.');
  else {
    const parts = [
      exact > 0 ? `${passagesIn(exact)} found unchanged` : '',
      fuzzy > 0 ? `${fuzzy} found with small changes` : '',
      orphan > 0 ? `${orphan} can no longer be found` : '',
    ].filter(Boolean);
    // The first count names what is counted; the others follow it.
    if (exact === 0) parts[0] = `${passagesIn(fuzzy || orphan)}${parts[0]?.replace(/^\d+/, '')}`;
    lines.push(`${parts.join(', ')}.`);
    if (orphan > 0) {
      lines.push(
        `${orphan === 1 ? 'The passage that can no longer be found is' : 'The passages that can no longer be found are'} kept as ${orphan === 1 ? 'it was' : 'they were'} and listed under “Passages to fix”, to choose new words for.`,
      );
    }
  }
  const quoted = (titles: string[]) => titles.map((title) => `“${title}”`).join(', ');
  if (plan.addedSections.length > 0) {
    lines.push(
      `New section${plan.addedSections.length === 1 ? '' : 's'}: ${quoted(plan.addedSections)}.`,
    );
  }
  if (plan.removedSections.length > 0) {
    lines.push(
      `Section${plan.removedSections.length === 1 ? '' : 's'} no longer in the article: ${quoted(plan.removedSections)}.`,
    );
  }
  for (const { label, to } of plan.moved) {
    lines.push(`“${label}” moves to “${to}”, since its section’s heading is gone.`);
  }
  if (plan.titleLine !== null) {
    lines.push(
      `The first line, “# ${plan.titleLine}”, is read as the article’s title and left out of its text.`,
    );
  }
  return lines;
}

/** A passage of a concept that does not anchor in the draft's article: one to fix. */
export type PassageToFix = {
  conceptId: string;
  label: string;
  index: number;
  passage: Passage;
  reason: string;
};

/** Why a passage does not anchor, in the words the re-anchoring uses. */
function reasonOf(reason: string): string {
  if (reason.startsWith('quote not found')) return ORPHAN_REASONS.missing;
  if (reason.startsWith('quote matches more than one')) return ORPHAN_REASONS.repeated;
  if (reason.startsWith('prefix/suffix')) {
    return 'Its words are in the article, but not with the words around them that told where it stood.';
  }
  return ORPHAN_REASONS.empty;
}

/**
 * Every passage of the draft that its article no longer holds, in the map's order: the list of
 * passages to fix. It is worked out from the article as it is, so that undoing an edit of the
 * article, or fixing a passage, takes it off the list at once.
 */
export function passagesToFix(draft: Draft): PassageToFix[] {
  const known = toFix.get(draft);
  if (known) return known;
  const list = findPassagesToFix(draft);
  toFix.set(draft, list);
  return list;
}

/** Each draft's passages to fix, worked out once: the draft bar and the forms ask on each change. */
const toFix = new WeakMap<Draft, PassageToFix[]>();

function findPassagesToFix(draft: Draft): PassageToFix[] {
  const found = draftPassageResults(draft);
  return draft.concepts.flatMap((concept, i) =>
    found[i]!.lost === 0
      ? []
      : found[i]!.results.flatMap((result, index) =>
          result.ok
            ? []
            : [
                {
                  conceptId: concept.id,
                  label: concept.label || concept.id,
                  index,
                  passage: concept.passages[index]!,
                  reason: reasonOf(result.reason),
                },
              ],
        ),
  );
}

/** Whether `passage` still stands at `index` of the concept's passages (an undo may have moved it). */
function standsAt(concept: DraftConcept | undefined, index: number, passage: Passage): boolean {
  const there = concept?.passages[index];
  return (
    there !== undefined &&
    there.exact === passage.exact &&
    there.prefix === passage.prefix &&
    there.suffix === passage.suffix
  );
}

/** The draft with a lost passage replaced by the article's words from `start` to `end`. */
export function replacePassage(
  draft: Draft,
  fix: { conceptId: string; index: number; passage: Passage },
  start: number,
  end: number,
): Made {
  const concept = draft.concepts.find((candidate) => candidate.id === fix.conceptId);
  if (!concept) return { ok: false, reason: 'That concept is no longer on the map.' };
  if (!standsAt(concept, fix.index, fix.passage)) {
    return { ok: false, reason: 'That passage is no longer one to fix.' };
  }
  const chosen = passageAt(draft, start, end);
  if (!chosen.ok) return chosen;
  const { speaker } = fix.passage;
  const passage = speaker === undefined ? chosen.selector : { ...chosen.selector, speaker };
  return {
    ok: true,
    conceptId: concept.id,
    draft: updateConcept(draft, concept.id, {
      passages: concept.passages.map((old, i) => (i === fix.index ? passage : old)),
    }),
  };
}

/** The draft without one passage of a concept, if it still stands where it was listed. */
export function removePassage(
  draft: Draft,
  fix: { conceptId: string; index: number; passage: Passage },
): Draft {
  const concept = draft.concepts.find((candidate) => candidate.id === fix.conceptId);
  if (!concept || !standsAt(concept, fix.index, fix.passage)) return draft;
  return updateConcept(draft, concept.id, {
    passages: concept.passages.filter((_, i) => i !== fix.index),
  });
}
