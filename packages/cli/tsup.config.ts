import { base } from "../../tsup.base";

// Entries: the library entry (`main`, for tests and embedding), the bin (its `#!/usr/bin/env node`
// line is the first line of src/bin.ts, which esbuild keeps as the banner of that file only, and tsup
// marks the file executable), and the batch worker, which `worker_threads` loads by file name.
// Commands are dynamic imports, so each becomes its own chunk: `fairtender --version` loads none of
// them, and nothing loads `docx` unless a .docx is asked for.
export default base({
  entry: { index: "src/index.ts", bin: "src/bin.ts", worker: "src/worker.ts" },
  platform: "node",
  target: "node20",
});
