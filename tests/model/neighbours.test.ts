import { describe, expect, it } from 'vitest';
import { adjacency, neighbourhood, neighbourInDirection } from '../../src/model/neighbours';
import { makeConcept, makeGraph, makeRelation } from '../fixtures/atlas-fixture';

// a - b - c - d in a row, and e below b.
const graph = makeGraph({
  concepts: ['a', 'b', 'c', 'd', 'e'].map((id) => makeConcept({ id })),
  relations: [
    makeRelation({ source: 'a', target: 'b' }),
    makeRelation({ source: 'c', target: 'b' }),
    makeRelation({ source: 'c', target: 'd' }),
    makeRelation({ source: 'e', target: 'b' }),
  ],
});
const links = adjacency(graph);
const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 100, y: 0 }],
  ['c', { x: 200, y: 0 }],
  ['d', { x: 300, y: 0 }],
  ['e', { x: 110, y: 100 }],
]);

describe('neighbourhood', () => {
  it('finds concepts within n steps in either direction, with their distance', () => {
    expect(Object.fromEntries(neighbourhood(links, 'a', 1))).toEqual({ a: 0, b: 1 });
    expect(Object.fromEntries(neighbourhood(links, 'a', 2))).toEqual({ a: 0, b: 1, c: 2, e: 2 });
    expect(neighbourhood(links, 'a', 3).get('d')).toBe(3);
  });
});

describe('neighbourInDirection', () => {
  it('follows a relation in the direction of the arrow key', () => {
    expect(neighbourInDirection(links, positions, 'b', 'right')).toBe('c');
    expect(neighbourInDirection(links, positions, 'b', 'left')).toBe('a');
    expect(neighbourInDirection(links, positions, 'b', 'down')).toBe('e');
  });

  it('goes nowhere when no connected concept lies that way', () => {
    expect(neighbourInDirection(links, positions, 'b', 'up')).toBeNull();
    expect(neighbourInDirection(links, positions, 'a', 'down')).toBeNull();
  });

  it('skips concepts that are hidden', () => {
    expect(neighbourInDirection(links, positions, 'b', 'right', (id) => id !== 'c')).toBeNull();
  });
});
