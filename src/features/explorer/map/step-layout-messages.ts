import type { ElkNode } from 'elkjs/lib/elk-api';

export type StepLayoutRequest = { id: number; graph: ElkNode };

export type StepLayoutReply = { id: number; laid: ElkNode } | { id: number; failed: string };
