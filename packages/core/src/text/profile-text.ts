import { LineCounter, parseDocument } from "yaml";
import { FairtenderError, type Issue } from "../errors.js";
import type { TenderProfile } from "../model/profile.js";
import { type ParseProfileOptions, safeParseProfile } from "../validate/profile.js";
import { DocumentIndex } from "./document.js";

/** The two ways a profile is written. */
export type ProfileTextFormat = "yaml" | "json";

/** Options of {@link safeParseProfileText}: where the text comes from, its bounds, and those of {@link safeParseProfile}. */
export interface ParseProfileTextOptions extends ParseProfileOptions {
  /** `yaml` (the default) or `json`; when absent, `json` for a `filename` ending `.json`. */
  format?: ProfileTextFormat;
  /** Names the text in the error message (`tender.yaml has 2 problems:`); never read. */
  filename?: string;
  /**
   * The most problems reported (default {@link DEFAULT_TEXT_LIMITS}`.problems`, 100); past it one
   * last issue, code `too-many-problems`, says how many more were found (its `received`).
   */
  maxProblems?: number;
  /** The deepest nesting of lists and mappings read (default 32; a tender profile needs 4). */
  maxDepth?: number;
  /** YAML aliases (`*name`) may expand to at most this many values (default 100): bounds an alias bomb. */
  maxAliases?: number;
}

/** The defaults of the bounds of {@link ParseProfileTextOptions}. */
export const DEFAULT_TEXT_LIMITS = Object.freeze({ problems: 100, depth: 32, aliases: 100 });

/** An issue of a profile's text: a core {@link Issue} and, when known, where it is written. */
export interface TextIssue extends Issue {
  /** 1-based line where the value (or the problem) is written. */
  line?: number;
  /** 1-based column where the value (or the problem) is written. */
  column?: number;
}

/** The error of {@link safeParseProfileText}: code `invalid-profile`, its issues located in the text. */
export interface ProfileTextError extends FairtenderError {
  readonly issues: readonly TextIssue[];
}

/** The result of {@link safeParseProfileText}. */
export type ProfileTextResult = { success: true; data: TenderProfile } | { success: false; error: ProfileTextError };

/**
 * The issue codes that mean the text could not be read as a profile at all (rather than a profile
 * with wrong fields): a syntax error, an empty text, an unknown tag, an alias bomb, too deep nesting,
 * a key that is not plain text.
 */
export const TEXT_ISSUE_CODES: readonly string[] = Object.freeze([
  "invalid-yaml",
  "invalid-json",
  "empty-document",
  "unknown-tag",
  "too-many-aliases",
  "nested-too-deeply",
  "invalid-key",
]);

/** Line and column (1-based) of a character offset, by one scan (used once, for a JSON syntax error). */
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

/**
 * The offset of the first `[` or `{` nested deeper than `max` in JSON text (outside strings), in
 * one pass; `undefined` when none is.
 */
