import { uniqueBy } from "../../collections.js";
import type { TenderProfile } from "../../model/profile.js";
import type { Rule } from "../../model/rule.js";
import type { SelectedClause, SelectionWarning } from "../../model/selection.js";
import type { ParameterStageOutput } from "./parameters.js";
import type { RegimeAnalysis } from "./regimes.js";
import type { ClauseDecision } from "./rules.js";

/** What the warning stage reads: the warnings every earlier stage raised, and what SME proportionality needs. */
export interface WarningStageInput {
  profile: TenderProfile;
  /** The library's selection rules by clause id (a rule's `smeBurden`). */
  rules: ReadonlyMap<string, Rule>;
  regimes: Pick<RegimeAnalysis, "warnings">;
  /** The rule stage's decisions, in library order. */
  decisions: readonly ClauseDecision[];
  parameters: ParameterStageOutput;
  /** The selected clauses in document order. */
  selected: readonly SelectedClause[];
  /** The annex stage's warnings. */
  annexes: readonly SelectionWarning[];
  /** The source stage's `source-not-in-force` warnings (clauses, then wording). */
  sources: readonly SelectionWarning[];
}

/**
 * The warning stage: the selection's warnings in a stable order — the regimes'; each library clause's
 * (in library order: its decision's, then, for a selected clause, its parameters'); SME
 * proportionality for the selected clauses (document order); the annexes'; the sources' — each
 * warning once. Pure.
 */
export function collectWarnings(input: WarningStageInput): SelectionWarning[] {
  const clauses = input.decisions.flatMap(({ clause, decision }) =>
    decision.selected
      ? [...decision.warnings, ...(input.parameters.get(clause.id)?.warnings ?? [])]
      : decision.warnings,
  );
  const all = [...input.regimes.warnings, ...clauses, ...smeProportionality(input), ...input.annexes, ...input.sources];
  // Each warning once: the same code, subject and message is the same warning.
  return uniqueBy(all, (w) => `${w.code}\u0000${w.subject ?? ""}\u0000${w.message}`);
}

/** SME proportionality: selected clauses whose rule says what they ask of a small supplier. */
function smeProportionality(input: Pick<WarningStageInput, "profile" | "rules" | "selected">): SelectionWarning[] {
  if (input.profile.supplier?.sme !== true) return [];
  const out: SelectionWarning[] = [];
  for (const c of input.selected) {
    const burden = input.rules.get(c.id)?.smeBurden;
    if (burden === undefined) continue;
    out.push({
      code: "sme-proportionality",
      subject: c.id,
      message: `${c.title} (${c.strength}) asks an SME supplier for ${burden}. The UK PPNs ask buyers to keep requirements proportionate for SMEs and CSDDD Art. 10(2)(e) calls for targeted support; ${c.strength === "mandatory" ? "the clause is required by law, so consider support (time, guidance, shared audits) rather than removal" : "consider whether it is proportionate for this supplier"}.`,
    });
  }
  return out;
}
