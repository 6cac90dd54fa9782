import { conceptKinds, type ConceptKind } from './vocabulary.ts';

export const focusDepths = [0, 1, 2, 3] as const;
export type FocusDepth = (typeof focusDepths)[number];
export type FocusMode = 'fade' | 'hide';

/**
 * The main view: the map, the outline of the argument, the self-test quiz, a classroom tour, or
 * the teacher's presenter view of a tour.
 */
export const views = ['map', 'outline', 'quiz', 'tour', 'presenter'] as const;
export type View = (typeof views)[number];

/** The tour and presenter views show a tour; the others explore the map. */
export const isTourView = (view: View) => view === 'tour' || view === 'presenter';

/** What a shared link restores: the view, the selection, the focus and the filters. */
export type MapRoute = {
  view: View;
  conceptId: string | null;
  depth: FocusDepth;
  mode: FocusMode;
  hiddenKinds: ConceptKind[];
  hiddenSections: string[];
  /** The tour and its step (1-based) in the tour and presenter views. */
  tour: { id: string; step: number } | null;
  /** In a tour, concepts of later steps stay hidden until their step. */
  reveal: boolean;
};

export const defaultRoute: MapRoute = {
  view: 'map',
  conceptId: null,
  depth: 0,
  mode: 'fade',
  hiddenKinds: [],
  hiddenSections: [],
  tour: null,
  reveal: false,
};

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Reads a hash such as `#/concept/leap-value?depth=2&mode=hide&hide-kinds=example`. Anything it
 * does not understand falls back to the default rather than failing.
 */
export function parseHash(hash: string): MapRoute {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  // `#/concept/<id>` on the map, `#/outline/concept/<id>` and `#/quiz` for the other views.
  const view: View = (views as readonly string[]).includes(segments[0] ?? '')
    ? (segments.shift() as View)
    : 'map';
  const isTour = isTourView(view);
  const step = Number(segments[1] ?? '1');
  const tour =
    isTour && segments[0]
      ? { id: segments[0], step: Number.isInteger(step) && step >= 1 ? step : 1 }
      : null;
  const conceptId = !isTour && segments[0] === 'concept' && segments[1] ? segments[1] : null;
  const depth = Number(params.get('depth'));
  return {
    view: isTour && !tour ? 'map' : view,
    tour,
    reveal: params.get('reveal') === 'progressive',
    conceptId,
    depth: (focusDepths as readonly number[]).includes(depth) ? (depth as FocusDepth) : 0,
    mode: params.get('mode') === 'hide' ? 'hide' : 'fade',
    hiddenKinds: list(params.get('hide-kinds')).filter((k): k is ConceptKind =>
      (conceptKinds as readonly string[]).includes(k),
    ),
    hiddenSections: list(params.get('hide-sections')),
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The shortest hash for a route: defaults are left out. */
export function formatRoute(route: MapRoute): string {
  const prefix = route.view === 'map' ? '#/' : `#/${route.view}/`;
  const inTour = isTourView(route.view) && route.tour;
  const path = inTour
    ? `${prefix}${encodeURIComponent(route.tour!.id)}/${route.tour!.step}`
    : route.conceptId
      ? `${prefix}concept/${encodeURIComponent(route.conceptId)}`
      : route.view === 'map'
        ? '#/'
        : `#/${route.view}`;
  const params = new URLSearchParams();
  if (inTour && route.reveal) params.set('reveal', 'progressive');
  if (route.depth !== 0) params.set('depth', String(route.depth));
  if (route.mode !== 'fade') params.set('mode', route.mode);
  if (route.hiddenKinds.length > 0)
    params.set('hide-kinds', [...route.hiddenKinds].sort().join(','));
  if (route.hiddenSections.length > 0) {
    params.set('hide-sections', [...route.hiddenSections].sort().join(','));
  }
  const query = params.toString().replace(/%2C/g, ',');
  return query ? `${path}?${query}` : path;
}
