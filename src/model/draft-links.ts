import { draftGraph, type Draft, type DraftConcept } from './draft.ts';
import { relationKindLabels } from './kinds.ts';
import {
  relationKinds,
  relationSchema,
  type Graph,
  type Relation,
  type RelationKind,
} from './schema.ts';
import { examineGraph } from './validate.ts';

/**
 * The relations of a map being made: a proposition joins two concepts with a linking phrase, read
 * from the source to the target, and a kind that says what the phrase claims.
 */

/** What the relation form holds: the kind is empty until one is chosen. */
export type RelationFields = {
  source: string;
  target: string;
  label: string;
  kind: RelationKind | '';
};

/** What each kind claims, read from the source to the target (the README's table). */
export const relationKindMeanings: Record<RelationKind, string> = {
  'part-of': 'is a part, member, stage, feature or key point of',
  supports: 'is a base, a reason or a guide for',
  enables: 'makes possible, or gives',
  drives: 'pushes, powers, causes or transforms',
  'contrasts-with': 'is set against',
  'responds-to': 'is the answer to a problem named by',
  'pole-of': 'is one side of the dialectical pair',
  'evolves-into': 'grows or turns, over time, into',
  'likened-to': 'is an image (a metaphor or comparison) for',
  'example-of': 'is an instance, a case or an application of',
  precedes: 'comes before, in time or in order,',
  echoes: 'restates, in a later part of the article, an idea or image of',
  states: 'is a document or person the article quotes, and puts forward',
};

/** A phrase that says what each kind says, offered before the map has phrases of its own. */
export const kindPhrases: Record<RelationKind, string> = {
  'part-of': 'is part of',
  supports: 'supports',
  enables: 'makes possible',
  drives: 'drives',
  'contrasts-with': 'contrasts with',
  'responds-to': 'responds to',
  'pole-of': 'is one side of',
  'evolves-into': 'evolves into',
  'likened-to': 'is the image for',
  'example-of': 'is an example of',
  precedes: 'comes before',
  echoes: 'echoes',
  states: 'puts forward',
};

const nameOf = (concept: DraftConcept | undefined, id: string) =>
  concept?.label.trim() || concept?.id || id;

