import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/features/bundle/check-bundle';
import {
  addConcept,
  draftArticle,
  draftAtlas,
  draftBundle,
  newDraft,
  removeConcept,
  updateConcept,
  type Draft,
} from '../../src/model/draft';
import {
  addRelation,
  kindPhrases,
  newRelationId,
  phraseSuggestions,
  relationProblems,
  relationSentence,
  relationsOf,
  removeRelation,
  updateRelation,
  type RelationFields,
} from '../../src/model/draft-links';
import { relationKinds } from '../../src/model/schema';
import { riversAndTowns } from '../fixtures/draft-article';

/** A draft with a concept for each of the words, each with a summary. */
function draftWith(...words: string[]): Draft {
  let draft = newDraft({ id: 'd1', meta: { title: 'Rivers' }, text: riversAndTowns });
  for (const quote of words) {
    const at = draftArticle(draft).text.indexOf(quote);
    const made = addConcept(draft, at, at + quote.length);
    if (!made.ok) throw new Error(made.reason);
    draft = updateConcept(made.draft, made.conceptId, { summary: `About ${quote}.` });
  }
  return draft;
}

const water = 'rivers-carry-water';
const boats = 'boats-carry-goods';
const towns = 'towns-grow';

const fields = (over: Partial<RelationFields> = {}): RelationFields => ({
  source: water,
  target: towns,
  label: 'feeds',
  kind: 'supports',
  ...over,
});

function linked(draft: Draft, over: Partial<RelationFields> = {}) {
  return addRelation(draft, fields(over));
}

