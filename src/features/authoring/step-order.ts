/**
 * Where a step dragged to height `y` lands: its index among the steps once it is taken out,
 * which is the number of the other steps whose middle lies above `y`. `middles` are the other
 * steps' middles, top to bottom.
 */
export function dropIndex(middles: readonly number[], y: number): number {
  let index = 0;
  while (index < middles.length && (middles[index] as number) < y) index += 1;
  return index;
}

/** The words that say where a step now stands, for a screen reader. */
export function movedWords(title: string, index: number, count: number): string {
  const name = title.trim() === '' ? 'The step' : `“${title.trim()}”`;
  return `${name} is now step ${index + 1} of ${count}.`;
}
