import type { Issue, SafeResult } from "../errors.js";
import type { AnnexInput, PackWording } from "../model/annex.js";
import type { ClauseInput, Definition, Library, RiskTables, Sector } from "../model/clause.js";
import type { DatedParameter } from "../model/common.js";
import type { CountryGroup, Jurisdiction, RegimeInput } from "../model/regime.js";
import type { NamedCondition } from "../model/rule.js";
import type { WarningWording } from "../model/warning.js";
import { describeValue, issueAt } from "../validate/issues.js";
import { libraryError, validateLibrary } from "./check.js";
import { deepFreeze } from "./freeze.js";
import { isRuleIssue, markChecked, nameClause, ruleError } from "./rules.js";

/**
 * What an organisation adds to a library: its own clauses (written like the built-in ones, each with
 * its `selection` rule), and optionally definitions, regimes (appended after the base library's, in
 * the order given: the document order), buyer jurisdictions and country groups, sectors, dated
 * parameters, named conditions, risk tables, annexes, the pack's wording, the warnings' wording and a
 * version for the merged library. Everything is validated exactly like the built-in library.
 */
export interface OwnLibrary {
  /** Version of the merged library (semver); defaults to the base library's version. */
  version?: string;
  clauses?: readonly ClauseInput[];
  definitions?: readonly DefinitionInput[];
  regimes?: readonly RegimeInput[];
  /** Buyer jurisdictions a profile may name (matched to the base ones by `code`). */
  jurisdictions?: readonly Jurisdiction[];
  countryGroups?: readonly CountryGroup[];
  sectors?: readonly Sector[];
  parameters?: readonly DatedParameter[];
  /** Named conditions that rules use as `{ kind: "ref", id }` (the base library's are kept). */
  conditions?: readonly NamedCondition[];
  /** Replaces the base risk tables (only with `override: true`). */
  risk?: RiskTables;
  /** Annexes of the pack, after the base library's (an annex with a base id replaces it with `override: true`). */
  annexes?: readonly AnnexInput[];
  /** The pack's own wording (a piece with a base id replaces it with `override: true`). */
  wording?: readonly PackWording[];
  /** The wording of the warnings that state the law (a warning with a base id replaces it with `override: true`). */
  warnings?: readonly WarningWording[];
}

/** A definition as written (its `terms` may be omitted). */
export type DefinitionInput = Omit<Definition, "terms"> & { terms?: string[] };

/** Options of {@link createLibrary}. */
export interface CreateLibraryOptions {
  /**
   * Replace base entries that have the same id (a clause with its rule, a definition, regime, sector,
   * dated parameter, named condition, annex, piece of wording or warning) and the base risk tables.
   * Without it, a clash is an `invalid-library` error naming the id.
   */
  override?: boolean;
}

function merge<T extends object>(
  kind: string,
  field: string,
  base: readonly T[],
  own: readonly T[] | undefined,
  override: boolean,
  issues: Issue[],
  key: "id" | "code" = "id",
): T[] {
  const keyOf = (item: T): unknown => (item as Record<string, unknown>)[key];
  const out = [...base];
  const index = new Map(base.map((item, i) => [keyOf(item), i]));
  (own ?? []).forEach((item, i) => {
    const id = keyOf(item);
    const at = typeof id === "string" ? index.get(id) : undefined;
    if (at === undefined) {
      out.push(item);
      if (typeof id === "string") index.set(id, out.length - 1);
    } else if (override) {
      out[at] = item;
    } else {
      issues.push(
        issueAt(
          "already-in-base",
          [field, i, key],
          `the base library already has a ${kind} "${id}"; rename yours, or pass { override: true } to replace it`,
          { received: id, expected: `${key === "code" ? "a code" : "an id"} the base library does not use` },
        ),
      );
    }
  });
  return out;
}

/**
 * The fields of a library that are lists (of entries with an `id`, or a `code` for jurisdictions); the
 * library compiler names a problem in one by its entry.
 */
export const LIST_FIELDS = [
  "clauses",
  "definitions",
  "regimes",
  "jurisdictions",
  "countryGroups",
  "sectors",
  "parameters",
  "conditions",
  "annexes",
  "wording",
  "warnings",
] as const;

/**
 * The problems of the shape of a base and an own library that would stop them being merged: a base
 * that is not a library, a field that is not a list, an entry that is not an object, a field the own
 * library does not have. Everything else is checked on the merged library.
 */
