import '../../shared/zod-setup';
import { ArticleError } from '../../model/article';
import type { Atlas } from '../../model/atlas';
import {
  passagesToFix,
  planArticleEdit,
  planInWords,
  removePassage,
  replacePassage,
  type ArticleEditPlan,
} from '../../model/article-edit';
import { bundleToDraft, copyName, mapBundle } from '../../model/bundle-draft';
import {
  addConcept,
  addPassage,
  draftAtlas,
  draftBundle,
  newDraft,
  pinConcept,
  slugOf,
  type Draft,
  type DraftMeta,
} from '../../model/draft';
import {
  addRelation,
  relationProblems,
  relationSentence,
  removeRelation,
  updateRelation,
  type RelationFields,
  type RelationProblem,
} from '../../model/draft-links';
import { draftMapProblems, draftTourLines } from '../../model/draft-problems';
import { faultInWords } from '../../model/failure';
import { problemInWords } from '../../model/problem-words';
import { parseHash } from '../../model/route';
import { downloadBlob } from '../../shared/download';
import { useAtlasStore } from '../../store/atlas-store';
import { flagOpenDraft, openDraftId } from '../../store/draft-flag';
import {
  asDraft,
  indexedDbDrafts,
  readKept,
  saveProblemInWords,
  stamped,
  type DraftStorage,
  type KeptRead,
} from '../../store/draft-storage';
import { settleDraftWrites, startDraftSync } from '../../store/draft-sync';
import { forgetKeptArticle } from './kept-article-text';
import { endEditGroup, type PassageFix } from '../../store/slices/draft-slice';

let storage: DraftStorage = indexedDbDrafts;

/** Where drafts are kept; tests give one in memory. */
export function setDraftStorage(next: DraftStorage): void {
  storage = next;
}

/** A new id for a draft, unlike any other made in this browser. */
function newId(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `draft-${random}`;
}

/** Opens a draft on screen; `kept` when it comes from this browser's storage as it is. */
function show(draft: Draft, kept = false): void {
  startDraftSync({ storage, ...(kept ? { kept: draft } : {}) });
  useAtlasStore.getState().openDraft(draft, draftAtlas(draft));
}

export type StartResult = { ok: true } | { ok: false; problem: string };

/** Starts a map from an article's text: its draft opens, with an empty map, and is kept. */
export function startNewDraft(meta: DraftMeta, text: string): StartResult {
  let draft: Draft;
  try {
    draft = newDraft({ id: newId(), meta, text });
    draftAtlas(draft);
  } catch (error) {
    return {
      ok: false,
      problem:
        error instanceof ArticleError
          ? error.message
          : `The article could not be read: ${faultInWords(error)}`,
    };
  }
  show(draft);
  useAtlasStore
    .getState()
    .setNotice(`Started “${draft.name}”. Select words in the article to make a concept.`);
  return { ok: true };
}

export type KeptDrafts = { ok: true; drafts: KeptRead[] } | { ok: false; problem: string };

/**
 * Everything kept in this browser as a draft, the last changed first, the ones that cannot be
 * read after the others, each with what keeps it from opening.
 */
export async function listDrafts(): Promise<KeptDrafts> {
  let kept;
  try {
    kept = await storage.list();
  } catch {
    return {
      ok: false,
      problem:
        'The drafts kept in this browser could not be read (private browsing or blocked storage can do that).',
    };
  }
  const rank = (read: KeptRead) => (read.ok ? 0 : 1);
  const drafts = kept
    .map(readKept)
    .sort((a, b) => rank(a) - rank(b) || (b.savedAt ?? 0) - (a.savedAt ?? 0));
  return { ok: true, drafts };
}

/** The most characters a draft's name has, as a map's title. */
const MAX_NAME = 300;

/**
 * Renames a draft kept in this browser; the open one is renamed as any change is made, so that
 * Undo takes it back. Returns what went wrong, in words, or null.
 */
export async function renameDraft(id: string, name: string): Promise<string | null> {
  const wanted = name.trim();
  if (wanted === '') return 'Give the draft a name.';
  if (wanted.length > MAX_NAME) return `A name has at most ${MAX_NAME} characters.`;
  const store = useAtlasStore.getState();
  if (store.draft?.id === id) {
    endEditGroup();
    store.editDraft({ ...store.draft, name: wanted });
    return null;
  }
  const draft = asDraft(await storage.read(id).catch(() => null));
  if (!draft) return 'That draft could not be read from this browser.';
  try {
    await storage.write(stamped({ ...draft, name: wanted }));
    return null;
  } catch (error) {
    return saveProblemInWords(error);
  }
}

