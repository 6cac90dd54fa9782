/**
 * The article text being edited and not yet applied, kept in this browser under the draft's id so
 * that a reload, or a closed tab, does not lose what was typed. The draft itself changes only when
 * the text is applied, as one change that Undo takes back.
 */
const keyOf = (draftId: string) => `concept-atlas:article-edit:${draftId}`;

/** The text kept for the draft, if any (storage that cannot be read keeps nothing). */
export function readKeptArticle(draftId: string): string | null {
  try {
    return localStorage.getItem(keyOf(draftId));
  } catch {
    return null;
  }
}

/** Keeps the text typed; true when the browser stored it. */
export function keepArticle(draftId: string, text: string): boolean {
  try {
    localStorage.setItem(keyOf(draftId), text);
    return true;
  } catch {
    return false;
  }
}

/** Forgets the text kept, once it is applied or discarded. */
export function forgetKeptArticle(draftId: string): void {
  try {
    localStorage.removeItem(keyOf(draftId));
  } catch {
    // Nothing was kept where nothing can be written.
  }
}
