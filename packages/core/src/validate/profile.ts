import { problemsError, type SafeResult } from "../errors.js";
import { COUNTRY_CODES, CURRENCY_CODES } from "../model/codes.js";
import { JURISDICTIONS, TenderProfile, type TenderProfileInput } from "../model/profile.js";
import { SECTOR_IDS } from "../model/sectors.js";
import { REGIME_IDS } from "../model/topics.js";
import { toIssues } from "./issues.js";

type Path = readonly PropertyKey[];

function candidatesFor(path: Path): readonly string[] | undefined {
  const named = path.filter((k): k is string => typeof k === "string");
  const field = named[named.length - 1];
  const parent = named[named.length - 2];
  if (field === "sectors") return SECTOR_IDS;
  if (field === "currency") return CURRENCY_CODES;
  if (field === "countries" || field === "businessIn") return COUNTRY_CODES;
  if (field === "jurisdiction") return JURISDICTIONS;
  if (field === "regimes" || field === "modules") return REGIME_IDS;
  if (parent === undefined && field === undefined) return undefined;
  return undefined;
}

/**
 * Validates a tender profile (already parsed from YAML or JSON) and returns it with defaults applied,
 * or every problem found: each names the field path, the value received and what was expected, e.g.
 * `procurement.sectors[1]: "cleanng" is not a known sector (did you mean "cleaning"?)`.
 */
export function safeParseProfile(input: unknown): SafeResult<TenderProfile> {
  const result = TenderProfile.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const issues = toIssues(result.error, input, { schema: TenderProfile, candidatesFor });
  return { success: false, error: problemsError("invalid-profile", "The tender profile", issues) };
}

/** Like {@link safeParseProfile}, but throws a `FairtenderError` with code `invalid-profile`. */
export function parseProfile(input: unknown): TenderProfile {
  const result = safeParseProfile(input);
  if (!result.success) throw result.error;
  return result.data;
}

export type { TenderProfile, TenderProfileInput };
