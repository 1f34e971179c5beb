#!/usr/bin/env node
// Started by bin/fairtender.js (the installed command), which turns on Node's compile cache first.
export {}; // an ES module (top-level await), though it exports nothing

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

// Interrupted (Ctrl-C, SIGINT) or asked to stop (SIGTERM): stop the batch workers, then remove the
// temporary files of unfinished writes, so an interrupted run leaves each profile's old files or its
// complete new set, and nothing else; then stop with the usual status, 128 + the signal's number
// (130, 143). A set is renamed into place synchronously, so this never runs in the middle of one.
for (const [signal, status] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.once(signal, () => {
    void (async () => {
      const [{ stopAllWorkers }, { removeTemporaryFiles }] = await Promise.all([
        import("./batch.js"),
        import("./atomic.js"),
      ]);
      await stopAllWorkers();
      removeTemporaryFiles();
      process.exit(status);
    })();
  });
}

process.exitCode = await main(process.argv.slice(2));