/**
 * Deletes a draft from this browser, for good, with any article text typed for it and not yet
 * applied. The open draft is left first (`leave` shows another map), and its last change written,
 * so that nothing writes it back once it is gone.
 * Returns what went wrong, in words, or null.
 */
export async function deleteDraft(id: string, leave: () => void): Promise<string | null> {
  if (useAtlasStore.getState().draft?.id === id) leave();
  if (useAtlasStore.getState().draft?.id === id) return 'Leave the draft before deleting it.';
  await settleDraftWrites();
  if (openDraftId() === id) flagOpenDraft(null);
  try {
    await storage.remove(id);
    // Article text typed for it and not yet applied goes with it.
    forgetKeptArticle(id);
    return null;
  } catch {
    return 'This browser did not let the page delete the draft.';
  }
}

/** Saves what is kept under a key exactly as it is, so that a damaged draft is never lost. */
export function downloadKept(key: string, value: unknown): void {
  const text = JSON.stringify(value, null, 2) ?? String(value);
  downloadBlob(
    new Blob([`${text}\n`], { type: 'application/json' }),
    `${slugOf(key, 'draft')}-as-kept.json`,
  );
}

/** Opens a draft kept in this browser, as it was left. */
export async function continueDraft(id: string): Promise<boolean> {
  const draft = asDraft(await storage.read(id).catch(() => null));
  if (!draft) {
    useAtlasStore.getState().setNotice('That draft could not be read from this browser.');
    return false;
  }
  show(draft, true);
  useAtlasStore.getState().setNotice(`Back to your draft “${draft.name}”.`);
  return true;
}

/**
 * At start-up: opens again the draft that was open at the end of the last visit, showing what
 * `hash`, the address the page was opened at, names. The page waits for it rather than drawing
 * the built-in map first; that shows only if the draft cannot be read.
 */
export async function restoreStartupDraft(
  id: string | null = openDraftId(),
  hash = '',
): Promise<void> {
  if (id === null) return;
  const store = useAtlasStore.getState();
  store.setOpening({ name: 'your draft', done: 0, total: 0, startup: true });
  const draft = asDraft(await storage.read(id).catch(() => null));
  if (!draft) {
    flagOpenDraft(null);
    store.setOpening(null);
    store.setNotice(
      'Your draft could not be read from this browser, so the built-in map is shown.',
    );
    return;
  }
  show(draft, true);
  // The address the page was opened at names what of the draft to show: a reload in the middle
  // of presenting its tour, or the presenter's own window, shows that tour's step again.
  if (hash !== '' && hash !== '#/') useAtlasStore.getState().applyRoute(parseHash(hash));
}

/** Makes a concept of the article's words from `start` to `end`, and selects it. */
export function makeConcept(start: number, end: number): string | null {
  const store = useAtlasStore.getState();
  if (!store.draft) return 'No draft is open.';
  const made = addConcept(store.draft, start, end);
  if (!made.ok) return made.reason;
  endEditGroup();
  store.editDraft(made.draft);
  store.select(made.conceptId);
  store.setNarrowTab('details');
  return null;
}

/** Adds the article's words from `start` to `end` as a passage of the selected concept. */
export function addSelectedPassage(start: number, end: number): string | null {
  const store = useAtlasStore.getState();
  if (!store.draft || store.selectedId === null) return 'Select a concept first.';
  const made = addPassage(store.draft, store.selectedId, start, end);
  if (!made.ok) return made.reason;
  endEditGroup();
  store.editDraft(made.draft);
  store.setNarrowTab('details');
  return null;
}

export function undoDraft(): void {
  endEditGroup();
  useAtlasStore.temporal.getState().undo();
}

export function redoDraft(): void {
  endEditGroup();
  useAtlasStore.temporal.getState().redo();
}

/** The file name a draft is exported under. */
export const bundleFileName = (draft: Draft) => `${slugOf(draft.name, 'concept-map')}.json`;

