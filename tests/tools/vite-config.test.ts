import { createLogger, loadConfigFromFile } from 'vite';
import { describe, expect, it } from 'vitest';

/** What Vite says while it loads a config file (for `vite build`) the way the CLI does. */
async function warningsLoading(configFile: string) {
  const warnings: string[] = [];
  const logger = createLogger('warn');
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = logger.warn;
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    configFile,
    process.cwd(),
    'warn',
    logger,
  );
  expect(loaded?.config).toBeDefined();
  return warnings;
}

describe('the Vite configs', () => {
  // Vite names every import of the config, the build plugins and the model they load that its
  // coming native loader could not follow: some thirty lines before every run and build.
  it.each(['vite.config.ts', 'vite.config.bench.ts', 'vitest.config.e2e.ts'])(
    'load without a warning: %s',
    async (file) => {
      expect(await warningsLoading(file)).toEqual([]);
    },
  );
});
