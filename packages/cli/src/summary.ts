import type { LintFinding, Selection, Strength } from "@fairtender/core";
import { cite, flowText, hang } from "./format.js";

const STRENGTHS: readonly Strength[] = ["mandatory", "policy", "recommended", "optional"];

/** `10 mandatory, 2 policy, 9 recommended`: selected clauses counted by strength. */
export function countByStrength(selection: Selection): string {
  const counts = STRENGTHS.map((s) => [s, selection.clauses.filter((c) => c.strength === s).length] as const);
  return counts
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
}

/**
 * The readable account of a selection: regimes and why, the risk level and its factors, each clause
 * with its strength and reason, what was left out and why not, the harmonised obligations, the
 * warnings and the review findings of `lint`.
 */
export function summarize(selection: Selection, findings: readonly LintFinding[] = []): string {
  const { profile } = selection;
  const out: string[] = [];
  const ref = profile.procurement.reference ? ` (${profile.procurement.reference})` : "";
  out.push(`${profile.procurement.title}${ref}`);
  out.push(`Buyer: ${profile.buyer.name} · rules as of ${selection.asOf} · clause library ${selection.libraryVersion}`);

  out.push("", `Regimes (${selection.regimes.length})`);
  for (const r of selection.regimes) {
    out.push(`  ${r.id}: ${r.name}${r.kind === "module" ? " (module)" : ""}`);
    for (const reason of r.reasons) out.push(hang("    - ", reason));
    if (r.instruments.length > 0) out.push(hang("    instruments: ", r.instruments.map(cite).join("; ")));
  }

  const risk = selection.risk;
  const basis = risk.overridden ? `set by the buyer: ${risk.basis}; computed ${risk.computedLevel}` : "computed";
  out.push("", `Risk: ${risk.level.toUpperCase()} (score ${risk.score}, ${basis})`);
  for (const f of risk.factors) {
    const w = f.weight > 0 ? `+${f.weight}` : String(f.weight);
    out.push(hang(`  ${w.padStart(3)}  `, `${f.description} [${f.source}]`));
  }

  out.push("", `Clauses (${selection.clauses.length}: ${countByStrength(selection) || "none"})`);
  for (const strength of STRENGTHS) {
    for (const c of selection.clauses.filter((x) => x.strength === strength)) {
      out.push(`  ${strength.padEnd(11)} ${c.id}: ${c.title}`);
      for (const r of c.reasons) out.push(hang("              why: ", r.text));
      const sources = c.sources.map(cite).join("; ");
      if (sources) out.push(hang("              sources: ", sources));
    }
  }

  if (selection.excluded.length > 0) {
    out.push("", `Left out (${selection.excluded.length})`);
    for (const c of selection.excluded) {
      out.push(`  ${c.id}: ${c.title}`);
      for (const r of c.reasons) out.push(hang("              why not: ", r.text));
    }
  }

  out.push("", `Supplier obligations, harmonised (${selection.obligations.length})`);
  for (const o of selection.obligations) {
    out.push(hang("  - ", `${o.party}, ${o.topic}: ${o.action}`));
    out.push(hang("      when: ", `${o.timingText}; ${flowText(o.flowsDown)}`));
    out.push(hang("      meets: ", o.satisfies.map((s) => `${s.regime} ${s.citation}`).join("; ")));
    out.push(hang("      clauses: ", o.clauses.join(", ")));
  }

  if (selection.warnings.length > 0) {
    out.push("", `Warnings (${selection.warnings.length})`);
    for (const w of selection.warnings) out.push(hang("  ! ", `${w.code}: ${w.message}`));
  }
  if (findings.length > 0) {
    out.push("", `Review findings (${findings.length})`);
    for (const f of findings) {
      out.push(
        hang(`  ${f.severity === "error" ? "✖" : "!"} `, `${f.code}${f.clause ? ` (${f.clause})` : ""}: ${f.message}`),
      );
    }
  }
  return out.join("\n");
}
