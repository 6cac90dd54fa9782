import type { Atlas } from './atlas.ts';
import { slugOf, unique, type Draft } from './draft.ts';
import { neighbourhood } from './neighbours.ts';
import type { ConceptKind } from './schema.ts';
import type { DraftTour, DraftTourStep } from './tour-draft.ts';

const toursOf = (draft: Draft): DraftTour[] => draft.tours ?? [];

/**
 * The draft with one tour changed by `change`. A tour it does not have, or a change that changes
 * nothing, leaves the draft itself, so that no empty step is added to what Undo goes through.
 */
function withTour(draft: Draft, tourId: string, change: (tour: DraftTour) => DraftTour): Draft {
  const tours = toursOf(draft);
  const tour = tours.find((candidate) => candidate.id === tourId);
  if (!tour) return draft;
  const changed = change(tour);
  if (changed === tour) return draft;
  return { ...draft, tours: tours.map((other) => (other === tour ? changed : other)) };
}

/**
 * A new tour, without steps yet. Its id, which a tour's address shows (`#/tour/<id>/1`), comes
 * from the title it is made with, and stays when the title is changed.
 */
export function addTour(draft: Draft, title: string): { draft: Draft; tourId: string } {
  const tours = toursOf(draft);
  const tourId = unique(slugOf(title, 'tour'), new Set(tours.map((tour) => tour.id)));
  const tour: DraftTour = { id: tourId, title: title.trim(), description: '', steps: [] };
  return { draft: { ...draft, tours: [...tours, tour] }, tourId };
}

export type TourEdit = Partial<Pick<DraftTour, 'title' | 'description'>>;

export function updateTour(draft: Draft, tourId: string, edit: TourEdit): Draft {
  return withTour(draft, tourId, (tour) => ({ ...tour, ...edit }));
}

export function removeTour(draft: Draft, tourId: string): Draft {
  return { ...draft, tours: toursOf(draft).filter((tour) => tour.id !== tourId) };
}

/** The most of a concept's label a step's title takes: the title's own limit. */
const STEP_TITLE_MAX = 50;

/**
 * One more step at the end of the tour, showing `concepts`. Its title starts as the first
 * concept's label, as a concept's label starts as its words; the text for the class and the
 * talking points start empty.
 */
export function addStep(
  draft: Draft,
  tourId: string,
  concepts: readonly string[],
): { draft: Draft; stepId: string } {
  const tour = toursOf(draft).find((candidate) => candidate.id === tourId);
  const stepId = unique('step', new Set(tour?.steps.map((step) => step.id)));
  const first = draft.concepts.find((concept) => concept.id === concepts[0]);
  const step: DraftTourStep = {
    id: stepId,
    title: first ? first.label.trim().slice(0, STEP_TITLE_MAX).trim() : '',
    text: '',
    concepts: [...new Set(concepts)],
    notes: '',
  };
  return {
    draft: withTour(draft, tourId, (current) => ({ ...current, steps: [...current.steps, step] })),
    stepId,
  };
}

export type StepEdit = Partial<Omit<DraftTourStep, 'id'>>;

export function updateStep(draft: Draft, tourId: string, stepId: string, edit: StepEdit): Draft {
  return withTour(draft, tourId, (tour) => ({
    ...tour,
    steps: tour.steps.map((step) => (step.id === stepId ? { ...step, ...edit } : step)),
  }));
}

/** The step shows these concepts too, after its own; one it shows already is not repeated. */
export function addStepConcepts(
  draft: Draft,
  tourId: string,
  stepId: string,
  concepts: readonly string[],
): Draft {
  return withTour(draft, tourId, (tour) => ({
    ...tour,
    steps: tour.steps.map((step) =>
      step.id === stepId
        ? { ...step, concepts: [...new Set([...step.concepts, ...concepts])] }
        : step,
    ),
  }));
}

export function removeStep(draft: Draft, tourId: string, stepId: string): Draft {
  return withTour(draft, tourId, (tour) => ({
    ...tour,
    steps: tour.steps.filter((step) => step.id !== stepId),
  }));
}

/**
 * The step moved to `index` (counted from 0) among the tour's steps, the others keeping their
 * order; an index beyond either end is the end.
 */
export function moveStep(draft: Draft, tourId: string, stepId: string, index: number): Draft {
  return withTour(draft, tourId, (tour) => {
    const from = tour.steps.findIndex((step) => step.id === stepId);
    const to = Math.max(0, Math.min(tour.steps.length - 1, index));
    if (from < 0 || from === to) return tour;
    const steps = [...tour.steps];
    const [moved] = steps.splice(from, 1);
    steps.splice(to, 0, moved as DraftTourStep);
    return { ...tour, steps };
  });
}

/** What the explorer has selected: the concept, and the focus and filters around it. */
export type MapSelection = {
  selectedId: string | null;
  focusDepth: number;
  hiddenKinds: readonly ConceptKind[];
  hiddenSections: readonly string[];
};

/**
 * The concepts a new step takes from the map: the selected concept and, while Focus is on, every
 * concept the focus shows around it (those the filters hide left out), nearest first and, at the
 * same distance, in the argument's reading order. Nothing selected is no concepts.
 */
export function selectionConcepts(
  atlas: Pick<Atlas, 'links' | 'order' | 'conceptById'>,
  { selectedId, focusDepth, hiddenKinds, hiddenSections }: MapSelection,
): string[] {
  if (selectedId === null || !atlas.conceptById.has(selectedId)) return [];
  if (focusDepth <= 0) return [selectedId];
  const kinds = new Set(hiddenKinds);
  const sections = new Set(hiddenSections);
  const near = neighbourhood(atlas.links, selectedId, focusDepth);
  const order = (id: string) => atlas.order.get(id) ?? Infinity;
  return [...near.entries()]
    .filter(([id, distance]) => {
      if (distance === 0) return true;
      const concept = atlas.conceptById.get(id);
      return concept !== undefined && !kinds.has(concept.kind) && !sections.has(concept.section);
    })
    .sort(([a, da], [b, db]) => da - db || order(a) - order(b))
    .map(([id]) => id);
}
