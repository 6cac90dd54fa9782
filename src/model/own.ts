/**
 * A record's own value for a key, never one it inherits: a concept may be called `constructor`,
 * and `notes.constructor` on a plain object is the Object function.
 */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
