import type { z } from "zod";
import { formatPath, type Issue, type IssueCode, type IssuePath } from "../errors.js";
import { showInvisible } from "../text.js";
import { suggest } from "./suggest.js";

export { formatPath };

type Path = readonly PropertyKey[];

/** A zod path as an issue path (symbol keys, which no Fairtender schema has, are written as text). */
function issuePath(path: Path): IssuePath {
  return path.map((k) => (typeof k === "number" ? k : String(k)));
}

/** How a path is written at the start of a message: `(input)` (or `empty`) for the whole input. */
function where(path: Path, empty = "(input)"): string {
  return formatPath(path) || empty;
}

/**
 * An issue at `path`; its message is the path as people read it followed by `text`
 * (`procurement.sectors[1]: "cleanng" is not a known sector`).
 */
export function issueAt(
  code: IssueCode,
  path: Path,
  text: string,
  details: { received?: unknown; expected?: string | undefined } = {},
  empty?: string,
): Issue {
  return {
    code,
    path: issuePath(path),
    ...(details.received === undefined ? {} : { received: details.received }),
    ...(details.expected === undefined ? {} : { expected: details.expected }),
    message: `${where(path, empty)}: ${text}`,
  };
}

/** What an issue says without the path in front of it: `"cleanng" is not a known sector`. */
export function issueText(issue: Issue): string {
  for (const shown of [formatPath(issue.path), "(input)", "(clause)"]) {
    if (shown && issue.message.startsWith(`${shown}: `)) return issue.message.slice(shown.length + 2);
  }
  return issue.message;
}

/**
 * The same issue at another path (`[...prefix, ...issue.path.slice(drop)]`), its message written
 * for the new path; `lead` goes before the text (`clause "x" `), `empty` names the root.
 */
export function moveIssue(
  issue: Issue,
  move: { drop?: number; prefix?: IssuePath; lead?: string; empty?: string },
): Issue {
  const path = [...(move.prefix ?? []), ...issue.path.slice(move.drop ?? 0)];
  return { ...issue, path, message: `${where(path, move.empty)}: ${move.lead ?? ""}${issueText(issue)}` };
}

function valueAt(root: unknown, path: Path): { found: boolean; value?: unknown } {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, key as PropertyKey)) return { found: false };
    cur = (cur as Record<PropertyKey, unknown>)[key as PropertyKey];
  }
  return { found: true, value: cur };
}

/** A short, safe rendering of a received value for a message (long strings are cut). */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const s = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return showInvisible(JSON.stringify(s));
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  return typeof value;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}

const expectedNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  record: "an object",
};

/** `one of "a", "b", "c"`, cut after `limit` values with `...`. */
function oneOf(values: readonly unknown[], limit = 8): string {
  const shown = values.map((v) => JSON.stringify(v));
  return `one of ${shown.length > limit ? `${shown.slice(0, limit).join(", ")}, ...` : shown.join(", ")}`;
}

/** Candidates for "did you mean", keyed by the last named field of the path. */
export type SuggestionSource = (path: Path, value: unknown) => readonly string[] | undefined;

/** The issue code and expected phrase a refinement declares with `params: { code, expected }`. */
function declared(issue: z.core.$ZodIssue): { code?: IssueCode; expected?: string } {
  const params = issue.code === "custom" ? (issue.params as { code?: IssueCode; expected?: string } | undefined) : {};
  return params ?? {};
}

/**
 * What a format check expected. Format messages of the schemas are written `expected <what>`; any
 * other message leaves the pattern as the expectation.
 */
function formatExpected(issue: z.core.$ZodIssue): string | undefined {
  if (issue.message.startsWith("expected ")) return issue.message.slice("expected ".length);
  if (issue.code === "invalid_format" && "pattern" in issue && typeof issue.pattern === "string") {
    return `text matching ${issue.pattern}`;
  }
  return undefined;
}

/**
 * Turns zod's issues into problems people can act on, and programs can read: each has a stable
 * `code` (see `ISSUE_CODES`), the path as zod gives it, the value received and what was expected,
 * and a message naming all of them, with a "did you mean" where a close candidate exists.
 */
