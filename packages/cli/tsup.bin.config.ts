import { base } from "../../tsup.base";
import { patchDocx } from "./build/patch-docx";

// The `fairtender` executable and its batch worker, bundled with every dependency and minified.
//
// Why: a one-document `fairtender generate` is mostly start-up. Unbundled, Node resolves, reads and
// compiles about 300 module files (zod alone is over 100) before any work starts; bundled, it reads
// a few chunks. Commands stay dynamic imports, so each is its own chunk: `--version` loads none of
// them, and the chunk with `docx` loads only when a .docx is asked for (named `docx-*.js`, which the
// tests trace). The workspace packages are compiled from their sources (the `@fairtender/source`
// condition), so the bundle splits them by module: the docx chunk does not pull in zod. docx's
// XML writer is replaced by a faster one with the same output (build/patch-docx.ts). `keepNames`
// keeps class and function names (error names, stack traces), and `--debug` turns on the source
// maps for stack traces. The maps carry the mappings only, not `sourcesContent` (a copy of every
// bundled source, zod's and docx's included): a stack trace needs file, line and column, not the
// text, and the copies were two thirds of the maps' size.
//
// Its `#!/usr/bin/env node` line is the first line of src/bin.ts, which esbuild keeps as the banner
// of that file only; tsup marks the file executable. The worker is loaded by file name, next to the
// chunk that starts it. CommonJS dependencies (handlebars, and yaml's CommonJS build) call
// `require` for Node's built-ins, which an ES module lacks: the banner defines it in every chunk.
export default base({
  entry: { bin: "src/bin.ts", worker: "src/worker.ts" },
  platform: "node",
  target: "node20",
  dts: false,
  sourcemap: true,
  clean: false,
  minify: true,
  keepNames: true,
  noExternal: [/.*/],
  esbuildPlugins: [patchDocx()],
  esbuildOptions(options) {
    options.conditions = ["@fairtender/source"];
    options.sourcesContent = false;
  },
  banner: {
    js: 'import { createRequire as __ftRequire } from "node:module"; const require = __ftRequire(import.meta.url);',
  },
});
