/**
 * The stable error codes of `@fairtender/core`. A code never changes meaning; new codes may be added
 * in a minor release.
 *
 * - `invalid-profile`: a tender profile does not match the schema.
 * - `invalid-clause`: one clause fails the schema or a self-check in the context of a library.
 * - `invalid-library`: a library (clauses, definitions, regimes, sources, sectors, parameters, risk
 *   tables) fails the schema or a self-check, or an id clashes with the base library.
 * - `invalid-rule`: a selection rule or one of its conditions (built-in or custom) is wrong.
 * - `invalid-options`: an option passed to a function (`select()`, a renderer) is wrong.
 * - `invalid-selection`: a selection does not match its schema.
 * - `unknown-clause`: no clause with that id.
 * - `template-error`: a template (clause text, renderer partial) cannot be read or filled in.
 * - `invalid-source`: an importer of `@fairtender/adapters` cannot read its input (not OCDS JSON, not
 *   well-formed XML, not an eForms notice, an unknown lot or release).
 * - `unsupported-source`: an importer recognises its input but does not read it (an eForms notice of
 *   an SDK version outside 1.x).
 */
export type FairtenderErrorCode =
  | "invalid-profile"
  | "invalid-clause"
  | "invalid-library"
  | "invalid-rule"
  | "invalid-options"
  | "invalid-selection"
  | "unknown-clause"
  | "template-error"
  | "invalid-source"
  | "unsupported-source";

/**
 * The codes of {@link Issue.code}, each with what it means. Like the error codes they are a stable
 * contract: a code never changes meaning, new codes may be added in a minor release. Test `code`
 * (and `path`) in programs; `message` is for people and may be reworded.
 */
