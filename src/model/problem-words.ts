import { own } from './own.ts';

/**
 * A problem line (`place: reason`, as the checks write them) said for a teacher: the place in
 * words ("Concept 12 (“steel”), label"), then the reason, which the checks write in words already
 * (issue-words.ts says zod's issues). The line itself stays beside it for whoever edits the file.
 */

const PARTS: Readonly<Record<string, string>> = {
  concepts: 'Concept',
  relations: 'Relation',
  sections: 'Section',
  passages: 'passage',
  tours: 'Tour',
  steps: 'step',
  corrections: 'Correction',
  aliases: 'alias',
  formerIds: 'former id',
};

/** Places that say no more than the reason does: the reason is said alone. */
const SELF_EVIDENT = new Set(['(file)', '(address)', '(map)', '(saved map)']);

const WHOLE: Readonly<Record<string, string>> = {
  '(root)': 'The file',
  schemaVersion: 'The file’s format version',
  article: 'The article',
  'article.markdown': 'The article’s text',
  'article.title': 'The article’s title',
  'article.source': 'The article’s source address',
  graph: 'The map',
  'graph.schemaVersion': 'The map’s format version',
  'graph.meta': 'The map’s title and source',
  'graph.meta.title': 'The map’s title',
  'graph.meta.source': 'The article’s source',
  'graph.meta.source.url': 'The address of the article’s source',
  'graph.meta.source.published': 'The date the article was published',
  'graph.meta.byline': 'The byline',
  'graph.meta.byline.name': 'The author’s name in the byline',
  'graph.meta.byline.role': 'The author’s position in the byline',
  'graph.meta.byline.institution': 'The author’s institution in the byline',
  'graph.sections': 'The sections',
  'graph.concepts': 'The concepts',
  'graph.relations': 'The relations',
  'graph.corrections': 'The corrections',
  tours: 'The tours',
  'tours.schemaVersion': 'The tours’ format version',
  'tours.tours': 'The tours',
};

/** Fields whose names are written for programs, said as a reader would. */
const FIELDS: Readonly<Record<string, string>> = {
  exact: 'quoted words',
  prefix: 'words before the quote',
  suffix: 'words after the quote',
  formerIds: 'former ids',
  zh: 'Chinese term',
};

const STEP = /^\.?([A-Za-z]+)\[(\d+)\](?: \(([^)]*)\))?/;
const FIELD = /^\.?([A-Za-z]+)(?: \(([^)]*)\))?/;

/** The place in words, or null when it is not one the checks write. */
function placeInWords(place: string): string | null {
  const whole = own(WHOLE, place);
  if (whole) return whole;
  let rest = place.replace(/^(graph|tours)(?=\.|$)/, '');
  const words: string[] = [];
  while (rest) {
    const item = STEP.exec(rest);
    if (item) {
      const [matched, list = '', index = '0', id] = item;
      // Nested, a list's item is one of its owner's: "Tour 1, step 2, concept 1".
      const part = own(PARTS, list) ?? list;
      const noun = words.length > 0 ? part.toLowerCase() : part;
      words.push(`${noun} ${Number(index) + 1}${id ? ` (“${id}”)` : ''}`);
      rest = rest.slice(matched.length);
      continue;
    }
    const field = FIELD.exec(rest);
    if (!field) return null;
    const [matched, name = '', id] = field;
    // A list named with one item's id, as `sections (rain)`: that item.
    words.push(id ? `${own(PARTS, name) ?? name} “${id}”` : (own(FIELDS, name) ?? name));
    rest = rest.slice(matched.length);
  }
  if (words.length === 0) return null;
  const [first = '', ...others] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...others].join(', ');
}

export type ProblemWords = { words: string; place: string };

/** Splits a problem line into words for a teacher and the technical place it came from. */
export function problemInWords(line: string): ProblemWords {
  const cut = line.indexOf(': ');
  if (cut < 0) return { words: line, place: '' };
  const place = line.slice(0, cut);
  const reason = line.slice(cut + 2);
  if (SELF_EVIDENT.has(place)) {
    return { words: reason.charAt(0).toUpperCase() + reason.slice(1), place: '' };
  }
  const where = placeInWords(place);
  return where ? { words: `${where}: ${reason}`, place } : { words: line, place: '' };
}
