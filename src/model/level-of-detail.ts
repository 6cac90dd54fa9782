import { boxesMeet, type Box } from './floating.ts';
import type { LabelBox } from './label-placement.ts';
import type { Tier } from './tiers.ts';

/**
 * What the map draws at a zoom, decided here rather than in the components: text is drawn at a
 * size that reads, or not at all.
 */

/** A concept's label in its box, in flow units (see the map's CSS). */
export const NODE_LABEL_PX = 15;

/** The smallest text a laptop user should be asked to read. */
export const READABLE_PX = 14;

/** At and above this zoom a concept box's own text reads: its label at 14 px or more. */
export const FULL_DETAIL_ZOOM = READABLE_PX / NODE_LABEL_PX;

/** Zoomed out, the labels the map has room for are drawn at least this size on screen. */
export const MAP_LABEL_PX = READABLE_PX;
/** The selection's label, zoomed out: a little larger than the rest (8/7 of theirs). */
export const SELECTED_LABEL_PX = 16;
const SELECTED_RATIO = SELECTED_LABEL_PX / MAP_LABEL_PX;
/** A floating label wraps past this many of its own ems, onto two lines at most (154 px at 14). */
export const MAP_LABEL_MAX_EM = 11;
/** The widest a label at 14 px is drawn, before it wraps. */
export const MAP_LABEL_MAX_WIDTH = MAP_LABEL_MAX_EM * MAP_LABEL_PX;
/** The largest the floating labels grow on a wide screen. */
const MAP_LABEL_MOST_PX = 22;

/**
 * The size the zoomed-out map's labels are drawn at on a screen `viewportWidth` CSS pixels wide:
 * a 96th of its width, so that a projector's 1920 draws them at 20 px for the back of the room;
 * never under 14 px (a laptop, a phone) nor over 22 px. In half pixels, so that a resize of a few
 * pixels does not place every label again.
 */
export function mapLabelPx(viewportWidth: number): number {
  if (!Number.isFinite(viewportWidth)) return MAP_LABEL_PX;
  const px = Math.round((viewportWidth / 96) * 2) / 2;
  return Math.min(Math.max(px, MAP_LABEL_PX), MAP_LABEL_MOST_PX);
}

/**
 * A tour step's labels, which a class reads from the back of the room: a 60th of the screen's
 * width (32 px on a 1920 projector), and never under 24 px.
 */
export function tourLabelPx(viewportWidth: number): number {
  if (!Number.isFinite(viewportWidth)) return TOUR_LABEL_LEAST_PX;
  return Math.max(TOUR_LABEL_LEAST_PX, Math.round(viewportWidth / 60));
}
const TOUR_LABEL_LEAST_PX = 24;

/** The selection's floating label, a little larger than the rest at the same screen. */
export const selectedLabelPx = (px: number) => px * SELECTED_RATIO;

/** Whether a concept box draws its own text, or stays a bare box whose label may float above it. */
export type Detail = 'full' | 'far';

export function detailAt(zoom: number, scale = 1): Detail {
  // A camera not yet placed (before the map has a size) has no zoom to go by.
  if (!Number.isFinite(zoom)) return 'full';
  // Large text asks for larger reading text on the map too: a box's own text is drawn only once
  // it is that much larger, and until then the floating labels, scaled, stand in for it.
  return zoom >= FULL_DETAIL_ZOOM * scale ? 'full' : 'far';
}

/**
 * The zoom in steps of about 10%: labels are placed again only when the zoom crosses a step, not
 * on every frame of a zoom.
 */
export function zoomStep(zoom: number): number {
  return Math.round(Math.log(zoom) / Math.log(1.1));
}

export const zoomOfStep = (step: number) => 1.1 ** step;

/** How wide a text is at `px`: measured where a browser can, else estimated (`estimateWidth`). */
export type MeasureText = (text: string, px: number) => number;

/** About how wide a bold sans-serif text is: a letter is about 0.62 em wide. */
export const estimateWidth: MeasureText = (text, px) => text.length * px * 0.62;

/** The label's own padding and border around its text (see the map's CSS). */
const LABEL_PAD_X = 12;
const LABEL_PAD_Y = 4;

