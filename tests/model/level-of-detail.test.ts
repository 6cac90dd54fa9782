import { describe, expect, it } from 'vitest';
import {
  FULL_DETAIL_ZOOM,
  MAP_LABEL_MAX_WIDTH,
  NODE_LABEL_PX,
  READABLE_PX,
  detailAt,
  labelBoxes,
  labelPlaces,
  labelSize,
  mapLabelPx,
  nameParts,
  namesSection,
  sectionTitleLines,
  tourLabelPx,
  selectedLabelPx,
  sectionTitleBoxes,
  wrapTitles,
  textScale,
  zoomOfStep,
  zoomStep,
  type LabelCandidate,
} from '../../src/model/level-of-detail';

const candidate = (overrides: Partial<LabelCandidate> & Pick<LabelCandidate, 'id'>) => ({
  label: overrides.id,
  box: { x: 0, y: 0, width: 220, height: 54 },
  tier: 2 as const,
  emphasis: 'none' as const,
  degree: 0,
  order: 0,
  ...overrides,
});

describe('level of detail', () => {
  it('draws a box’s own text only where it reads: at 14 px or more', () => {
    expect(NODE_LABEL_PX * FULL_DETAIL_ZOOM).toBeCloseTo(READABLE_PX);
    expect(detailAt(1)).toBe('full');
    expect(detailAt(FULL_DETAIL_ZOOM)).toBe('full');
    expect(detailAt(FULL_DETAIL_ZOOM - 0.01)).toBe('far');
    expect(detailAt(0.15)).toBe('far');
  });

  it('with large text, draws a box’s own text only once it reads at 1.25 times the size', () => {
    expect(detailAt(1, 1.25)).toBe('far');
    expect(NODE_LABEL_PX * FULL_DETAIL_ZOOM * 1.25).toBeCloseTo(READABLE_PX * 1.25);
    expect(detailAt(FULL_DETAIL_ZOOM * 1.25, 1.25)).toBe('full');
    expect(detailAt(FULL_DETAIL_ZOOM * 1.5 - 0.01, 1.5)).toBe('far');
  });

  it('places labels again only when the zoom crosses a step of about 10%', () => {
    expect(zoomStep(0.15)).toBe(zoomStep(0.152));
    expect(zoomStep(0.15)).not.toBe(zoomStep(0.17));
    expect(zoomOfStep(zoomStep(0.5))).toBeCloseTo(0.5, 1);
  });

  it('wraps a long label onto two lines no wider than the most', () => {
    const short = labelSize('Pipes', 14);
    const long = labelSize('A label long enough to need two lines on the map', 14);
    expect(short.width).toBeLessThan(MAP_LABEL_MAX_WIDTH);
    expect(long).toEqual({ width: MAP_LABEL_MAX_WIDTH, height: short.height + 14 * 1.25 });
  });

  it('puts the selection first, then what stands out, then the higher tiers', () => {
    const order = labelBoxes(
      [
        candidate({ id: 'example', tier: 3 }),
        candidate({ id: 'pillar', tier: 1, degree: 3 }),
        candidate({ id: 'hub', tier: 1, degree: 9 }),
        candidate({ id: 'neighbour', tier: 3, emphasis: 'near' }),
        candidate({ id: 'selected', tier: 3, emphasis: 'selected' }),
      ],
      0.2,
    ).map((places) => places[0]?.id);
    expect(order).toEqual(['selected', 'neighbour', 'hub', 'pillar', 'example']);
  });

  it('offers each label its box, then just below it, then just above, at the zoom', () => {
    const [places] = labelBoxes(
      [candidate({ id: 'a', box: { x: 1000, y: 500, width: 200, height: 50 } })],
      0.5,
    );
    const [centre, below, above] = places!;
    expect(centre!.x + centre!.width / 2).toBeCloseTo(550);
    expect(centre!.y + centre!.height / 2).toBeCloseTo(262.5);
    expect(below!.y).toBeGreaterThan(centre!.y + 12);
    expect(above!.y).toBeLessThan(centre!.y - 12);
  });

  it('keeps each section title across the top of its section, at its width on screen', () => {
    const [title] = sectionTitleBoxes({ s1: { x: 100, y: 40, width: 800, height: 600 } }, 0.25);
    expect(title).toMatchObject({ id: 'section:s1', x: 25, y: 10, width: 200 });
  });

  it('enlarges reading text by a quarter for large text and for the projector, each', () => {
    expect([textScale(false, false), textScale(true, false), textScale(false, true)]).toEqual([
      1, 1.25, 1.25,
    ]);
    expect(textScale(true, true)).toBe(1.5);
    const [plain] = labelBoxes([candidate({ id: 'a', label: 'Pipes' })], 0.2);
    const [large] = labelBoxes([candidate({ id: 'a', label: 'Pipes' })], 0.2, undefined, 1.25);
    expect(large![0]!.height).toBeGreaterThan(plain![0]!.height * 1.15);
  });

  it('draws the floating labels larger on a wider screen: 14 px on a laptop, 20 on a projector', () => {
    expect(mapLabelPx(390)).toBe(14);
    expect(mapLabelPx(1366)).toBe(14);
    expect(mapLabelPx(1920)).toBe(20);
    expect(mapLabelPx(3840)).toBe(22);
    expect(mapLabelPx(Number.NaN)).toBe(14);
    expect(selectedLabelPx(14)).toBe(16);
  });

  it('sizes a label by its own size and the screen’s', () => {
    const [laptop] = labelBoxes([candidate({ id: 'a', label: 'Pipes' })], 0.2);
    const [projector] = labelBoxes([candidate({ id: 'a', label: 'Pipes' })], 0.2, undefined, 1, 20);
    expect(projector![0]!.height / laptop![0]!.height).toBeGreaterThan(1.3);
    const [title] = sectionTitleBoxes({ s: { x: 0, y: 0, width: 800, height: 600 } }, 0.25, 1, 20);
    const [small] = sectionTitleBoxes({ s: { x: 0, y: 0, width: 800, height: 600 } }, 0.25);
    expect(title!.height).toBeGreaterThan(small!.height);
    expect(title!.mayOverflow).toBe(true);
  });

  it('names a thesis first within its tier, before better-connected concepts', () => {
    const order = labelBoxes(
      [
        candidate({ id: 'hub', tier: 1, degree: 9 }),
        candidate({ id: 'thesis', tier: 1, degree: 2, lead: true }),
        candidate({ id: 'example', tier: 3, degree: 20 }),
      ],
      0.2,
    ).map((places) => places[0]!.id);
    expect(order).toEqual(['thesis', 'hub', 'example']);
  });

  it('offers every place around the box: on it, below, above, beside and at its corners', () => {
    const [places] = labelBoxes([candidate({ id: 'a', label: 'Pipes' })], 1);
    const at = Object.fromEntries(labelPlaces.map((place, i) => [place, places![i]!]));
    const box = { left: 0, right: 220, top: 0, bottom: 54 };
    expect(at.right!.x).toBeGreaterThan(box.right);
    expect(at.left!.x + at.left!.width).toBeLessThan(box.left);
    expect(at['below-right']!.x).toBeCloseTo(110);
    expect(at['below-right']!.y).toBeGreaterThan(box.bottom);
    expect(at['above-left']!.x + at['above-left']!.width).toBeCloseTo(110);
    expect(at['above-left']!.y + at['above-left']!.height).toBeLessThan(box.top);
  });

  it('draws a tour step’s labels for the back of the room: 32 px on a projector, 24 at least', () => {
    expect(tourLabelPx(1920)).toBe(32);
    expect(tourLabelPx(1366)).toBe(24);
    expect(tourLabelPx(390)).toBe(24);
    expect(tourLabelPx(Number.NaN)).toBe(24);
  });

  it('names a concept or a section by the head of its name, without its qualifier', () => {
    expect(nameParts('Leap in form: hard-soft integration')).toEqual({
      head: 'Leap in form',
      rest: ': hard-soft integration',
    });
    expect(nameParts('15th Five-Year Plan (2026-2030)')).toEqual({
      head: '15th Five-Year Plan',
      rest: ' (2026-2030)',
    });
    expect(nameParts('Services: supporting industrial upgrading').head).toBe('Services');
    // No qualifier, or a head too short to stand alone: the whole name.
    expect(nameParts('Hard and soft')).toEqual({ head: 'Hard and soft', rest: '' });
    expect(nameParts('AI: the engine').head).toBe('AI: the engine');
    expect(nameParts('Ratio 3:1 of output').head).toBe('Ratio 3:1 of output');
  });

  it('knows a section’s namesake by its spoken name: no case, quotes or leading article', () => {
    expect(
      namesSection(
        'Traditional industries',
        'Traditional industries: consolidating the foundation',
      ),
    ).toBe(true);
    expect(namesSection('Modern infrastructure system', 'A modern infrastructure system')).toBe(
      true,
    );
    expect(namesSection('The “new quality” leap', 'The "new quality" leap')).toBe(true);
    expect(namesSection('Service industry', 'Services: supporting industrial upgrading')).toBe(
      false,
    );
    expect(namesSection('Traditional infrastructure', 'A modern infrastructure system')).toBe(
      false,
    );
  });

  it('wraps a section title onto a second line only where its section is too narrow for one', () => {
    const measure = (text: string, px: number) => text.length * px * 0.5;
    // 20 letters at 18 px: 180 px of text, the padding and the number's badge.
    expect(sectionTitleLines('Traditional industry', 250, 18, measure)).toBe(1);
    expect(sectionTitleLines('Traditional industry', 200, 18, measure)).toBe(2);
    // The introduction has no number: its badge takes no room.
    expect(sectionTitleLines('Traditional industry', 200, 18, measure, false)).toBe(1);
    const sections = {
      wide: { x: 0, y: 0, width: 1000, height: 600 },
      narrow: { x: 0, y: 0, width: 800, height: 600 },
    };
    const titles = new Map([
      ['wide', { text: 'Traditional industry', numbered: true }],
      ['narrow', { text: 'Traditional industry', numbered: true }],
    ]);
    const [wide, narrow] = sectionTitleBoxes(sections, 0.25, 1, 16, titles, measure);
    expect(wide?.wrapped).toBeUndefined();
    // One line where it is placed; two where they are free once every label is placed.
    expect(narrow?.height).toBe(wide?.height);
    expect((narrow?.wrapped?.height ?? 0) - (wide?.height ?? 0)).toBeCloseTo(18 * 1.2);
    expect(narrow?.wrapped?.width).toBe(200);
    const label = { id: 'label', x: 0, y: 40, width: 100, height: 20 };
    expect(wrapTitles([narrow!], [narrow!])).toEqual(new Set(['section:narrow']));
    // A label just under the first line keeps the title to one line, cut short.
    expect(wrapTitles([narrow!], [narrow!, label])).toEqual(new Set());
    expect(wrapTitles([wide!], [wide!])).toEqual(new Set());
  });
});
