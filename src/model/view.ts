import type { FocusDepth, FocusMode } from './route.ts';
import type { Atlas } from './atlas.ts';
import { neighbourhood } from './neighbours.ts';
import type { ConceptKind } from './schema.ts';
import { tourFrame } from './tour-view.ts';
import type { Tour } from './tours.ts';

export type ViewInput = {
  selectedId: string | null;
  focusDepth: FocusDepth;
  focusMode: FocusMode;
  hiddenKinds: readonly ConceptKind[];
  hiddenSections: readonly string[];
  searchMatches: readonly string[];
  showCrossLinks: boolean;
  /** In a tour: the step's concepts, and those of later steps (hidden when `reveal`). */
  tour?: { current: readonly string[]; later: readonly string[]; reveal: boolean } | null;
};

/** How each concept and relation is drawn for the current selection, focus, filters and search. */
export type MapView = {
  hidden: ReadonlySet<string>;
  /** CSS classes by concept id; a concept not listed is drawn normally. */
  conceptClass: ReadonlyMap<string, string>;
  /** Which of the dimming classes (`is-faded`, `is-unmatched`) any concept has. */
  dimming: ReadonlySet<string>;
  /** Relations drawn with their linking phrase because they touch the selection. */
  emphasisedEdges: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
  fadedEdges: ReadonlySet<string>;
  hiddenSections: ReadonlySet<string>;
  /** The concepts the camera should frame. */
  frame: readonly string[];
};

/**
 * Derives the map's emphasis from the view state. Filters hide; focus fades or hides what lies
 * beyond the chosen number of steps; a selection without focus brings out its neighbours; search
 * matches stand out while the user types.
 */
export function computeView(atlas: Atlas, input: ViewInput): MapView {
  const { links } = atlas;
  if (input.tour) return computeTourView(atlas, input.tour);
  const hidden = new Set<string>();
  const conceptClass = new Map<string, string>();
  const hiddenKinds = new Set(input.hiddenKinds);
  const hiddenSections = new Set(input.hiddenSections);
  for (const concept of atlas.graph.concepts) {
    if (hiddenKinds.has(concept.kind) || hiddenSections.has(concept.section))
      hidden.add(concept.id);
  }

  const selected = input.selectedId;
  const near = selected ? neighbourhood(links, selected, Math.max(1, input.focusDepth)) : null;
  const matches = new Set(input.searchMatches);
  const dimming = new Set<string>();
  const hideFar = input.focusDepth > 0 && input.focusMode === 'hide';
  for (const concept of atlas.graph.concepts) {
    const id = concept.id;
    // Built as one string, not a list joined: this runs for every concept on every selection.
    let classes = '';
    if (near) {
      const distance = near.get(id);
      if (distance === 0) classes = 'is-selected';
      else if (distance !== undefined) classes = 'is-neighbour';
      else if (hideFar) hidden.add(id);
      else {
        classes = 'is-faded';
        dimming.add(classes);
      }
    }
    if (matches.size > 0) {
      const match = matches.has(id) ? 'is-match' : 'is-unmatched';
      if (match === 'is-unmatched') dimming.add(match);
      classes = classes ? `${classes} ${match}` : match;
    }
    if (classes) conceptClass.set(id, classes);
  }

  const emphasisedEdges = new Set<string>();
  const hiddenEdges = new Set<string>();
  const fadedEdges = new Set<string>();
  for (const edge of atlas.edges) {
    const touches = edge.source === selected || edge.target === selected;
    const inFocus =
      near !== null && input.focusDepth > 0 && near.has(edge.source) && near.has(edge.target);
    if (hidden.has(edge.source) || hidden.has(edge.target)) hiddenEdges.add(edge.id);
    else if (edge.data?.crossesSections && !input.showCrossLinks && !touches && !inFocus) {
      hiddenEdges.add(edge.id);
    } else if (touches) emphasisedEdges.add(edge.id);
    else if (near && !inFocus) fadedEdges.add(edge.id);
  }

  const frame = near ? [...near.keys()].filter((id) => !hidden.has(id)) : [];
  return {
    hidden,
    conceptClass,
    dimming,
    emphasisedEdges,
    hiddenEdges,
    fadedEdges,
    hiddenSections,
    frame,
  };
}

/**
 * A tour step: its concepts stand out and frame the camera, the rest fades, and under progressive
 * reveal the concepts of later steps stay hidden.
 */
function computeTourView(atlas: Atlas, tour: NonNullable<ViewInput['tour']>): MapView {
  const current = new Set(tour.current);
  const hidden = new Set(tour.reveal ? tour.later : []);
  const conceptClass = new Map<string, string>();
  const dimming = new Set<string>();
  for (const concept of atlas.graph.concepts) {
    if (hidden.has(concept.id)) continue;
    if (current.has(concept.id)) conceptClass.set(concept.id, 'is-step');
    else {
      conceptClass.set(concept.id, 'is-faded');
      dimming.add('is-faded');
    }
  }
  const emphasisedEdges = new Set<string>();
  const hiddenEdges = new Set<string>();
  const fadedEdges = new Set<string>();
  for (const edge of atlas.edges) {
    if (hidden.has(edge.source) || hidden.has(edge.target)) hiddenEdges.add(edge.id);
    else if (current.has(edge.source) && current.has(edge.target)) emphasisedEdges.add(edge.id);
    else if (edge.data?.crossesSections) hiddenEdges.add(edge.id);
    else fadedEdges.add(edge.id);
  }
  return {
    hidden,
    conceptClass,
    dimming,
    emphasisedEdges,
    hiddenEdges,
    fadedEdges,
    hiddenSections: new Set(),
    frame: tour.current.filter((id) => !hidden.has(id)),
  };
}

/**
 * A tour step as the class sees it: nothing selected, filtered or searched, the step's concepts
 * framed and the rest faded (or, under progressive `reveal`, the later steps' hidden).
 */
export function tourStepView(atlas: Atlas, tour: Tour, step: number, reveal: boolean): MapView {
  return computeView(atlas, {
    selectedId: null,
    focusDepth: 0,
    focusMode: 'fade',
    hiddenKinds: [],
    hiddenSections: [],
    searchMatches: [],
    showCrossLinks: false,
    tour: { ...tourFrame(tour, step), reveal },
  });
}
