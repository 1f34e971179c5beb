import { uniqueBy } from "../../collections.js";
import { FairtenderError } from "../../errors.js";
import type { TenderProfile } from "../../model/profile.js";
import type { Rule } from "../../model/rule.js";
import type { SelectedClause, SelectionWarning } from "../../model/selection.js";
import type { WarningId, WarningWording } from "../../model/warning.js";
import { fillText } from "../../template/interpret.js";
import { spoofingCharacters } from "../../text.js";
import type { ParameterStageOutput } from "./parameters.js";
import type { RegimeAnalysis } from "./regimes.js";
import type { ClauseDecision } from "./rules.js";

/** What the warning stage reads: the warnings every earlier stage raised, and what SME proportionality needs. */
export interface WarningStageInput {
  profile: TenderProfile;
  /** The library's wording of the warnings that state the law (`library/warnings.yaml`). */
  wording: readonly WarningWording[];
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
 * The warning stage: the selection's warnings in a stable order — the profile's texts' (text
 * spoofing); the regimes'; each library clause's
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
  const all = [
    ...textSpoofing(input.profile),
    ...input.regimes.warnings,
    ...clauses,
    ...smeProportionality(input),
    ...input.annexes,
    ...input.sources,
  ];
  // Each warning once: the same code, subject and message is the same warning.
  return uniqueBy(all, (w) => `${w.code}\u0000${w.subject ?? ""}\u0000${w.message}`);
}

/**
 * SME proportionality: selected clauses whose rule says what they ask of a small supplier, worded by
 * the library's `sme-proportionality` warning (its `mandatory` sentence for a clause required by law).
 */
function smeProportionality(
  input: Pick<WarningStageInput, "profile" | "rules" | "selected" | "wording">,
): SelectionWarning[] {
  if (input.profile.supplier?.sme !== true) return [];
  const out: SelectionWarning[] = [];
  for (const c of input.selected) {
    const burden = input.rules.get(c.id)?.smeBurden;
    if (burden === undefined) continue;
    const sentence = c.strength === "mandatory" ? "mandatory" : "other";
    const { id, text } = warningWording(input.wording, "sme-proportionality");
    out.push({
      code: id,
      subject: c.id,
      message: fillText(`warning ${id} text.${sentence}`, text[sentence], {
        title: c.title,
        strength: c.strength,
        burden,
      }),
    });
  }
  return out;
}

/** The library's wording of a warning; an `invalid-library` error when the library does not word it. */
function warningWording(wording: readonly WarningWording[], id: WarningId): WarningWording {
  const found = wording.find((w) => w.id === id);
  if (found) return found;
  const message = `The library has no wording for the warning "${id}" (library/warnings.yaml), which its rules raise.`;
  throw new FairtenderError("invalid-library", message, {
    issues: [{ code: "missing-warning", path: ["warnings"], expected: `a warning with id "${id}"`, message }],
  });
}

/**
 * Text spoofing: a text of the profile that people read (buyer and supplier names, the title, the
 * commodities, the basis of the buyer's risk assessment) holding bidirectional controls or
 * zero-width characters, which can make what is printed read otherwise than what was typed. One
 * `text-spoofing` warning per field, naming the field and the characters. (The reference, an
 * identifier, has them removed when the profile is read.)
 */
function textSpoofing(profile: TenderProfile): SelectionWarning[] {
  const fields: [string, string | undefined][] = [
    ["buyer.name", profile.buyer.name],
    ["procurement.title", profile.procurement.title],
    ...profile.procurement.commodities.map((c, i): [string, string] => [`procurement.commodities[${i}]`, c]),
    ["supplier.name", profile.supplier?.name],
    ["risk.basis", profile.risk?.basis],
  ];
  const out: SelectionWarning[] = [];
  for (const [field, value] of fields) {
    if (value === undefined) continue;
    const found = spoofingCharacters(value);
    if (found.length === 0) continue;
    out.push({
      code: "text-spoofing",
      subject: field,
      message: `${field} holds ${found.length === 1 ? "a character" : "characters"} that can change how the text reads without being seen (${found.join(", ")}): check that it prints as intended, or remove ${found.length === 1 ? "it" : "them"}.`,
    });
  }
  return out;
}
