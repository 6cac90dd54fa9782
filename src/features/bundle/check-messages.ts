import type { CheckStep, ContentCheck } from './check-bundle';

/** The text to check, or the file to read it from (a file passes to the worker unread). */
export type CheckRequest = { text: string } | { file: Blob };

export type CheckReply =
  { type: 'step'; step: CheckStep } | { type: 'done'; result: ContentCheck } | { type: 'failed' };
