import { config } from 'zod';

// zod compiles object parsers with `new Function` unless told not to; the Content-Security-Policy
// forbids that (no 'unsafe-eval'), and merely probing for it reports a violation. Imported by
// the code that checks bundles, the only part of the app that loads zod.
config({ jitless: true });
