import * as z from "zod";
import { FairtenderError, formatPath, type Issue, type IssueCode, type SafeResult } from "../errors.js";

/**
 * The limits on a tender profile, checked before any other work (schema validation, selection,
 * rendering), so that whoever embeds Fairtender does a bounded amount of work on any input:
 *
 * - `profileBytes`: the largest profile, in bytes of UTF-8: the text of a profile read from a file
 *   or a request (see {@link checkProfileText}), or a profile object written as JSON.
 * - `textLength`: the longest text value (and field name), in characters (UTF-16 code units).
 * - `arrayLength`: the longest list.
 * - `objectFields`: the most fields one object may have.
 * - `depth`: the deepest nesting of objects and lists (the profile itself is depth 1).
 *
 * The defaults ({@link DEFAULT_LIMITS}) are far above any real tender; a library caller who knows
 * better passes their own, e.g. `select(profile, { limits: { textLength: 50_000 } })`.
 */
export const Limits = z
  .object({
    profileBytes: z.number().int().positive(),
    textLength: z.number().int().positive(),
    arrayLength: z.number().int().positive(),
    objectFields: z.number().int().positive(),
    depth: z.number().int().positive(),
  })
  .strict()
  .meta({ id: "Limits", description: "Limits on a tender profile (bytes, text length, list length, fields, depth)" });
/** The limits on a tender profile (see {@link DEFAULT_LIMITS}). */
export type Limits = z.infer<typeof Limits>;

/**
 * The default limits: 1 MiB of profile, text values of 10,000 characters, lists of 1,000 items,
 * objects of 200 fields and nesting 32 deep. A real profile is a few kilobytes, a title a few
 * hundred characters, and the deepest field (`procurement.value.amount`) is at depth 3.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  profileBytes: 1_048_576,
  textLength: 10_000,
  arrayLength: 1_000,
  objectFields: 200,
  depth: 32,
});

const PartialLimits = Limits.partial().strict();

/**
 * The limits to check with: {@link DEFAULT_LIMITS} with the caller's own on top. Throws
 * `invalid-options` naming the option for a limit that is not a positive whole number or not a limit.
 */
export function resolveLimits(own: unknown, where = "options.limits"): Limits {
  if (own === undefined) return DEFAULT_LIMITS;
  const parsed = PartialLimits.safeParse(own);
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((zi) => {
      const key = zi.code === "unrecognized_keys" ? zi.keys[0] : zi.path[0];
      const path = ["options", "limits", ...(key === undefined ? [] : [String(key)])];
      const received = key === undefined ? own : (own as Record<string, unknown>)[String(key)];
      const text =
        zi.code === "unrecognized_keys"
          ? `is not a limit (expected ${Object.keys(Limits.shape).join(", ")})`
          : "must be a positive whole number";
      return {
        code: zi.code === "unrecognized_keys" ? "unknown-option" : "invalid-value",
        path,
        ...(zi.code === "unrecognized_keys" ? { received: key } : received === undefined ? {} : { received }),
        expected:
          zi.code === "unrecognized_keys"
            ? `one of ${Object.keys(Limits.shape).join(", ")}`
            : "a positive whole number",
        message: `${where}${key === undefined ? "" : `.${String(key)}`}: ${text}`,
      };
    });
    throw new FairtenderError(
      "invalid-options",
      `The limits are wrong:\n${issues.map((i) => `  - ${i.message}`).join("\n")}`,
      { issues },
    );
  }
  const out = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) out[key as keyof Limits] = value;
  return out;
}

/** Writes a count for people: 1048576 → "1,048,576" (the same in every locale). */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function limitIssue(
  code: IssueCode,
  path: (string | number)[],
  text: string,
  received: number,
  expected: string,
): Issue {
  return { code, path, received, expected, message: `${formatPath(path) || "(input)"}: ${text}` };
}

/** The bytes of a text in UTF-8, counted without encoding it (isomorphic: no `Buffer`). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function bytesIssue(bytes: number, limits: Limits, what: string): Issue {
  return limitIssue(
    "too-large",
    [],
    `${what} is larger than the limit of ${count(limits.profileBytes)} bytes (limits.profileBytes)`,
    bytes,
    `at most ${count(limits.profileBytes)} bytes`,
  );
}

/**
 * Checks the size of a profile's text (YAML or JSON, as read from a file or a request) before it is
 * parsed: more than `limits.profileBytes` bytes of UTF-8 is a `too-large` issue. Cheap: the text is
 * counted, not copied.
 */
export function profileTextIssues(text: string, limits: Limits = DEFAULT_LIMITS): Issue[] {
  // Every UTF-16 code unit is at most 3 bytes of UTF-8: a short text needs no count.
  if (text.length * 3 <= limits.profileBytes) return [];
  const bytes = utf8Bytes(text);
  return bytes > limits.profileBytes ? [bytesIssue(bytes, limits, `the profile text (${count(bytes)} bytes)`)] : [];
}

