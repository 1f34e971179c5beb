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

/** One problem as data, for `--json` output. */
export interface ProblemData {
  /** Field path such as `procurement.sectors[1]`; empty for the whole file. */
  path: string;
  received?: unknown;
  message: string;
  line?: number;
  column?: number;
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
    default:
      return `${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
