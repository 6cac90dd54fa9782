import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/features/bundle/check-bundle';
import { draftAtlas, draftBundle, removeConcept, type Draft } from '../../src/model/draft';
import { draftTourLines } from '../../src/model/draft-problems';
import {
  addStep,
  addStepConcepts,
  addTour,
  moveStep,
  removeStep,
  removeTour,
  selectionConcepts,
  updateStep,
  updateTour,
} from '../../src/model/draft-tour-edits';
import { tourProblems, type DraftTour } from '../../src/model/tour-draft';
import { mappedRivers } from '../fixtures/draft-fixture';

const tourOf = (draft: Draft, id = 'a-walk'): DraftTour => {
  const tour = draft.tours?.find((candidate) => candidate.id === id);
  if (!tour) throw new Error(`no tour ${id}`);
  return tour;
};

/** A tour of two finished steps. */
function toured(): Draft {
  let { draft } = addTour(mappedRivers(), 'A walk');
  draft = updateTour(draft, 'a-walk', { description: 'From water to trade.' });
  const first = addStep(draft, 'a-walk', ['rivers-carry-water']);
  draft = updateStep(first.draft, 'a-walk', first.stepId, {
    text: 'Water comes first.',
    notes: 'Where does the water go?',
  });
  const second = addStep(draft, 'a-walk', ['boats-carry-goods', 'towns-grow']);
  return updateStep(second.draft, 'a-walk', second.stepId, {
    text: 'Then trade.',
    notes: 'What do boats carry?',
  });
}

const ids = (draft: Draft) => new Set(draft.concepts.map((concept) => concept.id));

describe('a tour made in the draft', () => {
  it('starts with a title, an id from it that does not repeat, and no steps', () => {
    const first = addTour(mappedRivers(), '  A walk ');
    expect(first.tourId).toBe('a-walk');
    expect(first.draft.tours).toEqual([
      { id: 'a-walk', title: 'A walk', description: '', steps: [] },
    ]);
    const second = addTour(first.draft, 'A walk');
    expect(second.tourId).toBe('a-walk-2');
    const renamed = updateTour(second.draft, 'a-walk', { title: 'Down the river' });
    expect(tourOf(renamed).title).toBe('Down the river');
    expect(removeTour(renamed, 'a-walk').tours?.map((tour) => tour.id)).toEqual(['a-walk-2']);
  });

  it('adds steps of the given concepts, titled by the first, and edits them', () => {
    const { draft } = addTour(mappedRivers(), 'A walk');
    const added = addStep(draft, 'a-walk', ['boats-carry-goods', 'towns-grow', 'towns-grow']);
    expect(tourOf(added.draft).steps).toEqual([
      {
        id: added.stepId,
        title: 'Boats carry goods',
        text: '',
        concepts: ['boats-carry-goods', 'towns-grow'],
        notes: '',
      },
    ]);
    const empty = addStep(added.draft, 'a-walk', []);
    expect(empty.stepId).not.toBe(added.stepId);
    expect(tourOf(empty.draft).steps[1]).toMatchObject({ title: '', concepts: [] });

    const edited = updateStep(empty.draft, 'a-walk', empty.stepId, {
      title: 'Water',
      text: 'Read this.',
      notes: 'Say this.\nAsk this?',
    });
    const more = addStepConcepts(edited, 'a-walk', empty.stepId, [
      'rivers-carry-water',
      'rivers-carry-water',
    ]);
    expect(tourOf(more).steps[1]).toEqual({
      id: empty.stepId,
      title: 'Water',
      text: 'Read this.',
      concepts: ['rivers-carry-water'],
      notes: 'Say this.\nAsk this?',
    });
    expect(tourOf(removeStep(more, 'a-walk', added.stepId)).steps.map((s) => s.id)).toEqual([
      empty.stepId,
    ]);
  });

  it('reorders steps, keeping the others in their order', () => {
    let draft = addTour(mappedRivers(), 'A walk').draft;
    const stepIds: string[] = [];
    for (const concept of ['rivers-carry-water', 'boats-carry-goods', 'towns-grow']) {
      const added = addStep(draft, 'a-walk', [concept]);
      draft = added.draft;
      stepIds.push(added.stepId);
    }
    const [a, b, c] = stepIds as [string, string, string];
    const order = (d: Draft) => tourOf(d).steps.map((step) => step.id);
    expect(order(moveStep(draft, 'a-walk', c, 0))).toEqual([c, a, b]);
    expect(order(moveStep(draft, 'a-walk', a, 1))).toEqual([b, a, c]);
    expect(order(moveStep(draft, 'a-walk', a, 99))).toEqual([b, c, a]);
    expect(moveStep(draft, 'a-walk', b, 1)).toBe(draft);
    expect(moveStep(draft, 'no-such-tour', b, 0)).toBe(draft);
  });

  it('forgets a deleted concept in every step that showed it', () => {
    const draft = toured();
    const without = removeConcept(draft, 'towns-grow');
    expect(tourOf(without).steps.map((step) => step.concepts)).toEqual([
      ['rivers-carry-water'],
      ['boats-carry-goods'],
    ]);
    expect(removeConcept(mappedRivers(), 'towns-grow').tours).toBeUndefined();
  });
});

