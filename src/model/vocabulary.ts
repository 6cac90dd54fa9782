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
  // The article quotes the plan and General Secretary Xi Jinping before arguing from them; on the
  // map they stand apart from the author's own ideas, and passages name them as their speakers.
  'source',
] as const;

/**
 * Relations are concept-map propositions; the kind says what sort of link the phrase makes, read
 * from the source to the target:
 * - `part-of`: is a part, member, stage, feature or key point of;
 * - `supports`: is a base, a reason or a guide for (holds up, backs, serves, guides);
 * - `enables`: makes possible, gives;
 * - `drives`: pushes, powers, causes or transforms;
 * - `contrasts-with`: is set against (unlike, not this but that);
 * - `responds-to`: is the answer to a problem the article names;
 * - `pole-of`: is one side of the dialectical pair;
 * - `evolves-into`: grows or turns into, over time;
 * - `likened-to`: is an image (a metaphor or comparison) for;
 * - `example-of`: is an instance, a case or an application of;
 * - `precedes`: comes before, in time or in order;
 * - `echoes`: restates, in a later part of the article, an idea or image of;
 * - `states`: puts forward; the source is a document or a person the article quotes.
 */
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
  // The article argues from problems to answers ("large but not strong" and "advancement", dual
  // uncertainties and risk sharing); a contrast or a cause would misread the answer.
  'responds-to',
  // The conclusion restates earlier sections on purpose (the pairs return as leaps); precedes
  // (order in time) and evolves-into (change over time) would misread a restatement.
  'echoes',
  // The article reports the plan and General Secretary Xi Jinping, then argues from them; what they
  // put forward is told apart from the author's own claims, which use the other kinds.
  'states',
] as const;

export const SCHEMA_VERSION = 1;

export type ConceptKind = (typeof conceptKinds)[number];
export type RelationKind = (typeof relationKinds)[number];
