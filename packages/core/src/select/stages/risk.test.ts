import { describe, expect, test } from "vitest";
import { fixtureLibrary } from "../../../test/fixtures/library.js";
import { merge } from "../../../test/helpers.js";
import { builtinLibrary } from "../../library/builtin.js";
import { parseProfile } from "../../validate/profile.js";
import { assessRisk } from "./risk.js";

const lib = fixtureLibrary();
const factors = lib.risk.model.factors;
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
    expect(r.factors[0]).toMatchObject({ id: "sector", weight: factors.sector.weight.high, source: "PPN 02/23" });
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

  test("every row of a good on the built-in DOL table is read: a child-labour-only country still counts", () => {
    const builtin = (over: unknown) => assessRisk(parseProfile(merge(base, over)), builtinLibrary());
    // Cocoa has a forced-labour row (CI, NG) and a child-labour row (CI, NG, BR, CM, GH, GN, SL).
    const ghana = builtin({ procurement: { commodities: ["cocoa"], countries: ["GH"] } }).factors.find(
      (f) => f.id === "commodity",
    );
    expect(ghana?.description).toMatch(/cocoa from GH .*\(child labour\)/);
    expect(ghana?.weight).toBe(factors.commodityChildLabour.weight);
    // Where both rows match, the forced-labour row wins.
    const ivory = builtin({ procurement: { commodities: ["cocoa"], countries: ["CI"] } }).factors.find(
      (f) => f.id === "commodity",
    );
    expect(ivory?.weight).toBe(factors.commodityForcedLabour.weight);
    // No sourcing country: the countries of every row are named.
    expect(
      builtin({ procurement: { commodities: ["cocoa"], countries: [] } }).factors.find((f) => f.id === "commodity")
        ?.description,
    ).toMatch(/CI, NG, BR, CM, GH, GN, SL/);
  });

  test("a DOL-listed commodity is matched with the sourcing country", () => {
    const listed = risk({ procurement: { commodities: ["cotton"], countries: ["CN"] } });
    const commodity = listed.factors.find((f) => f.id === "commodity");
    expect(commodity?.weight).toBe(factors.commodityForcedLabour.weight);
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
    ).toBe(factors.commodityListedElsewhere.weight);
    // Child labour only (bricks from India) weighs less than forced labour.
    expect(
      risk({ procurement: { commodities: ["bricks"], countries: ["IN"] } }).factors.find((f) => f.id === "commodity")
        ?.weight,
    ).toBe(factors.commodityChildLabour.weight);
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
    const zero = { ...lib.risk.model, factors: { ...factors, sector: { weight: { high: 0, medium: 0, low: 0 } } } };
    expect(assessRisk(profile, { ...lib, risk: { ...lib.risk, model: zero } }).level).toBe("low");
    const weights = assessRisk(profile, lib).factors.map((f) => f.weight);
    expect(weights).toEqual([factors.sector.weight.high]);
    expect(
      assessRisk(profile, lib, {
        weights: {
          sector: { high: 0, medium: 0, low: 0 },
          commodityForcedLabour: 3,
          commodityChildLabour: 2,
          commodityListedElsewhere: 1,
          country: { high: 2, medium: 1, low: 0 },
          recruitmentAgencies: 1,
          migrantWorkers: 1,
          lowSkilled: 1,
          housingProvided: 1,
          workAbroad: 1,
          subcontracting: 1,
        },
      }).level,
    ).toBe("low");
  });

  test("the built-in risk model: its bands, and each profile factor's source as the library cites it", () => {
    const builtin = builtinLibrary();
    expect(builtin.risk.model.bands).toEqual({ medium: 2, high: 4 });
    const r = assessRisk(
      parseProfile(
        merge(base, {
          procurement: {
            countries: ["GB", "MY"],
            labour: {
              recruitmentAgencies: true,
              migrantWorkers: true,
              lowSkilled: true,
              housingProvided: true,
              subcontracting: true,
            },
          },
        }),
      ),
      builtin,
    );
    const table1 = "PPN 02/23 / PPN 009 modern slavery guidance, Table 1";
    expect(Object.fromEntries(r.factors.map((f) => [f.id, f.source]))).toEqual({
      "recruitment-agencies": `${table1} (nature of the workforce)`,
      "migrant-workers": `${table1} (nature of the workforce)`,
      "low-skilled": `${table1} (nature of the workforce)`,
      housing: `${table1} (nature of the workforce)`,
      "work-abroad": `${table1} (supplier location; context)`,
      subcontracting: `${table1} (business / supply-chain model)`,
    });
  });
});
