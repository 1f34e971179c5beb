import { FairtenderError, problemsError, type SafeResult } from "../errors.js";
import { type IdTables, profileIdCandidates, profileIdIssues } from "../library/ids.js";
import { COUNTRY_CODES, CURRENCY_CODES } from "../model/codes.js";
import { TenderProfile, type TenderProfileInput } from "../model/profile.js";
import { SECTOR_IDS } from "../model/sectors.js";
import { toIssues } from "./issues.js";
import { type Limits, limitIssues, resolveLimits } from "./limits.js";

type Path = readonly PropertyKey[];

/** Options of {@link safeParseProfile}. */
export interface ParseProfileOptions {
  /**
   * Also check the profile's jurisdiction and regime ids against this library (as `select()` does
   * with the library it selects from). Without it only their shape is checked.
   */
  library?: IdTables;
  /**
   * Your own limits on the profile's size, text lengths, list lengths, fields and depth, on top of
   * `DEFAULT_LIMITS`; checked before anything else.
   */
  limits?: Partial<Limits>;
}

function candidatesFor(path: Path, lib: IdTables | undefined): readonly string[] | undefined {
  const named = path.filter((k): k is string => typeof k === "string");
  const field = named[named.length - 1];
  const parent = named[named.length - 2];
  if (field === "sectors") return SECTOR_IDS;
  if (field === "currency") return CURRENCY_CODES;
  if (field === "countries" || field === "businessIn") return COUNTRY_CODES;
  if (lib) return profileIdCandidates(field, lib);
  if (parent === undefined && field === undefined) return undefined;
  return undefined;
}

/**
 * Validates a tender profile (already parsed from YAML or JSON) and returns it with defaults applied,
 * or every problem found: each names the field path, the value received and what was expected, e.g.
 * `procurement.sectors[1]: "cleanng" is not a known sector (did you mean "cleaning"?)`. With
 * `options.library`, the buyer's jurisdiction and the regime and module ids must be the library's.
 * The profile is first checked against the limits (`DEFAULT_LIMITS`, or `options.limits`):
 * a text, list, object, nesting or size over a limit is a `too-long`, `too-many`, `too-deep` or
 * `too-large` issue naming the field, the length received and the limit.
 *
 * `options.limits` that are not positive whole numbers are an `invalid-options` error.
 */
export function safeParseProfile(input: unknown, options: ParseProfileOptions = {}): SafeResult<TenderProfile> {
  const { library } = options;
  // Bounded work first: an input over the limits is rejected before the schema walks it.
  let limits: Limits;
  try {
    limits = resolveLimits(options.limits);
  } catch (error) {
    if (error instanceof FairtenderError) return { success: false, error };
    throw error;
  }
  const over = limitIssues(input, limits);
  if (over.length) return { success: false, error: problemsError("invalid-profile", "The tender profile", over) };
  const result = TenderProfile.safeParse(input);
  const ids = library ? profileIdIssues(input, library) : [];
  if (result.success && ids.length === 0) return { success: true, data: result.data };
  const issues = result.success
    ? ids
    : [
        ...toIssues(result.error, input, { schema: TenderProfile, candidatesFor: (p) => candidatesFor(p, library) }),
        ...ids,
      ];
  return { success: false, error: problemsError("invalid-profile", "The tender profile", issues) };
}

/**
 * Like {@link safeParseProfile}, but throws a `FairtenderError` with code `invalid-profile` (or
 * `invalid-options` for wrong `options.limits`).
 */
export function parseProfile(input: unknown, options: ParseProfileOptions = {}): TenderProfile {
  const result = safeParseProfile(input, options);
  if (!result.success) throw result.error;
  return result.data;
}

export type { TenderProfile, TenderProfileInput };
