#!/usr/bin/env node
// The `fairtender` command. This file is committed (the CLI itself is the bundle in dist/, see
// tsup.bin.config.ts) so that npm links the command at install time, before anything is built: in
// a fresh clone, `npm install && npm start` builds dist/ after npm has linked the bins, and a bin
// pointing into dist/ would not have been linked at all.
import nodeModule from "node:module";

// On Node 22.1+ keep V8's compiled code on disk between runs (a no-op on Node 20, which lacks it):
// compiling the code is about an eighth of a one-document `fairtender generate`. Called before the
// bundle is imported, so its chunks are cached too.
nodeModule.enableCompileCache?.();

try {
  await import("../dist/bin.js");
} catch (error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist")) {
    process.stderr.write("fairtender is not built yet: run `npm run build` in the repository first.\n");
    process.exit(1);
  }
  throw error;
}
