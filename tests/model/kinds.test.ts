import { describe, expect, it } from 'vitest';
import { kindStyles, relationKindLabels } from '../../src/model/kinds';
import { conceptKinds, relationKinds } from '../../src/model/vocabulary';

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('the kinds’ styles', () => {
  it('give every concept kind an accent of at least 3:1 against white, and a readable tint', () => {
    for (const kind of conceptKinds) {
      const style = kindStyles[kind];
      expect(contrast(style.colour, '#ffffff'), kind).toBeGreaterThanOrEqual(3);
      expect(contrast('#1b1f24', style.tint), kind).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('give every kind its own colour and name, and every relation kind a label', () => {
    const styles = conceptKinds.map((kind) => kindStyles[kind]);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(conceptKinds.length);
    expect(new Set(styles.map((s) => s.label)).size).toBe(conceptKinds.length);
    for (const kind of relationKinds) expect(relationKindLabels[kind], kind).toBeTruthy();
  });
});