describe('the rules a draft tour is held to', () => {
  it('asks for a description, two steps, and for each step its words and a concept', () => {
    const { draft } = addTour(mappedRivers(), 'A walk');
    expect(tourProblems(tourOf(draft), ids(draft))).toEqual([
      { field: 'description', message: 'must not be empty' },
      { field: 'steps', message: 'a tour needs at least two steps' },
    ]);
    let next = updateTour(draft, 'a-walk', { description: 'About rivers.' });
    next = addStep(next, 'a-walk', ['rivers-carry-water']).draft;
    const bare = addStep(next, 'a-walk', []);
    next = updateStep(bare.draft, 'a-walk', bare.stepId, { text: 'x'.repeat(221) });
    expect(tourProblems(tourOf(next), ids(next))).toEqual([
      { step: 1, field: 'text', message: 'must not be empty' },
      { step: 1, field: 'notes', message: 'must not be empty' },
      { step: 2, field: 'title', message: 'must not be empty' },
      { step: 2, field: 'text', message: 'must be at most 220 characters' },
      { step: 2, field: 'concepts', message: 'a step needs at least one concept' },
      { step: 2, field: 'notes', message: 'must not be empty' },
    ]);
  });

  it('finds nothing to fix in a finished tour, and names a concept no longer on the map', () => {
    const draft = toured();
    expect(tourProblems(tourOf(draft), ids(draft))).toEqual([]);
    const gone = new Set(['rivers-carry-water', 'boats-carry-goods']);
    expect(tourProblems(tourOf(draft), gone)).toEqual([
      { step: 2, field: 'concepts', message: 'the concept “towns-grow” is no longer on the map' },
    ]);
  });

  it('presents a tour only once it has nothing to fix', () => {
    const draft = toured();
    expect(draftAtlas(draft).tours).toEqual([
      {
        id: 'a-walk',
        title: 'A walk',
        description: 'From water to trade.',
        steps: [
          {
            title: 'Rivers carry water',
            text: 'Water comes first.',
            concepts: ['rivers-carry-water'],
            notes: 'Where does the water go?',
          },
          {
            title: 'Boats carry goods',
            text: 'Then trade.',
            concepts: ['boats-carry-goods', 'towns-grow'],
            notes: 'What do boats carry?',
          },
        ],
      },
    ]);
    const unfinished = updateTour(draft, 'a-walk', { title: ' ' });
    expect(draftAtlas(unfinished).tours).toEqual([]);
  });
});

describe('the tours in the exported bundle', () => {
  it('opens as "Open map…" opens a file, with its tour in the order of its steps', () => {
    const first = tourOf(toured()).steps[0]!.id;
    const draft = moveStep(toured(), 'a-walk', first, 1);
    expect(draftTourLines(draft)).toEqual([]);
    const bundle = draftBundle(draft);
    expect(bundle.tours?.tours[0]?.steps.map((step) => step.title)).toEqual([
      'Boats carry goods',
      'Rivers carry water',
    ]);
    const checked = checkContent(JSON.stringify(bundle));
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    expect(checked.tours.map((tour) => tour.id)).toEqual(['a-walk']);
    expect(checked.tours[0]?.steps[0]?.concepts).toEqual(['boats-carry-goods', 'towns-grow']);
  });

  it('carries no tours when the draft has none, and says what keeps one from opening', () => {
    expect(draftBundle(mappedRivers())).not.toHaveProperty('tours');
    const draft = addTour(mappedRivers(), 'A walk').draft;
    expect(draftTourLines(draft)).toEqual([
      'tours[0] (a-walk).description: must not be empty',
      'tours[0] (a-walk).steps: a tour needs at least two steps',
    ]);
    const checked = checkContent(JSON.stringify(draftBundle(draft)));
    expect(checked.ok).toBe(false);
  });
});

describe('the concepts a new step takes from the map', () => {
  const atlas = draftAtlas(mappedRivers());
  const none = { hiddenKinds: [], hiddenSections: [] };

  it('is the selected concept, or nothing', () => {
    expect(
      selectionConcepts(atlas, { selectedId: 'boats-carry-goods', focusDepth: 0, ...none }),
    ).toEqual(['boats-carry-goods']);
    expect(selectionConcepts(atlas, { selectedId: null, focusDepth: 2, ...none })).toEqual([]);
    expect(selectionConcepts(atlas, { selectedId: 'gone', focusDepth: 0, ...none })).toEqual([]);
  });

  it('takes in what the focus shows around it, but not what the filters hide', () => {
    const focused = { selectedId: 'boats-carry-goods', focusDepth: 1, ...none };
    expect(selectionConcepts(atlas, focused)).toEqual(['boats-carry-goods', 'rivers-carry-water']);
    expect(selectionConcepts(atlas, { ...focused, hiddenSections: ['water'] })).toEqual([
      'boats-carry-goods',
    ]);
    expect(selectionConcepts(atlas, { ...focused, hiddenKinds: ['idea'] })).toEqual([
      'boats-carry-goods',
    ]);
  });
});
