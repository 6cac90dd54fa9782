import { boxesMeet } from './floating.ts';

/** A label's box on screen, in CSS pixels: where it would be drawn if it were drawn. */
export type LabelBox = {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Drawn even where it runs past the edge of the view (a section's title, cut at the edge). */
  mayOverflow?: boolean;
  /**
   * The concept's own box, drawn with its label in the `rank`th place of the map's drawing order:
   * above the labels drawn before it, which it must not lie on, and under those drawn after it.
   * Boxes never meet each other (the layout keeps them apart), so they are not checked against
   * one another; a label without a rank (a section's title) is drawn above every box.
   */
  also?: Area;
  rank?: number;
};

type Area = { x: number; y: number; width: number; height: number };
/** A part of a placed label: its text's box, or its concept's box, and its drawing rank. */
type Part = { area: Area; box: boolean; rank: number | undefined };

/**
 * Whether two placed parts meet: two labels `gap` apart; a concept's box and a label only where
 * the box is drawn above the label, and then at all; two boxes never.
 */
function clash(a: Part, b: Part, gap: number): boolean {
  if (a.box && b.box) return false;
  if (!a.box && !b.box) return boxesMeet(a.area, b.area, gap);
  const [box, label] = a.box ? [a, b] : [b, a];
  if (box.rank === undefined || label.rank === undefined || box.rank < label.rank) return false;
  return boxesMeet(a.area, b.area);
}

/** The parts a label takes: its text's box, and its concept's box if it has one. */
const partsOf = (label: LabelBox): Part[] => {
  const text = { area: label, box: false, rank: label.rank };
  return label.also ? [text, { area: label.also, box: true, rank: label.rank }] : [text];
};

/** Whether two labels' parts meet (see `clash`). */
const labelsMeet = (a: LabelBox, b: LabelBox, gap: number) =>
  partsOf(a).some((p) => partsOf(b).some((q) => clash(p, q, gap)));

/** What else the view holds: its own edges, and what covers the map (controls, a legend). */
export type PlacementRoom = {
  /** Labels stand wholly inside this box. */
  within?: Omit<LabelBox, 'id'>;
  /** No label may touch these (a section's title may run under them). */
  blocked?: readonly Omit<LabelBox, 'id'>[];
  /**
   * The first this many candidates are placed as a group, before the rest: of all the ways their
   * places can combine (searched up to a bound), the one that draws the most of them.
   */
  together?: number;
  /** Of that group, the first this many are drawn wherever they have a place in the view. */
  keep?: number;
};

/** How many partial placements the group's search may try before it settles for the best. */
const SEARCH_LIMIT = 20_000;

const CELL = 64;

/**
 * Which labels to draw, the way a street map places names: in order of importance, each label is
 * drawn only where it would touch none drawn before it (`gap` pixels apart), so that no text ever
 * lies on other text. `candidates` come most important first. A grid of cells keeps this near
 * linear in the number of labels.
 */
export function placeLabels(candidates: readonly LabelBox[], gap = 2): Set<string> {
  return new Set(
    placeLabelsAt(
      candidates.map((box) => [box]),
      gap,
    ).keys(),
  );
}

/**
 * The same, where a label may stand in one of several places (beside its concept, say), tried in
 * order: the place each drawn label takes, by id, as an index into its places.
 */
export function placeLabelsAt(
  candidates: readonly (readonly LabelBox[])[],
  gap = 2,
  room: PlacementRoom = {},
): Map<string, number> {
  const placed = new Map<string, number>();
  const grid = new Map<string, Part[]>();
  const { within } = room;
  const inside = (box: LabelBox) =>
    box.mayOverflow ||
    !within ||
    (box.x >= within.x &&
      box.y >= within.y &&
      box.x + box.width <= within.x + within.width &&
      box.y + box.height <= within.y + within.height);
  const cellsOf = (box: Area) => {
    const keys: string[] = [];
    const x0 = Math.floor((box.x - gap) / CELL);
    const x1 = Math.floor((box.x + box.width + gap) / CELL);
    const y0 = Math.floor((box.y - gap) / CELL);
    const y1 = Math.floor((box.y + box.height + gap) / CELL);
    for (let x = x0; x <= x1; x += 1) for (let y = y0; y <= y1; y += 1) keys.push(`${x},${y}`);
    return keys;
  };
  const occupy = (box: LabelBox) => {
    for (const part of partsOf(box)) {
      for (const key of cellsOf(part.area)) {
        const list = grid.get(key);
        if (list) list.push(part);
        else grid.set(key, [part]);
      }
    }
  };
  const free = (box: LabelBox) =>
    partsOf(box).every((part) =>
      cellsOf(part.area).every((key) => !grid.get(key)?.some((other) => clash(part, other, gap))),
    );
  const blocked = room.blocked ?? [];
  const allowed = (box: LabelBox) =>
    inside(box) && (box.mayOverflow || !blocked.some((other) => boxesMeet(box, other, gap)));
  const group = candidates.slice(0, room.together ?? 0);
  for (const [index, box] of searchGroup(group, allowed, gap, room.keep ?? 0)) {
    placed.set(box.id, index);
    occupy(box);
  }
  for (const places of candidates.slice(group.length)) {
    for (const [index, box] of places.entries()) {
      if (placed.has(box.id)) break;
      if (!inside(box)) continue;
      if (!box.mayOverflow && blocked.some((other) => boxesMeet(box, other, gap))) continue;
      if (!free(box)) continue;
      placed.set(box.id, index);
      occupy(box);
      break;
    }
  }
  return placed;
}

/**
 * The places for a small group of labels that draw the most of them, none on another: a search
 * over their combinations, most important label first, that stops at the first where all fit or
 * after `SEARCH_LIMIT` tries. Each drawn label's place index and box.
 */
function searchGroup(
  group: readonly (readonly LabelBox[])[],
  allowed: (box: LabelBox) => boolean,
  gap: number,
  keep: number,
): [number, LabelBox][] {
  const options = group.map((places) => [...places.entries()].filter(([, box]) => allowed(box)));
  const chosen: [number, LabelBox][] = [];
  let best: [number, LabelBox][] = [];
  let tries = 0;
  const search = (k: number): boolean => {
    tries += 1;
    if (chosen.length > best.length) best = [...chosen];
    if (best.length === group.length || tries > SEARCH_LIMIT) return true;
    if (k === group.length || chosen.length + (group.length - k) <= best.length) return false;
    for (const [index, box] of options[k] ?? []) {
      if (chosen.some(([, other]) => labelsMeet(box, other, gap))) continue;
      chosen.push([index, box]);
      if (search(k + 1)) return true;
      chosen.pop();
    }
    // Or leave this one out, if the others can then all be drawn; one to keep only if it has no
    // place at all (the first few are searched before anything else is chosen).
    if (k < keep && (options[k]?.length ?? 0) > 0) return false;
    return search(k + 1);
  };
  search(0);
  return best;
}

/**
 * The zoomed-out map's labels and section titles, placed by importance (see `placeLabelsAt`):
 * `first` (the selection, or a tour step's concepts) before the titles (each with its places, as a
 * label has), then the titles, then the
 * rest. A tour step's concepts are placed as a group, so that as many as can be are drawn. The
 * `leads` (the theses, which the whole map is about) are named before the titles too when one of
 * them finds no room after them, all together, since each placed alone could take the place
 * another needed; clear of other sections' titles where that names as many, so that no title
 * gives way for nothing (a thesis may lie on its own section's title, `leadTitles`). The selection keeps its place among them. Each drawn label's place, by id.
 */
export function placeMapLabels(
  labels: readonly (readonly LabelBox[])[],
  titles: readonly (readonly LabelBox[])[],
  options: {
    first: ReadonlySet<string>;
    together?: boolean;
    leads?: ReadonlySet<string>;
    /** The titles (by id) that the leads may lie on: their own sections'. */
    leadTitles?: ReadonlySet<string>;
    room?: PlacementRoom;
    gap?: number;
  },
): Map<string, number> {
  const { first, together = false, leads = new Set<string>(), room = {}, gap = 4 } = options;
  const leadTitles = options.leadTitles ?? new Set<string>();
  const idOf = (places: readonly LabelBox[]) => places[0]?.id ?? '';
  const place = (
    ahead: ReadonlySet<string>,
    group: number,
    keep: number,
    blocked: readonly Omit<LabelBox, 'id'>[] = [],
  ) =>
    placeLabelsAt(
      [
        ...labels.filter((p) => ahead.has(idOf(p))),
        ...titles,
        ...labels.filter((p) => !ahead.has(idOf(p))),
      ],
      gap,
      { ...room, blocked: [...(room.blocked ?? []), ...blocked], together: group, keep },
    );
  const placed = place(first, together ? first.size : 0, 0);
  const missing = labels.some((p) => leads.has(idOf(p)) && !placed.has(idOf(p)));
  if (together || !missing) return placed;
  const ahead = new Set([...first, ...leads]);
  // The selection is the most important label: it comes first in the group and is always kept.
  const over = place(ahead, ahead.size, first.size);
  // The same theses placed clear of other sections' titles, where they can be, keep those titles.
  const clear = place(
    ahead,
    ahead.size,
    first.size,
    // Each title's last place is its smallest.
    titles.flatMap((places) => {
      const last = places.at(-1);
      return last && !leadTitles.has(last.id) ? [last] : [];
    }),
  );
  const named = (at: ReadonlyMap<string, number>) => [...ahead].filter((id) => at.has(id)).length;
  return named(clear) >= named(over) ? clear : over;
}
