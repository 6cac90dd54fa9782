import type { Atlas } from './atlas.ts';
import { own } from './own.ts';
import type { Concept, Section } from './schema.ts';

/*
 * The notes file format, written by `exportNotesMarkdown` and read back by `importNotesMarkdown`:
 *
 *   # Notes on <article title>
 *   <a short paragraph explaining the format>
 *   ## <section heading>                     one per section that has notes, in order
 *   ### <concept label> {#<concept-id>}      one per concept with a note, in reading order
 *   (blank line)
 *   > <passage>                              each of the concept's passages, then a blank line
 *   <the note, line for line>
 *   (blank line)
 *
 * The `{#concept-id}` at the end of a `###` heading is what import uses to find the concept (it is
 * also Pandoc's heading-id syntax, so the file renders well there). Everything else outside the
 * notes is for reading only. A note line that would start with `#` or `>` (after up to three spaces)
 * gets one more backslash before the mark, and import removes exactly one, so the note comes back
 * exactly as typed, whatever it holds.
 */

const HEADING = /^#{1,3}(?:\s|$)/;
const CONCEPT_HEADING = /^### (.*?)\s*\{#([^\s{}]+)\}\s*$/;
const ESCAPABLE = /^( {0,3})(\\*[#>])/;
const ESCAPED = /^( {0,3})\\(\\*[#>])/;

export const escapeNoteLine = (line: string) => line.replace(ESCAPABLE, '$1\\$2');
export const unescapeNoteLine = (line: string) => line.replace(ESCAPED, '$1$2');

export function sectionHeading(section: Section): string {
  return section.order === 0 ? 'Introduction' : `Section ${section.order}: ${section.title}`;
}

/** Passages are one line in the article's text; a quote line must stay one line. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function conceptBlock(heading: string, id: string, passages: string[], note: string): string[] {
  return [
    `### ${oneLine(heading)} {#${id}}`,
    '',
    ...passages.flatMap((passage) => [`> ${oneLine(passage)}`, '']),
    ...note.split('\n').map(escapeNoteLine),
    '',
  ];
}

/** A Markdown document of the student's notes, by section and in the argument's reading order. */
export function exportNotesMarkdown(atlas: Atlas, notes: Record<string, { text: string }>): string {
  const lines = [
    `# Notes on ${oneLine(atlas.article.meta.title)}`,
    '',
    'My notes from Concept Atlas. To import them again, keep each “### … {#…}” heading as it is;',
    'the part in braces says which concept a note belongs to.',
    '',
  ];
  const byOrder = (a: Concept, b: Concept) =>
    (atlas.order.get(a.id) ?? Infinity) - (atlas.order.get(b.id) ?? Infinity);
  const sections = [...atlas.graph.sections].sort((a, b) => a.order - b.order);
  for (const section of sections) {
    const concepts = atlas.graph.concepts
      .filter((c) => c.section === section.id && own(notes, c.id)?.text)
      .sort(byOrder);
    if (concepts.length === 0) continue;
    lines.push(`## ${oneLine(sectionHeading(section))}`, '');
    for (const concept of concepts) {
      const passages = concept.passages.map((p) => p.exact);
      lines.push(
        ...conceptBlock(concept.label, concept.id, passages, own(notes, concept.id)?.text ?? ''),
      );
    }
  }
  // Notes on concepts that are no longer in the map are the student's text too: keep them.
  const known = new Set(atlas.graph.concepts.map((c) => c.id));
  const others = Object.keys(notes)
    .filter((id) => !known.has(id) && own(notes, id)?.text)
    .sort();
  if (others.length > 0) {
    lines.push('## Notes on concepts no longer in the map', '');
    for (const id of others) lines.push(...conceptBlock(id, id, [], own(notes, id)?.text ?? ''));
  }
  return lines.join('\n');
}

export type ImportedNotes = { notes: Record<string, string>; problems: string[] };

/**
 * Reads notes back from a file in the format above. Problems (an unknown concept, a heading without
 * its id) are reported and the rest is still imported.
 */
export function importNotesMarkdown(markdown: string, atlas: Atlas): ImportedNotes {
  const lines = markdown
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const known = new Set(atlas.graph.concepts.map((c) => c.id));
  // A Map, not an object: a concept may be called `constructor`, which an object already has.
  const notes = new Map<string, string>();
  const problems: string[] = [];
  let found = 0;

  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    index += 1;
    if (!line.startsWith('### ')) continue;
    const start = index;
    while (index < lines.length && !HEADING.test(lines[index] ?? '')) index += 1;
    const body = lines.slice(start, index);
    const match = CONCEPT_HEADING.exec(line);
    if (!match) {
      if (noteOf(body) !== '') {
        problems.push(
          `Line ${start}: the heading “${line.slice(4)}” has no concept id in braces, such as {#concept-id}, so the text under it was not imported.`,
        );
      }
      continue;
    }
    found += 1;
    const [, label = '', id = ''] = match;
    const text = noteOf(body);
    if (text === '') continue;
    if (!known.has(id)) {
      problems.push(
        `Line ${start}: “${label}” ({#${id}}) is not a concept in this map, so its note was not imported.`,
      );
      continue;
    }
    const earlier = notes.get(id);
    notes.set(id, earlier === undefined ? text : `${earlier}\n\n${text}`);
  }
  if (found === 0) {
    problems.push(
      'No notes were found in this file. A notes file from Concept Atlas has a heading such as “### Label {#concept-id}” above each note.',
    );
  }
  return { notes: Object.fromEntries(notes), problems };
}

/**
 * The note under a concept heading: after the quoted passages and the one blank line that follows
 * them, up to the one blank line the export puts before the next heading. Files edited by hand
 * with more or fewer blank lines around the quotes still read.
 */
function noteOf(body: string[]): string {
  let end = 0;
  let lastQuote = -1;
  while (end < body.length && (body[end] === '' || body[end]?.startsWith('>'))) {
    if (body[end]?.startsWith('>')) lastQuote = end;
    end += 1;
  }
  let start = lastQuote + 1;
  if (body[start] === '') start += 1;
  const rest = body.slice(start);
  if (rest.at(-1) === '') rest.pop();
  return rest.map(unescapeNoteLine).join('\n');
}
