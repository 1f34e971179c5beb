import { FairtenderError, type SafeResult } from "../errors.js";
import { builtinLibrary } from "../library/builtin.js";
import type { Selection } from "../model/selection.js";
import { safeParseProfile } from "../validate/profile.js";
import { issueSelection } from "../validate/selection.js";
import { runSelection, type SelectOptions } from "./pipeline.js";

export type { SelectOptions };

/**
 * Selects the clauses, provisions and obligations for a tender, and says why. Deterministic: the same
 * profile, options and library give a deep-equal (and JSON-identical) selection. The selection is
 * frozen (it is a record of a decision); copy it, e.g. with `structuredClone`, to change it, and the
 * renderer will validate the copy.
 *
 * - `regimes`: the regimes and modules that apply, with reasons and the instruments in force.
 * - `risk`: the risk assessment (see `assessRisk`), or the buyer's own level.
 * - `clauses`: the selected clauses in document order (topic, then regime, then id), each with its
 *   strength (`mandatory` | `policy` | `recommended` | `optional`), reasons (rule, explanation, the
 *   profile fields read, sources), resolved parameters and resolved body.
 * - `excluded`: every other library clause, with why it was left out.
 * - `obligations`: one harmonised schedule (see `HARMONISATION_RULE`).
 * - `definitions`: the defined terms the selected clauses use, transitively, sorted by term.
 * - `warnings`: unconfirmed facts, missing exchange rates, threshold boundaries, SME proportionality…
 *
 * The rules are the library's: each clause's `selection` rule and its parameters' rules. For your own
 * clauses (and rules), pass a library made by `createLibrary`.
 *
 * @param profile A tender profile, raw (validated here) or already parsed.
 * @param options `library` (default: the built-in library); `limits`: your own limits on the profile
 *   (see `DEFAULT_LIMITS`), checked before any other work.
 * @throws FairtenderError `invalid-profile` listing every problem of an invalid profile (including a
 *   text, list, object, nesting or size over the limits, and a
 *   buyer jurisdiction, regime or module id that the library does not have, with a "did you mean");
 *   `invalid-rule` for a rule of a hand-built library that does not check, or for looping rules;
 *   `invalid-options` for an option `select` does not take (e.g. the former `rules`);
 *   `template-error` if a clause text cannot be filled in.
 */
export function select(profile: unknown, options: SelectOptions = {}): Selection {
  const { library = builtinLibrary(), limits, ...rest } = options;
  const parsed = safeParseProfile(profile, { library, ...(limits === undefined ? {} : { limits }) });
  if (!parsed.success) throw parsed.error;
  return issueSelection(runSelection(parsed.data, library, rest));
}

/** Like {@link select}, but returns `{ success, data | error }` instead of throwing. */
export function safeSelect(profile: unknown, options: SelectOptions = {}): SafeResult<Selection> {
  try {
    return { success: true, data: select(profile, options) };
  } catch (error) {
    if (error instanceof FairtenderError) return { success: false, error };
    throw error;
  }
}
