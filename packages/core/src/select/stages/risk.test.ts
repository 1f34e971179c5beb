import { describe, expect, test } from "vitest";
import { fixtureLibrary } from "../../../test/fixtures/library.js";
import { merge } from "../../../test/helpers.js";
import { parseProfile } from "../../validate/profile.js";
import { assessRisk, RISK_BANDS, RISK_WEIGHTS } from "./risk.js";

const lib = fixtureLibrary();
const base = {
  buyer: { name: "Dept", jurisdiction: "GB", kind: "central-government" },
  procurement: {
    title: "Software licences",
    category: "services",
    value: { amount: 100_000, currency: "GBP" },
    startDate: "2026-01-01",
    sectors: ["it-services"],
    countries: ["GB"],
  },
};
const risk = (over: unknown) => assessRisk(parseProfile(merge(base, over)), lib);

describe("assessRisk", () => {
  test("a low-risk domestic IT service scores nothing", () => {
    const r = risk({});
    expect(r).toMatchObject({ level: "low", computedLevel: "low", score: 0, factors: [], overridden: false });
    expect(r.basis).toMatch(/^computed/);
  });

  test("one high-risk sector is medium, with the sector factor citing the library's sector source", () => {
    const r = risk({ procurement: { sectors: ["cleaning", "it-services"] } });
    expect(r.level).toBe("medium");
    expect(r.factors).toHaveLength(1);
    expect(r.factors[0]).toMatchObject({ id: "sector", weight: RISK_WEIGHTS.sector.high, source: "PPN 02/23" });
    expect(r.factors[0]?.inputs["procurement.sectors"]).toEqual(["cleaning", "it-services"]);
  });

  test("a high-risk sector with two workforce indicators is high; with one it stays medium", () => {
    expect(
      risk({ procurement: { sectors: ["cleaning"], labour: { migrantWorkers: true, recruitmentAgencies: true } } })
        .level,
    ).toBe("high");
    expect(risk({ procurement: { sectors: ["cleaning"], labour: { migrantWorkers: true } } }).level).toBe("medium");
    expect(
      risk({ procurement: { labour: { migrantWorkers: true, recruitmentAgencies: true, lowSkilled: true } } }).level,
    ).toBe("medium");
  });

  test("a high-risk sector with a vulnerable workforce is high (PPN: several indicators together)", () => {
    const r = risk({
      procurement: {
        sectors: ["cleaning"],
        labour: { migrantWorkers: true, recruitmentAgencies: true, lowSkilled: true },
      },
    });
    expect(r.score).toBe(5);
    expect(r.level).toBe("high");
    expect(r.factors.map((f) => f.id)).toEqual(["sector", "recruitment-agencies", "migrant-workers", "low-skilled"]);
  });

  test("a DOL-listed commodity is matched with the sourcing country", () => {
    const listed = risk({ procurement: { commodities: ["cotton"], countries: ["CN"] } });
    const commodity = listed.factors.find((f) => f.id === "commodity");
    expect(commodity?.weight).toBe(RISK_WEIGHTS.commodityForcedLabour);
    expect(commodity?.description).toMatch(/Cotton from CN/);
    expect(commodity?.source).toBe("US DOL List of Goods (2024-09-05)");
    // Cotton from a country the list does not name: no commodity factor.
    expect(
      risk({ procurement: { commodities: ["cotton"], countries: ["GB"] } }).factors.some((f) => f.id === "commodity"),
    ).toBe(false);
    // No sourcing country: a weaker signal.
    expect(
      risk({ procurement: { commodities: ["Cotton"], countries: [] } }).factors.find((f) => f.id === "commodity")
        ?.weight,
    ).toBe(RISK_WEIGHTS.commodityListedElsewhere);
    // Child labour only (bricks from India) weighs less than forced labour.
    expect(
      risk({ procurement: { commodities: ["bricks"], countries: ["IN"] } }).factors.find((f) => f.id === "commodity")
        ?.weight,
    ).toBe(RISK_WEIGHTS.commodityChildLabour);
  });

  test("supplier location uses the library's country-risk table; work abroad is a separate factor", () => {
    const r = risk({ procurement: { countries: ["MY", "PH"] } });
    expect(r.factors.find((f) => f.id === "country")).toMatchObject({ weight: 2, source: "Global Slavery Index 2023" });
    expect(r.factors.find((f) => f.id === "work-abroad")?.description).toMatch(/MY, PH/);
  });

  test("the buyer's own assessment overrides the level and keeps the computed one", () => {
    const r = risk({
      procurement: {
        sectors: ["cleaning"],
        labour: { migrantWorkers: true, recruitmentAgencies: true, lowSkilled: true },
      },
      risk: { level: "low", basis: "Audited supplier base" },
    });
    expect(r).toMatchObject({ level: "low", computedLevel: "high", overridden: true });
    expect(r.basis).toMatch(/Audited supplier base/);
  });

  test("weights and bands are data: other tables give other levels", () => {
    const profile = parseProfile(merge(base, { procurement: { sectors: ["cleaning"] } }));
    expect(assessRisk(profile, lib).level).toBe("medium");
    expect(assessRisk(profile, lib, { bands: { medium: 1, high: 2 } }).level).toBe("high");
    expect(
      assessRisk(profile, lib, { weights: { ...RISK_WEIGHTS, sector: { high: 0, medium: 0, low: 0 } } }).level,
    ).toBe("low");
    expect(RISK_BANDS).toEqual({ medium: 2, high: 4 });
  });
});
