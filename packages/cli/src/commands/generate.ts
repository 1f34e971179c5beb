import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { parseCommandArgs, splitList } from "../args.js";
import { watchDirectory } from "../atomic.js";
import { poolSize, runPool } from "../batch.js";
import { describeFsError, EXIT, InputError, UsageError } from "../errors.js";
import { expandGlobs } from "../glob.js";
import { type Context, println } from "../io.js";
import { type Job, type JobResult, runJob } from "../job.js";
import { shownPath } from "../profile.js";
import { Progress } from "../progress.js";
import { DEFAULT_FORMATS, FORMATS, type Format, type RenderOptions } from "../render.js";
import { suggest } from "../suggest.js";

export const help = `Usage: fairtender generate <profile...> --out <dir> [options]

Writes, for each tender profile, <dir>/<profile name>.<ext> for every format asked for:
  docx  the tender pack in Word (real numbering and cross-references; restyle with --reference-docx)
  md    the tender pack in Markdown
  html  the tender pack as a standalone HTML page
  json  the Selection (regimes, risk, clauses, exclusions, obligations, warnings; see 'fairtender schema selection')
  csv   the supplier obligations calendar (spreadsheet)
  ics   the supplier obligations calendar (iCalendar, for calendar apps)
Files are written atomically: an existing file is replaced only by a complete new one.

Several profiles (or a glob such as 'profiles/*.yaml') run in parallel worker threads (one per CPU).
A profile that fails is reported and the others still run.

Arguments:
  profile...               profile files (YAML or JSON) or glob patterns

Options:
  -o, --out <dir>          output directory (created if missing)
  -f, --format <list>      comma-separated formats (default: ${DEFAULT_FORMATS.join(",")}); any of ${FORMATS.join(",")}
  -e, --edition <name>     tender (default: what suppliers receive) or guidance (adds notes for the buyer's team)
      --reference-docx <f> a .docx whose styles (fonts, colours, headings) restyle the Word output
      --date <YYYY-MM-DD>  issue date printed on the pack (default: the contract start date)
  -j, --jobs <n>           worker threads for a batch (default: number of CPUs)
  -q, --quiet              print only failures
  -h, --help               show this help

Example:
  fairtender generate tender.yaml --out out
  fairtender generate 'profiles/*.yaml' --out out --format docx,json,ics --edition guidance

Exit status: 0 when every profile was generated, 1 when any failed, 2 on a usage error.`;

function parseFormats(value: string | string[] | undefined): Format[] {
  const asked = splitList(value);
  if (asked.length === 0) return [...DEFAULT_FORMATS];
  const out: Format[] = [];
  for (const f of asked.map((a) => a.toLowerCase().replace(/^\./, ""))) {
    const format = f === "markdown" ? "md" : f === "ical" ? "ics" : f;
    if (!(FORMATS as readonly string[]).includes(format)) {
      const hits = suggest(format, FORMATS);
      throw new UsageError(
        `unknown format ${JSON.stringify(f)}: expected ${FORMATS.join(", ")}${hits.length ? ` (did you mean '${hits[0]}'?)` : ""}`,
        "generate",
      );
    }
    if (!out.includes(format as Format)) out.push(format as Format);
  }
  return out;
}

function checkDate(date: string): void {
  const d = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new UsageError(`--date ${JSON.stringify(date)} is not a date written YYYY-MM-DD`, "generate");
  }
}

async function readReference(file: string, cwd: string): Promise<Uint8Array> {
  const path = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new InputError(`--reference-docx ${describeFsError(error, shownPath(path, cwd))}`);
  }
  // A .docx is a ZIP archive: it starts with the local file header signature "PK\x03\x04".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new InputError(`--reference-docx ${shownPath(path, cwd)}: is not a Word .docx file`);
  }
  return bytes;
}

