import { z } from 'zod';
import { conceptSchema, SCHEMA_VERSION, text, type Graph } from './schema.ts';
import { parseBounded, type Parsed } from './validate.ts';

// Tours point at concepts, so their ids must follow the same rule as the graph's.
const id = conceptSchema.shape.id;

/**
 * One stop of a tour: what the class reads, which concepts light up, what the teacher says. Each
 * text fits where it is shown: a heading, the projector, the teacher's panel.
 */
export const tourStepSchema = z.strictObject({
  title: text(50),
  /** Read by the class on the projector: one or two plain sentences. */
  text: text(220),
  concepts: z.array(id).min(1, 'a step needs at least one concept'),
  /** Said by the teacher: talking points and one question, separated by line breaks. */
  notes: text(700),
});

export const tourSchema = z.strictObject({
  id,
  title: text(50),
  description: text(300),
  steps: z.array(tourStepSchema).min(2, 'a tour needs at least two steps'),
});

export const toursSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tours: z.array(tourSchema).min(1, 'there must be at least one tour'),
});

export type TourStep = z.infer<typeof tourStepSchema>;
export type Tour = z.infer<typeof tourSchema>;
export type Tours = z.infer<typeof toursSchema>;

export type ToursCheck = { ok: true; tours: Tours } | { ok: false; problems: string[] };

/** The tours' schema alone, tour by tour when there is too much wrong to list at once. */
export const parseTours = (raw: unknown): Parsed<Tours> =>
  parseBounded(toursSchema, raw, { tours: tourSchema });

/**
 * Checks curated tours against their schema and against the graph they walk through. Returns every
 * problem as a `place: reason` line, never only the first.
 */
export function checkTours(raw: unknown, graph: Graph): ToursCheck {
  const parsed = parseTours(raw);
  if (!parsed.ok) return parsed;
  const tours = parsed.data;
  const problems: string[] = [];

  const seenTours = new Set<string>();
  const repeatedTours = new Set<string>();
  for (const tour of tours.tours) (seenTours.has(tour.id) ? repeatedTours : seenTours).add(tour.id);
  for (const tourId of repeatedTours) problems.push(`tours: id "${tourId}" repeats`);

  const conceptIds = new Set(graph.concepts.map((c) => c.id));
  tours.tours.forEach((tour, t) => {
    tour.steps.forEach((step, s) => {
      const seen = new Map<string, number>();
      step.concepts.forEach((conceptId, c) => {
        const place = `tours[${t}] (${tour.id}).steps[${s}].concepts[${c}]`;
        if (!conceptIds.has(conceptId)) problems.push(`${place}: unknown concept "${conceptId}"`);
        const first = seen.get(conceptId);
        if (first === undefined) seen.set(conceptId, c);
        else problems.push(`${place}: concept "${conceptId}" repeats concepts[${first}]`);
      });
    });
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, tours };
}
