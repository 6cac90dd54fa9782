// Kept apart from draft-storage, so that the page's first script can ask without loading zod.

/** Set while a draft is open, so that the next visit opens it again. */
export const OPEN_DRAFT_KEY = 'concept-atlas:open-draft';

export function openDraftId(): string | null {
  try {
    return localStorage.getItem(OPEN_DRAFT_KEY);
  } catch {
    return null;
  }
}

export function flagOpenDraft(id: string | null): void {
  try {
    if (id === null) localStorage.removeItem(OPEN_DRAFT_KEY);
    else localStorage.setItem(OPEN_DRAFT_KEY, id);
  } catch {
    // Without storage the draft is not reopened by itself; it is still listed under "New map…".
  }
}
