import { readFile } from "node:fs/promises";
import { basename, extname, relative, resolve } from "node:path";
import { builtinLibrary, type Issue, safeParseProfile, type TenderProfile } from "@fairtender/core";
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
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

/** Line and column (1-based) of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Where the value at `keys` is written (or the nearest enclosing value that exists). */
function locate(
  doc: Document,
  counter: LineCounter,
  keys: Issue["path"],
): { line: number; column: number } | undefined {
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) {
      const p = counter.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  }
  return undefined;
}

function syntaxError(shown: string, problems: ProblemData[]): InputError {
  return new InputError(
    `${shown}: cannot be read`,
    problems.map((p) => (p.line ? `line ${p.line}, column ${p.column}: ${p.message}` : p.message)),
    problems,
  );
}

/**
 * Parses a profile's text (YAML or JSON, by extension; YAML when unknown) without validating it.
 * Syntax errors name line and column.
 */
export function parseProfileText(text: string, file: string): { data: unknown; doc: Document; counter: LineCounter } {
  const shown = file;
  const isJson = extname(file).toLowerCase() === ".json";
  if (isJson) {
    try {
      JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      const where = at ? position(text, Number(at[1])) : undefined;
      const what = message.replace(/ in JSON at position \d+.*$/s, "").replace(/^JSON\.parse: /, "");
      throw syntaxError(shown, [fileProblem("invalid-json", `invalid JSON: ${what}`, where)]);
    }
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw syntaxError(
      shown,
      doc.errors.map((e) => {
        const p = counter.linePos(e.pos[0]);
        const first = e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? e.message;
        return fileProblem(
          isJson ? "invalid-json" : "invalid-yaml",
          `${isJson ? "invalid JSON" : "invalid YAML"}: ${first}`,
          {
            line: p.line,
            column: p.col,
          },
        );
      }),
    );
  }
  return { data: doc.toJS({ maxAliasCount: 100 }), doc, counter };
}

/**
 * Validates profile text: every problem, each with the line and column where it is written.
 * Throws `InputError` for a syntax error or an invalid profile.
 */
export function checkProfileText(text: string, file: string): TenderProfile {
  const { data, doc, counter } = parseProfileText(text, file);
  if (data === null || data === undefined) {
    const message = "expected a tender profile (run `fairtender init` for an example)";
    throw new InputError(`${file}: is empty`, [message], [fileProblem("empty-file", message)]);
  }
  // Checked against the built-in library, as `select` and `generate` will: an unknown jurisdiction or
  // regime id is a problem of the profile file, with its line.
  const result = safeParseProfile(data, { library: builtinLibrary() });
  if (result.success) return result.data;
  const issues: ProblemData[] = result.error.issues.map((issue) => ({
    ...issue,
    ...locate(doc, counter, issue.path),
  }));
  const head = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  throw new InputError(
    `${file}: the tender profile has ${head}`,
    issues.map((i) => (i.line ? `line ${i.line}, column ${i.column}: ${i.message}` : i.message)),
    issues,
  );
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
