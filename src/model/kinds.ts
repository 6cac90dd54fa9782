import type { ConceptKind, RelationKind } from './schema.ts';

type KindStyle = {
  /** Singular name shown on nodes and in the legend. */
  label: string;
  /** What the kind means, for the legend's tooltip and screen readers. */
  description: string;
  /** Accent for the node's band and icon: at least 3:1 against white (WCAG 1.4.11). */
  colour: string;
  /** Background tint; body text on it stays above 4.5:1. */
  tint: string;
};

export const kindStyles: Record<ConceptKind, KindStyle> = {
  thesis: {
    label: 'Thesis',
    description: 'A central subject or claim of the article',
    colour: '#b42318',
    tint: '#fdecea',
  },
  keyword: {
    label: 'Key word',
    description: 'One of the three key words',
    colour: '#b54708',
    tint: '#fef0e1',
  },
  pillar: {
    label: 'Pillar',
    description: 'One of the four pillars',
    colour: '#1d4ed8',
    tint: '#e8effd',
  },
  pair: {
    label: 'Dialectical pair',
    description: 'Two poles that belong together',
    colour: '#7e22ce',
    tint: '#f4eafd',
  },
  pole: {
    label: 'Pole',
    description: 'One side of a dialectical pair',
    colour: '#9d2a8a',
    tint: '#fbeaf7',
  },
  principle: {
    label: 'Principle',
    description: 'A method or rule of action',
    colour: '#0f766e',
    tint: '#e3f5f3',
  },
  direction: {
    label: 'Direction',
    description: 'A direction or point within a pillar',
    colour: '#2f6b1f',
    tint: '#eaf5e4',
  },
  leap: { label: 'Leap', description: 'One of the four leaps', colour: '#c2410c', tint: '#fdede4' },
  metaphor: {
    label: 'Metaphor',
    description: 'An image the author uses',
    colour: '#a16207',
    tint: '#fdf6d8',
  },
  example: {
    label: 'Example',
    description: 'A concrete industry, technology or service the author names',
    colour: '#475569',
    tint: '#eef1f5',
  },
  policy: {
    label: 'Policy',
    description: 'A goal or measure the plan sets out',
    colour: '#0e7490',
    tint: '#e2f4f8',
  },
  history: {
    label: 'History',
    description: 'A historical reference',
    colour: '#78350f',
    tint: '#f6ece3',
  },
  idea: { label: 'Idea', description: 'A supporting notion', colour: '#4338ca', tint: '#ebeafd' },
  source: {
    label: 'Quoted source',
    description: 'A document or person the author quotes',
    colour: '#be185d',
    tint: '#fce7f3',
  },
};

export const relationKindLabels: Record<RelationKind, string> = {
  'part-of': 'part of',
  supports: 'supports',
  enables: 'enables',
  'contrasts-with': 'contrasts with',
  'pole-of': 'pole of',
  'evolves-into': 'evolves into',
  'likened-to': 'likened to',
  'example-of': 'example of',
  precedes: 'precedes',
  drives: 'drives',
  'responds-to': 'responds to',
  echoes: 'echoes',
  states: 'states',
};
