import type { Selection, Strength } from "@fairtender/core";
import { cite, flowText, wrap } from "./format.js";

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
 * with its strength and reason, what was left out and why not, the harmonised obligations and the
 * warnings.
 */
export function summarize(selection: Selection): string {
  const { profile } = selection;
  const out: string[] = [];
  const ref = profile.procurement.reference ? ` (${profile.procurement.reference})` : "";
  out.push(`${profile.procurement.title}${ref}`);
  out.push(`Buyer: ${profile.buyer.name} · rules as of ${selection.asOf} · clause library ${selection.libraryVersion}`);

  out.push("", `Regimes (${selection.regimes.length})`);
  for (const r of selection.regimes) {
    out.push(`  ${r.id}: ${r.name}${r.kind === "module" ? " (module)" : ""}`);
    for (const reason of r.reasons) out.push(wrap(`- ${reason}`, 100, "      "));
    if (r.instruments.length > 0) out.push(wrap(`Instruments: ${r.instruments.map(cite).join("; ")}`, 100, "      "));
  }

  const risk = selection.risk;
  const basis = risk.overridden ? `set by the buyer: ${risk.basis}; computed ${risk.computedLevel}` : "computed";
  out.push("", `Risk: ${risk.level.toUpperCase()} (score ${risk.score}, ${basis})`);
  for (const f of risk.factors) {
    const w = f.weight > 0 ? `+${f.weight}` : String(f.weight);
    out.push(wrap(`${w.padStart(3)}  ${f.description} [${f.source}]`, 100, "  ").replace(/^ {2}/, "  "));
  }

  out.push("", `Clauses (${selection.clauses.length}: ${countByStrength(selection) || "none"})`);
  for (const strength of STRENGTHS) {
    for (const c of selection.clauses.filter((x) => x.strength === strength)) {
      out.push(`  ${strength.padEnd(11)} ${c.id}: ${c.title}`);
      for (const r of c.reasons) out.push(wrap(`why: ${r.text}`, 100, "              "));
      const sources = c.sources.map(cite).join("; ");
      if (sources) out.push(wrap(`sources: ${sources}`, 100, "              "));
    }
  }

  if (selection.excluded.length > 0) {
    out.push("", `Left out (${selection.excluded.length})`);
    for (const c of selection.excluded) {
      out.push(`  ${c.id}: ${c.title}`);
      for (const r of c.reasons) out.push(wrap(`why not: ${r.text}`, 100, "              "));
    }
  }

  out.push("", `Supplier obligations, harmonised (${selection.obligations.length})`);
  for (const o of selection.obligations) {
    out.push(wrap(`- ${o.party}, ${o.topic}: ${o.action}`, 100, "  "));
    out.push(wrap(`when: ${o.timingText}; ${flowText(o.flowsDown)}`, 100, "      "));
    out.push(wrap(`meets: ${o.satisfies.map((s) => `${s.regime} ${s.citation}`).join("; ")}`, 100, "      "));
    out.push(wrap(`clauses: ${o.clauses.join(", ")}`, 100, "      "));
  }

  if (selection.warnings.length > 0) {
    out.push("", `Warnings (${selection.warnings.length})`);
    for (const w of selection.warnings) out.push(wrap(`! ${w.code}: ${w.message}`, 100, "  "));
  }
  return out.join("\n");
}