/**
 * The box a floating label takes on screen: one line, or more (two at most, unless told) once it
 * is wider than the most.
 */
export function labelSize(
  text: string,
  px: number,
  measure: MeasureText = estimateWidth,
  maxLines = 2,
): { width: number; height: number } {
  const line = px * 1.25;
  const most = MAP_LABEL_MAX_EM * px;
  const width = measure(text, px) + LABEL_PAD_X;
  if (width <= most) return { width, height: line + LABEL_PAD_Y };
  // Words wrap short of the line's end: a little more room per line than the width alone says.
  const lines = Math.min(maxLines, Math.ceil((width * 1.15) / most));
  return { width: most, height: line * lines + LABEL_PAD_Y };
}

/** A tour step's labels, large for the class, may take a third line rather than be cut short. */
export const TOUR_LABEL_LINES = 3;

/**
 * How much larger the reading text is drawn: "Large text" and the projector theme each add a
 * quarter, everywhere (the page's root size, and the map's floating labels with it).
 */
export function textScale(large: boolean, projector: boolean): number {
  return 1 + (large ? 0.25 : 0) + (projector ? 0.25 : 0);
}

export type LabelCandidate = {
  id: string;
  label: string;
  /** The concept's box on the map, in flow units. */
  box: Box;
  tier: Tier;
  /** The concept stands out (the selection, its neighbours, a tour step's concepts, a match). */
  emphasis: 'selected' | 'near' | 'none';
  /** A thesis is named first within its tier, wherever it stands. */
  lead?: boolean;
  /** More connected concepts come first within a tier; then the argument's reading order. */
  degree: number;
  order: number;
  /** Where the concept comes in the map's drawing order: a box drawn later lies on a label. */
  rank?: number;
};

const emphasisRank = { selected: 0, near: 1, none: 2 } as const;

/**
 * Where a zoomed-out label stands: on its concept's box; just below, above or beside it; or below
 * or above it, starting (or ending) at its middle.
 */
export const labelPlaces = [
  'centre',
  'below',
  'above',
  'right',
  'left',
  'below-right',
  'below-left',
  'above-right',
  'above-left',
] as const;
export type LabelPlace = (typeof labelPlaces)[number];

/**
 * The places each label may stand on screen at `zoom` (see `labelPlaces`), most important label
 * first: the selection, then what stands out with it, then by tier (a thesis first in its own),
 * connections, reading order.
 * `px` is the labels' size on screen (see `mapLabelPx`), before the reader's text scale.
 */
export function labelBoxes(
  candidates: readonly LabelCandidate[],
  zoom: number,
  measure: MeasureText = estimateWidth,
  scale = 1,
  px: number = MAP_LABEL_PX,
  maxLines = 2,
): LabelBox[][] {
  return [...candidates]
    .sort(
      (a, b) =>
        emphasisRank[a.emphasis] - emphasisRank[b.emphasis] ||
        a.tier - b.tier ||
        Number(b.lead ?? false) - Number(a.lead ?? false) ||
        b.degree - a.degree ||
        a.order - b.order,
    )
    .map((c) => {
      const size = (c.emphasis === 'selected' ? selectedLabelPx(px) : px) * scale;
      const { width, height } = labelSize(c.label, size, measure, maxLines);
      const cx = (c.box.x + c.box.width / 2) * zoom;
      const cy = (c.box.y + c.box.height / 2) * zoom;
      const shift = (c.box.height * zoom) / 2 + height / 2 + 2;
      // The box is drawn with its label, above the labels drawn before it: not on them.
      const also = {
        x: c.box.x * zoom,
        y: c.box.y * zoom,
        width: c.box.width * zoom,
        height: c.box.height * zoom,
      };
      const side = (c.box.width * zoom) / 2 + width / 2 + 2;
      return labelPlaces.map((place) => {
        const dy = place.startsWith('below') ? shift : place.startsWith('above') ? -shift : 0;
        const dx =
          place === 'right'
            ? side
            : place === 'left'
              ? -side
              : place.endsWith('-right')
                ? width / 2
                : place.endsWith('-left')
                  ? -width / 2
                  : 0;
        return {
          id: c.id,
          x: cx + dx - width / 2,
          y: cy + dy - height / 2,
          width,
          height,
          also,
          ...(c.rank === undefined ? {} : { rank: c.rank }),
        };
      });
    });
}