/** `fairtender generate <profile...> --out <dir>`. */
export async function run(args: string[], { io, debug }: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs("generate", args, {
    out: { type: "string", short: "o" },
    format: { type: "string", short: "f", multiple: true },
    edition: { type: "string", short: "e" },
    "reference-docx": { type: "string" },
    date: { type: "string" },
    jobs: { type: "string", short: "j" },
    quiet: { type: "boolean", short: "q" },
  });
  if (positionals.length === 0) throw new UsageError("missing argument: the profile file(s)", "generate");
  if (values.out === undefined) throw new UsageError("missing --out <dir>: where to write the files", "generate");
  const formats = parseFormats(values.format);
  if (values.edition !== undefined && values.edition !== "tender" && values.edition !== "guidance") {
    throw new UsageError(`--edition ${JSON.stringify(values.edition)}: expected tender or guidance`, "generate");
  }
  if (values.date !== undefined) checkDate(values.date);
  let jobsFlag: number | undefined;
  if (values.jobs !== undefined) {
    jobsFlag = Number(values.jobs);
    if (!Number.isInteger(jobsFlag) || jobsFlag < 1) {
      throw new UsageError(`--jobs ${JSON.stringify(values.jobs)}: expected a whole number of at least 1`, "generate");
    }
  }
  if (values["reference-docx"] !== undefined && !formats.includes("docx")) {
    throw new UsageError("--reference-docx restyles the Word output, but docx is not among the formats", "generate");
  }

  const { files, unmatched } = await expandGlobs(positionals, io.cwd);
  for (const pattern of unmatched) println(io.stderr, `error: ${pattern}: no file matches`);
  if (files.length === 0) return EXIT.invalid;

  // Two profiles with the same name would overwrite each other's files.
  const byName = new Map<string, string>();
  for (const file of files) {
    const name = basename(file, extname(file));
    const other = byName.get(name);
    if (other !== undefined) {
      throw new InputError(`${other} and ${file} would both write ${name}.* in the output directory`, [
        "rename one of them, or generate them into different directories",
      ]);
    }
    byName.set(name, file);
  }

  const options: RenderOptions = {
    formats,
    ...(values.edition ? { edition: values.edition as "tender" | "guidance" } : {}),
    ...(values.date ? { issueDate: values.date } : {}),
    ...(values["reference-docx"] ? { referenceDocx: await readReference(values["reference-docx"], io.cwd) } : {}),
  };
  const outDir = resolve(io.cwd, values.out);
  const jobs: Job[] = files.map((file) => ({ file, cwd: io.cwd, outDir, options, debug }));
  const started = performance.now();
  const progress = new Progress(io.stderr, jobs.length);

  const report = (result: JobResult) => {
    progress.clear();
    if (result.ok) {
      if (!values.quiet) {
        const written = result.written.map((p) => shownPath(p, io.cwd)).join(", ");
        println(io.stdout, `ok: ${result.shown} → ${written} (${Math.round(result.ms)} ms)`);
        for (const w of result.warnings) println(io.stdout, `  ! ${w}`);
      }
    } else if (result.error) {
      println(io.stderr, `error: ${result.error.message}`);
      for (const p of result.error.problems) println(io.stderr, `  - ${p}`);
      if (result.error.stack) println(io.stderr, result.error.stack);
    }
    progress.tick(result.ok, result.shown);
    progress.redraw();
  };

  let results: JobResult[];
  if (jobs.length === 1 && unmatched.length === 0) {
    // One profile: run in this thread; a worker would only add its start-up time.
    results = [await runJob(jobs[0] as Job)];
    report(results[0] as JobResult);
  } else {
    watchDirectory(outDir);
    const size = poolSize(jobs.length, jobsFlag);
    results = await runPool(jobs, report, jobsFlag === undefined ? undefined : size);
    progress.end();
    const failed = results.filter((r) => !r.ok);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const summary = `${results.length - failed.length} of ${results.length} profiles generated in ${seconds} s`;
    if (failed.length === 0 && unmatched.length === 0) {
      if (!values.quiet) println(io.stdout, summary);
    } else {
      println(io.stderr, `${summary}; failed: ${[...failed.map((f) => f.shown), ...unmatched].join(", ")}`);
    }
  }
  return results.every((r) => r.ok) && unmatched.length === 0 ? EXIT.ok : EXIT.invalid;
}
