import { own } from './own.ts';

/**
 * A problem line (`place: reason`, as the checks write them) said for a teacher: the place in
 * words ("Concept 12 (“steel”), label"), the reason with zod's phrasing made plain. The line
 * itself stays beside it for whoever edits the file.
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
  article: 'The article',
  'article.markdown': 'The article’s text',
  'article.title': 'The article’s title',
  'article.source': 'The article’s source address',
  graph: 'The map',
  tours: 'The tours',
};

const TYPES: Readonly<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  array: 'a list',
  object: 'a group of fields',
  boolean: 'true or false',
  null: 'null',
};

/** zod's phrasing, made plain where it is terse. */
function plainReason(reason: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(reason);
  if (missing) return 'is missing';
  const wrong = /^Invalid input: expected (\w+), received (\w+)$/.exec(reason);
  if (wrong) {
    const [, expected = '', received = ''] = wrong;
    return `should be ${own(TYPES, expected) ?? expected}, not ${own(TYPES, received) ?? received}`;
  }
  const unknown = /^Unrecognized keys?: (.*)$/.exec(reason);
  if (unknown) return `has a field this format does not have: ${unknown[1] ?? ''}`;
  return reason;
}

const STEP = /^\.?([A-Za-z]+)\[(\d+)\](?: \(([^)]*)\))?/;
const FIELD = /^\.?([A-Za-z]+)/;

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
      const noun = own(PARTS, list) ?? list;
      words.push(`${noun} ${Number(index) + 1}${id ? ` (“${id}”)` : ''}`);
      rest = rest.slice(matched.length);
      continue;
    }
    const field = FIELD.exec(rest);
    if (!field) return null;
    const [matched, name = ''] = field;
    words.push(name);
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
  const reason = plainReason(line.slice(cut + 2));
  if (SELF_EVIDENT.has(place)) {
    return { words: reason.charAt(0).toUpperCase() + reason.slice(1), place: '' };
  }
  const where = placeInWords(place);
  return where ? { words: `${where}: ${reason}`, place } : { words: line, place: '' };
}