export function toIssues(
  error: z.ZodError,
  input: unknown,
  options: { schema?: z.ZodType; candidatesFor?: SuggestionSource } = {},
): Issue[] {
  const { schema, candidatesFor } = options;
  const out: Issue[] = [];
  for (const issue of error.issues) {
    const path = issue.path;
    const at = valueAt(input, path);
    const received = at.found ? at.value : undefined;
    const withHint = (text: string, value: unknown): string => {
      if (typeof value !== "string") return text;
      const candidates = candidatesFor?.(path, value);
      if (!candidates) return text;
      const hits = suggest(value, candidates);
      return hits.length ? `${text} (did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?)` : text;
    };
    switch (issue.code) {
      case "invalid_type": {
        // Zod says "number" for Infinity and NaN, which are numbers: the schema wants a finite one.
        const notFinite = issue.expected === "number" && typeof received === "number" && !Number.isFinite(received);
        const expected = notFinite ? "a finite number" : (expectedNames[issue.expected] ?? issue.expected);
        out.push(
          at.found && received !== undefined
            ? issueAt(
                "invalid-type",
                path,
                notFinite
                  ? `${describeValue(received)} is not a finite number, expected ${expected}`
                  : `${describeValue(received)} is ${typeName(received)}, expected ${expected}`,
                {
                  received,
                  expected,
                },
              )
            : issueAt("missing", path, `is required (expected ${expected})`, { expected }),
        );
        break;
      }
      case "unrecognized_keys": {
        const siblings = keysAt(schema, path);
        for (const key of issue.keys) {
          const hint = suggest(key, siblings);
          out.push(
            issueAt(
              "unknown-field",
              [...path, key],
              `unknown field${hint.length ? ` (did you mean ${hint.map((h) => JSON.stringify(h)).join(" or ")}?)` : ""}`,
              { received: key, expected: siblings.length ? oneOf(siblings, Number.POSITIVE_INFINITY) : undefined },
            ),
          );
        }
        break;
      }
      case "invalid_value": {
        const expected = oneOf(issue.values);
        const text = issue.message.startsWith("Invalid option")
          ? `${describeValue(received)} is not allowed (expected ${expected})`
          : `${describeValue(received)} ${issue.message}`;
        out.push(issueAt("unknown-value", path, withHint(text, received), { received, expected }));
        break;
      }
      case "too_small":
      case "too_big": {
        const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
        const word = issue.code === "too_small" ? "at least" : "at most";
        const expected =
          issue.origin === "string"
            ? `${word} ${String(bound)} character${Number(bound) === 1 ? "" : "s"}`
            : issue.origin === "array"
              ? `${word} ${String(bound)} item${Number(bound) === 1 ? "" : "s"}`
              : `${issue.code === "too_small" ? (issue.inclusive ? "at least" : "more than") : issue.inclusive ? "at most" : "less than"} ${String(bound)}`;
        const custom = issue.message && !issue.message.startsWith("Too ") ? ` (${issue.message})` : "";
        out.push(
          issueAt(
            issue.code === "too_small" ? "too-small" : "too-big",
            path,
            `${describeValue(received)} is not allowed, expected ${expected}${custom}`,
            { received, expected },
          ),
        );
        break;
      }
      case "invalid_key": {
        const key = path[path.length - 1];
        const inner = issue.issues[0];
        const text = `the key ${JSON.stringify(String(key))} ${inner?.message ?? "is not an allowed key"}`;
        out.push(
          issueAt("invalid-key", path, text, {
            received: key,
            expected: inner && (declared(inner).expected ?? formatExpected(inner)),
          }),
        );
        break;
      }
      case "invalid_union": {
        out.push(
          issueAt("invalid-union", path, `${describeValue(received)} does not match any allowed form`, { received }),
        );
        break;
      }
      default: {
        // invalid_format, custom refinements...: the schema's own message says what was expected.
        const own = declared(issue);
        const code = own.code ?? (issue.code === "invalid_format" ? "invalid-format" : "invalid-value");
        const expected = own.expected ?? formatExpected(issue);
        const text = withHint(`${describeValue(received)} ${issue.message}`, received);
        out.push(issueAt(code, path, text, { received, expected }));
      }
    }
  }
  return out;
}

type AnyDef = {
  type: string;
  shape?: Record<string, { _zod: { def: AnyDef } }>;
  innerType?: { _zod: { def: AnyDef } };
  element?: { _zod: { def: AnyDef } };
  in?: { _zod: { def: AnyDef } };
};

/** The field names an object schema accepts at `path`, for "did you mean" on unknown fields. */
function keysAt(schema: z.ZodType | undefined, path: Path): string[] {
  if (!schema) return [];
  let def = (schema as unknown as { _zod: { def: AnyDef } })._zod.def;
  const unwrap = () => {
    while (def.innerType || (def.type === "pipe" && def.in)) def = (def.innerType ?? def.in)!._zod.def;
  };
  unwrap();
  for (const key of path) {
    if (def.type === "object" && typeof key === "string" && def.shape?.[key]) def = def.shape[key]._zod.def;
    else if (def.type === "array" && typeof key === "number" && def.element) def = def.element._zod.def;
    else return [];
    unwrap();
  }
  return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
}
