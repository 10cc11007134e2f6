import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may, and probes for
// that once; under the app's CSP (no 'unsafe-eval') the probe is a reported
// violation. In the browser, parse without compiling.
z.config({ jitless: true });
