/** Where a command writes: anything with `write(text)`, like `process.stdout`. */
export interface Output {
  /** Writes text, or bytes (a .docx written to standard output with `-o -`). */
  write(text: string | Uint8Array): unknown;
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
  /** Standard input, read by `-` in place of a profile file (absent: empty). */
  stdin?: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** Directory relative paths are resolved against. */
  cwd: string;
}

/** The real process streams and working directory. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() };
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
