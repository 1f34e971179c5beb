import * as z from "zod";

// The page's Content Security Policy forbids evaluating strings as code (no 'unsafe-eval'). zod would
// otherwise probe for it with `new Function("")` to compile faster validators, and the browser reports
// that probe as a policy violation. Interpreted validation is fast enough for one form.
//
// Its own module, imported first by main.ts: imports are evaluated before the importing module's body,
// so a call in main.ts itself would run after the other modules had already validated something.
z.config({ jitless: true });