export const ISSUE_CODES = {
  // --- schema problems (any input: profiles, clauses, libraries, selections) ---
  /** A required field is absent. `expected` says what should be there. */
  missing: "a required field is absent",
  /** The value has the wrong type (text where a number is expected, say). */
  "invalid-type": "the value has the wrong type",
  /** The object has a field the schema does not know (with a did-you-mean in the message). */
  "unknown-field": "the object has a field the schema does not know",
  /** The value is not one of the allowed values; `expected` lists them. */
  "unknown-value": "the value is not one of the allowed values",
  /** A number, text or list is below its minimum (`expected`: "at least 0", "at least 1 character"). */
  "too-small": "a number, text or list is below its minimum",
  /** A number, text or list is above its maximum. */
  "too-big": "a number, text or list is above its maximum",
  /** Text is not written in the required form (a date `YYYY-MM-DD`, a semantic version, a kebab-case id). */
  "invalid-format": "text is not written in the required form",
  /** A date that is written correctly but does not exist (`2026-02-30`). */
  "invalid-date": "the date does not exist",
  /** Not an ISO 4217 currency code. */
  "unknown-currency": "not an ISO 4217 currency code",
  /** Not an ISO 3166-1 alpha-2 country code. */
  "unknown-country": "not an ISO 3166-1 alpha-2 country code",
  /** Not a sector of the library's sector list. */
  "unknown-sector": "not a sector of the library",
  /** A key of a record (an exchange-rate pair, say) is not allowed. */
  "invalid-key": "a key of a record is not allowed",
  /** The value matches none of the forms the field accepts. */
  "invalid-union": "the value matches none of the forms the field accepts",
  /** A text people read (a name, a title) has no visible character: only controls, format characters, white space or noncharacters. */
  "invisible-text": "the text has no visible character",
  /** A text (or a field name) is longer than `limits.textLength`; `received` is its length. */
  "too-long": "a text is longer than the limit",
  /** A list has more items than `limits.arrayLength`, or an object more fields than `limits.objectFields`; `received` is the count. */
  "too-many": "a list or an object has more entries than the limit",
  /** Objects and lists nest deeper than `limits.depth`; `received` is the depth. */
  "too-deep": "objects and lists nest deeper than the limit",
  /** The whole input (a profile's text, or a custom clause text) is larger than its limit; `received` is its size. */
  "too-large": "the input is larger than the limit",
  /** Any other value the schema rejects; the message says why. */
  "invalid-value": "the value is not allowed",

  // --- library self-checks (checkLibrary, createLibrary, parseClause) ---
  /** An id (clause, obligation, definition, regime, sector, dated parameter) is used more than once. */
  "duplicate-id": "an id is used more than once",
  /** An own library entry has the id of a base entry (or brings risk tables) without `override: true`. */
  "already-in-base": "the base library already has this entry",
  /** A clause or obligation cites no source. */
  "missing-source": "a clause or obligation cites no source",
  /** An obligation names no evidence that it was met. */
  "missing-evidence": "an obligation names no evidence",
  /** A period (of a clause, instrument or dated parameter) ends before it starts, overlaps another or is out of order. */
  "invalid-period": "a period runs backwards, overlaps another or is out of date order",
  /** A clause or a rule names a regime that the library does not describe. */
  "unknown-regime": "a regime the library does not describe",
  /** A regime profiles may name is not described in the library. */
  "missing-regime": "a regime profiles may name is not described",
  /**
   * A buyer jurisdiction (or country group) the library does not have: a profile's
   * `buyer.jurisdiction`, a jurisdiction a regime's buyers name, or a jurisdiction's home.
   */
  "unknown-jurisdiction": "a jurisdiction or country group the library does not have",
  /** A regime is inconsistent: a module that names buyers, or an instrument its source attributes to another regime. */
  "invalid-regime": "a regime's description contradicts itself or its sources",

  /** A sector profiles may name has no risk signal in the library. */
  "missing-sector": "a sector profiles may name has no risk signal",
  /** A clause text or a value names a parameter the clause does not declare, or a rule a dated parameter the library does not have. */
  "unknown-parameter": "a parameter that is not declared",
  /** A clause declares a parameter that its text never uses. */
  "unused-parameter": "a declared parameter is never used",
  /** A parameter's default is outside its own range, or an empty list. */
  "invalid-default": "a parameter default is outside its range or empty",
  /** A clause or definition uses or lists a term that no definition defines. */
  "unknown-term": "a term no definition defines",
  /** A clause text uses a term that the clause does not list in `terms`. */
  "unlisted-term": "a term used but not listed in terms",
  /** A clause refers to (or lists as related), or a rule names, a clause that is not in the library. */
  "unknown-clause": "a clause that is not in the library",
  /** A clause text refers to a clause that it does not list in `related`. */
  "unlisted-reference": "a reference not listed in related",
  /** A clause refers to itself. */
  "self-reference": "a clause refers to itself",

  // --- selection rules (createLibrary, select with a library made by hand, the library compiler) ---
  /** A rule's `ref` names a named condition that the library does not have. */
  "unknown-condition": "a named condition the library does not have",
  /** Rules (through `selected`) or named conditions (through `ref`) depend on each other in a loop. */
  "rule-loop": "rules or named conditions depend on each other in a loop",
  /** A rule's label is a clause id; reasons name the clause by its label, in words. */
  "invalid-label": "a rule's label is a clause id, not words",
  /** A parameter's `timing` would drive an obligation timing that no obligation of the clause has. */
  "unused-timing": "a parameter's timing drives no obligation of its clause",
  /** A reason template uses a variable that reasons do not have. */
  "unknown-variable": "a reason template uses a variable reasons do not have",

  // --- annexes and the pack's wording (checkLibrary, createLibrary, the library compiler) ---
  /** Annex or pack wording places a value that the engine does not fill in. */
  "unknown-wording-value": "wording places a value the engine does not fill in",
  /** Wording refers to an annex (`{{annex "id"}}`) that the library does not have. */
  "unknown-annex": "an annex the library does not have",
  /** A warning the library's rules raise (`sme-proportionality` for an `smeBurden`) has no wording in the library. */
  "missing-warning": "a warning the rules raise has no wording in the library",

  // --- importers (@fairtender/adapters: fromOcds, fromEforms; errors invalid-source and unsupported-source) ---
  /** The text is not well-formed XML; the message gives the line and column. */
  "invalid-xml": "the text is not well-formed XML",
  /** The input is not a kind of document the importer reads (not an OCDS release, record or package; not an eForms notice). */
  "unknown-document": "the input is not a kind of document the importer reads",
  /** The document is written for a version of its standard the importer does not read (an eForms SDK outside 1.x). */
  "unsupported-version": "the document is written for a version the importer does not read",
  /** The lot (or part of a prior information notice) asked for is not in the source; `expected` lists its lots. */
  "unknown-lot": "a lot the source does not have",
  /** The release or record asked for is not in the package; `expected` lists its ids. */
  "unknown-release": "a release or record the package does not have",
  /** A package holds several releases or records and none was chosen (`options.release`). */
  "ambiguous-release": "a package of several releases or records, and none was chosen",

  // --- profile text (@fairtender/core/text: safeParseProfileText) ---
  /** The text is not valid YAML; the issue gives the line and column. */
  "invalid-yaml": "the text is not valid YAML",
  /** The text is not valid JSON; the issue gives the line and column. */
  "invalid-json": "the text is not valid JSON",
  /** The text holds no value: nothing, only comments, or `null`. */
  "empty-document": "the text holds no value",
  /** A YAML tag other than those of the core schema (`!!js/function`, `!!binary`, `!foo`). */
  "unknown-tag": "a YAML tag that a profile does not allow",
  /** YAML aliases (`*name`) expand to more values than allowed: an alias bomb. */
  "too-many-aliases": "YAML aliases expand to more values than allowed",
  /** Lists and mappings are nested deeper than allowed. */
  "nested-too-deeply": "values are nested deeper than allowed",
  /** The last issue when more problems were found than are reported; `received` says how many more. */
  "too-many-problems": "more problems were found than are reported",

  // --- options ---
  /** An option the function does not take (`select`'s former `rules`, say). */
  "unknown-option": "an option the function does not take",

  // --- templates ---
  /** A template cannot be parsed or uses something other than the allowed placeholders. */
  "invalid-template": "a template cannot be read or uses a construct that is not allowed",
  /** A template needs a value that was not given. */
  "missing-value": "a template needs a value that was not given",
} as const;

/** One of the stable issue codes of {@link ISSUE_CODES}. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** Where an issue is: object keys and list indexes from the root of the input, as zod gives them; `[]` for the whole input. */
export type IssuePath = (string | number)[];

/**
 * One problem found in an input, as data: what kind of problem (`code`), where (`path`), what was
 * there (`received`) and what was expected (`expected`), plus a sentence for people (`message`).
 */
export interface Issue {
  /** What kind of problem: a stable kebab-case code, one of {@link ISSUE_CODES} for issues of core. */
  code: string;
  /** Where: `["procurement", "sectors", 1]`; `[]` for the whole input. {@link formatPath} writes it as `procurement.sectors[1]`. */
  path: IssuePath;
  /** The value found at `path` (absent when the field is missing). */
  received?: unknown;
  /** What was expected, as a short phrase: `"a number"`, `"at least 0"`, `"one of \"goods\", \"services\""`. */
  expected?: string;
  /**
   * A complete sentence for people; for a problem in an input it starts with the path written by
   * {@link formatPath} (`procurement.sectors[1]: ...`). May be reworded: programs read `code` and `path`.
   */
  message: string;
}

/**
 * A path written the way people read it: `procurement.sectors[1]`, `exchangeRates["GBP/USD"]`; an
 * empty string for the whole input.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
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
