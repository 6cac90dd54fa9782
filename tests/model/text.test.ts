import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../src/model/text';

describe('the headline of a title', () => {
  it('names the work after a column’s name and its bar', () => {
    expect(
      headlineOf(
        'Deep Observation | How to Build a Modern Industrial System Against the Background of New Quality Productive Forces?',
      ),
    ).toBe(
      'How to Build a Modern Industrial System Against the Background of New Quality Productive Forces?',
    );
    expect(headlineOf('深度观察｜如何构建现代化产业体系')).toBe('如何构建现代化产业体系');
  });

  it('keeps a title without a bar, or with nothing after it, whole', () => {
    expect(headlineOf('A small argument')).toBe('A small argument');
    expect(headlineOf('Notes |')).toBe('Notes |');
  });
});
