#!/usr/bin/env node
import nodeModule from "node:module";

// On Node 22.1+ keep V8's compiled code on disk between runs (a no-op on Node 20, which lacks it):
// about a fifth of a `fairtender generate` run is compiling the modules it loads. Called before the
// CLI itself is imported, so its modules are cached too.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// The published bin is bundled and minified (see tsup.bin.config.ts): with --debug, stack traces
// name the original source files and lines. Turned on before the CLI's own modules load.
if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);

const { main } = await import("./index.js");

// The reader went away (`fairtender clauses list | head`): stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

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
