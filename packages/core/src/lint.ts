import type { Inline, SelectedClause, Selection } from "./model/selection.js";

/** Stable codes of {@link lint} findings. */
export type LintCode =
  | "exit-without-remediation"
  | "high-risk-without-audit"
  | "high-risk-without-mapping"
  | "undefined-term"
  | "dangling-reference"
  | "subcontracting-without-flow-down"
  | "obligation-without-evidence";

/** One problem found in a selection. */
export interface LintFinding {
  code: LintCode;
  /** `error`: the tender pack is legally or structurally incomplete; `warning`: worth a look. */
  severity: "error" | "warning";
  message: string;
  /** The clause concerned, when there is one. */
  clause?: string;
}

function runsOf(c: SelectedClause): Inline[] {
  return [...(c.body.intro ?? []), ...c.body.subclauses.flatMap((s) => [...s.text, ...s.items.flat()])];
}

/**
 * Checks a selection for gaps a legal reviewer would flag:
 *
 * - `exit-without-remediation` (warning): a termination clause (topic `exit`) with no remediation step
 *   before it — neither a selected `remediation` clause nor an exit clause that refers to one;
 * - `high-risk-without-audit` / `high-risk-without-mapping` (error): a high-risk procurement without
 *   audit rights or without supply-chain mapping;
 * - `undefined-term` (error): a clause uses a defined term that the selection does not define;
 * - `dangling-reference` (error): a clause refers (`{{ref}}`) to a clause that is not in the selection;
 * - `subcontracting-without-flow-down` (error): subcontracting is expected but no flow-down clause is in;
 * - `obligation-without-evidence` (warning): an obligation that names no evidence of compliance.
 *
 * Findings come in a stable order: by check, then by clause document order.
 */
export function lint(selection: Selection): LintFinding[] {
  const out: LintFinding[] = [];
  const { clauses } = selection;
  const ids = new Set(clauses.map((c) => c.id));
  const byTopic = (t: string) => clauses.filter((c) => c.topic === t);
  const remediation = byTopic("remediation");

  for (const exit of byTopic("exit")) {
    const refs = [...exit.related, ...runsOf(exit).flatMap((r) => (r.type === "ref" ? [r.clause] : []))];
    const refersToRemediation = refs.some((id) => {
      const target = clauses.find((c) => c.id === id);
      return target !== undefined && target.topic === "remediation";
    });
    if (remediation.length === 0 && !refersToRemediation) {
      out.push({
        code: "exit-without-remediation",
        severity: "warning",
        clause: exit.id,
        message: `${exit.title} allows termination but the selection has no remediation step before it (no remediation clause, and the clause refers to none). Remediation before exit is expected by CSDDD, the ABA MCCs and the UN guidance; add a remediation clause.`,
      });
    }
  }

  if (selection.risk.level === "high") {
    if (byTopic("audit").length === 0) {
      out.push({
        code: "high-risk-without-audit",
        severity: "error",
        message: "The procurement is high risk but no audit or monitoring clause is selected.",
      });
    }
    if (byTopic("supply-chain-mapping").length === 0) {
      out.push({
        code: "high-risk-without-mapping",
        severity: "error",
        message: "The procurement is high risk but no supply-chain mapping or disclosure clause is selected.",
      });
    }
  }

  const defined = new Set(selection.definitions.map((d) => d.id));
  for (const c of clauses) {
    const used = [...c.terms, ...runsOf(c).flatMap((r) => (r.type === "term" ? [r.term] : []))];
    for (const term of [...new Set(used)]) {
      if (!defined.has(term)) {
        out.push({
          code: "undefined-term",
          severity: "error",
          clause: c.id,
          message: `${c.title} uses the term "${term}", which the selection does not define.`,
        });
      }
    }
  }
  for (const d of selection.definitions) {
    for (const term of d.terms) {
      if (!defined.has(term)) {
        out.push({
          code: "undefined-term",
          severity: "error",
          message: `The definition of "${d.term}" uses the term "${term}", which the selection does not define.`,
        });
      }
    }
  }

  for (const c of clauses) {
    const refs = [...new Set(runsOf(c).flatMap((r) => (r.type === "ref" ? [r.clause] : [])))];
    for (const ref of refs) {
      if (!ids.has(ref)) {
        out.push({
          code: "dangling-reference",
          severity: "error",
          clause: c.id,
          message: `${c.title} refers to clause "${ref}", which is not in the selection (it would print as "[not included]").`,
        });
      }
    }
  }

  if (selection.profile.procurement.labour.subcontracting === true && byTopic("flow-down").length === 0) {
    out.push({
      code: "subcontracting-without-flow-down",
      severity: "error",
      message: "Subcontracting is expected (procurement.labour.subcontracting) but no flow-down clause is selected.",
    });
  }

  for (const c of clauses) {
    for (const o of c.obligations) {
      if (o.evidence.length === 0) {
        out.push({
          code: "obligation-without-evidence",
          severity: "warning",
          clause: c.id,
          message: `Obligation "${o.id}" of ${c.title} names no evidence of compliance.`,
        });
      }
    }
  }
  return out;
}
