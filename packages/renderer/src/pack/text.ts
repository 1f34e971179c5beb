import { compileText, type TextTemplate } from "@fairtender/core";

/**
 * The fixed wording of the tender pack. Each phrase is a text leaf: Handlebars fills in values
 * (`{{buyer}}`), never structure. Values are inserted raw here; every backend escapes for its format.
 */
const PHRASES = {
  subtitleTender: "Anti-trafficking and forced-labour requirements: tender pack",
  subtitleGuidance:
    "Anti-trafficking and forced-labour requirements: guidance edition (for the buyer's team, not for issue)",
  header: "{{reference}} · {{title}}",
  headerNoRef: "{{title}}",
  scopeIntro:
    "This pack sets out what {{buyer}} requires of the supplier on human trafficking, forced labour and related abuses in the procurement “{{title}}”. Part 3 contains the contract clauses. The schedules and annexes are generated from the same selection as the clauses and form part of the contract documents.",
  scopeRegimes: "The following requirements apply to this procurement, for the reasons given.",
  riskLevel: "Assessed risk level: {{level}} (score {{score}}).",
  riskOverridden:
    "The buyer set this level on its own assessment; the factors below give {{computed}}. Basis: {{basis}}",
  riskBasis: "Basis: {{basis}}",
  riskNoFactors: "No risk factor applies to this procurement.",
  provisionsNote:
    "Solicitation provisions are answered before award and are not contract clauses. They are set out in Annex A (numbered A1, A2, …) with the supplier's declaration, so that the contract clauses and the declarations cannot be confused.",
  definitionsIntro:
    "In this pack the following terms have the meanings given. Only the terms that the selected clauses use are defined.",
  definitionsNone: "The selected clauses use no defined terms.",
  clausesIntro:
    "The supplier shall comply with the following clauses. A reference to a clause is to a clause of this Part unless stated otherwise.",
  clausesNone: "No contract clause was selected for this procurement.",
  clauseSources: "Source: {{sources}}",
  scheduleIntro:
    "This schedule lists each obligation the clauses place on the supplier once, even where several legal regimes ask for it in different words. The last column shows every regime the obligation satisfies.",
  scheduleNone: "The selected clauses create no scheduled supplier obligation.",
  crosswalkIntro:
    "This table shows, for each obligation in Schedule 1, the provision of each regime that it satisfies.",
  annexAIntro:
    "The supplier shall complete, sign and return this annex with its tender. A false declaration is a ground for exclusion and, after award, for termination.",
  provisionsHeading: "Solicitation provisions",
  declarationHeading: "Declaration",
  declarationLead: "The supplier {{supplier}} declares that:",
  declarationComply:
    "it has read the contract clauses in Part 3 of this pack and will comply with them if awarded the contract;",
  declarationObligation: "{{action}} (clause {{clauses}});",
  declarationTrue:
    "the information given in this annex and in its answers to Annex {{questionnaire}} is true and complete.",
  far56Certification:
    "Certification under FAR 52.222-56 (incorporated by reference, see clause {{clause}}): the supplier certifies that it has put in place the compliance plan required by FAR 52.222-50(h) and the procedures to prevent and monitor the prohibited activities, and that, after due inquiry, to the best of its knowledge neither it nor any proposed agent or subcontractor has engaged in any of the prohibited activities, or, if abuses have been found, that appropriate remedial and referral actions have been taken. The supplier will obtain the same certification from each proposed subcontractor above the threshold before award of the subcontract.",
  signatureIntro: "Signed for and on behalf of the supplier:",
  planIntro:
    "The supplier shall complete this template as its compliance plan (clause {{clause}}). Each element is a minimum content requirement of FAR 52.222-50(h)(3); the plan must be appropriate to the size and complexity of the contract and to the nature and scope of its activities, including the number of non-US citizens expected to work on the contract.",
  planPosting:
    "The supplier shall post the relevant contents of the plan at the workplace (unless the work is performed at a location where posting is impractical) and on its website, or provide it to each worker in writing.",
  questionnaireIntro:
    "Selection-stage questions for a {{level}}-risk procurement. Answer each question; attach evidence where asked.",
  flowDownIntro:
    "The supplier shall include the following obligations in its subcontracts and agreements with agents, to the tiers shown, and shall keep evidence that it has done so.",
  flowDownNone: "No obligation of this pack is required to flow down to subcontractors.",
  instrumentsIntro:
    "The following instruments are incorporated by reference or apply to this procurement, in the versions shown. Where a clause incorporates an instrument by reference, the instrument has the same force as if set out in full.",
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
