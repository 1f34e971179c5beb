import type { Issue } from "@fairtender/core";

/** Exit statuses of `fairtender`: a stable part of its interface. */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** An input (profile, file, reference .docx) is invalid or a profile failed; the message says which. */
  invalid: 1,
  /** The command line itself is wrong: unknown command or flag, missing argument. */
  usage: 2,
} as const;

/** The command line is wrong. Printed with a pointer to `--help`; exit status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command whose help to point at, if any. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** An input problem worth a clear message and no stack trace (a file not found, bad YAML); exit status 1. */
export class InputError extends Error {
  override readonly name = "InputError";
  /** Each problem on its own line, already phrased for people. */
  readonly problems: readonly string[];
  /** The same problems as data (field path, value, position), when they come from a profile. */
  readonly issues: readonly ProblemData[];
  /** The file the problems are in, when they come from one (for `file:line:col: message` lines). */
  file?: string;
  constructor(
    message: string,
    problems: readonly string[] = [],
    issues: readonly ProblemData[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.problems = problems;
    this.issues = issues;
  }
}

/**
 * One problem as data, for `--json` output: a core issue (`code`, `path` as keys and indexes,
 * `received`, `expected`, `message`) and where it is written in the file, when known. Problems with
 * the file itself have an empty `path` and one of the codes of {@link FILE_PROBLEMS}.
 */
export interface ProblemData extends Issue {
  /** 1-based line of the value in the file. */
  line?: number;
  /** 1-based column of the value in the file. */
  column?: number;
}

/** The codes of problems with a profile file itself (rather than with a field of the profile). */
export const FILE_PROBLEMS = {
  /** The file cannot be read: it does not exist, is a directory, or may not be read. */
  "unreadable-file": "the file cannot be read",
  /** The file holds nothing (or only comments). */
  "empty-file": "the file is empty",
  /** The file is not valid YAML. */
  "invalid-yaml": "the file is not valid YAML",
  /** The file is not valid JSON. */
  "invalid-json": "the file is not valid JSON",
  /** A pattern given on the command line matches no file. */
  "no-match": "a pattern matches no file",
} as const;

/** A problem with a profile file itself: no field path. */
export function fileProblem(
  code: keyof typeof FILE_PROBLEMS,
  message: string,
  at: { line?: number | undefined; column?: number | undefined } = {},
): ProblemData {
  return {
    code,
    path: [],
    message,
    ...(at.line === undefined ? {} : { line: at.line }),
    ...(at.column === undefined ? {} : { column: at.column }),
  };
}

/** A readable one-line description of an `fs` error (ENOENT and friends) for a path. */
export function describeFsError(error: unknown, path: string): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "ENOENT":
      return `${path}: no such file`;
    case "EISDIR":
      return `${path}: is a directory, expected a file`;
    case "EACCES":
    case "EPERM":
      return `${path}: permission denied`;
    case "ENOTDIR":
      return `${path}: a part of the path is not a directory`;
    case "ENOSPC":
      return `${path}: no space left on the device`;
    case "EDQUOT":
      return `${path}: disk quota exceeded`;
    case "EFBIG":
      return `${path}: the file is larger than this system allows`;
    case "EROFS":
      return `${path}: the file system is read-only`;
    default:
      return `${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
