import type { CheckStep, ContentCheck } from './check-bundle';

export type CheckRequest = { text: string };

export type CheckReply =
  { type: 'step'; step: CheckStep } | { type: 'done'; result: ContentCheck } | { type: 'failed' };
