import type { Ref } from 'react';
import { kindStyles } from '../../../model/kinds';
import type { SearchHit } from '../../../model/search-index';
import { ResultContext } from './result-context';

type Props = {
  ref: Ref<HTMLUListElement>;
  id: string;
  hits: readonly SearchHit[];
  activeIndex: number;
  /** Each option's id, which follows its concept. */
  optionId: (conceptId: string) => string;
  summaries: ReadonlyMap<string, string>;
  /** The list is open on the user's results. */
  expanded: boolean;
  /** The list is laid out once unseen (see useRehearsal). */
  rehearsing: boolean;
  onChoose: (hit: SearchHit) => void;
};

/** The search box's popup: a listbox of results, which the keys in the box move through. */
export function ResultList({
  ref,
  id,
  hits,
  activeIndex,
  optionId,
  summaries,
  expanded,
  rehearsing,
  onChoose,
}: Props) {
  return (
    <ul
      ref={ref}
      id={id}
      className={rehearsing ? 'search-box__list search-box__list--rehearsal' : 'search-box__list'}
      role="listbox"
      aria-label="Search results"
      aria-hidden={rehearsing || undefined}
      hidden={!expanded && !rehearsing}
    >
      {hits.map((hit, i) => (
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- an option of a combobox: the keys go to the box, which points at the active option
        <li
          key={hit.id}
          id={optionId(hit.id)}
          className="search-box__option"
          role="option"
          aria-selected={i === activeIndex}
          // Keeps focus in the box, so the click lands before the list closes on blur.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(hit)}
        >
          {/* Spaces between flex items take no room but keep the accessible name readable. */}
          <span className="search-box__option-head">
            <span className="search-box__option-label">{hit.label}</span>
            <span className="visually-hidden">,</span>{' '}
            <span className="search-box__kind">{kindStyles[hit.kind].label}</span>
          </span>
          <span className="visually-hidden">:</span>{' '}
          <ResultContext hit={hit} summary={summaries.get(hit.id) ?? ''} />
        </li>
      ))}
    </ul>
  );
}
