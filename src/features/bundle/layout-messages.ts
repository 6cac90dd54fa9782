import type { TextPosition } from '../../model/anchor';
import type { Graph, Layout } from '../../model/schema';

export type LayoutRequest = { graph: Graph; anchors: [string, TextPosition[]][] };

export type LayoutReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; layout: Layout }
  | { type: 'failed'; message: string };
