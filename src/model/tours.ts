import { z } from 'zod';
import { conceptSchema, formatVersion, SCHEMA_VERSION, text, type Graph } from './schema.ts';
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
  schemaVersion: formatVersion(SCHEMA_VERSION, 'Concept Atlas tours'),
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
 * Checks tours by their schema and by their own rules, over every tour that passes its schema even
 * when others do not: ids that repeat, steps that name a concept twice or one the map does not
 * have. `conceptIds` are the ids the map's file names; null when they could not be read, and then
 * the steps' concepts wait until they can be.
 */
export function examineTours(raw: unknown, conceptIds: ReadonlySet<string> | null): ToursCheck {
  const parsed = parseTours(raw);
  const record =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : null;
  if (!parsed.ok && (!record || !parsed.issuePaths)) return parsed;
  const failed = new Set(
    (parsed.ok ? [] : (parsed.issuePaths ?? []))
      .filter(([key, index]) => key === 'tours' && typeof index === 'number')
      .map(([, index]) => index as number),
  );
  const rawTours: unknown[] = parsed.ok
    ? parsed.data.tours
    : Array.isArray(record?.tours)
      ? record.tours
      : [];
  const placed = rawTours.flatMap((item, index) => {
    if (parsed.ok) return [{ index, tour: item as Tour }];
    if (failed.has(index) || item === null || typeof item !== 'object') return [];
    const tour = tourSchema.safeParse(item);
    return tour.success ? [{ index, tour: tour.data }] : [];
  });
  const problems: string[] = parsed.ok ? [] : [...parsed.problems];

  const ids = rawTours.flatMap((item) => {
    const id =
      item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? [id] : [];
  });
  const seenTours = new Set<string>();
  const repeatedTours = new Set<string>();
  for (const tourId of ids) (seenTours.has(tourId) ? repeatedTours : seenTours).add(tourId);
  for (const tourId of repeatedTours) problems.push(`tours: id "${tourId}" repeats`);

  for (const { index: t, tour } of placed) {
    tour.steps.forEach((step, s) => {
      const seen = new Map<string, number>();
      step.concepts.forEach((conceptId, c) => {
        const place = `tours[${t}] (${tour.id}).steps[${s}].concepts[${c}]`;
        if (conceptIds && !conceptIds.has(conceptId)) {
          problems.push(`${place}: unknown concept "${conceptId}"`);
        }
        const first = seen.get(conceptId);
        if (first === undefined) seen.set(conceptId, c);
        else problems.push(`${place}: concept "${conceptId}" repeats concepts[${first}]`);
      });
    });
  }

  if (problems.length > 0 || !parsed.ok) return { ok: false, problems };
  return { ok: true, tours: parsed.data };
}

/**
 * Checks curated tours against their schema and against the graph they walk through. Returns every
 * problem as a `place: reason` line, never only the first.
 */
export const checkTours = (raw: unknown, graph: Graph): ToursCheck =>
  examineTours(raw, new Set(graph.concepts.map((c) => c.id)));
