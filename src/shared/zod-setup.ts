import { config } from 'zod';

// zod compiles object parsers with `new Function` unless told not to; the Content-Security-Policy
// forbids that (no 'unsafe-eval'), and merely probing for it reports a violation. Imported first
// by the parts of the app that load zod: the code that checks bundles, and the authoring of maps.
config({ jitless: true });
