import type { SearchHit } from '../../../model/search-index';
import { excerpt } from '../../../model/text';
import { ChineseTerm } from '../../../shared/chinese-term';

type Props = { hit: SearchHit; summary: string };

/** Why a result came up, in words, under its label. */
export function ResultContext({ hit, summary }: Props) {
  switch (hit.field) {
    case 'label':
      return <span className="search-box__snippet">{excerpt(summary)}</span>;
    case 'alias':
      return <span className="search-box__snippet">Also called “{hit.snippet}”</span>;
    case 'zh':
      return (
        <span className="search-box__snippet">
          Chinese: <ChineseTerm term={hit.snippet} />
        </span>
      );
    case 'summary':
      return <span className="search-box__snippet">{hit.snippet}</span>;
    case 'passage':
      return <span className="search-box__snippet search-box__quote">“{hit.snippet}”</span>;
  }
}