describe('relations in a draft', () => {
  const base = draftWith('Rivers carry water', 'Boats carry goods', 'Towns grow');

  it('adds a relation with an id from its two concepts, and reads it as a sentence', () => {
    const { draft, relationId } = linked(base, { label: '  feeds   the ' });
    expect(relationId).toBe('r-rivers-carry-water-towns-grow');
    expect(draft.relations).toEqual([
      { id: relationId, source: water, target: towns, label: 'feeds the', kind: 'supports' },
    ]);
    expect(relationSentence(draft, draft.relations[0]!)).toBe(
      'Rivers carry water feeds the Towns grow',
    );
    expect(relationsOf(draft, towns)).toEqual(draft.relations);
    expect(relationsOf(draft, boats)).toEqual([]);
    // Drawn on the map at once.
    expect(draftAtlas(draft).edges.map((edge) => [edge.source, edge.target])).toEqual([
      [water, towns],
    ]);
  });

  it('keeps ids apart and within the schema’s hundred characters', () => {
    const { draft } = linked(base);
    expect(newRelationId(draft, water, towns)).toBe('r-rivers-carry-water-towns-grow-2');
    const long = newRelationId(draft, 'a'.repeat(60), `b-${'c'.repeat(57)}`);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('changes a relation in its place, keeping its id, and removes it', () => {
    const first = linked(base);
    const second = linked(first.draft, { source: boats, label: 'feed', kind: 'enables' });
    const changed = updateRelation(second.draft, first.relationId, fields({ kind: 'drives' }));
    expect(changed.relations.map((r) => [r.id, r.kind])).toEqual([
      [first.relationId, 'drives'],
      [second.relationId, 'enables'],
    ]);
    expect(removeRelation(changed, first.relationId).relations.map((r) => r.id)).toEqual([
      second.relationId,
    ]);
    // A concept deleted takes its relations with it.
    expect(removeConcept(changed, towns).relations).toEqual([]);
  });

  it('goes into the bundle, which opens', () => {
    const { draft } = linked(base);
    const checked = checkContent(JSON.stringify(draftBundle(draft)));
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    expect(checked.graph.relations).toEqual(draft.relations);
  });
});

describe('the rules a relation is held to', () => {
  const base = draftWith('Rivers carry water', 'Boats carry goods', 'Towns grow');

  it('finds nothing wrong with a relation that says something new', () => {
    expect(relationProblems(base, fields())).toEqual([]);
  });

  it('wants a phrase and a kind', () => {
    expect(relationProblems(base, fields({ label: '  ', kind: '' }))).toEqual([
      { field: 'label', message: 'The linking phrase must not be empty.' },
      { field: 'kind', message: 'Choose the kind of link.' },
    ]);
    expect(relationProblems(base, fields({ label: 'x'.repeat(301) }))).toEqual([
      { field: 'label', message: 'The linking phrase must be at most 300 characters.' },
    ]);
  });

  it('refuses a concept related to itself, even before the phrase is written', () => {
    const self = [
      {
        field: 'target',
        message: 'A relation joins two different concepts: choose another one to link to.',
      },
    ];
    expect(relationProblems(base, fields({ target: water }))).toEqual(self);
    expect(relationProblems(base, fields({ target: water, label: '', kind: '' }))).toEqual([
      { field: 'label', message: 'The linking phrase must not be empty.' },
      { field: 'kind', message: 'Choose the kind of link.' },
      ...self,
    ]);
  });

  it('refuses a second relation of the same kind between the same two, in either direction', () => {
    const { draft, relationId } = linked(base);
    const same = [
      {
        field: 'kind',
        message:
          '“Rivers carry water feeds Towns grow” already joins these two concepts as “supports”: two relations of the same kind between the same two concepts say the same thing. Choose another kind, or edit that relation.',
      },
    ];
    expect(relationProblems(draft, fields({ label: 'helps' }))).toEqual(same);
    expect(relationProblems(draft, fields({ source: towns, target: water }))).toEqual(same);
    // Another kind says something else; the relation being edited is not its own repeat.
    expect(relationProblems(draft, fields({ kind: 'contrasts-with' }))).toEqual([]);
    expect(relationProblems(draft, fields({ label: 'helps' }), relationId)).toEqual([]);
  });

  it('judges relations while their concepts are still being written', () => {
    const unfinished = updateConcept(base, towns, { summary: '', label: '' });
    expect(relationProblems(unfinished, fields())).toEqual([]);
    expect(relationSentence(unfinished, fields())).toBe('Rivers carry water feeds towns-grow');
  });
});

describe('linking phrases offered', () => {
  const base = draftWith('Rivers carry water', 'Boats carry goods', 'Towns grow');

  it('offers a phrase for each kind the schema allows while the map has none', () => {
    const offered = phraseSuggestions(base, '', 20);
    expect(offered.map((s) => s.kind)).toEqual([...relationKinds]);
    expect(offered.every((s) => s.uses === 0 && s.phrase === kindPhrases[s.kind])).toBe(true);
    expect(phraseSuggestions(base, '').length).toBe(8);
  });

  it('offers the phrases the map uses first, the most used first, with the kind they have', () => {
    let draft = linked(base, { label: 'feeds', kind: 'supports' }).draft;
    draft = linked(draft, { source: boats, label: 'Feeds', kind: 'enables' }).draft;
    draft = linked(draft, {
      source: boats,
      target: water,
      label: 'rides on',
      kind: 'drives',
    }).draft;
    draft = linked(draft, { source: towns, target: boats, label: 'feeds', kind: 'supports' }).draft;
    const offered = phraseSuggestions(draft, '');
    expect(offered.slice(0, 2)).toEqual([
      { phrase: 'feeds', kind: 'supports', uses: 3 },
      { phrase: 'rides on', kind: 'drives', uses: 1 },
    ]);
    expect(offered[2]).toEqual({ phrase: kindPhrases['part-of'], kind: 'part-of', uses: 0 });
    // What is typed narrows them, and the very phrase typed is not offered again.
    expect(phraseSuggestions(draft, 'RIDE').map((s) => s.phrase)).toEqual(['rides on']);
    expect(phraseSuggestions(draft, 'rides on')).toEqual([]);
    expect(phraseSuggestions(draft, 'part').map((s) => s.phrase)).toEqual(['is part of']);
  });
});
