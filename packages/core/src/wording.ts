/**
 * The wording layer: how Fairtender says a timing, a flow-down, a strength or a cross-reference in
 * words. The renderer, the CLI and the demo all print these facts through the functions here, so the
 * same fact reads the same everywhere.
 */
import type { Clause, FlowDown, Library, Timing } from "./model/clause.js";
import type { Strength } from "./model/selection.js";
import { leafParts } from "./template/leaves.js";

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}

/**
 * When an obligation falls due, in words.
 *
 * @param t - The timing.
 * @returns E.g. "Before contract award", "Every year from the start date", "Within 24 hours after an allegation".
 */
export function timingText(t: Timing): string {
  switch (t.kind) {
    case "before-award":
      return "Before contract award";
    case "at-signature":
      return "At contract signature";
    case "within": {
      const from = {
        award: "contract award",
        start: "the start date",
        request: "a request",
        end: "the end of the contract",
      }[t.from];
      return `Within ${plural(t.days, "day")} of ${from}`;
    }
    case "recurring": {
      const every = t.everyMonths === 12 ? "Every year" : `Every ${plural(t.everyMonths, "month")}`;
      const first = t.firstAfterMonths ?? t.everyMonths;
      return first === t.everyMonths
        ? `${every} from the start date`
        : `${every}, first ${first === 0 ? "at the start date" : `${plural(first, "month")} after the start date`}`;
    }
    case "on-event": {
      if (t.withinHours === undefined) return `Without undue delay after ${t.event}`;
      if (t.withinHours === 0) return `Immediately after ${t.event}`;
      const limit =
        t.withinHours >= 48 && t.withinHours % 24 === 0
          ? plural(t.withinHours / 24, "day")
          : plural(t.withinHours, "hour");
      return `Within ${limit} after ${t.event}`;
    }
    case "ongoing":
      return "Throughout the contract";
  }
}

/**
 * How far down the supply chain an obligation goes, in words (a flow-down that names no tiers goes to
 * all of them).
 *
 * @param flow - The flow-down.
 * @returns "all tiers", "1 tier below the supplier" or "3 tiers below the supplier".
 */
export function flowDownTiers(flow: Pick<FlowDown, "tiers">): string {
  return flow.tiers === undefined || flow.tiers === "all"
    ? "all tiers"
    : `${plural(flow.tiers, "tier")} below the supplier`;
}

/**
 * Whether and how far an obligation flows down, as a short answer (a table cell).
 *
 * @param flow - The flow-down.
 * @returns "No", "Yes, all tiers" or "Yes, 1 tier below the supplier, and agents".
 */
export function flowDownSummary(flow: FlowDown): string {
  if (!flow.required) return "No";
  return `Yes, ${flowDownTiers(flow)}${flow.agents ? ", and agents" : ""}`;
}

/**
 * Whether and how far an obligation flows down, as a phrase in running text.
 *
 * @param flow - The flow-down.
 * @returns "does not flow down", "flows down to all tiers" or "flows down to 1 tier below the supplier, and agents".
 */
export function flowDownText(flow: FlowDown): string {
  if (!flow.required) return "does not flow down";
  return `flows down to ${flowDownTiers(flow)}${flow.agents ? ", and agents" : ""}`;
}

const STRENGTH_WORDS: Readonly<Record<Strength, { name: string; gloss?: string; meaning: string }>> = {
  mandatory: { name: "Mandatory", gloss: "required by law", meaning: "Required by law for this procurement" },
  policy: {
    name: "Policy",
    gloss: "binding policy for this buyer",
    meaning: "Required by a binding policy for this buyer",
  },
  recommended: { name: "Recommended", meaning: "The risk or the regime's guidance calls for it" },
  optional: { name: "Optional", meaning: "Available; the buyer's choice" },
};

/**
 * A strength's name, e.g. "Mandatory".
 *
 * @param strength - The strength of a selected clause.
 */
export function strengthName(strength: Strength): string {
  return STRENGTH_WORDS[strength].name;
}

/**
 * A strength as a document prints it, with a short gloss: "Mandatory (required by law)",
 * "Policy (binding policy for this buyer)", "Recommended", "Optional".
 *
 * @param strength - The strength of a selected clause.
 */
export function strengthLabel(strength: Strength): string {
  const w = STRENGTH_WORDS[strength];
  return w.gloss ? `${w.name} (${w.gloss})` : w.name;
}

/**
 * What a strength means, as a sentence: "Required by law for this procurement".
 *
 * @param strength - The strength of a selected clause.
 */
export function strengthMeaning(strength: Strength): string {
  return STRENGTH_WORDS[strength].meaning;
}

/**
 * Clauses counted by strength, strongest first, leaving out strengths with none.
 *
 * @param clauses - The selected clauses.
 * @returns E.g. "10 mandatory, 2 policy, 9 recommended"; empty when there are no clauses.
 */
export function strengthCounts(clauses: readonly { strength: Strength }[]): string {
  return (Object.keys(STRENGTH_WORDS) as Strength[])
    .map((s) => [s, clauses.filter((c) => c.strength === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
}

/**
 * The text a cross-reference shows: the clause's number (or the annex's letter), or a visible marker
 * when what it refers to is not in the document.
 *
 * @param shown - The clause's number ("7.2") or the annex's letter ("B"); null or undefined when absent.
 * @param id - The clause (or annex) referred to.
 * @param what - What is referred to: `clause` (default) or `annex`.
 * @returns "7.2", or "[clause not included: <clause id>]".
 */
export function referenceText(
  shown: string | null | undefined,
  id: string,
  what: "clause" | "annex" = "clause",
): string {
  return shown ?? `[${what} not included: ${id}]`;
}

/**
 * A clause text leaf as an editor reads it before any value is chosen: each parameter as
 * `[name: default]`, each cross-reference as `clause [id]`, each defined term in its own words.
 *
 * @param clause - The clause the text belongs to (its parameters give the defaults).
 * @param text - One text leaf of the clause (its intro, a sub-clause or an item).
 * @param lib - The library whose definitions name the terms.
 * @throws {FairtenderError} `template-error` when the text is not a valid clause template.
 */
export function clauseTextPreview(
  clause: Pick<Clause, "id" | "parameters">,
  text: string,
  lib: Pick<Library, "definitions">,
): string {
  let out = "";
  for (const part of leafParts(clause.id, { path: ["text"], text })) {
    if (part.type === "text") out += part.value;
    else if (part.type === "value") {
      const p = clause.parameters[part.name];
      out += p
        ? `[${part.name}: ${Array.isArray(p.default) ? p.default.join(", ") : String(p.default)}]`
        : `[${part.name}]`;
    } else if (part.type === "ref") out += `clause [${part.id}]`;
    else if (part.type === "term") out += lib.definitions.find((d) => d.id === part.id)?.term ?? part.id;
  }
  return out;
}
