import { useSyncExternalStore } from 'react';
import { moveWordCursor, selectedWords, type WordCursor, type WordMove } from '../../model/words';
import { usePageKeys, type KeyGroup } from '../../shared/page-keys';
import { useAtlasStore } from '../../store/atlas-store';
import { blockWords } from './reader-words';

/** A paragraph of the reader that a draft lets the keyboard select words of. */
export const READER_PARAGRAPH = '.reader-article p[data-block-start]';
/** Set on the paragraph while its words are being selected, for its look. */
const SELECTING = 'data-selecting-words';
/** The CSS highlight that draws the word cursor, where the browser has highlights. */
const CURSOR_HIGHLIGHT = 'word-cursor';

/** Selecting words from the keyboard: in which paragraph (by where it starts), and where. */
type Selecting = { blockStart: string; cursor: WordCursor };

type State = {
  selecting: Selecting | null;
  /** Counts the selections made from the keyboard: the toolbar takes the focus at each. */
  confirmed: number;
  /** The paragraph the last selection was made in, to give the focus back to. */
  from: string | null;
};

let state: State = { selecting: null, confirmed: 0, from: null };
const listeners = new Set<() => void>();
function setState(next: Partial<State>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

// Where a block starts is a number, which needs no escaping in a selector.
const paragraphAt = (blockStart: string) =>
  /^\d+$/.test(blockStart)
    ? document.querySelector<HTMLElement>(`${READER_PARAGRAPH}[data-block-start="${blockStart}"]`)
    : null;

const announce = (text: string) => useAtlasStore.getState().announce(text);

const quoted = (words: string) => `“${words.length > 80 ? `${words.slice(0, 80)}…` : words}”`;

/** Shows the selection on the page: the DOM selection, which the toolbar reads, and the cursor. */
function show(paragraph: HTMLElement, cursor: WordCursor): string {
  const words = blockWords(paragraph);
  const { first, last } = selectedWords(cursor);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(words.range(first, last));
  if (typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function') {
    CSS.highlights.set(CURSOR_HIGHLIGHT, new Highlight(words.range(cursor.focus, cursor.focus)));
  }
  return words.text(first, last);
}

function clearCursor(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(CURSOR_HIGHLIGHT);
  document.querySelector(`[${SELECTING}]`)?.removeAttribute(SELECTING);
}

/** Starts selecting words in a paragraph, the cursor on its first word. */
function start(paragraph: HTMLElement): void {
  const blockStart = paragraph.getAttribute('data-block-start') ?? '';
  const { words } = blockWords(paragraph);
  if (words.length === 0) {
    announce('This paragraph has no words to select.');
    return;
  }
  const cursor = { anchor: 0, focus: 0 };
  paragraph.setAttribute(SELECTING, '');
  setState({ selecting: { blockStart, cursor } });
  const word = show(paragraph, cursor);
  announce(
    `Selecting words: ${quoted(word)}, word 1 of ${words.length}. Left and right arrows move, with Shift they extend the selection; Enter makes it, Escape cancels.`,
  );
}

function move(to: WordMove, extend: boolean): void {
  const { selecting } = state;
  const paragraph = selecting && paragraphAt(selecting.blockStart);
  if (!selecting || !paragraph) return;
  const { words } = blockWords(paragraph);
  const cursor = moveWordCursor(selecting.cursor, to, extend, words.length);
  setState({ selecting: { ...selecting, cursor } });
  const text = show(paragraph, cursor);
  const { first, last } = selectedWords(cursor);
  const count = last - first + 1;
  announce(
    count === 1
      ? `${quoted(text)}, word ${cursor.focus + 1} of ${words.length}.`
      : `Selected ${count} words: ${quoted(text)}.`,
  );
}

/** Ends selecting words: with the words selected for the toolbar (`keep`), or none. */
function finish(keep: boolean): void {
  const { selecting } = state;
  if (!selecting) return;
  clearCursor();
  if (keep) {
    setState({ selecting: null, confirmed: state.confirmed + 1, from: selecting.blockStart });
    return;
  }
  document.getSelection()?.removeAllRanges();
  setState({ selecting: null, from: null });
  paragraphAt(selecting.blockStart)?.focus();
  announce('No words selected.');
}

/**
 * The focus back on the paragraph the words were selected in, once the toolbar is done with them
 * and the page shows what it did; on a narrow screen that shows the new concept's details
 * instead of the article, the focus goes to them.
 */
export function returnFocusFromWords(): void {
  const { from } = state;
  if (from === null) return;
  setState({ from: null });
  const paragraph = paragraphAt(from);
  if (paragraph && !paragraph.closest('[hidden]')) paragraph.focus({ preventScroll: true });
  else document.getElementById('concept-details')?.focus();
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;
const onParagraph = (event: KeyboardEvent) =>
  event.target instanceof HTMLElement && event.target.matches(READER_PARAGRAPH);
const whileSelecting = (event: KeyboardEvent) =>
  state.selecting !== null && onParagraph(event) && plain(event);

const arrows: { keys: string[]; key: string; to: WordMove; extend: boolean; does: string }[] = [
  { keys: ['←'], key: 'ArrowLeft', to: 'previous', extend: false, does: 'The word before' },
  { keys: ['→'], key: 'ArrowRight', to: 'next', extend: false, does: 'The word after' },
  {
    keys: ['Shift+←'],
    key: 'ArrowLeft',
    to: 'previous',
    extend: true,
    does: 'Extend the selection by a word to the left, or shrink it',
  },
  {
    keys: ['Shift+→'],
    key: 'ArrowRight',
    to: 'next',
    extend: true,
    does: 'Extend the selection by a word to the right, or shrink it',
  },
  { keys: ['Home'], key: 'Home', to: 'first', extend: false, does: "The paragraph's first word" },
  { keys: ['End'], key: 'End', to: 'last', extend: false, does: "The paragraph's last word" },
  {
    keys: ['Shift+Home', 'Shift+End'],
    key: '',
    to: 'first',
    extend: true,
    does: "Extend the selection to the paragraph's first or last word",
  },
];

const wordKeys: KeyGroup = {
  title: 'Making a map: selecting words with the keyboard',
  // Before the page's other keys: while words are selected the arrows move over them.
  precedence: 2,
  keys: [
    {
      keys: ['Enter'],
      does: 'On a paragraph of the article (Tab to it): start selecting its words',
      test: (event) =>
        state.selecting === null && event.key === 'Enter' && onParagraph(event) && plain(event),
      perform: (event) => start(event.target as HTMLElement),
    },
    ...arrows.map(({ keys, key, to, extend, does }) => ({
      keys,
      does,
      test: (event: KeyboardEvent) =>
        whileSelecting(event) &&
        event.shiftKey === extend &&
        (key === '' ? event.key === 'Home' || event.key === 'End' : event.key === key),
      perform: (event: KeyboardEvent) =>
        move(key === '' ? (event.key === 'Home' ? 'first' : 'last') : to, extend),
    })),
    {
      keys: ['Enter'],
      does: 'Make the words selected a passage: the toolbar offers what to make of them',
      test: (event) => whileSelecting(event) && event.key === 'Enter',
      perform: () => finish(true),
    },
    {
      keys: ['Escape'],
      does: 'Stop selecting words, and select none',
      test: (event) => whileSelecting(event) && event.key === 'Escape',
      perform: () => finish(false),
    },
  ],
};

/** Leaving the paragraph (Tab, a click elsewhere) stops selecting its words. */
function onFocusOut(event: FocusEvent): void {
  const { selecting } = state;
  if (!selecting || !(event.target instanceof HTMLElement)) return;
  if (event.target.getAttribute('data-block-start') !== selecting.blockStart) return;
  clearCursor();
  document.getSelection()?.removeAllRanges();
  setState({ selecting: null, from: null });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) document.addEventListener('focusout', onFocusOut);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      document.removeEventListener('focusout', onFocusOut);
      clearCursor();
      state = { selecting: null, confirmed: 0, from: null };
    }
  };
}

/**
 * Selecting words with the keyboard alone, in a draft: Enter on a paragraph of the reader starts
 * a word cursor on its first word; the arrows (with Shift, to extend), Home and End move it; Enter
 * hands the words to the selection toolbar as the real selection (`confirmed` counts each), and
 * Escape cancels. Screen readers hear each word and selection as it changes.
 */
export function useKeyboardWords(): { selecting: boolean; confirmed: number } {
  usePageKeys(wordKeys);
  const selecting = useSyncExternalStore(subscribe, () => state.selecting !== null);
  const confirmed = useSyncExternalStore(subscribe, () => state.confirmed);
  return { selecting, confirmed };
}
