import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may, and probes for
// that once; under the app's CSP (no 'unsafe-eval') the probe is a reported
// violation. In the browser, parse without compiling.
//
// No client code parses with zod today (@fairlance/rules is side-effect free, so
// its zod schemas stay out of the browser bundles), and importing this from the
// root providers put all of zod (~29 KB gzipped) in every page's first load.
// A client module that starts using zod imports this file first.
z.config({ jitless: true });