function shapeIssues(base: unknown, own: object): Issue[] {
  const out: Issue[] = [];
  const baseLists =
    base !== null &&
    typeof base === "object" &&
    LIST_FIELDS.every((f) => {
      const v = (base as Record<string, unknown>)[f];
      return v === undefined || Array.isArray(v);
    });
  if (!baseLists || !Array.isArray((base as { clauses?: unknown }).clauses)) {
    out.push(
      issueAt("invalid-type", ["base"], "the base is not a library (expected e.g. builtinLibrary())", {
        received: typeof base === "object" ? (base === null ? null : "an object") : base,
        expected: "a library",
      }),
    );
  }
  const allowed = [...LIST_FIELDS, "version", "risk"];
  for (const key of Object.keys(own)) {
    if (!allowed.includes(key)) {
      out.push(
        issueAt("unknown-field", [key], `unknown field (expected ${allowed.join(", ")})`, {
          received: key,
          expected: `one of ${allowed.join(", ")}`,
        }),
      );
    }
  }
  for (const field of LIST_FIELDS) {
    const value = (own as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      out.push(
        issueAt("invalid-type", [field], `${describeValue(value)} is not a list (expected a list of ${field})`, {
          received: value,
          expected: "a list",
        }),
      );
      continue;
    }
    value.forEach((item, i) => {
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        out.push(
          issueAt(
            "invalid-type",
            [field, i],
            `${describeValue(item)} is not an object (expected an entry of ${field})`,
            {
              received: item,
              expected: "an object",
            },
          ),
        );
      }
    });
  }
  return out;
}

/**
 * Like {@link createLibrary}, but returns `{ success, data | error }` instead of throwing.
 */
export function safeCreateLibrary(
  base: Library,
  own: OwnLibrary,
  options: CreateLibraryOptions = {},
): SafeResult<Library> {
  const override = options.override === true;
  const issues: Issue[] = [];
  if (own === null || typeof own !== "object") {
    return {
      success: false,
      error: libraryError("Your library", [
        issueAt("invalid-type", [], "expected an object with clauses, definitions, ...", {
          received: own,
          expected: "an object",
        }),
      ]),
    };
  }
  const shape = shapeIssues(base, own);
  if (shape.length) return { success: false, error: libraryError("Your library", shape) };
  const merged = {
    version: own.version ?? base.version,
    clauses: merge("clause", "clauses", base.clauses as unknown as ClauseInput[], own.clauses, override, issues),
    definitions: merge(
      "definition",
      "definitions",
      base.definitions as DefinitionInput[],
      own.definitions,
      override,
      issues,
    ),
    regimes: merge<RegimeInput>("regime", "regimes", base.regimes, own.regimes, override, issues),
    jurisdictions: merge(
      "jurisdiction",
      "jurisdictions",
      base.jurisdictions,
      own.jurisdictions,
      override,
      issues,
      "code",
    ),
    countryGroups: merge("country group", "countryGroups", base.countryGroups, own.countryGroups, override, issues),
    sectors: merge("sector", "sectors", base.sectors, own.sectors, override, issues),
    parameters: merge("dated parameter", "parameters", base.parameters, own.parameters, override, issues),
    conditions: merge("named condition", "conditions", base.conditions ?? [], own.conditions, override, issues),
    risk: base.risk,
    annexes: merge("annex", "annexes", base.annexes as AnnexInput[], own.annexes, override, issues),
    wording: merge("piece of wording", "wording", base.wording, own.wording, override, issues),
    warnings: merge("warning", "warnings", base.warnings, own.warnings, override, issues),
  };
  if (own.risk !== undefined) {
    if (override) merged.risk = own.risk;
    else
      issues.push(
        issueAt(
          "already-in-base",
          ["risk"],
          "the base library already has risk tables; pass { override: true } to replace them",
        ),
      );
  }
  if (issues.length) return { success: false, error: libraryError("Your library", issues) };
  const { data, issues: problems } = validateLibrary(merged);
  if (!data) {
    // A library whose only problems are in selection rules (a custom rule's bad condition, say) is a rule error.
    const named = problems.map((i) => nameClause(i, merged));
    const error = named.every(isRuleIssue) ? ruleError(named) : libraryError("The merged library", named);
    return { success: false, error };
  }
  const frozen = deepFreeze(data);
  markChecked(frozen);
  return { success: true, data: frozen };
}

/**
 * Builds a library from a base (usually {@link builtinLibrary}) plus an organisation's own clauses,
 * definitions, regimes, jurisdictions, country groups, sectors, dated parameters or risk tables, and validates the result with
 * every self-check of {@link checkLibrary}. Entries whose id exists in the base are an error unless
 * `{ override: true }` is passed, in which case they replace the base entry. The result is frozen.
 *
 * Your own clauses bring their own selection rules (`selection`, see `RuleSchema`), checked like the
 * built-in ones: a rule naming an unknown clause, parameter, named condition or regime, or a condition
 * that does not fit the vocabulary, is an error naming the clause, the path and what was expected.
 *
 * Throws a `FairtenderError` with code `invalid-rule` when the only problems are in selection rules,
 * otherwise `invalid-library`, listing every problem.
 */
export function createLibrary(base: Library, own: OwnLibrary, options: CreateLibraryOptions = {}): Library {
  const result = safeCreateLibrary(base, own, options);
  if (!result.success) throw result.error;
  return result.data;
}
