import type { Plugin } from 'vite';

/**
 * Warns about a chunk of more than `limit` kB after minification, as Vite's own check
 * (build.chunkSizeWarningLimit) does, except for chunks that hold a module matching `exempt`: for
 * a dependency that is large, cannot be split and is loaded only on demand, so that the budget
 * still holds for everything else.
 */
export function chunkBudget({ limit, exempt }: { limit: number; exempt: RegExp }): Plugin {
  return {
    name: 'concept-atlas:chunk-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.moduleIds.some((id) => exempt.test(id))) continue;
        const size = Buffer.byteLength(chunk.code) / 1000;
        if (size <= limit) continue;
        this.warn(
          `${chunk.fileName} is ${Math.round(size)} kB after minification, over the budget of ` +
            `${limit} kB: load what it does not need at once with import().`,
        );
      }
    },
  };
}
