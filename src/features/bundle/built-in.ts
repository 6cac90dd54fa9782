import { readSnapshot } from '../../model/snapshot';

/** The built-in article and its curated map, checked when the app was built and carried by the page. */
export const loadBuiltInAtlas = () => readSnapshot(document);
