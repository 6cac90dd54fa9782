import { config } from 'zod/mini';

// zod compiles object parsers with `new Function` unless told not to; the Content-Security-Policy
// forbids that (no 'unsafe-eval'), and merely probing for it reports a violation. Imported first.
config({ jitless: true });