/** The proposition as a sentence: "<source> <phrase> <target>". */
export function relationSentence(
  draft: Draft,
  fields: Pick<Relation, 'source' | 'target' | 'label'>,
) {
  const byId = (id: string) => draft.concepts.find((concept) => concept.id === id);
  const phrase = fields.label.trim().replace(/\s+/g, ' ');
  return [
    nameOf(byId(fields.source), fields.source),
    phrase,
    nameOf(byId(fields.target), fields.target),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The relations that start or end at a concept, in the order they were made. */
export const relationsOf = (draft: Draft, conceptId: string): Relation[] =>
  draft.relations.filter(
    (relation) => relation.source === conceptId || relation.target === conceptId,
  );

const MAX_ID = 100;

/** A new relation's id: `r-<source>-<target>`, kebab-case and at most 100 characters, not taken. */
export function newRelationId(draft: Draft, source: string, target: string): string {
  const taken = new Set(draft.relations.map((relation) => relation.id));
  // Room for a "-99" that keeps it apart from another.
  const base = `r-${source}-${target}`.slice(0, MAX_ID - 4).replace(/-+$/, '');
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The relation the form's fields make, as the map stores it: the phrase without stray spaces. */
function relationOf(id: string, fields: RelationFields): Relation {
  return {
    id,
    source: fields.source,
    target: fields.target,
    label: fields.label.trim().replace(/\s+/g, ' '),
    kind: fields.kind as RelationKind,
  };
}

/** The draft with one more relation, last; its problems are for `relationProblems` to say. */
export function addRelation(
  draft: Draft,
  fields: RelationFields,
): { draft: Draft; relationId: string } {
  const relationId = newRelationId(draft, fields.source, fields.target);
  return {
    draft: { ...draft, relations: [...draft.relations, relationOf(relationId, fields)] },
    relationId,
  };
}

/** The draft with one relation changed in its place; it keeps its id. */
export function updateRelation(draft: Draft, relationId: string, fields: RelationFields): Draft {
  return {
    ...draft,
    relations: draft.relations.map((relation) =>
      relation.id === relationId ? relationOf(relationId, fields) : relation,
    ),
  };
}

/** The draft without one relation. */
export function removeRelation(draft: Draft, relationId: string): Draft {
  return { ...draft, relations: draft.relations.filter((relation) => relation.id !== relationId) };
}

/** A field of the relation form, which a problem points to. */
export type RelationField = 'source' | 'target' | 'label' | 'kind';
export type RelationProblem = { field: RelationField; message: string };

/** A rule's problem line, in the words a teacher reads, with the field to fix. */
function sayRule(draft: Draft, graph: Graph, reason: string): RelationProblem {
  if (reason === 'relates a concept to itself') {
    return {
      field: 'target',
      message: 'A relation joins two different concepts: choose another one to link to.',
    };
  }
  const same = /^says the same as relations\[(\d+)\]/.exec(reason);
  const earlier = same ? graph.relations[Number(same[1])] : undefined;
  if (earlier) {
    return {
      field: 'kind',
      message: `“${relationSentence(draft, earlier)}” already joins these two concepts as “${relationKindLabels[earlier.kind]}”: two relations of the same kind between the same two concepts say the same thing. Choose another kind, or edit that relation.`,
    };
  }
  const unknown = /^(source|target)\.?.*unknown concept/.exec(reason);
  if (unknown) {
    return {
      field: unknown[1] as 'source' | 'target',
      message: `The concept it ${unknown[1] === 'source' ? 'starts' : 'ends'} at is no longer on the map.`,
    };
  }
  return { field: 'label', message: reason };
}

/**
 * What keeps the relation the form describes from being saved, by the rules `npm run validate`
 * applies to every relation (the schema's limits on the phrase and the kind, a concept related to
 * itself, two relations of one kind between the same two concepts), each with the field to fix.
 * `editing` is the relation being changed, which the check leaves out.
 */
export function relationProblems(
  draft: Draft,
  fields: RelationFields,
  editing?: string,
): RelationProblem[] {
  const id = editing ?? newRelationId(draft, fields.source || 'x', fields.target || 'x');
  const relation = relationOf(id, fields);
  const problems: RelationProblem[] = [];
  const own = relationSchema.safeParse(relation);
  if (!own.success) {
    for (const issue of own.error.issues) {
      const [field] = issue.path;
      if (field === 'label') {
        problems.push({ field, message: `The linking phrase ${issue.message}.` });
      } else if (field === 'kind') {
        problems.push({ field, message: 'Choose the kind of link.' });
      }
    }
  }
  const base = draftGraph(draft);
  // The graph's rules judge the relation even while its phrase or kind is missing: none of them
  // reads the phrase, and a stand-in kind says nothing about repeating another. The concepts
  // stand in with what their ids need to pass, so that one still being written (no summary yet)
  // does not keep its relations from the rules.
  const judged: Relation = { ...relation, label: 'links to', kind: fields.kind || 'part-of' };
  const graph: Graph = {
    ...base,
    meta: { title: 'Draft' },
    concepts: base.concepts.map((concept) => ({
      id: concept.id,
      label: concept.id,
      kind: concept.kind,
      section: concept.section,
      summary: concept.id,
      passages: [{ exact: concept.id }],
    })),
    relations: [...base.relations.filter((other) => other.id !== editing), judged],
  };
  const place = `relations[${graph.relations.length - 1}] (${id})`;
  for (const line of examineGraph(graph, null, { complete: false }).problems) {
    if (!line.startsWith(place)) continue;
    const reason = line.slice(place.length).replace(/^\.?/, '').replace(/^: /, '');
    const said = sayRule(draft, graph, reason);
    if (fields.kind === '' && said.field === 'kind') continue;
    problems.push(said);
  }
  return problems;
}

export type PhraseSuggestion = {
  phrase: string;
  kind: RelationKind;
  /** How many of the map's relations use it; 0 for the phrase a kind suggests. */
  uses: number;
};

const phraseKey = (phrase: string) => phrase.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Linking phrases to offer as the form's phrase is typed: those the map already uses, the most
 * used first (each with the kind it was most used as), then a phrase for each kind the schema
 * allows. Only those that contain what is typed, and not the very phrase typed.
 */
export function phraseSuggestions(draft: Draft, typed: string, limit = 8): PhraseSuggestion[] {
  const used = new Map<
    string,
    { phrase: string; kinds: Map<RelationKind, number>; uses: number }
  >();
  for (const relation of draft.relations) {
    const key = phraseKey(relation.label);
    const entry = used.get(key) ?? { phrase: relation.label, kinds: new Map(), uses: 0 };
    entry.uses += 1;
    entry.kinds.set(relation.kind, (entry.kinds.get(relation.kind) ?? 0) + 1);
    used.set(key, entry);
  }
  const fromMap = [...used.values()]
    .map(({ phrase, kinds, uses }): PhraseSuggestion => {
      const [kind] = [...kinds].sort((a, b) => b[1] - a[1])[0] ?? ['supports'];
      return { phrase, kind, uses };
    })
    .sort((a, b) => b.uses - a.uses || a.phrase.localeCompare(b.phrase));
  const fromKinds = relationKinds
    .map((kind): PhraseSuggestion => ({ phrase: kindPhrases[kind], kind, uses: 0 }))
    .filter(({ phrase }) => !used.has(phraseKey(phrase)));
  const wanted = phraseKey(typed);
  return [...fromMap, ...fromKinds]
    .filter(({ phrase }) => {
      const key = phraseKey(phrase);
      return key.includes(wanted) && key !== wanted;
    })
    .slice(0, limit);
}
