/**
 * The stable error codes of `@fairtender/core`. A code never changes meaning; new codes may be added
 * in a minor release.
 */
export type FairtenderErrorCode =
  | "invalid-profile"
  | "invalid-clause"
  | "invalid-library"
  | "invalid-selection"
  | "unknown-clause"
  | "template-error"
  | "invalid-source"
  | "unsupported-source";

/** One problem found in an input: where, what was there, and what was expected. */
export interface Issue {
  /** Field path such as `procurement.sectors[1]`; empty for the whole input. */
  path: string;
  /** The value found at `path` (absent when the field is missing). */
  received?: unknown;
  /** A complete sentence for people, starting with the path. */
  message: string;
}

/**
 * The one error class of Fairtender. Check `code` (stable) rather than the message; `issues` lists
 * every problem found, not only the first.
 */
export class FairtenderError extends Error {
  override readonly name = "FairtenderError";
  readonly code: FairtenderErrorCode;
  readonly issues: readonly Issue[];

  constructor(code: FairtenderErrorCode, message: string, options?: { issues?: Issue[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options?.issues ?? [];
  }
}

/** True for any `FairtenderError`, also across duplicated copies of the package (checks the name, not the class). */
export function isFairtenderError(value: unknown): value is FairtenderError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { name?: unknown }).name === "FairtenderError" &&
    typeof (value as { code?: unknown }).code === "string"
  );
}

/** The result of a `safe*` function: data, or the error that the throwing twin would throw. */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: FairtenderError };

/**
 * A `FairtenderError` saying `<subject> has N problems:` with one indented line per issue, the
 * same shape for profiles, clauses, libraries and selections. With `shown`, only the first `shown`
 * issues are listed in the message (then how many more); `issues` always holds them all.
 */
export function problemsError(
  code: FairtenderErrorCode,
  subject: string,
  issues: Issue[],
  shown = Number.POSITIVE_INFINITY,
): FairtenderError {
  const head = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  const lines = issues.slice(0, shown).map((i) => `  - ${i.message}`);
  if (issues.length > lines.length) lines.push(`  - … and ${issues.length - lines.length} more`);
  return new FairtenderError(code, `${subject} has ${head}:\n${lines.join("\n")}`, { issues });
}
