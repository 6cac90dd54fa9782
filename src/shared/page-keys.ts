import { useEffect, useSyncExternalStore } from 'react';
import { isTypingTarget } from './typing';

/**
 * A key of the page, declared once with the words the shortcuts list shows for it. A key with no
 * `perform` belongs to a control (the map, the search box) and is only listed here.
 */
export type PageKey = {
  /** The keys as the shortcuts list shows them, such as `['→', 'PageDown']`. */
  keys: string[];
  /** What they do, in the words of the shortcuts list. */
  does: string;
  /** Whether this key press is this shortcut. */
  test?: (event: KeyboardEvent) => boolean;
  perform?: (event: KeyboardEvent) => void;
  /** Also while the user types in a text field (as Ctrl+K does). */
  whileTyping?: boolean;
  /** Also while a dialog is open. */
  inDialog?: boolean;
};

/**
 * The keys of one part of the page, listed under its title. A higher `precedence` is tried first
 * and listed first; groups of equal precedence are listed by title.
 */
export type KeyGroup = { title: string; keys: readonly PageKey[]; precedence?: number };

let groups: readonly KeyGroup[] = [];
const listeners = new Set<() => void>();

function setGroups(next: readonly KeyGroup[]) {
  groups = next;
  for (const listener of listeners) listener();
}

/** Adds a group of keys to the page until the returned function removes it. */
export function registerKeys(group: KeyGroup): () => void {
  setGroups(
    [...groups, group].sort(
      (a, b) => (b.precedence ?? 0) - (a.precedence ?? 0) || a.title.localeCompare(b.title),
    ),
  );
  return () => setGroups(groups.filter((g) => g !== group));
}

/** The page's keys while the calling component is on screen. Pass a group that keeps its identity. */
export function usePageKeys(group: KeyGroup): void {
  useEffect(() => registerKeys(group), [group]);
}

/** The groups of keys on the page now, for the shortcuts list. */
export function usePageKeyGroups(): readonly KeyGroup[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => groups,
  );
}

/** Runs the first key of the page that this key press is, if any; true when one ran. */
export function runPageKey(event: KeyboardEvent, doc: Document = document): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  const typing = isTypingTarget(event.target);
  const inDialog = doc.querySelector('dialog[open]') !== null;
  for (const group of groups) {
    for (const key of group.keys) {
      if (!key.perform || !key.test?.(event)) continue;
      if (typing && !key.whileTyping) continue;
      if (inDialog && !key.inDialog) continue;
      event.preventDefault();
      key.perform(event);
      return true;
    }
  }
  return false;
}

const listening = new Map<Document, { users: number; stop: () => void }>();

/**
 * The page's one key listener: every shortcut goes through it. Asked for twice, it is still one
 * listener, so no key runs twice. Returns a way to stop it (once every caller has).
 */
export function listenToPageKeys(doc: Document = document): () => void {
  let entry = listening.get(doc);
  if (!entry) {
    const onKeyDown = (event: KeyboardEvent) => void runPageKey(event, doc);
    doc.addEventListener('keydown', onKeyDown);
    entry = { users: 0, stop: () => doc.removeEventListener('keydown', onKeyDown) };
    listening.set(doc, entry);
  }
  entry.users += 1;
  let stopped = false;
  return () => {
    if (stopped || !entry) return;
    stopped = true;
    entry.users -= 1;
    if (entry.users > 0) return;
    entry.stop();
    listening.delete(doc);
  };
}
