// Benchmark: the whole `fairtender generate` process writing one .docx, against `pandoc` converting
// the same tender pack's Markdown to .docx; then a batch of 100 packs (one `fairtender generate`
// process, worker threads) against 100 pandoc processes (run as many at a time as there are CPUs, so
// both sides use the machine fully). Also measures start-up (`--version`, `validate`).
//
// Run: npm run bench -w @fairtender/cli   (after `npm run build`; needs pandoc on PATH)
// Not part of `npm test`: timings depend on the machine.
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../bin/fairtender.js", import.meta.url));
const profile = fileURLToPath(new URL("../../../examples/profiles/us-embassy-cleaning.yaml", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);

if (!existsSync(new URL("../dist/bin.js", import.meta.url))) {
  console.error("dist/bin.js is missing: run `npm run build` first.");
  process.exit(1);
}
try {
  execFileSync("pandoc", ["--version"], { stdio: "ignore" });
} catch {
  console.error("pandoc is not on PATH: install it (apt-get install pandoc) to compare.");
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "fairtender-bench-"));
// CPU time (user + system) of each child, via GNU time when installed: steadier than wall-clock time
// on a busy machine, where the other processes' load inflates wall-clock times unevenly.
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
let lastCpu = Number.NaN;
async function timed(cmd, args) {
  if (!gnuTime) return run(cmd, args);
  const result = await run(gnuTime, ["-f", "__cpu__ %U %S", cmd, ...args]);
  const m = /__cpu__ ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  lastCpu = m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN;
  return result;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
async function time(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
/** Median wall-clock and CPU time of `n` runs (after one run that warms the file cache). */
async function repeat(fn, n = RUNS) {
  await fn();
  const times = [];
  const cpus = [];
  for (let i = 0; i < n; i++) {
    times.push(await time(fn));
    cpus.push(lastCpu);
  }
  const wall = median(times);
  return Object.assign(new Number(wall), { cpu: median(cpus) });
}
const ms = (x) =>
  `${Number(x).toFixed(0).padStart(6)} ms${x.cpu === undefined || Number.isNaN(x.cpu) ? "" : `  (CPU ${x.cpu.toFixed(0).padStart(5)} ms)`}`;

try {
  // The same Markdown the comparison converts: fairtender's own Markdown of the pack.
  execFileSync(process.execPath, [bin, "generate", profile, "--out", dir, "--format", "md"]);
  const md = join(dir, "us-embassy-cleaning.md");

  console.log(
    `fairtender vs pandoc ${execFileSync("pandoc", ["--version"]).toString().split("\n")[0].split(" ")[1]}, node ${process.version}, ${availableParallelism()} CPUs, median of ${RUNS}\n`,
  );

  const nodeOnly = await repeat(() => timed(process.execPath, ["-e", "0"]));
  const version = await repeat(() => timed(process.execPath, [bin, "--version"]));
  const validate = await repeat(() => timed(process.execPath, [bin, "validate", profile]));
  console.log("Start-up");
  console.log(`  node -e 0                         ${ms(nodeOnly)}`);
  console.log(`  fairtender --version              ${ms(version)}`);
  console.log(`  fairtender validate <profile>     ${ms(validate)}`);

  const one = await repeat(() =>
    timed(process.execPath, [bin, "generate", profile, "--out", join(dir, "one"), "--format", "docx", "--quiet"]),
  );
  const oneMd = await repeat(() =>
    timed(process.execPath, [bin, "generate", profile, "--out", join(dir, "one"), "--format", "md", "--quiet"]),
  );
  const pandocOne = await repeat(() => timed("pandoc", [md, "-o", join(dir, "pandoc-one.docx")]));
  console.log("\nOne tender pack, whole process");
  console.log(`  fairtender generate --format md   ${ms(oneMd)}`);
  console.log(`  fairtender generate --format docx ${ms(one)}`);
  console.log(`  pandoc pack.md -o pack.docx       ${ms(pandocOne)}`);
  const cpuRatio = Number.isNaN(one.cpu) ? "" : `, ${(pandocOne.cpu / one.cpu).toFixed(2)}x CPU`;
  console.log(
    `  ratio pandoc / fairtender (docx)  ${(pandocOne / one).toFixed(2)}x wall-clock${cpuRatio} (above 1: fairtender faster)`,
  );

  const batchDir = join(dir, "batch");
  mkdirSync(batchDir);
  for (let i = 0; i < BATCH; i++) copyFileSync(profile, join(batchDir, `p${String(i).padStart(3, "0")}.yaml`));
  const batch = await time(() =>
    timed(process.execPath, [
      bin,
      "generate",
      join(batchDir, "*.yaml"),
      "--out",
      join(dir, "batch-out"),
      "--format",
      "docx",
      "--quiet",
    ]),
  );
  const batchCpu = lastCpu;
  const cpus = availableParallelism();
  let pandocBatchCpu = 0;
  const pandocBatch = await time(async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: cpus }, async () => {
        while (next < BATCH) {
          const i = next++;
          await timed("pandoc", [md, "-o", join(dir, `pandoc-${i}.docx`)]);
          pandocBatchCpu += lastCpu;
        }
      }),
    );
  });
  const perPack = (wall, cpu) =>
    `${(wall / BATCH).toFixed(0)} ms per pack${Number.isNaN(cpu) ? "" : `, CPU ${(cpu / BATCH).toFixed(0)} ms per pack`}`;
  console.log(`\nBatch of ${BATCH} packs (.docx)`);
  console.log(`  fairtender generate, 1 process, ${Math.min(cpus, BATCH)} workers: ${perPack(batch, batchCpu)}`);
  console.log(`  pandoc x ${BATCH}, ${cpus} at a time:             ${perPack(pandocBatch, pandocBatchCpu)}`);
  const batchCpuRatio = Number.isNaN(batchCpu) ? "" : `, ${(pandocBatchCpu / batchCpu).toFixed(2)}x CPU`;
  console.log(
    `  ratio pandoc / fairtender              ${(pandocBatch / batch).toFixed(2)}x wall-clock${batchCpuRatio} (above 1: fairtender faster)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
