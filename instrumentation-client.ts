import { z } from "zod";

// Runs in the browser before the app's own code. Zod compiles object parsers with `new Function`
// unless told not to, and probes whether it may by calling `Function("")` on the first parse: under
// the page's Content-Security-Policy (no 'unsafe-eval') that probe is a CSP violation report on
// every page with a form. Zod's interpreter is fast enough for forms; the server keeps the compiler.
z.config({ jitless: true });