/**
 * A name's head and its qualifier: "Leap in form" and ": hard-soft integration", "15th Five-Year
 * Plan" and " (2026-2030)". The zoomed-out map names a concept or a section by its head alone, as
 * a street map names a city without its district, so that more of the argument's names find room;
 * the whole name is drawn once the box's own text reads, and in a tour. A name with no qualifier,
 * or whose head would be shorter than four letters, is all head.
 */
export function nameParts(name: string): { head: string; rest: string } {
  const cut = /: | \(/.exec(name);
  if (!cut || cut.index < 4) return { head: name, rest: '' };
  return { head: name.slice(0, cut.index), rest: name.slice(cut.index) };
}

/** A name as it is said, for comparing two: without case, quotation marks or a leading article. */
const spoken = (name: string) =>
  name
    .toLowerCase()
    .replace(/["'“”‘’]/g, '')
    .replace(/^(a|an|the)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Whether a concept is its section's namesake ("Traditional industries" in "Traditional
 * industries: consolidating the foundation"): zoomed out, the section's title names it.
 */
export function namesSection(label: string, sectionTitle: string): boolean {
  return spoken(nameParts(label).head) === spoken(nameParts(sectionTitle).head);
}

/** A section's title, zoomed out: drawn this much larger than the labels, across its box. */
export const SECTION_TITLE_EXTRA_PX = 2;

/** A section title's padding and its number's badge beside it, in ems (see the map's CSS). */
const TITLE_PAD_X = 16;
const TITLE_BADGE_EM = 1.65;

/** How many lines a section's title takes across a box `width` pixels wide: one, or two at most. */
export function sectionTitleLines(
  text: string,
  width: number,
  px: number,
  measure: MeasureText = estimateWidth,
  numbered = true,
): 1 | 2 {
  const need = measure(text, px) + TITLE_PAD_X + (numbered ? TITLE_BADGE_EM * px : 0);
  return need <= width ? 1 : 2;
}

/** A section title's box on screen on one line, and on two where it needs them. */
export type TitleBox = LabelBox & { wrapped?: LabelBox };

/**
 * Where the section titles stand on screen at `zoom`: across the top of each section, its number
 * and the head of its title (see `nameParts`), on one line. A title too long for its section's
 * width also has the box it takes on two lines, `wrapped`, which it takes where that is free once
 * every label is placed (see `wrapTitles`); else it is cut short. They are placed before any
 * concept label, which must leave them room. `titles` gives each section's title text and whether
 * it is numbered; a section it does not name takes one line.
 */
export function sectionTitleBoxes(
  sections: Readonly<Record<string, Box>>,
  zoom: number,
  scale = 1,
  px: number = MAP_LABEL_PX,
  titles: ReadonlyMap<string, { text: string; numbered: boolean }> = new Map(),
  measure: MeasureText = estimateWidth,
): TitleBox[] {
  const size = (px + SECTION_TITLE_EXTRA_PX) * scale;
  return Object.entries(sections).map(([id, box]) => {
    const title = titles.get(id);
    const width = box.width * zoom;
    const lines = title ? sectionTitleLines(title.text, width, size, measure, title.numbered) : 1;
    // Each line and the padding.
    const at = (n: number): LabelBox => ({
      id: `section:${id}`,
      x: box.x * zoom,
      y: box.y * zoom,
      width,
      height: size * 1.2 * n + 7,
      mayOverflow: true,
    });
    return lines === 2 ? { ...at(1), wrapped: at(2) } : at(1);
  });
}

/**
 * The placed titles (by id) that may take their second line: those whose two-line box touches
 * no other drawn label or title (`drawn`), `gap` pixels apart.
 */
export function wrapTitles(
  titles: readonly TitleBox[],
  drawn: readonly LabelBox[],
  gap = 4,
): Set<string> {
  const wrapped = new Set<string>();
  for (const title of titles) {
    const two = title.wrapped;
    if (!two) continue;
    if (drawn.every((other) => other.id === title.id || !boxesMeet(two, other, gap))) {
      wrapped.add(title.id);
    }
  }
  return wrapped;
}
