#!/usr/bin/env node
import { main } from "./index.js";

// Interrupted (Ctrl-C): remove the temporary files of unfinished atomic writes, so an interrupted run
// leaves the old files or complete new ones, and nothing else; then stop with the usual status 130.
process.once("SIGINT", () => {
  void import("./atomic.js").then(({ removeTemporaryFiles }) => {
    removeTemporaryFiles();
    process.exit(130);
  });
});

process.exitCode = await main(process.argv.slice(2));
