import { z } from 'zod';

import { conceptKinds, relationKinds, SCHEMA_VERSION } from './vocabulary.ts';

export { conceptKinds, relationKinds, SCHEMA_VERSION };
export type { ConceptKind, RelationKind } from './vocabulary.ts';

const id = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and dashes');

/**
 * The version of a file's format (`of` names what the file is), said in words when it is wrong: a
 * file without it is not one of ours, and one with a higher number was made by a newer app.
 */
export const formatVersion = <V extends number>(version: V, of: string) =>
  z.literal(version, {
    error: ({ input }) => {
      if (input === undefined) {
        return `is missing, so this is not ${of}, or it was made by a newer version of Concept Atlas`;
      }
      if (typeof input === 'number' && input > version) {
        return `is ${input}, so it was made by a newer version of Concept Atlas; this one reads format ${version}`;
      }
      return `should be ${version}, so this is not ${of}, or it was changed by hand`;
    },
  });

/**
 * Non-empty text of at most `max` characters, so that no label, summary or tour step can swamp
 * the place that shows it.
 */
export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const short = text(300);
const long = text(5000);

/** A W3C Web Annotation TextQuoteSelector: a verbatim quote, with context only where needed. */
export const passageSchema = z.strictObject({
  exact: long,
  prefix: z.string().min(1).max(5000).optional(),
  suffix: z.string().min(1).max(5000).optional(),
  /**
   * Whose words or decision the passage reports, when not the author's own claim: the id of a
   * concept of kind `source` (a document or a person the article quotes). Absent: the author.
   */
  speaker: id.optional(),
});

export const sectionSchema = z.strictObject({
  id,
  title: short,
  order: z.number().int().nonnegative(),
});

export const conceptSchema = z.strictObject({
  id,
  label: short,
  kind: z.enum(conceptKinds),
  section: id,
  summary: long,
  passages: z.array(passageSchema).min(1, 'a concept needs at least one passage'),
  aliases: z.array(short).optional(),
  zh: short.optional(),
  note: long.optional(),
  /**
   * How much the concept carries the argument (1 backbone, 2 filling in, 3 illustration): where
   * set, it wins over the tier derived from the kind and the graph (see tiers.ts).
   */
  tier: z.literal([1, 2, 3]).optional(),
  /** A curator's fine-tuning: overrides the computed layout position. */
  position: z.strictObject({ x: z.number(), y: z.number() }).optional(),
  /** Ids the concept had before it was renamed: shared links that name them still select it. */
  formerIds: z.array(id).min(1).optional(),
});

export const relationSchema = z.strictObject({
  id,
  source: id,
  target: id,
  label: short,
  kind: z.enum(relationKinds),
});

/**
 * A curator's correction of the article's own words, shown wherever they occur (the article is
 * quoted verbatim, so its errors stay in the text and the correction sits beside them).
 */
export const correctionSchema = z.strictObject({
  /** The words as the article has them; every place they occur gets the note. */
  exact: short,
  /** What to read instead, shown right after the words. */
  correction: short,
  /** Why, in a sentence or two. */
  note: long,
});

/** Who wrote the article, as its byline says: students judge a source by who wrote it. */
export const bylineSchema = z.strictObject({
  /** The author's name, where the article gives it. */
  name: short.optional(),
  /** The author's position, in the byline's words. */
  role: short,
  institution: short,
});

export const graphSchema = z.strictObject({
  schemaVersion: formatVersion(SCHEMA_VERSION, 'the graph of a Concept Atlas map'),
  meta: z.strictObject({
    title: short,
    /** Where the article was published, and when; a map made in the browser may not know. */
    source: z
      .strictObject({
        url: z.url({ protocol: /^https?$/, error: 'must be an http or https address' }),
        published: z.iso.date(),
      })
      .optional(),
    byline: bylineSchema.optional(),
  }),
  sections: z.array(sectionSchema).min(1, 'a map needs at least one section'),
  concepts: z.array(conceptSchema).min(1, 'a map needs at least one concept'),
  relations: z.array(relationSchema),
  corrections: z.array(correctionSchema).optional(),
});

/** Positions computed by the layout engine: concept and section boxes, in map coordinates. */
const box = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});
export const layoutSchema = z.strictObject({
  sections: z.record(z.string(), box),
  concepts: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })),
});

export type Passage = z.infer<typeof passageSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Concept = z.infer<typeof conceptSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type Byline = z.infer<typeof bylineSchema>;
export type Graph = z.infer<typeof graphSchema>;
export type Layout = z.infer<typeof layoutSchema>;
