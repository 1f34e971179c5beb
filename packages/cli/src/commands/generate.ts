import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { parseCommandArgs, splitList } from "../args.js";
import { watchDirectory } from "../atomic.js";
import { poolSize, runPool } from "../batch.js";
import { describeFsError, EXIT, fileProblem, InputError, type ProblemData, UsageError } from "../errors.js";
import { expandGlobs } from "../glob.js";
import { type Context, println } from "../io.js";
import { describeError, failedJob, type Job, type JobResult, runJob } from "../job.js";
import { problemLines } from "../problems.js";
import { readText, STDIN_OUTPUT_NAME, shownPath } from "../profile.js";
import { Progress } from "../progress.js";
import { commitOutputs, DEFAULT_FORMATS, FORMATS, type Format, type RenderOptions } from "../render.js";
import { suggest } from "../suggest.js";

export const help = `Usage: fairtender generate <profile...> --out <dir> [options]

Writes, for each tender profile, <dir>/<profile name>.<ext> for every format asked for:
  docx  the tender pack in Word (real numbering and cross-references; restyle with --reference-docx)
  md    the tender pack in Markdown
  html  the tender pack as a standalone HTML page
  json  the Selection (regimes, risk, clauses, exclusions, obligations, warnings; see 'fairtender schema selection')
  csv   the supplier obligations calendar (spreadsheet)
  ics   the supplier obligations calendar (iCalendar, for calendar apps)
Each profile's files are written as a set: all of them to temporary files first, then all renamed
into place together, or none (a full disk, a directory in the way, an interrupt). An existing file is
only ever replaced by a complete new one. Ctrl-C (SIGINT) and SIGTERM remove the temporary files and
stop with status 130 and 143; temporary files left by a killed run are removed by the next one.
With --ocds, <dir>/<profile name>.ocds.json is the OCDS release package (tender.contractTerms,
sustainability, the pack as tender.documents[]) to give back to the procurement system.

Several profiles (or a glob such as 'profiles/*.yaml') run in parallel worker threads (one per CPU).
A profile that fails is reported and the others still run.

Arguments:
  profile...               profile files (YAML or JSON) or glob patterns; - reads one from standard
                           input (its files are named tender.<ext>)

Options:
  -o, --out <dir>          output directory (created if missing); - writes one format of one profile
                           to standard output
  -f, --format <list>      comma-separated formats (default: ${DEFAULT_FORMATS.join(",")}); any of ${FORMATS.join(",")}
  -e, --edition <name>     tender (default: what suppliers receive) or guidance (adds notes for the buyer's team)
      --reference-docx <f> a .docx whose styles (fonts, colours, headings) restyle the Word output
      --date <YYYY-MM-DD>  issue date printed on the pack (default: the contract start date)
  -j, --jobs <n>           worker threads for a batch (default: number of CPUs)
      --ocds               also write <name>.ocds.json, the OCDS release package of the result
      --json               print the result as JSON on stdout: { ok, files, profiles: [{ file, ok,
                           written, warnings: [{ code, message }], error, problems }] }
  -q, --quiet              print only failures
  -h, --help               show this help

Example:
  fairtender generate tender.yaml --out out
  fairtender generate 'profiles/*.yaml' --out out --format docx,json,ics --edition guidance
  cat tender.yaml | fairtender generate - -o - --format md > tender.md

Progress, warnings and errors go to standard error; standard output carries only -o - or --json.
Problems in a profile are printed as file:line:col: message.

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

/** A test hook (not for users): milliseconds to wait with a profile's files staged, before renaming them. */
const PAUSE_BEFORE_COMMIT = "FAIRTENDER_TEST_PAUSE_BEFORE_COMMIT";

/** One profile's entry in `generate --json`. */
interface JsonResult {
  file: string;
  ok: boolean;
  written: string[];
  warnings: { code: string; message: string }[];
  error?: string;
  problems?: ProblemData[];
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
    json: { type: "boolean" },
    ocds: { type: "boolean" },
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
  const toStdout = values.out === "-";
  if (toStdout) {
    if (values.format === undefined || formats.length !== 1) {
      throw new UsageError(
        "-o - writes one format to standard output: name it with --format (e.g. --format md)",
        "generate",
      );
    }
    if (positionals.length !== 1) throw new UsageError("-o - writes one profile: give exactly one", "generate");
    if (values.json) throw new UsageError("--json and -o - both write to standard output: use one", "generate");
    if (values.ocds) throw new UsageError("--ocds writes a second file: use it with --out <dir>, not -o -", "generate");
    if (formats[0] === "docx" && io.stdout.isTTY) {
      throw new UsageError(
        "-o - --format docx would print a binary Word file on the terminal: redirect it (> tender.docx)",
        "generate",
      );
    }
  }
  const stdinArgs = positionals.filter((p) => p === "-").length;
  if (stdinArgs > 1) throw new UsageError("- (standard input) can be given only once", "generate");
  const stdinText = stdinArgs === 1 ? await readText(io.stdin ?? []) : undefined;

  const { files, unmatched } = await expandGlobs(positionals, io.cwd, "generate");
  if (!values.json) for (const pattern of unmatched) println(io.stderr, `error: ${pattern}: no file matches`);
  if (files.length === 0 && !values.json) return EXIT.invalid;

  // Two profiles with the same name would overwrite each other's files.
  const byName = new Map<string, string>();
  for (const file of files) {
    const name = file === "-" ? STDIN_OUTPUT_NAME : basename(file, extname(file));
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
    ...(values.ocds ? { ocds: true } : {}),
  };
  const outDir = resolve(io.cwd, toStdout ? "." : values.out);
  const jobs: Job[] = files.map((file) => ({
    file,
    cwd: io.cwd,
    outDir,
    options,
    debug,
    ...(file === "-" && stdinText !== undefined ? { text: stdinText } : {}),
  }));
  const started = performance.now();
  const progress = new Progress(io.stderr, values.json ? 0 : jobs.length);
  const pause = Number(process.env[PAUSE_BEFORE_COMMIT] ?? 0);

  // Runs in the main thread, one profile at a time: renames a profile's staged files into place as a
  // set. An interrupt (its handler runs on this thread's event loop) falls before or after a set.
  const finish = async (result: JobResult): Promise<void> => {
    if (result.ok && !toStdout) {
      if (pause > 0) {
        println(io.stderr, `${PAUSE_BEFORE_COMMIT}: ${result.staged.length} files staged`);
        await new Promise((r) => setTimeout(r, pause));
      }
      try {
        result.written = commitOutputs(result.staged);
      } catch (error) {
        Object.assign(result, failedJob(result, result.shown, describeError(error, debug), result.ms));
      }
    }
    if (result.stale.length > 0 && !values.quiet) {
      println(io.stderr, `note: removed temporary files left by an interrupted run: ${result.stale.join(", ")}`);
    }
    report(result);
  };

  const report = (result: JobResult) => {
    if (values.json) return;
    progress.clear();
    if (result.ok) {
      if (toStdout) for (const data of result.data ?? []) io.stdout.write(data);
      if (!values.quiet) {
        const written = toStdout ? "standard output" : result.written.map((p) => shownPath(p, io.cwd)).join(", ");
        println(io.stderr, `ok: ${result.shown} → ${written} (${Math.round(result.ms)} ms)`);
        for (const w of result.warnings) println(io.stderr, `  ! ${w.code}: ${w.message}`);
      }
    } else if (result.error) {
      println(io.stderr, `error: ${result.error.message}`);
      for (const line of problemLines(result.shown, result.error.problems, result.error.issues)) {
        println(io.stderr, line);
      }
      if (result.error.stack) println(io.stderr, result.error.stack);
    }
    progress.tick(result.ok, result.shown);
    progress.redraw();
  };

  let results: JobResult[];
  watchDirectory(outDir);
  if (jobs.length === 1 && unmatched.length === 0) {
    // One profile: run in this thread; a worker would only add its start-up time.
    results = [await runJob(jobs[0] as Job, toStdout)];
    await finish(results[0] as JobResult);
  } else if (jobs.length === 0) {
    results = [];
  } else {
    let queue = Promise.resolve();
    const size = poolSize(jobs.length, jobsFlag);
    results = await runPool(
      jobs,
      (result) => {
        queue = queue.then(() => finish(result));
      },
      jobsFlag === undefined ? undefined : size,
    );
    await queue;
    progress.end();
    if (!values.json) {
      const failed = results.filter((r) => !r.ok);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const summary = `${results.length - failed.length} of ${results.length} profiles generated in ${seconds} s`;
      if (failed.length === 0 && unmatched.length === 0) {
        if (!values.quiet) println(io.stderr, summary);
      } else {
        println(io.stderr, `${summary}; failed: ${[...failed.map((f) => f.shown), ...unmatched].join(", ")}`);
      }
    }
  }
  const ok = results.every((r) => r.ok) && unmatched.length === 0;
  if (values.json) {
    const profiles: JsonResult[] = [
      ...results.map((r) => ({
        file: r.shown,
        ok: r.ok,
        written: r.written.map((p) => shownPath(p, io.cwd)),
        warnings: r.warnings,
        ...(r.error ? { error: r.error.message, problems: r.error.issues } : {}),
      })),
      ...unmatched.map((pattern) => ({
        file: pattern,
        ok: false,
        written: [],
        warnings: [],
        error: `${pattern}: no file matches`,
        problems: [fileProblem("no-match", `${pattern}: no file matches`)],
      })),
    ];
    const result = { ok, files: profiles.flatMap((p) => p.written), profiles };
    println(io.stdout, JSON.stringify(result, null, 2));
  }
  return ok ? EXIT.ok : EXIT.invalid;
}
