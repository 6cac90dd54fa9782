import { draftArticle, draftGraph, type Draft } from './draft.ts';
import { conceptSchema, type Graph } from './schema.ts';
import { normaliseWhitespace } from './text.ts';
import { bundleTours } from './tour-draft.ts';
import { examineTours } from './tours.ts';
import { checkGraph } from './validate.ts';

/** The fields of the concept form, each of which a problem can point to. */
export const conceptFields = [
  'label',
  'kind',
  'summary',
  'aliases',
  'zh',
  'note',
  'tier',
  'passages',
] as const;
export type ConceptField = (typeof conceptFields)[number];

/** A problem of one field; `item` counts from 1 the alias or passage it is about. */
export type FieldProblem = { field: ConceptField; item?: number; message: string };

const isField = (value: unknown): value is ConceptField =>
  typeof value === 'string' && (conceptFields as readonly string[]).includes(value);

/** Problems of a finished map's graph, checked by the rules that opening a bundle applies. */
export function draftMapProblems(draft: Draft): string[] {
  const checked = checkGraph(draftGraph(draft), draftArticle(draft), { complete: false });
  return checked.ok ? [] : checked.problems;
}

/** Problems of the draft's tours, as `place: reason` lines, by the rules that opening a bundle applies. */
export function draftTourLines(draft: Draft): string[] {
  const tours = bundleTours(draft.tours ?? []);
  if (!tours) return [];
  const checked = examineTours(tours, new Set(draft.concepts.map((concept) => concept.id)));
  return checked.ok ? [] : checked.problems;
}

/** A problem with the number of its item, for the person who reads it: the first is 1. */
const problemOf = (field: ConceptField, index: unknown, message: string): FieldProblem =>
  typeof index === 'number' ? { field, item: index + 1, message } : { field, message };

const nameKey = (name: string) => normaliseWhitespace(name).toLowerCase();

/**
 * Whether another concept can take part in a rule about `concept`, and so change what is found
 * of it: a name one of its aliases repeats (a label or an alias, which claims the name before
 * it), an id or former id its former ids repeat, a speaker of its passages. Its own lines depend
 * on no other concept, nor on any relation.
 */
function meets(concept: Graph['concepts'][number]) {
  const aliases = new Set((concept.aliases ?? []).map(nameKey));
  const former = new Set(concept.formerIds ?? []);
  const speakers = new Set(concept.passages.flatMap((passage) => passage.speaker ?? []));
  return (other: Graph['concepts'][number]) =>
    other.id === concept.id ||
    speakers.has(other.id) ||
    former.has(other.id) ||
    (other.formerIds ?? []).some((id) => former.has(id)) ||
    (aliases.size > 0 &&
      [other.label, other.id, ...(other.aliases ?? [])].some((name) => aliases.has(nameKey(name))));
}

/**
 * What keeps one concept of the draft from opening as part of a map, by the rules of
 * `npm run validate` (its schema's fields and limits, a summary that copies its passage, an alias
 * that names another concept, a passage no longer found), each with the field to fix.
 */
export function conceptProblems(draft: Draft, conceptId: string): FieldProblem[] {
  const index = draft.concepts.findIndex((concept) => concept.id === conceptId);
  if (index < 0) return [];
  const graph = draftGraph(draft);
  const problems: FieldProblem[] = [];
  const own = conceptSchema.safeParse(graph.concepts[index]);
  if (!own.success) {
    for (const issue of own.error.issues) {
      const [field, item] = issue.path;
      if (isField(field)) problems.push(problemOf(field, item, issue.message));
    }
    return problems;
  }
  // The other rules need a graph the schema accepts. Another concept still being written stands
  // in with what it has (its label, or else its id), so that its names still count; one the
  // schema cannot accept even so is left out. Only the concepts this one's rules can meet are
  // checked with it: on a large map, checking every other concept at each key would be slow.
  const ready = graph.concepts
    .filter(meets(graph.concepts[index] as Graph['concepts'][number]))
    .map((concept) =>
      concept.id === conceptId
        ? concept
        : {
            ...concept,
            label: concept.label.trim() || concept.id,
            summary: concept.summary.trim() || concept.label.trim() || concept.id,
          },
    )
    .filter((concept) => conceptSchema.safeParse(concept).success);
  const place = ready.findIndex((concept) => concept.id === conceptId);
  const checked = checkGraph({ ...graph, concepts: ready, relations: [] }, draftArticle(draft), {
    complete: false,
  });
  if (checked.ok) return [];
  const prefix = `concepts[${place}] (${conceptId}).`;
  for (const line of checked.problems) {
    if (!line.startsWith(prefix)) continue;
    const rest = line.slice(prefix.length);
    const colon = rest.indexOf(': ');
    const path = rest.slice(0, colon);
    const field = /^[a-z]+/i.exec(path)?.[0];
    const item = /\[(\d+)\]/.exec(path)?.[1];
    if (isField(field)) {
      problems.push(
        problemOf(field, item === undefined ? undefined : Number(item), rest.slice(colon + 2)),
      );
    }
  }
  return problems;
}
