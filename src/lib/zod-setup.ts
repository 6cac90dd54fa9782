import { z } from 'zod';

// zod compiles object parsers with `new Function` unless told not to; the Content-Security-Policy
// forbids that (no 'unsafe-eval'), and merely probing for it reports a violation. Imported first.
z.config({ jitless: true });
