import markdown from '../data/article.md?raw';
import graph from '../data/graph.json';
import layout from '../data/layout.json';
import tours from '../data/tours.json';
import { loadAtlas } from './model/atlas';

/** The built-in article and its curated map, validated like any other content. */
export const loadBuiltInAtlas = () => loadAtlas(markdown, graph, layout, tours);
