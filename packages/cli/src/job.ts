import { resolve } from "node:path";
import { isFairtenderError } from "@fairtender/core";
import { InputError } from "./errors.js";
import { loadProfile, shownPath } from "./profile.js";
import { type RenderOptions, renderProfile, writeOutputs } from "./render.js";

/** One profile to generate: plain data, so it can cross to a worker thread. */
export interface Job {
  /** The profile path as given. */
  file: string;
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
  /** Files written (absolute paths). */
  written: string[];
  /** Selection warnings, as `code: message`. */
  warnings: string[];
  /** Why it failed, for people. */
  error?: { message: string; problems: string[]; stack?: string };
  /** Milliseconds spent. */
  ms: number;
}

/** Turns anything thrown into a message for people (and the stack only with `--debug`). */
export function describeError(error: unknown, debug: boolean): NonNullable<JobResult["error"]> {
  if (error instanceof InputError || (error as { name?: string })?.name === "InputError") {
    const e = error as InputError;
    // With --debug, the stack of what went wrong underneath (a file-system error, say).
    const cause = e.cause instanceof Error ? e.cause : undefined;
    return {
      message: e.message,
      problems: [...(e.problems ?? [])],
      ...(debug && cause?.stack ? { stack: cause.stack } : {}),
    };
  }
  if (isFairtenderError(error)) {
    const problems = error.issues.map((i) => i.message);
    const first = error.message.split("\n")[0] ?? error.message;
    return {
      message: problems.length > 0 ? first.replace(/:$/, "") : error.message,
      problems,
      ...(debug && error.stack ? { stack: error.stack } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `unexpected error: ${message}`,
    problems: [],
    ...(debug && error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}

/** Loads, selects, renders and writes one profile. Never throws: failures are in the result. */
export async function runJob(job: Job): Promise<JobResult> {
  const started = performance.now();
  const shown = shownPath(resolve(job.cwd, job.file), job.cwd);
  try {
    const loaded = await loadProfile(job.file, job.cwd);
    const { selection, outputs } = await renderProfile(loaded.profile, job.options);
    const written = await writeOutputs(resolve(job.cwd, job.outDir), loaded.name, outputs);
    return {
      file: job.file,
      shown,
      ok: true,
      written,
      warnings: selection.warnings.map((w) => `${w.code}: ${w.message}`),
      ms: performance.now() - started,
    };
  } catch (error) {
    const described = describeError(error, job.debug);
    return {
      file: job.file,
      shown,
      ok: false,
      written: [],
      warnings: [],
      error: {
        ...described,
        message: described.message.startsWith(shown) ? described.message : `${shown}: ${described.message}`,
      },
      ms: performance.now() - started,
    };
  }
}
