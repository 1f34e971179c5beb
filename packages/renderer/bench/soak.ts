/**
 * Soak benchmark for `toDocx` memory (a benchmark, not a timed test). Run:
 *   npm run bench:soak -w @fairtender/renderer            (5,000 packs)
 *   npm run bench:soak -w @fairtender/renderer -- 500     (another count; `--json` prints one JSON line)
 *
 * Renders the same real pack N times in a tight loop that awaits `toDocx` and never yields to the
 * event loop's timers (the way a batch job or a server handling one request after another does),
 * and prints the heap before, after and at its highest (sampled after a full GC every 100 packs).
 * Needs `--expose-gc` (the npm script passes it). Flat memory: "after" stays within a few MB of
 * "before", however large N is.
 */
import { select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { usProfile } from "../test/fixtures/selections.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error("run with node --expose-gc (npm run bench:soak does)");
  process.exit(2);
}
const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 5000);
const json = args.includes("--json"); // one JSON line, for the smoke test in test/memory.test.ts
const pack = buildTenderPack(select(usProfile), { edition: "guidance" });
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

await toDocx(pack); // warm up: modules, caches
const before = heap();
let max = before;
let bytes = 0;
const t0 = performance.now();
for (let i = 1; i <= n; i++) {
  bytes += (await toDocx(pack)).length;
  if (i % 100 === 0) max = Math.max(max, heap());
}
const ms = performance.now() - t0;
const after = heap();
if (json) {
  console.log(JSON.stringify({ packs: n, before, after, max, msPerPack: ms / n }));
  process.exit(0);
}
console.log(`toDocx soak: ${n} packs in a tight loop (${mb(bytes / n)} each), ${(ms / n).toFixed(1)} ms per pack`);
console.log(`heap before ${mb(before)}, after ${mb(after)}, max ${mb(max)} (after GC); growth ${mb(after - before)}`);
console.log(`per pack retained: ${((after - before) / n / 1024).toFixed(1)} kB`);