/**
 * Checks the text of a tender profile against the limits before it is parsed, and returns it, or an
 * `invalid-profile` error whose issue (`too-large`) gives the size received and the limit.
 *
 * @param text The profile as read (YAML or JSON).
 * @param options `limits`: your own limits on top of {@link DEFAULT_LIMITS}.
 * @throws FairtenderError `invalid-options` for limits that are not positive whole numbers.
 */
export function checkProfileText(text: string, options: { limits?: Partial<Limits> } = {}): SafeResult<string> {
  const issues = profileTextIssues(text, resolveLimits(options.limits));
  if (issues.length === 0) return { success: true, data: text };
  return {
    success: false,
    error: new FairtenderError("invalid-profile", `The tender profile has 1 problem:\n  - ${issues[0]?.message}`, {
      issues,
    }),
  };
}

/** The most limit issues one input reports (each one names its field; the rest are alike). */
const MOST_ISSUES = 20;

/**
 * The problems of a profile object with the limits, found in one walk that stops as soon as the
 * input is too large: the profile's size written as JSON (bytes of UTF-8, counted as it goes), each
 * text's length, each list's length, each object's number of fields and the nesting depth. An
 * over-long list or object is not looked into, so the work is bounded by the limits, not by the
 * input. Returns no issues for a profile within the limits (most of them). When the size is over
 * the limit, the walk stops: the issues found so far come first, then the `too-large` one.
 */
export function limitIssues(input: unknown, limits: Limits = DEFAULT_LIMITS): Issue[] {
  const out: Issue[] = [];
  let bytes = 0;
  // Depth-first, in document order: each frame is a value, its path and its depth.
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [{ value: input, path: [], depth: 1 }];
  while (stack.length > 0 && out.length < MOST_ISSUES) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: (string | number)[]; depth: number };
    if (typeof value === "string") {
      // A text longer than the whole budget is too large whatever its bytes: it is not counted.
      bytes += 2 + (value.length > limits.profileBytes ? value.length : utf8Bytes(value));
      if (value.length > limits.textLength) {
        out.push(
          limitIssue(
            "too-long",
            path,
            `text of ${count(value.length)} characters is longer than the limit of ${count(limits.textLength)} (limits.textLength)`,
            value.length,
            `at most ${count(limits.textLength)} characters`,
          ),
        );
      }
    } else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
      bytes += String(value).length;
    } else if (value === null || value === undefined) {
      bytes += 4;
    } else if (typeof value === "object") {
      if (depth > limits.depth) {
        out.push(
          limitIssue(
            "too-deep",
            path,
            `nests deeper than the limit of ${count(limits.depth)} levels (limits.depth)`,
            depth,
            `at most ${count(limits.depth)} levels of nesting`,
          ),
        );
        continue;
      }
      const children: { value: unknown; path: (string | number)[]; depth: number }[] = [];
      if (Array.isArray(value)) {
        bytes += 2 + Math.max(0, value.length - 1);
        if (value.length > limits.arrayLength) {
          out.push(
            limitIssue(
              "too-many",
              path,
              `a list of ${count(value.length)} items is longer than the limit of ${count(limits.arrayLength)} (limits.arrayLength)`,
              value.length,
              `at most ${count(limits.arrayLength)} items`,
            ),
          );
          continue;
        }
        for (let i = 0; i < value.length; i++) children.push({ value: value[i], path: [...path, i], depth: depth + 1 });
      } else {
        let fields = 0;
        bytes += 2;
        for (const key in value) {
          if (!Object.hasOwn(value, key)) continue;
          fields += 1;
          if (fields > limits.objectFields) break;
          bytes += 3 + key.length;
          if (key.length > limits.textLength) {
            out.push(
              limitIssue(
                "too-long",
                path,
                `a field name of ${count(key.length)} characters is longer than the limit of ${count(limits.textLength)} (limits.textLength)`,
                key.length,
                `field names of at most ${count(limits.textLength)} characters`,
              ),
            );
            continue;
          }
          children.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
        }
        if (fields > limits.objectFields) {
          out.push(
            limitIssue(
              "too-many",
              path,
              `an object of more than ${count(limits.objectFields)} fields is over the limit (limits.objectFields)`,
              fields,
              `at most ${count(limits.objectFields)} fields`,
            ),
          );
          continue;
        }
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as (typeof children)[number]);
    }
    if (bytes > limits.profileBytes) {
      // The rest would only add to the size: stop here.
      return [...out, bytesIssue(bytes, limits, `the profile (more than ${count(bytes)} bytes written as JSON)`)];
    }
  }
  return out;
}
