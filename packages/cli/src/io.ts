/** Where a command writes: anything with `write(text)`, like `process.stdout`. */
export interface Output {
  write(text: string): unknown;
  /** True when the output is a terminal (progress bars, colour). */
  isTTY?: boolean;
  /** Terminal width, when known. */
  columns?: number;
}

/**
 * The outside world of one CLI run. Tests inject their own to capture output; the bin passes the
 * process's streams.
 */
export interface Io {
  stdout: Output;
  stderr: Output;
  /** Directory relative paths are resolved against. */
  cwd: string;
}

/** The real process streams and working directory. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

/** What every command receives. */
export interface Context {
  io: Io;
  /** `--debug`: print stack traces of unexpected errors. */
  debug: boolean;
}

/** Writes one line to an output. */
export function println(out: Output, line = ""): void {
  out.write(`${line}\n`);
}
