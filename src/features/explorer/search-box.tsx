import { Search } from 'lucide-react';
import {
  useEffect,
  useEffectEvent,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { afterPaint } from '../../shared/after-paint';
import { registerKeys, type KeyGroup } from '../../shared/page-keys';
import { isTypingTarget } from '../../shared/typing';
import type { Article } from '../../model/article';
import type { SearchHit, SearchIndex, SearchLookup } from '../../model/search-index';
import { useAtlasStore } from '../../store/atlas-store';
import { useUnhurriedAtlas } from '../../store/unhurried-atlas';
import { HIGHLIGHTED_MATCHES, SHOWN_RESULTS } from './search/result-limits';
import { ResultList } from './search/result-list';
import { useRehearsal } from './search/use-rehearsal';
import { useSearchIndex } from './search/use-search-index';
import './search-box.css';

/**
 * How long the map waits for the next key before it shows a query's matches. Restyling the map
 * after every key's frame could hold up the next key: typing ten keys a second on the built-in
 * map, one key in twenty took over 30 ms to reach the screen, and under 17 ms with this pause.
 * Typists pause longer than this between words.
 */
const MAP_PAUSE_MS = 150;

const searchKey = (event: globalThis.KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
const slashKey = (event: globalThis.KeyboardEvent) =>
  event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;

/** The search box's keys: `/` and Ctrl+K go to the box; ↑, ↓ and Enter are the box's own. */
function searchKeys(input: { current: HTMLInputElement | null }): KeyGroup {
  const focusBox = () => {
    input.current?.focus();
    input.current?.select();
  };
  return {
    title: 'Searching',
    keys: [
      {
        keys: ['/'],
        does: 'Search concepts',
        test: (e) => slashKey(e) && input.current !== null,
        perform: focusBox,
      },
      {
        keys: ['Ctrl', 'K'],
        does: 'Search concepts (in the box: select the query to type over it)',
        // In the box itself "/" is text, while Ctrl+K still selects the query to type over it.
        test: (e) =>
          searchKey(e) &&
          input.current !== null &&
          (e.target === input.current || !isTypingTarget(e.target)),
        perform: focusBox,
        whileTyping: true,
      },
      { keys: ['↑', '↓', 'Enter'], does: 'Choose a search result' },
    ],
  };
}

const NO_LOOKUP: SearchLookup = { hits: [], ids: [], total: 0 };
const resultCount = (count: number) =>
  count === 1 ? '1 concept matches' : `${count} concepts match`;

/**
 * Finds concepts by name, alias, Chinese name, summary or quoted passage, as a WAI-ARIA combobox
 * with a listbox popup. Matches are highlighted on the map while the user types.
 */
export function SearchBox() {
  // The index and results of a draft being typed into follow once the key's frame is drawn.
  const atlas = useUnhurriedAtlas();
  const setSearch = useAtlasStore((s) => s.setSearch);
  const select = useAtlasStore((s) => s.select);
  // What is typed lives here, so that a key renders the box alone; the store, and the map with it,
  // hear of it once the key's frame is painted. Another map (another article) starts with an
  // empty box; a change of the draft on screen keeps what is typed.
  const article = atlas?.article ?? null;
  const [typed, setTyped] = useState<{ article: Article | null; text: string }>({
    article,
    text: '',
  });
  const query = typed.article === article ? typed.text : '';
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  /** The active option was moved with an arrow key, so it may need scrolling into view. */
  const arrowed = useRef(false);
  /** The list may have been scrolled away from its top. */
  const scrolledList = useRef(false);
  const baseId = useId();
  const listId = `${baseId}-results`;
  // Ids follow the concept, so a screen reader hears when typing changes the best result.
  const optionId = (conceptId: string) => `${baseId}-option-${conceptId}`;

  const [focused, setFocused] = useState(false);
  const built = useSearchIndex(atlas, focused || query.trim().length > 0);
  const index = built?.index ?? null;
  const rehearsal = useRehearsal(built, query.trim().length > 0);
  const summaries = useMemo(
    () => new Map(atlas?.graph.concepts.map((c) => [c.id, c.summary])),
    [atlas],
  );
  // One search per keystroke: typing stores its results; anything else searches here.
  const [found, setFound] = useState<{ index: SearchIndex; query: string; lookup: SearchLookup }>();
  const lookup = useMemo(() => {
    if (!index) return NO_LOOKUP;
    if (found?.index === index && found.query === query) return found.lookup;
    return index.lookup(query, SHOWN_RESULTS, HIGHLIGHTED_MATCHES);
  }, [found, index, query]);
  const { hits } = lookup;
  const hasQuery = query.trim().length > 0;
  const expanded = open && hits.length > 0;
  const activeIndex = Math.min(active, Math.max(hits.length - 1, 0));
  const activeHit = expanded ? hits[activeIndex] : undefined;
  const rehearsing = !expanded && rehearsal !== null;
  const listed = rehearsing ? rehearsal : hits;

  // A query typed while the index was being built lights up its matches once it is ready.
  const lightUpTyped = useEffectEvent((ready: SearchIndex) => {
    if (query.trim()) setSearch(query, ready.ids(query, HIGHLIGHTED_MATCHES));
  });
  useEffect(() => {
    if (index) lightUpTyped(index);
  }, [index]);

  // The list answers a key in the same frame; the map, which may have thousands of concepts to
  // restyle, gets the matches once that frame is painted and the typing pauses.
  const stopPublishing = useRef<(() => void) | null>(null);
  useEffect(() => () => stopPublishing.current?.(), []);
  /**
   * Puts `value` in the box and drops matches still waiting for the map. An emptied box is shared
   * at once, since it has no matches to wait for.
   */
  function setText(value: string) {
    stopPublishing.current?.();
    stopPublishing.current = null;
    setTyped({ article, text: value });
    if (value.trim() === '') setSearch(value, []);
  }

  function changeQuery(value: string) {
    // A list scrolled by the arrow keys starts again at its top.
    if (scrolledList.current && listRef.current) listRef.current.scrollTop = 0;
    scrolledList.current = false;
    setText(value);
    // Until the index is built there is nothing to show; once built, it lights up what was typed.
    if (index && value.trim() !== '') {
      const lookup = index.lookup(value, SHOWN_RESULTS, HIGHLIGHTED_MATCHES);
      setFound({ index, query: value, lookup });
      const { ids } = lookup;
      stopPublishing.current = afterPaint(() => setSearch(value, ids), MAP_PAUSE_MS);
    }
    setActive(0);
    setOpen(true);
  }

  function choose(hit: SearchHit) {
    select(hit.id);
    setText('');
    setActive(0);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter or Escape that ends an IME composition (as when typing Chinese) belongs to the IME.
    if (event.nativeEvent.isComposing) return;
    const count = hits.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        arrowed.current = true;
        if (!expanded) {
          setOpen(true);
          setActive(step === 1 ? 0 : count - 1);
        } else {
          setActive((activeIndex + step + count) % count);
        }
        return;
      }
      case 'Enter': {
        if (!activeHit) return;
        event.preventDefault();
        choose(activeHit);
        return;
      }
      case 'Escape': {
        if (!query) return;
        // Chrome would clear a search field on the first Escape; the pattern closes the list first.
        event.preventDefault();
        // The Escape is spent here, so listeners further up (such as "deselect") do not see it.
        event.stopPropagation();
        if (open && hasQuery) setOpen(false);
        else setText('');
        return;
      }
    }
  }

  useEffect(() => registerKeys(searchKeys(inputRef)), []);

  const activeId = activeHit ? optionId(activeHit.id) : undefined;
  // Keeps the active option in sight on a short screen (jsdom has no scrollIntoView). Only moving
  // through the list scrolls it: a scroll makes the browser lay out the whole page, which beside a
  // long article costs more than a frame, and typing starts each list at its top.
  useEffect(() => {
    if (!activeId || !arrowed.current) return;
    arrowed.current = false;
    scrolledList.current = true;
    document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const noMatch = open && hasQuery && index !== null && lookup.total === 0;
  let status = '';
  if (hasQuery && !index) status = 'Preparing the search…';
  else if (hasQuery) {
    status = lookup.total > 0 ? resultCount(lookup.total) : `No concept matches “${query.trim()}”`;
  }
  if (!atlas) return null;

  return (
    <div className="search-box">
      <label className="search-box__label" htmlFor={`${baseId}-input`}>
        <Search aria-hidden="true" focusable="false" size={18} strokeWidth={2.25} />
        <span className="visually-hidden">Search concepts</span>
      </label>
      <input
        ref={inputRef}
        id={`${baseId}-input`}
        className="search-box__input"
        type="search"
        role="combobox"
        placeholder="Search concepts ( / )"
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/ Control+K Meta+K"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        value={query}
        onChange={(event) => changeQuery(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
      />
      <ResultList
        ref={listRef}
        id={listId}
        hits={listed}
        activeIndex={activeIndex}
        optionId={optionId}
        summaries={summaries}
        expanded={expanded}
        rehearsing={rehearsing}
        onChoose={choose}
      />
      <p
        className={
          noMatch
            ? 'search-box__status search-box__status--empty'
            : 'search-box__status visually-hidden'
        }
        role="status"
      >
        {status}
      </p>
    </div>
  );
}