/**
 * Saves the draft as a bundle file, which "Open map…" opens; says what the map still needs
 * before it can be opened, if anything.
 */
export function exportDraft(): void {
  const store = useAtlasStore.getState();
  const { draft } = store;
  if (!draft) return;
  const text = `${JSON.stringify(draftBundle(draft), null, 2)}\n`;
  downloadBlob(new Blob([text], { type: 'application/json' }), bundleFileName(draft));
  const problems = [...draftMapProblems(draft), ...draftTourLines(draft)];
  const saved = `Saved “${bundleFileName(draft)}”.`;
  const lost = passagesToFix(draft).length;
  if (lost > 0) {
    // A bundle opens only where every passage is found in its article: the file keeps the work,
    // and says what to fix before it opens.
    store.setNotice(
      `${saved} ${lost === 1 ? 'One passage' : `${lost} passages`} can no longer be found in the article, so “Open map…” will not open it yet: fix ${lost === 1 ? 'it' : 'them'} under “Passages to fix”, then export again.`,
    );
    return;
  }
  const [first] = problems;
  if (first === undefined) {
    store.setNotice(`${saved} “Open map…” opens it.`);
    return;
  }
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more: see each concept's details${draft.tours?.length ? ' and the tours' : ''})`
      : '';
  store.setNotice(
    draft.concepts.length === 0
      ? `${saved} Before “Open map…” can open it, make at least one concept.`
      : `${saved} Before “Open map…” can open it: ${problemInWords(first).words}${more}.`,
  );
}

/** Keeps a concept where it was dragged on the map: the layout no longer moves it. */
export function placeConcept(conceptId: string, position: { x: number; y: number }): void {
  const store = useAtlasStore.getState();
  if (!store.draft?.concepts.some((concept) => concept.id === conceptId)) return;
  endEditGroup();
  store.editDraft(pinConcept(store.draft, conceptId, position));
}

/** Lets the layout place a concept that was dragged to a place of its own. */
export function unpinConcept(conceptId: string): void {
  const store = useAtlasStore.getState();
  if (!store.draft) return;
  endEditGroup();
  store.editDraft(pinConcept(store.draft, conceptId, undefined));
  store.announce('The concept is placed by the layout again.');
}

/**
 * Saves the relation form: a new relation, or `editing` changed. Returns its problems instead
 * when it has any, and saves nothing. Screen readers are told what was saved; the map and the
 * concept's list show it.
 */
export function saveRelation(fields: RelationFields, editing?: string): RelationProblem[] {
  const store = useAtlasStore.getState();
  if (!store.draft) return [];
  const problems = relationProblems(store.draft, fields, editing);
  if (problems.length > 0) return problems;
  const draft =
    editing === undefined
      ? addRelation(store.draft, fields).draft
      : updateRelation(store.draft, editing, fields);
  endEditGroup();
  store.editDraft(draft);
  // The relation is drawn with its phrase while one of its concepts is selected.
  if (store.selectedId !== fields.source && store.selectedId !== fields.target) {
    store.select(fields.source);
  }
  store.closeRelationForm();
  store.announce(
    `${editing === undefined ? 'Saved' : 'Changed'} the relation “${relationSentence(draft, fields)}”.`,
  );
  return [];
}

/** Deletes a relation; Undo brings it back. */
export function deleteRelation(relationId: string): void {
  const store = useAtlasStore.getState();
  const relation = store.draft?.relations.find((candidate) => candidate.id === relationId);
  if (!store.draft || !relation) return;
  const sentence = relationSentence(store.draft, relation);
  endEditGroup();
  store.editDraft(removeRelation(store.draft, relationId));
  store.announce(`Deleted the relation “${sentence}”. Undo brings it back.`);
}

/** A copy of the map on screen as a draft, and what of it the draft cannot keep, in words. */
export type MapCopy = { ok: true; draft: Draft; lost: string[] } | { ok: false; problem: string };

/**
 * The draft "Edit this map" makes of the map on screen (the built-in one or a bundle opened),
 * named after it ("… (copy)", numbered where another draft has that name). Nothing is kept until
 * `openMapCopy`, so that what the draft cannot keep is said first.
 */
