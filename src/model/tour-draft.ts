import { z } from 'zod';
import { issueInWords } from './issue-words.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { tourSchema, type Tour, type Tours } from './tours.ts';

/**
 * A tour being made in the browser, held as typed (an empty title while it is being written, a
 * step still without concepts), so that nothing typed is ever refused; the rules of a finished
 * tour (`src/model/tours.ts`) are checked beside it. Each step has an id of its own, which the
 * bundle does not carry, so that a step keeps its place on screen while the steps are reordered.
 */
export const draftTourStepSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  text: z.string(),
  concepts: z.array(z.string()),
  notes: z.string(),
});

export const draftTourSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  description: z.string(),
  steps: z.array(draftTourStepSchema),
});

export type DraftTourStep = z.infer<typeof draftTourStepSchema>;
export type DraftTour = z.infer<typeof draftTourSchema>;

/** The fields of a tour and of its steps that a problem can point to. */
export type TourField = 'title' | 'description' | 'steps' | 'text' | 'notes' | 'concepts';

/** A problem of a tour; `step` counts from 1 the step it is about, if it is about one. */
export type TourProblem = { step?: number; field: TourField; message: string };

/** The tour as a bundle carries it: its words trimmed, its steps without their ids. */
export function bundleTour(tour: DraftTour): Tour {
  return {
    id: tour.id,
    title: tour.title.trim(),
    description: tour.description.trim(),
    steps: tour.steps.map((step) => ({
      title: step.title.trim(),
      text: step.text.trim(),
      concepts: step.concepts,
      notes: step.notes.trim(),
    })),
  };
}

const TOUR_FIELDS = new Set<string>(['title', 'description', 'steps']);
const STEP_FIELDS = new Set<string>(['title', 'text', 'notes', 'concepts']);

/**
 * What keeps a tour from being presented and from opening as part of a map: the tour format's
 * schema (a title, a description, at least two steps, each with a title, a text for the class,
 * talking points and at least one concept, each within its length), and its rules (every concept
 * on the map, none twice in a step). `conceptIds` are the draft's concepts.
 */
export function tourProblems(tour: DraftTour, conceptIds: ReadonlySet<string>): TourProblem[] {
  const problems: TourProblem[] = [];
  const parsed = tourSchema.safeParse(bundleTour(tour), { error: issueInWords });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, index, field] = issue.path;
      if (first === 'steps' && typeof index === 'number') {
        if (typeof field === 'string' && STEP_FIELDS.has(field)) {
          problems.push({ step: index + 1, field: field as TourField, message: issue.message });
        }
      } else if (typeof first === 'string' && TOUR_FIELDS.has(first)) {
        problems.push({ field: first as TourField, message: issue.message });
      }
    }
  }
  tour.steps.forEach((step, index) => {
    const seen = new Set<string>();
    for (const conceptId of step.concepts) {
      if (!conceptIds.has(conceptId)) {
        problems.push({
          step: index + 1,
          field: 'concepts',
          message: `the concept “${conceptId}” is no longer on the map`,
        });
      } else if (seen.has(conceptId)) {
        problems.push({
          step: index + 1,
          field: 'concepts',
          message: `the concept “${conceptId}” is named twice`,
        });
      }
      seen.add(conceptId);
    }
  });
  return problems;
}

/** The tours that can be presented now: those with nothing to fix. */
export function presentableTours(
  tours: readonly DraftTour[],
  conceptIds: ReadonlySet<string>,
): Tour[] {
  return tours.filter((tour) => tourProblems(tour, conceptIds).length === 0).map(bundleTour);
}

/** The tours as a bundle carries them, as typed: the rules say what is still missing. */
export function bundleTours(tours: readonly DraftTour[]): Tours | undefined {
  if (tours.length === 0) return undefined;
  return { schemaVersion: SCHEMA_VERSION, tours: tours.map(bundleTour) };
}
