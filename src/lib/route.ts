import { conceptKinds, type ConceptKind } from '../model/schema';

export const focusDepths = [0, 1, 2, 3] as const;
export type FocusDepth = (typeof focusDepths)[number];
export type FocusMode = 'fade' | 'hide';

/** What a shared link restores: the selection, the focus and the filters. */
export type MapRoute = {
  view: 'map';
  conceptId: string | null;
  depth: FocusDepth;
  mode: FocusMode;
  hiddenKinds: ConceptKind[];
  hiddenSections: string[];
};

export const defaultRoute: MapRoute = {
  view: 'map',
  conceptId: null,
  depth: 0,
  mode: 'fade',
  hiddenKinds: [],
  hiddenSections: [],
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
  const conceptId = segments[0] === 'concept' && segments[1] ? segments[1] : null;
  const depth = Number(params.get('depth'));
  return {
    view: 'map',
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
  const path = route.conceptId ? `#/concept/${encodeURIComponent(route.conceptId)}` : '#/';
  const params = new URLSearchParams();
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
