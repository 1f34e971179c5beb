#!/usr/bin/env node
import { main } from "./index.js";

// Interrupted (Ctrl-C): stop the batch workers, then remove the temporary files of unfinished atomic
// writes, so an interrupted run leaves the old files or complete new ones, and nothing else; then
// stop with the usual status 130.
process.once("SIGINT", () => {
  void (async () => {
    const [{ stopAllWorkers }, { removeTemporaryFiles }] = await Promise.all([
      import("./batch.js"),
      import("./atomic.js"),
    ]);
    await stopAllWorkers();
    removeTemporaryFiles();
    process.exit(130);
  })();
});

process.exitCode = await main(process.argv.slice(2));
