import type { Clause, ParameterValue } from "../../model/clause.js";
import type { ResolvedParameter, RiskAssessment, SelectionWarning } from "../../model/selection.js";

/** What the parameter stage reads: the library's clauses and the risk level. */
export interface ParameterStageInput {
  clauses: readonly Clause[];
  risk: Pick<RiskAssessment, "level">;
}

/** One clause's parameters at this risk level. */
export interface ClauseParameters {
  /** Each parameter's value, as the clause text and the obligation timings use it. */
  values: Record<string, ParameterValue>;
  /** Each parameter's value with its default and the reason, as the selection records it. */
  resolved: Record<string, ResolvedParameter>;
  /** `parameter-out-of-range` warnings (the warning stage reports those of selected clauses). */
  warnings: SelectionWarning[];
}

/** Every clause's parameters, by clause id. */
export type ParameterStageOutput = ReadonlyMap<string, ClauseParameters>;

/**
 * The parameter stage: the value of every clause parameter at this risk level — the library
 * default, or the value the parameter's own rule (`byRisk`, with its `why`) gives at the level,
 * unless that value is outside the parameter's allowed range (then the default is kept, with a
 * warning). Pure.
 */
export function resolveParameters(input: ParameterStageInput): ParameterStageOutput {
  return new Map(input.clauses.map((clause) => [clause.id, clauseParameters(clause, input.risk.level)]));
}

/** The parameter values of one clause: each parameter's default, or its rule's value at this risk level. */
function clauseParameters(clause: Clause, level: RiskAssessment["level"]): ClauseParameters {
  const values: Record<string, ParameterValue> = {};
  const resolved: Record<string, ResolvedParameter> = {};
  const warnings: SelectionWarning[] = [];
  for (const [name, spec] of Object.entries(clause.parameters)) {
    // A parameter's rule is written next to its declaration (`byRisk`, `why`, `timing`); `why` says there is one.
    const why = spec.type === "integer" ? spec.why : undefined;
    const scaled = spec.type === "integer" ? spec.byRisk?.[level] : undefined;
    let value: ParameterValue = spec.default;
    let reason = "the library default";
    if (why !== undefined && scaled !== undefined && spec.type === "integer") {
      const unit = spec.unit ? ` ${spec.unit}` : "";
      const outOfRange = (spec.min !== undefined && scaled < spec.min) || (spec.max !== undefined && scaled > spec.max);
      if (outOfRange) {
        warnings.push({
          code: "parameter-out-of-range",
          subject: `${clause.id}.${name}`,
          message: `The rule value ${scaled}${unit} for ${clause.id}.${name} at ${level} risk is outside the library's allowed range; the default ${spec.default}${unit} was kept.`,
        });
        reason = `the library default (the ${level}-risk value ${scaled}${unit} is outside the allowed range)`;
      } else {
        value = scaled;
        reason =
          scaled === spec.default
            ? `${scaled}${unit}, the default, at ${level} risk: ${why}`
            : `${scaled}${unit} instead of the default ${spec.default}${unit} because the risk is ${level}: ${why}`;
      }
    } else if (why !== undefined) {
      reason = `the library default; no change at ${level} risk (${why})`;
    }
    values[name] = value;
    resolved[name] = { value, default: spec.default, reason };
  }
  return { values, resolved, warnings };
}
