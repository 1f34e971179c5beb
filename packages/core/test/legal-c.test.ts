/**
 * Issue 9 ("Legal fidelity, December 2026"), item 1: FAR clause editions are date-effective. A
 * source with `editions:` in `library/sources.yaml` stands for each edition; a selection keeps the one
 * in force on the day the solicitation is issued (`procurement.commencedOn`, else `startDate`), the
 * compliance-plan threshold is read on the same day, and no sentence of the pack makes a superseded
 * edition govern.
 */
import { describe, expect, it } from "vitest";
import { builtinLibrary, select } from "../src/index.js";
import type { Source } from "../src/model/common.js";
import type { TenderProfileInput } from "../src/model/profile.js";
import type { Selection } from "../src/model/selection.js";
import { merge, US_AGENCY } from "./helpers.js";

/** Guard services abroad, USD 650,000 performed outside the US: between the 550,000 and 700,000 thresholds. */
const between = (commencedOn: string, startDate: string): TenderProfileInput =>
  merge(US_AGENCY, {
    procurement: {
      commencedOn,
      startDate,
      durationMonths: 36,
      value: { amount: 650_000, currency: "USD" },
      outsideBuyerCountryValue: { amount: 650_000, currency: "USD" },
    },
  });

const clause = (s: Selection, id: string) => s.clauses.find((c) => c.id === id);
const editionsOf = (sources: readonly Source[], citation: string) =>
  [...new Set(sources.filter((x) => x.citation === citation).map((x) => x.edition))].sort();

/** Every source object anywhere in the selection (clauses, obligations, reasons, regimes, annexes, definitions). */
function allSources(value: unknown, out: Source[] = []): Source[] {
  if (Array.isArray(value)) for (const v of value) allSources(v, out);
  else if (value !== null && typeof value === "object") {
    const r = value as Record<string, unknown>;
    if (typeof r.citation === "string" && typeof r.instrument === "string") out.push(r as unknown as Source);
    else for (const v of Object.values(r)) allSources(v, out);
  }
  return out;
}

/** The instruments the pack lists as incorporated: the clauses' `incorporates` and the regimes' instruments. */
const incorporated = (s: Selection) => [
  ...s.clauses.flatMap((c) => c.incorporates),
  ...s.regimes.flatMap((r) => r.instruments),
];

describe("item 1: FAR clause editions are those in force when the solicitation is issued", () => {
  it("the library records each edition with its period and confidence, and only the first may start open", () => {
    const lib = builtinLibrary();
    const far50 = lib.clauses.find((c) => c.id === "us-far-52-222-50")?.incorporates ?? [];
    expect(far50.map((s) => [s.edition, s.effectiveFrom, s.effectiveTo, s.confidence, s.dateBasis])).toEqual([
      ["Nov 2021", undefined, "2025-09-30", "confirmed", "commencement"],
      ["Oct 2025", "2025-10-01", undefined, "secondary", "commencement"],
    ]);
    const far56 = lib.clauses.find((c) => c.id === "us-far-52-222-56")?.incorporates ?? [];
    expect(far56.map((s) => [s.edition, s.effectiveFrom, s.effectiveTo, s.confidence])).toEqual([
      ["Mar 2015", "2015-03-02", "2020-09-30", "unconfirmed"],
      ["Oct 2020", "2020-10-01", "2025-09-30", "confirmed"],
      ["in force from 2025-10-01 (date unconfirmed)", "2025-10-01", undefined, "unconfirmed"],
    ]);
  });

  it("a solicitation issued before 2025-10-01 incorporates the Nov 2021 / Oct 2020 texts and tests USD 550,000, even for a contract running past that day", () => {
    const s = select(between("2025-06-02", "2025-09-01"));
    expect(editionsOf(incorporated(s), "FAR 52.222-50")).toEqual(["Nov 2021"]);
    expect(editionsOf(incorporated(s), "FAR 52.222-56")).toEqual(["Oct 2020"]);
    expect(clause(s, "us-far-52-222-56")?.strength).toBe("mandatory");
    expect(clause(s, "us-far-52-222-56")?.reasons[0]?.text).toMatch(/USD 550,000/);
    // Nowhere in the selection (sources of obligations, reasons, definitions) is the later edition cited.
    expect(editionsOf(allSources(s), "FAR 52.222-50")).toEqual(["Nov 2021"]);
  });

  it("a solicitation issued from 2025-10-01 incorporates the Oct 2025 text, marked secondary, and tests USD 700,000", () => {
    const s = select(between("2025-10-01", "2026-01-01"));
    const far50 = incorporated(s).filter((x) => x.citation === "FAR 52.222-50");
    expect(far50.map((x) => [x.edition, x.confidence])).toContainEqual(["Oct 2025", "secondary"]);
    expect(editionsOf(allSources(s), "FAR 52.222-50")).toEqual(["Oct 2025"]);
    expect(editionsOf(incorporated(s), "FAR 52.222-56")).toEqual(["in force from 2025-10-01 (date unconfirmed)"]);
    expect(clause(s, "us-far-52-222-56")).toBeUndefined();
    expect(s.excluded.find((c) => c.id === "us-far-52-222-56")?.reasons[0]?.text).toMatch(/USD 700,000/);
    expect(s.warnings.some((w) => w.code === "source-not-in-force")).toBe(false);
  });

  it("without commencedOn the start date is the solicitation date", () => {
    const s = select(
      merge(US_AGENCY, {
        procurement: { startDate: "2025-09-30", outsideBuyerCountryValue: { amount: 650_000, currency: "USD" } },
      }),
    );
    expect(editionsOf(allSources(s), "FAR 52.222-50")).toEqual(["Nov 2021"]);
  });

  it("the incorporation and precedence sentences name no edition: the edition that prevails is the one in force at the solicitation", () => {
    const lib = builtinLibrary();
    for (const id of ["us-far-52-222-50", "us-far-52-222-56"]) {
      const text = JSON.stringify(lib.clauses.find((c) => c.id === id)?.body);
      expect(text, id).not.toMatch(/Nov 2021|Oct 2020|Oct 2025/);
      expect(text, id).toMatch(/in the edition in force on the date of the solicitation/);
    }
    const intro = JSON.stringify(lib.clauses.find((c) => c.id === "us-far-52-222-50")?.body);
    expect(intro).toMatch(/where the two differ, that edition prevails/);
    expect(intro).not.toMatch(/where the two differ, FAR 52\.222-50 prevails/);
  });
});
