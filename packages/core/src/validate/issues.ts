import type { z } from "zod";
import type { Issue } from "../errors.js";
import { suggest } from "./suggest.js";

type Path = readonly PropertyKey[];

/** `procurement.sectors[1]`, `exchangeRates["GBP/USD"]`. */
export function formatPath(path: Path): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
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
    return JSON.stringify(s);
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

/** Candidates for "did you mean", keyed by the last named field of the path. */
export type SuggestionSource = (path: Path, value: unknown) => readonly string[] | undefined;

/**
 * Turns zod's issues into problems people can act on: each names the field path, the value received
 * and what was expected, with a "did you mean" where a close candidate exists.
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
    const where = formatPath(path) || "(input)";
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
        const expected = expectedNames[issue.expected] ?? issue.expected;
        out.push(
          at.found && received !== undefined
            ? {
                path: where,
                received,
                message: `${where}: ${describeValue(received)} is ${typeName(received)}, expected ${expected}`,
              }
            : { path: where, message: `${where}: is required (expected ${expected})` },
        );
        break;
      }
      case "unrecognized_keys": {
        for (const key of issue.keys) {
          const keyPath = formatPath([...path, key]);
          const siblings = keysAt(schema, path);
          const hint = suggest(key, siblings);
          out.push({
            path: keyPath,
            received: key,
            message: `${keyPath}: unknown field${hint.length ? ` (did you mean ${hint.map((h) => JSON.stringify(h)).join(" or ")}?)` : ""}`,
          });
        }
        break;
      }
      case "invalid_value": {
        const allowed = issue.values.map((v) => JSON.stringify(v));
        const list = allowed.length > 8 ? `${allowed.slice(0, 8).join(", ")}, ...` : allowed.join(", ");
        const base = issue.message.startsWith("Invalid option")
          ? `${where}: ${describeValue(received)} is not allowed (expected one of ${list})`
          : `${where}: ${describeValue(received)} ${issue.message}`;
        out.push({ path: where, received, message: withHint(base, received) });
        break;
      }
      case "too_small":
      case "too_big": {
        const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
        const word = issue.code === "too_small" ? "at least" : "at most";
        const what =
          issue.origin === "string"
            ? `${word} ${String(bound)} character${Number(bound) === 1 ? "" : "s"}`
            : issue.origin === "array"
              ? `${word} ${String(bound)} item${Number(bound) === 1 ? "" : "s"}`
              : `${issue.code === "too_small" ? (issue.inclusive ? "at least" : "more than") : issue.inclusive ? "at most" : "less than"} ${String(bound)}`;
        const custom = issue.message && !issue.message.startsWith("Too ") ? ` (${issue.message})` : "";
        out.push({
          path: where,
          received,
          message: `${where}: ${describeValue(received)} is not allowed, expected ${what}${custom}`,
        });
        break;
      }
      case "invalid_key": {
        const key = path[path.length - 1];
        const inner = issue.issues[0]?.message ?? "is not an allowed key";
        out.push({ path: where, received: key, message: `${where}: the key ${JSON.stringify(String(key))} ${inner}` });
        break;
      }
      case "invalid_union": {
        out.push({
          path: where,
          received,
          message: `${where}: ${describeValue(received)} does not match any allowed form`,
        });
        break;
      }
      default: {
        // invalid_format, custom refinements, invalid_key...: the schema's own message says what was expected.
        const msg = issue.message;
        const base = `${where}: ${describeValue(received)} ${msg}`;
        out.push({ path: where, received, message: withHint(base, received) });
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
