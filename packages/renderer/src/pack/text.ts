import { compileText, type TextTemplate } from "@fairtender/core";

/**
 * The renderer's own fixed wording: titles, the account of the risk assessment and what an empty part
 * says. None of it states law or legal effect; that wording is library data (the library's `pack.yaml`
 * and `annexes.yaml`) and comes in the selection. Each phrase is a plain value template (`{{level}}`)
 * filled by core's one template interpreter; values are inserted raw and every backend escapes for its
 * format.
 */
const PHRASES = {
  subtitleTender: "Anti-trafficking and forced-labour requirements: tender pack",
  subtitleGuidance:
    "Anti-trafficking and forced-labour requirements: guidance edition (for the buyer's team, not for issue)",
  header: "{{reference}} · {{title}}",
  headerNoRef: "{{title}}",
  scopeRegimes: "The following requirements apply to this procurement, for the reasons given.",
  riskLevel: "Assessed risk level: {{level}} (score {{score}}).",
  riskOverridden:
    "The buyer set this level on its own assessment; the factors below give {{computed}}. Basis: {{basis}}",
  riskBasis: "Basis: {{basis}}",
  riskNoFactors: "No risk factor applies to this procurement.",
  definitionsNone: "The selected clauses use no defined terms.",
  clausesNone: "No contract clause was selected for this procurement.",
  clauseSources: "Source: {{sources}}",
  scheduleIntro:
    "This schedule lists each obligation the clauses place on the supplier once, even where several legal regimes ask for it in different words. The last column shows every regime the obligation satisfies.",
  scheduleNone: "The selected clauses create no scheduled supplier obligation.",
  crosswalkIntro:
    "This table shows, for each obligation in Schedule 1, the provision of each regime that it satisfies.",
  guidanceIntro:
    "This part is for the buyer's procurement and legal team. Remove it before issuing the pack (or issue the tender edition instead).",
  excludedNone: "No library clause was left out.",
  findingsNone: "No findings.",
} as const;

/** Names of the fixed phrases of the pack. */
export type PhraseKey = keyof typeof PHRASES;

const compiled = new Map<PhraseKey, TextTemplate>();

/**
 * Fills one phrase: values only (no helpers, no blocks), strict (a missing value is an error),
 * never HTML-escaped (each backend escapes for its format).
 */
export function phrase(key: PhraseKey, data: Record<string, string | number> = {}): string {
  let template = compiled.get(key);
  if (!template) {
    template = compileText(`phrase.${key}`, PHRASES[key]);
    compiled.set(key, template);
  }
  return template(data);
}