function jsonTooDeep(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

function textIssue(code: string, message: string, at?: { line: number; column: number }): TextIssue {
  return { code, path: [], message, ...(at ? { line: at.line, column: at.column } : {}) };
}

/** The first `max` issues, then one issue saying how many more there are. */
function capped(issues: readonly TextIssue[], max: number): TextIssue[] {
  const shown = issues.slice(0, Math.max(0, max));
  const more = issues.length - shown.length;
  if (more <= 0) return shown;
  return [
    ...shown,
    {
      code: "too-many-problems",
      path: [],
      received: more,
      message: `and ${more} more problem${more === 1 ? "" : "s"} (only the first ${shown.length} are listed)`,
    },
  ];
}

function failure(
  subject: string,
  issues: readonly TextIssue[],
  max: number,
): { success: false; error: ProfileTextError } {
  const shown = capped(issues, max);
  const total = issues.length;
  const lines = shown.map(
    (i) => `  - ${i.line === undefined ? "" : `line ${i.line}, column ${i.column}: `}${i.message}`,
  );
  const head = total === 1 ? "1 problem" : `${total} problems`;
  const error = new FairtenderError("invalid-profile", `${subject} has ${head}:\n${lines.join("\n")}`, {
    issues: shown,
  }) as ProfileTextError;
  return { success: false, error };
}

/**
 * Reads a tender profile written as YAML or JSON text and validates it, like
 * {@link safeParseProfile} but with every problem located where it is written: its `line` and
 * `column` (1-based), e.g. `line 17, column 16: procurement.startDate: "2026-02-30" is not a real
 * calendar date`. A syntax error, an empty text, a YAML tag other than the core schema's
 * (`!!js/function`), an alias bomb and nesting deeper than `maxDepth` are problems too, each with its
 * own code (see {@link TEXT_ISSUE_CODES}). Locating costs one pass over the text however many
 * problems there are, and at most `maxProblems` are reported. Nothing is read from disk.
 *
 * @param text - The profile's text.
 * @param options - The format, a file name for messages, bounds, and the options of {@link safeParseProfile}.
 * @returns The profile with defaults applied, or a `FairtenderError` (code `invalid-profile`) whose issues carry positions.
 * @example
 * ```ts
 * import { safeParseProfileText } from "@fairtender/core/text";
 * const result = safeParseProfileText(yamlText, { filename: "tender.yaml" });
 * if (!result.success) for (const i of result.error.issues) console.log(`${i.line}:${i.column} ${i.message}`);
 * ```
 */
export function safeParseProfileText(text: string, options: ParseProfileTextOptions = {}): ProfileTextResult {
  const { format, filename, maxProblems, maxDepth, maxAliases, ...parseOptions } = options;
  const json = format ? format === "json" : /\.json$/i.test(filename ?? "");
  const max = maxProblems ?? DEFAULT_TEXT_LIMITS.problems;
  const depth = maxDepth ?? DEFAULT_TEXT_LIMITS.depth;
  const aliases = maxAliases ?? DEFAULT_TEXT_LIMITS.aliases;
  const subject = filename ?? "The tender profile";
  const syntaxCode = json ? "invalid-json" : "invalid-yaml";
  const syntaxLabel = json ? "invalid JSON" : "invalid YAML";
  if (typeof text !== "string") {
    return failure(subject, [textIssue(syntaxCode, `${syntaxLabel}: expected text, received ${typeof text}`)], max);
  }

  let jsonData: unknown;
  if (json) {
    const deep = jsonTooDeep(text, depth);
    if (deep !== undefined) {
      const message = `the values are nested more than ${depth} levels deep`;
      return failure(subject, [textIssue("nested-too-deeply", message, position(text, deep))], max);
    }
    try {
      jsonData = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      const what = message.replace(/ in JSON at position \d+.*$/s, "").replace(/^JSON\.parse: /, "");
      return failure(
        subject,
        [textIssue("invalid-json", `invalid JSON: ${what}`, at ? position(text, Number(at[1])) : undefined)],
        max,
      );
    }
  }

  const counter = new LineCounter();
  // `uniqueKeys: false`: yaml compares each key with every earlier one (quadratic); the index below
  // finds duplicate keys in one pass instead.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number) => {
    const p = counter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const errors = [...doc.errors, ...doc.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED")];
  // yaml's composer reports nesting deeper than its stack as RESOURCE_EXHAUSTION, once per level it
  // unwinds: one issue says it.
  const exhausted = doc.errors.find((e) => e.code === "RESOURCE_EXHAUSTION");
  if (exhausted) {
    const message = `the values are nested too deeply to be read (more than ${depth} levels)`;
    return failure(subject, [textIssue("nested-too-deeply", message, at(exhausted.pos[0]))], max);
  }
  if (errors.length > 0 && !json) {
    return failure(
      subject,
      errors.map((e) => {
        const first = e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? e.message;
        return textIssue("invalid-yaml", `invalid YAML: ${first}`, at(e.pos[0]));
      }),
      max,
    );
  }
  // JSON that JSON.parse read but yaml does not (a rare corner of the two grammars): the positions
  // of its problems are then unknown, the data is JSON.parse's all the same.
  const index = errors.length > 0 ? undefined : new DocumentIndex(doc, depth);
  if (index && index.problems.length > 0) {
    return failure(
      subject,
      index.problems.map((p) =>
        textIssue(
          p.code === "duplicate-key" ? syntaxCode : p.code,
          p.code === "duplicate-key" ? `${syntaxLabel}: ${p.text}` : p.text,
          at(p.offset),
        ),
      ),
      max,
    );
  }

  let data: unknown = jsonData;
  if (!json) {
    try {
      data = doc.toJS({ maxAliasCount: aliases });
    } catch (error) {
      if (error instanceof ReferenceError && /alias/i.test(error.message)) {
        const message = `too many aliases: the aliases (*name) would expand to more than ${aliases} values; write the values out`;
        const where = index?.firstAlias === undefined ? undefined : at(index.firstAlias);
        return failure(subject, [textIssue("too-many-aliases", message, where)], max);
      }
      throw error;
    }
  }
  if (data === null || data === undefined) {
    return failure(subject, [textIssue("empty-document", "holds no tender profile (only comments or nothing)")], max);
  }

  const result = safeParseProfile(data, parseOptions);
  if (result.success) return result;
  // Every problem located (one lookup per key of its path), then listed in the order of the text:
  // problems of the whole input first, then by line and column, as compilers list them.
  const located = result.error.issues.map((issue) => ({ issue, offset: index?.locate(issue.path) }));
  located.sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1));
  return failure(
    subject,
    located.map(({ issue, offset }): TextIssue => (offset === undefined ? { ...issue } : { ...issue, ...at(offset) })),
    max,
  );
}

/**
 * Like {@link safeParseProfileText}, but returns the profile or throws the `FairtenderError` (code
 * `invalid-profile`) whose issues carry `line` and `column`.
 */
export function parseProfileText(text: string, options: ParseProfileTextOptions = {}): TenderProfile {
  const result = safeParseProfileText(text, options);
  if (!result.success) throw result.error;
  return result.data;
}
