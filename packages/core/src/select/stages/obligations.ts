import type { Clause, Obligation, ParameterValue } from "../../model/clause.js";
import type { ParameterStageOutput } from "./parameters.js";
import type { ClauseDecision } from "./rules.js";

/** What the obligation stage reads: the rule stage's decisions and the parameter stage's values. */
export interface ObligationStageInput {
  decisions: readonly ClauseDecision[];
  parameters: ParameterStageOutput;
}

/** The obligations of each selected clause, by clause id, with their timings as its parameters drive them. */
export type ObligationStageOutput = ReadonlyMap<string, Obligation[]>;

/**
 * The obligation stage: each selected clause's obligations, with the timings its resolved
 * parameters drive (a parameter's `timing` says which field, e.g. `on-event.withinHours`, follows it:
 * the obligation whose timing equals the parameter's default × `factor` takes the value × `factor`).
 * Pure.
 */
export function timeObligations(input: ObligationStageInput): ObligationStageOutput {
  const out = new Map<string, Obligation[]>();
  for (const { clause, decision } of input.decisions) {
    if (!decision.selected) continue;
    out.set(clause.id, timed(clause, input.parameters.get(clause.id)?.values ?? {}));
  }
  return out;
}

/** The clause's obligations with timings driven by resolved parameters (see `ParameterRule.timing`). */
function timed(clause: Clause, values: Readonly<Record<string, ParameterValue>>): Obligation[] {
  return clause.obligations.map((o) => {
    let timing = o.timing;
    for (const [name, spec] of Object.entries(clause.parameters)) {
      if (spec.type !== "integer" || !spec.timing) continue;
      const value = values[name];
      if (typeof value !== "number" || spec.default === value) continue;
      const factor = spec.timing.factor ?? 1;
      const from = spec.default * factor;
      const to = value * factor;
      if (spec.timing.field === "on-event.withinHours" && timing.kind === "on-event" && timing.withinHours === from) {
        timing = { ...timing, withinHours: to };
      } else if (
        spec.timing.field === "recurring.everyMonths" &&
        timing.kind === "recurring" &&
        timing.everyMonths === from
      ) {
        timing = { ...timing, everyMonths: to };
      } else if (spec.timing.field === "within.days" && timing.kind === "within" && timing.days === from) {
        timing = { ...timing, days: to };
      }
    }
    return timing === o.timing ? o : { ...o, timing };
  });
}
