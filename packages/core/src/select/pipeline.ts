/*
 * The selection engine as its pipeline. Each stage is a pure function with its own input and output
 * types, in a file of `stages/` named after it; `runSelection` only composes them, in this order:
 *
 *   1. regimes      stages/regimes.ts      which regimes and modules apply, and why (or why not)
 *   2. risk         stages/risk.ts         the risk level, factor by factor (or the buyer's own)
 *   3. parameters   stages/parameters.ts   every clause parameter's value at that risk level
 *   4. rules        stages/rules.ts        each clause decided by its library rule: strength or why not
 *   5. obligations  stages/obligations.ts  the selected clauses' obligations, timed by their parameters
 *   6. clauses      stages/clauses.ts      selected and excluded clauses in document order; definitions
 *   7. sources      stages/sources.ts      only the instruments in force are cited (clauses, then annexes)
 *   8. harmonise    stages/harmonise.ts    one obligation schedule from the selected clauses
 *   9. annexes      stages/annexes.ts      the pack's annexes and wording, each with its reason
 *  10. warnings     stages/warnings.ts     every stage's warnings, SME proportionality, each once
 *
 * The rule language the rules and annex stages evaluate is `conditions.ts`; `dated.ts`,
 * `jurisdictions.ts` and `money.ts` are what the stages read the library's dates, jurisdictions and
 * amounts with. `select.ts` validates the profile, runs the pipeline and freezes the result.
 */
import { FairtenderError } from "../errors.js";
import { libraryRules } from "../library/rules.js";
import type { Library } from "../model/clause.js";
import type { TenderProfile } from "../model/profile.js";
import type { Selection } from "../model/selection.js";
import type { Limits } from "../validate/limits.js";
import { selectAnnexes } from "./stages/annexes.js";
import { packClauses } from "./stages/clauses.js";
import { harmonise } from "./stages/harmonise.js";
import { timeObligations } from "./stages/obligations.js";
import { resolveParameters } from "./stages/parameters.js";
import { analyseRegimes } from "./stages/regimes.js";
import { assessRisk } from "./stages/risk.js";
import { decideClauses } from "./stages/rules.js";
import { datedAnnexes, datedClauses, datedDefinitions } from "./stages/sources.js";
import { collectWarnings } from "./stages/warnings.js";

/**
 * Options of {@link select}. The selection rules are library data: each clause carries its own
 * `selection` rule and its parameters their risk-scaled rules, so your own rules come with your own
 * clauses in a library made by `createLibrary(builtinLibrary(), { clauses }, { override })`.
 */
export interface SelectOptions {
  /** The clause library to select from, with its rules (default: the built-in library). */
  library?: Library;
  /**
   * Your own limits on the profile (size, text and list lengths, fields, depth), on top of
   * `DEFAULT_LIMITS`; a profile over them is refused before any work, as `invalid-profile`.
   */
  limits?: Partial<Limits>;
}

/** Options that `select` no longer takes, with what replaces them. */
const REMOVED_OPTIONS: Readonly<Record<string, string>> = {
  rules:
    "selection rules are library data: give each clause a `selection` rule and pass the library made by createLibrary()",
  parameterRules:
    "parameter rules are library data: give the parameter `byRisk`, `why` and `timing` in its clause and pass the library made by createLibrary()",
};

/**
 * The selection engine proper: {@link select} with the library given explicitly and the profile
 * already validated. Kept apart from `select` so that the engine never loads the built-in library
 * unless asked to.
 */
export function runSelection(
  profile: TenderProfile,
  lib: Library,
  options: Omit<SelectOptions, "library" | "limits"> = {},
): Selection {
  checkOptions(options);
  // The rules are the library's own (checked here when the library was not made by createLibrary).
  const rules = libraryRules(lib);

  const regimes = analyseRegimes(profile, lib);
  const risk = assessRisk(profile, lib);
  const parameters = resolveParameters({ clauses: lib.clauses, risk });
  const { decisions } = decideClauses({ profile, lib, rules, regimes, risk });
  const obligations = timeObligations({ decisions, parameters });
  const packed = packClauses({ lib, decisions, parameters, obligations });
  const clauses = datedClauses({ profile, lib }, packed);
  const schedule = harmonise(clauses.selected, new Set(regimes.applicable.map((r) => r.id)));
  const { warnings: annexWarnings, ...pack } = selectAnnexes(
    { profile, risk, regimes: regimes.applicable, clauses: clauses.selected, obligations: schedule },
    lib,
  );
  const annexes = datedAnnexes({ profile, lib }, pack);
  const warnings = collectWarnings({
    profile,
    wording: lib.warnings,
    rules,
    regimes,
    decisions,
    parameters,
    selected: clauses.selected,
    annexes: annexWarnings,
    sources: [...clauses.warnings, ...annexes.warnings],
  });

  // A fresh copy: the selection shares nothing with the (frozen) library, so callers may change it.
  return structuredClone({
    profile,
    asOf: profile.procurement.startDate,
    libraryVersion: lib.version,
    regimes: regimes.applicable,
    risk,
    clauses: clauses.selected,
    excluded: clauses.excluded,
    obligations: schedule,
    definitions: datedDefinitions(profile, packed.definitions),
    warnings,
    annexes: annexes.annexes,
    wording: annexes.wording,
  });
}

/** Refuses an option `select` does not take, naming what replaces a removed one. */
function checkOptions(options: object): void {
  for (const key of Object.keys(options)) {
    const instead = REMOVED_OPTIONS[key];
    const message = `options.${key} is not an option of select()${instead ? `: ${instead}` : " (it takes library and limits)"}.`;
    throw new FairtenderError("invalid-options", message, {
      issues: [{ code: "unknown-option", path: ["options", key], received: key, message }],
    });
  }
}
