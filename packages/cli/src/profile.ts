import { readFile } from "node:fs/promises";
import { basename, extname, relative, resolve } from "node:path";
import { builtinLibrary, type TenderProfile } from "@fairtender/core";
import { safeParseProfileText, TEXT_ISSUE_CODES } from "@fairtender/core/text";
import { describeFsError, fileProblem, InputError, type ProblemData } from "./errors.js";

/** A profile read from disk and validated. */
export interface LoadedProfile {
  /** Absolute path. */
  path: string;
  /** The path as the user should see it (relative to the working directory when inside it). */
  shown: string;
  /** File name without its extension: the base name of every output file. */
  name: string;
  profile: TenderProfile;
}

/** A problem in a profile file, with where it is when known. */
export type LocatedIssue = ProblemData;

/** The path to print for `path`: relative to `cwd` when under it. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !rel.startsWith("/") ? rel : path;
}

/** The CLI's stable code for a problem of core's text entry (`empty-document` is the file's `empty-file`). */
function cliCode(code: string): string {
  return code === "empty-document" ? "empty-file" : code;
}

/** `line 3, column 17: message`, or the message alone when the position is unknown. */
function located(p: ProblemData): string {
  return p.line ? `line ${p.line}, column ${p.column}: ${p.message}` : p.message;
}

/**
 * Validates profile text (YAML or JSON, by extension; YAML when unknown) with core's text entry:
 * every problem (at most 100, then how many more), each with the line and column where it is written.
 * Throws `InputError` for a syntax error or an invalid profile.
 */
export function checkProfileText(text: string, file: string): TenderProfile {
  // Checked against the built-in library, as `select` and `generate` will: an unknown jurisdiction or
  // regime id is a problem of the profile file, with its line.
  const result = safeParseProfileText(text, { filename: file, library: builtinLibrary() });
  if (result.success) return result.data;
  const issues: ProblemData[] = result.error.issues.map((i) => ({ ...i, code: cliCode(i.code) }));
  const first = issues[0];
  if (first?.code === "empty-file") {
    const message = "expected a tender profile (run `fairtender init` for an example)";
    throw new InputError(`${file}: is empty`, [message], [{ ...first, message }]);
  }
  if (issues.some((i) => TEXT_ISSUE_CODES.includes(i.code))) {
    throw new InputError(`${file}: cannot be read`, issues.map(located), issues);
  }
  const more = issues.find((i) => i.code === "too-many-problems");
  const total = issues.length - (more ? 1 : 0) + (typeof more?.received === "number" ? more.received : 0);
  const head = total === 1 ? "1 problem" : `${total} problems`;
  throw new InputError(`${file}: the tender profile has ${head}`, issues.map(located), issues);
}

/** Runs `check`, naming `file` on the input error it throws (for `file:line:col: message` lines). */
function withFile<T>(file: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InputError) error.file = file;
    throw error;
  }
}

/** How a profile read from standard input (`-`) is named in messages. */
export const STDIN_NAME = "<stdin>";
/** The base name of the files written for a profile read from standard input. */
export const STDIN_OUTPUT_NAME = "tender";

/** Reads all of standard input (or any stream) as UTF-8 text. */
export async function readText(
  stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads and validates a profile file (YAML or JSON). `-` is standard input, whose `text` the caller
 * has read already (YAML or JSON, told apart by the parser; named `<stdin>` in messages).
 */
export async function loadProfile(file: string, cwd: string, text?: string): Promise<LoadedProfile> {
  if (file === "-") {
    const profile = withFile(STDIN_NAME, () => checkProfileText(text ?? "", STDIN_NAME));
    return { path: "-", shown: STDIN_NAME, name: STDIN_OUTPUT_NAME, profile };
  }
  const path = resolve(cwd, file);
  const shown = shownPath(path, cwd);
  let content: string;
  try {
    content = text ?? (await readFile(path, "utf8"));
  } catch (error) {
    const message = describeFsError(error, shown);
    throw new InputError(message, [], [fileProblem("unreadable-file", message)]);
  }
  const profile = withFile(shown, () => checkProfileText(content, shown));
  return { path, shown, name: basename(path, extname(path)), profile };
}
