import {
  flowDownText,
  formatCitation,
  type LintFinding,
  type Selection,
  Strength,
  strengthCounts,
} from "@fairtender/core";
import { hang } from "./format.js";

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
    if (r.instruments.length > 0)
      out.push(hang("    instruments: ", r.instruments.map((s) => formatCitation(s)).join("; ")));
  }

  const risk = selection.risk;
  const basis = risk.overridden ? `set by the buyer: ${risk.basis}; computed ${risk.computedLevel}` : "computed";
  out.push("", `Risk: ${risk.level.toUpperCase()} (score ${risk.score}, ${basis})`);
  for (const f of risk.factors) {
    const w = f.weight > 0 ? `+${f.weight}` : String(f.weight);
    out.push(hang(`  ${w.padStart(3)}  `, `${f.description} [${f.source}]`));
  }

  out.push("", `Clauses (${selection.clauses.length}: ${strengthCounts(selection.clauses) || "none"})`);
  for (const strength of Strength.options) {
    for (const c of selection.clauses.filter((x) => x.strength === strength)) {
      out.push(`  ${strength.padEnd(11)} ${c.id}: ${c.title}`);
      for (const r of c.reasons) out.push(hang("              why: ", r.text));
      const sources = c.sources.map((s) => formatCitation(s)).join("; ");
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
    out.push(hang("      when: ", `${o.timingText}; ${flowDownText(o.flowsDown)}`));
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
