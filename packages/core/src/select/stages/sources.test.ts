import { describe, expect, test } from "vitest";
import { EU_BUYER, merge, UK_DEPARTMENT } from "../../../test/helpers.js";
import type { Source } from "../../model/common.js";
import type { Selection } from "../../model/selection.js";
import { parseProfile } from "../../validate/profile.js";
import { select } from "../select.js";
import { sourceDating } from "./sources.js";

/** Every dated citation list of a selection, with where it is printed (definitions keep their provenance). */
function citations(s: Selection): { where: string; subject: string; citation: string }[] {
  const out: { where: string; subject: string; citation: string }[] = [];
  const add = (where: string, subject: string, list: readonly Source[]) => {
    for (const x of list) out.push({ where, subject, citation: x.citation });
  };
  for (const c of [...s.clauses, ...s.excluded]) {
    add("clause", c.id, c.sources);
    for (const r of c.reasons) add("reason", c.id, r.sources);
  }
  for (const c of s.clauses) for (const o of c.obligations) add("obligation", o.id, o.sources);
  for (const r of s.regimes) add("instrument", r.id, r.instruments);
  return out;
}

const uk = (commencedOn: string) =>
  select(
    merge(UK_DEPARTMENT, {
      procurement: { commencedOn, startDate: "2026-06-01" },
      risk: { level: "high", basis: "x" },
    }),
  );

describe("date-effective sources", () => {
  test("a UK procurement commenced in 2024 cites PPN 02/23, and PPN 009 only where nothing else is cited, with a warning", () => {
    const s = uk("2024-05-01");
    const cited = citations(s);
    const warned = new Set(s.warnings.filter((w) => w.code === "source-not-in-force").map((w) => w.subject));
    const ppn009 = cited.filter((c) => c.citation === "PPN 009");
    expect(ppn009.filter((c) => c.where === "clause" || c.where === "reason" || c.where === "instrument")).toEqual([]);
    for (const c of ppn009) expect(warned, `${c.where} ${c.subject}`).toContain(c.subject);
    expect(cited.some((c) => c.where === "clause" && c.citation === "PPN 02/23")).toBe(true);
    expect(cited.some((c) => c.where === "reason" && c.citation === "PPN 02/23")).toBe(true);
  });

  test("one commenced in 2026 cites PPN 009; PPN 02/23 only where nothing newer is cited, with a warning", () => {
    const s = uk("2026-01-15");
    const cited = citations(s);
    expect(cited.some((c) => c.where === "clause" && c.citation === "PPN 009")).toBe(true);
    const old = cited.filter((c) => c.citation === "PPN 02/23" || c.citation === "PPN 05/19");
    expect(old.filter((c) => c.where === "clause" || c.where === "reason" || c.where === "instrument")).toEqual([]);
    const warned = new Set(s.warnings.filter((w) => w.code === "source-not-in-force").map((w) => w.subject));
    expect(old.length).toBeGreaterThan(0);
    for (const c of old) expect(warned, `${c.where} ${c.subject}`).toContain(c.subject);
  });

  test("an instrument that starts during the contract is still cited by the clause it brings in", () => {
    const s = select(merge(EU_BUYER, { procurement: { startDate: "2027-06-01", durationMonths: 12 } }));
    const flr = s.clauses.find((c) => c.id === "eu-flr-product-warranty");
    expect(flr?.sources.map((x) => x.citation)).toContain("Regulation (EU) 2024/3015");
    // A contract that ends before the Regulation applies does not cite it.
    const before = select(merge(EU_BUYER, { procurement: { startDate: "2026-01-01", durationMonths: 12 } }));
    expect(citations(before).filter((c) => c.citation === "Regulation (EU) 2024/3015" && c.where !== "clause")).toEqual(
      [],
    );
  });

  test("a list left with no source in force keeps the nearest in time and warns", () => {
    const profile = parseProfile(merge(UK_DEPARTMENT, { procurement: { commencedOn: "2026-01-15" } }));
    const dating = sourceDating(profile, { regimes: [] });
    const s = (citation: string, period: Pick<Source, "effectiveFrom" | "effectiveTo">): Source => ({
      citation,
      instrument: citation,
      ...period,
      checked: "2026-11-28",
      confidence: "confirmed",
    });
    // The contract runs 2025-06-01 to 2028-05-31 (sources of no regime are read for the contract term).
    const old = s("Old", { effectiveTo: "2024-12-31" });
    const older = s("Older", { effectiveTo: "2019-12-31" });
    const later = s("Later", { effectiveFrom: "2030-01-01" });
    const current = s("Current", { effectiveFrom: "2025-01-01" });
    expect(dating.cite([older, old, later], { subject: "x", what: "Clause x", warn: true })).toEqual([old]);
    expect(dating.cite([older, later], { subject: "y", what: "Clause y", warn: false })).toEqual([later]);
    expect(dating.cite([older, old])).toEqual([]);
    expect(dating.cite([older, current])).toEqual([current]);
    expect(dating.warnings.map((w) => [w.code, w.subject])).toEqual([["source-not-in-force", "x"]]);
    expect(dating.warnings[0]?.message).toContain("Old (in force until 2024-12-31)");
  });
});
