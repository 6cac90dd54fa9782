// The map's vocabulary, kept apart from the schema so that drawing the map does not load zod.

/** The roles a concept can play in the argument; each has its own colour, icon and legend entry. */
export const conceptKinds = [
  'thesis',
  'keyword',
  'pillar',
  'pair',
  'pole',
  'principle',
  'direction',
  'leap',
  'metaphor',
  'example',
  'policy',
  'history',
  'idea',
] as const;

/** Relations are concept-map propositions; the kind says what sort of link the phrase makes. */
export const relationKinds = [
  'part-of',
  'supports',
  'enables',
  'contrasts-with',
  'pole-of',
  'evolves-into',
  'likened-to',
  'example-of',
  'precedes',
  'drives',
] as const;

export const SCHEMA_VERSION = 1;

export type ConceptKind = (typeof conceptKinds)[number];
export type RelationKind = (typeof relationKinds)[number];