export async function planMapCopy(atlas: Atlas): Promise<MapCopy> {
  const bundle = mapBundle(atlas);
  if (!bundle) {
    return {
      ok: false,
      problem: 'The article of this map could not be written out again, so it cannot be edited.',
    };
  }
  const listed = await listDrafts();
  const names = new Set(
    listed.ok ? listed.drafts.flatMap((read) => (read.ok ? [read.draft.name] : [])) : [],
  );
  try {
    const { draft, lost } = bundleToDraft(bundle, {
      id: newId(),
      name: copyName(bundle.article.title, names),
    });
    draftAtlas(draft);
    return { ok: true, draft, lost };
  } catch (error) {
    return {
      ok: false,
      problem:
        error instanceof ArticleError
          ? error.message
          : `This map could not be made into a draft: ${faultInWords(error)}`,
    };
  }
}

/** Keeps the copy beside the other drafts, at once, and opens it in the editor. */
export async function openMapCopy(draft: Draft): Promise<void> {
  let kept = true;
  try {
    await storage.write(stamped(draft));
  } catch {
    // The draft's bar says that saving failed, and offers "Export now", once it is open.
    kept = false;
  }
  show(draft, kept);
  useAtlasStore
    .getState()
    .setNotice(`Made “${draft.name}”, a draft of the map: every change is kept in this browser.`);
}

/** What applying `text` as the draft's article would do; nothing is changed yet. */
export function planDraftArticle(text: string): ArticleEditPlan | null {
  const { draft } = useAtlasStore.getState();
  return draft ? planArticleEdit(draft, text) : null;
}

/**
 * Applies an edited article to the open draft as one change, which Undo takes back whole: the
 * text, its sections and every passage found again. Screen readers hear what became of the
 * passages; those that can no longer be found are listed to fix. Returns the plan applied, or
 * what kept it from applying.
 */
export function applyDraftArticle(text: string): ArticleEditPlan | null {
  const store = useAtlasStore.getState();
  if (!store.draft) return null;
  const plan = planArticleEdit(store.draft, text);
  if (!plan.ok || plan.unchanged) return plan;
  endEditGroup();
  store.editDraft(plan.draft);
  store.setPassageFix(null);
  const words = planInWords(plan);
  const [counts] = words;
  store.announce(`Applied the edited article. ${counts ?? ''} Undo brings the old text back.`);
  if (plan.counts.orphan > 0) {
    store.setDraftPanel('passages');
    store.setNarrowTab('details');
  }
  return plan;
}

/**
 * Starts choosing new words for a lost passage: its concept is selected, and the reader's
 * selection toolbar offers "Replace the lost passage" for the words selected next.
 */
export function startPassageFix(fix: PassageFix): void {
  const store = useAtlasStore.getState();
  store.select(fix.conceptId);
  store.setPassageFix({ conceptId: fix.conceptId, index: fix.index, passage: fix.passage });
  store.setNarrowTab('article');
  store.announce(
    'Select the new words in the article, then choose “Replace the lost passage” beside them.',
  );
}

/** Replaces the lost passage being fixed with the article's words from `start` to `end`. */
export function replaceLostPassage(start: number, end: number): string | null {
  const store = useAtlasStore.getState();
  const fix = store.passageFix;
  if (!store.draft || !fix) return 'Choose a passage to fix first.';
  const made = replacePassage(store.draft, fix, start, end);
  if (!made.ok) return made.reason;
  endEditGroup();
  store.editDraft(made.draft);
  store.setPassageFix(null);
  const label = made.draft.concepts.find((concept) => concept.id === fix.conceptId)?.label;
  store.announce(`Replaced the lost passage of “${label ?? fix.conceptId}”. Undo brings it back.`);
  return null;
}

/** Removes a lost passage from its concept; Undo brings it back. */
export function removeLostPassage(fix: PassageFix): void {
  const store = useAtlasStore.getState();
  if (!store.draft) return;
  const draft = removePassage(store.draft, fix);
  if (draft === store.draft) return;
  endEditGroup();
  store.editDraft(draft);
  if (store.passageFix?.conceptId === fix.conceptId) store.setPassageFix(null);
  const label = draft.concepts.find((concept) => concept.id === fix.conceptId)?.label;
  store.announce(
    `Removed the passage “${fix.passage.exact}” from “${label ?? fix.conceptId}”. Undo brings it back.`,
  );
}
