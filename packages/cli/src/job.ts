import { resolve } from "node:path";
import { isFairtenderError } from "@fairtender/core";
import type { Staged } from "./atomic.js";
import { InputError, type ProblemData } from "./errors.js";
import { loadProfile, STDIN_NAME, shownPath } from "./profile.js";
import { type RenderOptions, renderProfile, stageOutputs } from "./render.js";

/** One profile to generate: plain data, so it can cross to a worker thread. */
export interface Job {
  /** The profile path as given (`-` for standard input). */
  file: string;
  /** The profile's text, when it was read already (from standard input). */
  text?: string;
  cwd: string;
  outDir: string;
  options: RenderOptions;
  debug: boolean;
}

/** What happened to one profile. */
export interface JobResult {
  file: string;
  /** The path to show. */
  shown: string;
  ok: boolean;
  /** Files written (absolute paths), once the staged set was committed. */
  written: string[];
  /** The set of files written to temporary names, for the main thread to rename into place together. */
  staged: Staged[];
  /** Stale temporary files of killed runs removed from the output directory. */
  stale: string[];
  /** The bytes of each output (only for `-o -`, which writes to standard output instead of files). */
  data?: (string | Uint8Array)[];
  /** Selection warnings. */
  warnings: { code: string; message: string }[];
  /** Why it failed. */
  error?: JobError;
  /** Milliseconds spent. */
  ms: number;
}

/** Why a profile failed: for people (`message`, `problems`) and as data (`issues`, with line and column). */
export interface JobError {
  message: string;
  problems: string[];
  issues: ProblemData[];
  stack?: string;
}

/** Turns anything thrown into a message for people (and the stack only with `--debug`). */
export function describeError(error: unknown, debug: boolean): JobError {
  if (error instanceof InputError || (error as { name?: string })?.name === "InputError") {
    const e = error as InputError;
    // With --debug, the stack of what went wrong underneath (a file-system error, say).
    const cause = e.cause instanceof Error ? e.cause : undefined;
    return {
      message: e.message,
      problems: [...(e.problems ?? [])],
      issues: [...(e.issues ?? [])],
      ...(debug && cause?.stack ? { stack: cause.stack } : {}),
    };
  }
  if (isFairtenderError(error)) {
    const problems = error.issues.map((i) => i.message);
    const first = error.message.split("\n")[0] ?? error.message;
    return {
      message: problems.length > 0 ? first.replace(/:$/, "") : error.message,
      problems,
      issues: [...error.issues],
      ...(debug && error.stack ? { stack: error.stack } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `unexpected error: ${message}`,
    problems: [],
    issues: [],
    ...(debug && error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}

/**
 * Loads, selects and renders one profile, and writes its outputs to temporary files (see
 * {@link stageOutputs}); the caller renames them into place as a set (`commitOutputs`) — in the main
 * thread, so that an interrupt never falls in the middle of a set. With `toStdout` nothing is written:
 * the outputs are returned in `data`. Never throws: failures are in the result.
 */
export async function runJob(job: Job, toStdout = false): Promise<JobResult> {
  const started = performance.now();
  const shown = job.file === "-" ? STDIN_NAME : shownPath(resolve(job.cwd, job.file), job.cwd);
  try {
    const loaded = await loadProfile(job.file, job.cwd, job.text);
    const { selection, outputs } = await renderProfile(loaded.profile, job.options);
    const { staged, stale } = toStdout
      ? { staged: [], stale: [] }
      : await stageOutputs(resolve(job.cwd, job.outDir), loaded.name, outputs);
    return {
      file: job.file,
      shown,
      ok: true,
      written: [],
      staged,
      stale,
      ...(toStdout ? { data: [...outputs.values()] } : {}),
      warnings: selection.warnings.map((w) => ({ code: w.code, message: w.message })),
      ms: performance.now() - started,
    };
  } catch (error) {
    const described = describeError(error, job.debug);
    return failedJob(job, shown, described, performance.now() - started);
  }
}

/** The result of a job that failed. */
export function failedJob(job: Pick<Job, "file">, shown: string, error: JobError, ms = 0): JobResult {
  return {
    file: job.file,
    shown,
    ok: false,
    written: [],
    staged: [],
    stale: [],
    warnings: [],
    error: { ...error, message: error.message.startsWith(shown) ? error.message : `${shown}: ${error.message}` },
    ms,
  };
}
