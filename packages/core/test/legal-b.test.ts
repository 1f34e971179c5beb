/**
 * Issue 9 ("Legal fidelity, December 2026"), library part B: scenarios that check the law the library
 * data encodes after the fixes (CSDDD as a model only; the Canadian, Art. 71(5) and FLR triggers;
 * exit clauses that never fetter a statutory termination right; the new cross-regime clauses; and the
 * German regime). Each test names the provision it checks; each failed before its library change.
 */
import { describe, expect, it } from "vitest";
import { builtinLibrary, select } from "../src/index.js";
import type { TenderProfileInput } from "../src/model/profile.js";
import type { Selection } from "../src/model/selection.js";
import { CA_BUYER, EU_BUYER, merge, UK_DEPARTMENT, UN_BUYER, US_AGENCY } from "./helpers.js";

const clause = (s: Selection, id: string) => s.clauses.find((c) => c.id === id);
const excluded = (s: Selection, id: string) => s.excluded.find((c) => c.id === id);
const why = (s: Selection, id: string) => (clause(s, id) ?? excluded(s, id))?.reasons.map((r) => r.text).join(" ");
const lib = builtinLibrary();
const libClause = (id: string) => {
  const c = lib.clauses.find((x) => x.id === id);
  if (!c) throw new Error(`no clause ${id}`);
  return c;
};
const bodyText = (id: string) => {
  const b = libClause(id).body;
  return [b.intro ?? "", ...b.subclauses.flatMap((s) => [s.text, ...(s.items ?? [])])].join(" ");
};

/** A risky EU goods tender with subcontracting by an SME, after the FLR date: every CSDDD-modelled clause. */
const EU_RISKY: TenderProfileInput = merge(EU_BUYER, {
  procurement: {
    startDate: "2027-06-01",
    durationMonths: 36,
    countries: ["CN"],
    sectors: ["garments"],
    commodities: ["cotton"],
    labour: { subcontracting: true, migrantWorkers: true, recruitmentAgencies: true },
  },
  supplier: { sme: true },
  modules: ["aba-mcc2"],
});

describe("item 5: the CSDDD (Directive (EU) 2024/1760) is a model, not law that applies", () => {
  const s = select(EU_RISKY);

  it("the EU regime does not list the CSDDD among its instruments", () => {
    const eu = s.regimes.find((r) => r.id === "eu");
    expect(eu?.instruments.map((i) => i.citation)).not.toContainEqual(expect.stringMatching(/2024\/1760/));
    expect(eu?.name).not.toMatch(/CSDDD/);
    expect(lib.regimes.find((r) => r.id === "eu")?.description).toMatch(/not an instrument of this regime/);
  });

  it("no obligation of the schedule claims to satisfy the CSDDD, under any regime", () => {
    expect(s.clauses.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "eu-csddd-contractual-assurance",
        "eu-csddd-verification",
        "eu-sme-fair-terms",
        "eu-corrective-action-plan",
        "general-remedies-ladder",
        "aba-mcc2-remediation-before-exit",
      ]),
    );
    const claimed = s.obligations
      .flatMap((o) => o.satisfies)
      .filter((x) => /2024\/1760|CSDDD|2025\/794|2026\/470/.test(x.citation));
    expect(claimed).toEqual([]);
    // The EU-only clauses modelled on it rest on the buyer's power to set performance conditions.
    const assurance = s.obligations.find((o) => o.clauses.includes("eu-csddd-contractual-assurance"));
    expect(assurance?.satisfies).toContainEqual(
      expect.objectContaining({ regime: "eu", citation: "Directive 2014/24/EU Art. 70" }),
    );
  });

  it("the CSDDD sources name no regime, and their note says why", () => {
    for (const c of lib.clauses) {
      for (const src of [...c.sources, ...c.obligations.flatMap((o) => o.sources)]) {
        if (/^Directive \(EU\) (2024\/1760|2025\/794|2026\/470)/.test(src.citation))
          expect(src.regime, `${c.id}: ${src.citation}`).toBeUndefined();
      }
    }
    const art10 = libClause("eu-csddd-contractual-assurance").sources.find(
      (x) => x.citation === "Directive (EU) 2024/1760 Art. 10",
    );
    expect(art10?.note).toMatch(/Model only/);
  });

  it("titles, reasons and drafting notes say 'modelled on CSDDD Art. 10'", () => {
    expect(clause(s, "eu-csddd-contractual-assurance")?.title).toBe(
      "Contractual assurance and cascading (modelled on CSDDD Art. 10)",
    );
    expect(clause(s, "eu-csddd-verification")?.title).toMatch(/modelled on CSDDD Art\. 10\(5\)/);
    expect(clause(s, "eu-sme-fair-terms")?.title).toMatch(/modelled on CSDDD Art\. 10/);
    expect(why(s, "eu-csddd-contractual-assurance")).toMatch(/modelled on CSDDD Art\. 10\(2\)\(b\)/);
    expect(why(s, "eu-csddd-contractual-assurance")).toMatch(/does not apply to the buyer/);
    expect(why(s, "eu-csddd-verification")).toMatch(/modelled on CSDDD Art\. 10\(5\)/);
    expect(libClause("eu-csddd-contractual-assurance").draftingNote).toMatch(
      /never a contracting authority as such[\s\S]*26 July 2029[\s\S]*2026\/470 \(SECONDARY/,
    );
  });

  it("the selection warning states the adopted Omnibus I position (July 2029, 5,000 employees, EUR 1.5bn)", () => {
    const w = s.warnings.find((x) => x.code === "unconfirmed-fact" && /Due\s+Diligence\s+Directive/.test(x.message));
    expect(w?.message).toMatch(/does not apply to a contracting authority/);
    expect(w?.message).toMatch(/26 July 2029/);
    expect(w?.message).toMatch(/5,000 employees and EUR 1\.5bn/);
    expect(w?.message).toMatch(/2026\/470/);
  });
});

describe("item 6: S.C. 2023, c. 9 needs a Canadian nexus and a goods activity, not only the size tests", () => {
  const SIZE = {
    totalAssets: { amount: 25_000_000, currency: "CAD" },
    annualTurnover: { amount: 10_000_000, currency: "CAD" },
    employees: 300,
  };
  const ca = (over: unknown) => select(merge(CA_BUYER, over));

  it("a goods supplier with business in Canada meeting two size tests: mandatory, naming all three tests", () => {
    const s = ca({ supplier: { ...SIZE, businessIn: ["CA", "US"] } });
    expect(clause(s, "ca-forced-labour-report")?.strength).toBe("mandatory");
    expect(why(s, "ca-forced-labour-report")).toMatch(/carries on business in Canada/);
    expect(why(s, "ca-forced-labour-report")).toMatch(/the procurement is for goods/);
  });

  it("no Canadian nexus (supplier.businessIn without CA): not included, even above the size tests", () => {
    const s = ca({ supplier: { ...SIZE, businessIn: ["US"] } });
    expect(clause(s, "ca-forced-labour-report")).toBeUndefined();
    expect(why(s, "ca-forced-labour-report")).toMatch(
      /does not carry on business in Canada \(supplier\.businessIn: US\)/,
    );
    expect(why(s, "ca-forced-labour-report")).toMatch(/listed on a Canadian\s+stock exchange/);
  });

  it("services: the goods test cannot be told, so the clause is recommended with that reason, never mandatory", () => {
    const s = ca({ procurement: { category: "services" }, supplier: SIZE });
    expect(clause(s, "ca-forced-labour-report")?.strength).toBe("recommended");
    expect(why(s, "ca-forced-labour-report")).toMatch(/goods test cannot be told from the profile/);
    expect(libClause("ca-forced-labour-report").draftingNote).toMatch(/supplier\.goodsActivity/);
  });

  it("works with unknown sizes: recommended, and the reason names the goods test", () => {
    const s = ca({ procurement: { category: "works" }, supplier: { employees: 400 } });
    expect(clause(s, "ca-forced-labour-report")?.strength).toBe("recommended");
    expect(why(s, "ca-forced-labour-report")).toMatch(/a goods activity/);
  });
});

describe("item 6: Directive 2014/24/EU Art. 71(5) makes subcontractor disclosure mandatory for works", () => {
  it("works: mandatory, citing Art. 71(5)", () => {
    const s = select(merge(EU_BUYER, { procurement: { category: "works", title: "School extension" } }));
    expect(clause(s, "eu-subcontracting-disclosure")?.strength).toBe("mandatory");
    expect(why(s, "eu-subcontracting-disclosure")).toMatch(/Art\. 71\(5\) requires the buyer, in a works contract/);
  });
  it("services: recommended, the reason naming the on-site test the profile cannot tell", () => {
    const s = select(merge(EU_BUYER, { procurement: { category: "services", title: "Cleaning" } }));
    expect(clause(s, "eu-subcontracting-disclosure")?.strength).toBe("recommended");
    expect(why(s, "eu-subcontracting-disclosure")).toMatch(/facility under the buyer's direct oversight/);
    expect(why(s, "eu-subcontracting-disclosure")).toMatch(/include it as mandatory if they are/);
  });
  it("goods: optional (Art. 71(5) does not apply to suppliers)", () => {
    const s = select(EU_BUYER);
    expect(clause(s, "eu-subcontracting-disclosure")?.strength).toBe("optional");
    expect(why(s, "eu-subcontracting-disclosure")).toMatch(/does not\s+apply to suppliers of goods/);
  });
});

describe("item 6: Regulation (EU) 2024/3015 covers construction products; the warranty is a buyer choice", () => {
  const at = (category: string, startDate = "2028-01-01", durationMonths: number | undefined = 12) =>
    select(merge(EU_BUYER, { procurement: { category, startDate, durationMonths } }));

  it("goods after the application date: recommended, the reason saying the ban binds the operator, not the buyer", () => {
    const s = at("goods");
    expect(clause(s, "eu-flr-product-warranty")?.strength).toBe("recommended");
    expect(why(s, "eu-flr-product-warranty")).toMatch(/binds the economic operator, not the\s+buyer/);
    expect(why(s, "eu-flr-product-warranty")).toMatch(/buyer choice that the ban makes prudent/);
    expect(why(s, "eu-flr-product-warranty")).not.toMatch(/required by law/);
  });

  it("works are not excluded: construction products are products", () => {
    const s = at("works");
    expect(clause(s, "eu-flr-product-warranty")?.strength).toBe("recommended");
    expect(why(s, "eu-flr-product-warranty")).toMatch(/construction products included/);
    expect(bodyText("eu-flr-product-warranty")).toMatch(/builds into the works, including construction products/);
  });

  it("services: optional (products delivered incidentally)", () => {
    expect(clause(at("services"), "eu-flr-product-warranty")?.strength).toBe("optional");
  });

  it("the FLR is listed as an instrument of the EU regime exactly when its clause is selected (as data: same date)", () => {
    for (const category of ["goods", "services", "works"])
      for (const [start, months] of [
        ["2026-01-01", 12],
        ["2027-06-14", 6],
        ["2027-06-14", 7],
        ["2027-12-13", undefined],
        ["2027-12-14", undefined],
        ["2030-01-01", 24],
      ] as const) {
        const s = at(category, start, months);
        const listed = s.regimes
          .find((r) => r.id === "eu")
          ?.instruments.some((i) => i.citation === "Regulation (EU) 2024/3015");
        expect(listed, `${category} ${start} +${months}`).toBe(clause(s, "eu-flr-product-warranty") !== undefined);
      }
  });
});

describe("item 4: exit clauses never fetter a termination right the law gives (PA 2023 s.78, FAR 52.222-50(e), 22 U.S.C. 7104(g), Dir. 2014/24/EU Art. 73)", () => {
  const FETTER = [
    /\bonly (if|after|when)\b[^.]*\bterminat/i,
    /\bterminat[^.]*\bonly (if|after|when)\b/i,
    /neither party will[^,.]*terminate/i,
  ];
  const profiles: [string, TenderProfileInput][] = [
    [
      "UK (Procurement Act 2023)",
      merge(UK_DEPARTMENT, { modules: ["aba-mcc2"], procurement: { commencedOn: "2025-06-01" } }),
    ],
    ["US (FAR)", merge(US_AGENCY, { modules: ["aba-mcc2"] })],
    ["EU", merge(EU_BUYER, { modules: ["aba-mcc2"] })],
    ["UN", merge(UN_BUYER, { modules: ["aba-mcc2"] })],
  ];

  it.each(profiles)(
    "%s: no selected exit or remediation clause makes termination wait for a plan or for suspension",
    (_n, p) => {
      const s = select(p);
      for (const id of ["general-remedies-ladder", "aba-mcc2-remediation-before-exit", "eu-corrective-action-plan"]) {
        if (!lib.clauses.some((c) => c.id === id)) continue;
        for (const re of FETTER) expect(bodyText(id), `${id} ${re}`).not.toMatch(re);
      }
      expect(clause(s, "general-remedies-ladder")).toBeDefined();
    },
  );

  it("the remedies ladder is the buyer's policy for its discretion and says it limits no other termination right", () => {
    expect(bodyText("general-remedies-ladder")).toMatch(
      /statement of the Buyer's policy for the use of its discretion and does not limit, condition or delay any right of the Buyer to terminate/,
    );
    expect(bodyText("general-remedies-ladder")).toMatch(/does not make a termination or other remedy invalid/);
    const uk = select(profiles[0]![1]);
    expect(why(uk, "general-remedies-ladder")).toMatch(
      /does not limit the regime's termination clause or any statutory right/,
    );
    expect(clause(uk, "general-remedies-ladder")?.reasons[0]?.sources.map((x) => x.citation)).toContain(
      "Procurement Act 2023 s.78",
    );
    expect(clause(uk, "gb-termination")).toBeDefined();
  });

  it("the ABA remediation-before-exit standstill covers damages and the contract's own right only, never a right the law gives", () => {
    expect(bodyText("aba-mcc2-remediation-before-exit")).toMatch(
      /Nothing in this clause limits, conditions or delays any right of the Buyer to terminate the contract, or to take another remedy, that the law/,
    );
    expect(bodyText("aba-mcc2-remediation-before-exit")).toMatch(
      /will not use a right under the contract to terminate it for that breach alone/,
    );
  });

  it("the EU corrective action plan does not limit the termination grounds of Art. 73 or exclusion grounds", () => {
    expect(bodyText("eu-corrective-action-plan")).toMatch(
      /does not limit, condition or delay any right of the Buyer to terminate/,
    );
    expect(bodyText("eu-corrective-action-plan")).toMatch(/Article 73 of Directive 2014\/24\/EU/);
    expect(why(select(EU_BUYER), "eu-corrective-action-plan")).toMatch(
      /does not limit any termination right the law gives the buyer/,
    );
  });
});

describe("missing topics: new cross-regime clauses (regimes: all), with ILO and UNGP sources", () => {
  const NEW = [
    "general-freedom-to-leave",
    "general-harassment-and-abuse",
    "general-child-labour",
    "general-worker-voice",
    "general-raw-material-traceability",
    "general-worker-data-confidentiality",
  ];
  const risky = (jurisdiction: string, kind: string) =>
    select(
      merge(EU_BUYER, {
        buyer: { name: "Buyer", jurisdiction, kind },
        procurement: {
          countries: ["CN"],
          sectors: ["garments"],
          commodities: ["cotton"],
          labour: { migrantWorkers: true, recruitmentAgencies: true },
        },
      }),
    );

  it("each serves every regime, has sources, obligations with evidence, terms and a rule", () => {
    const regimes = lib.regimes.filter((r) => r.kind === "regime").map((r) => r.id);
    for (const id of NEW) {
      const c = libClause(id);
      expect(c.regimes, id).toEqual(regimes);
      expect(c.sources.length, id).toBeGreaterThan(0);
      expect(c.obligations.length, id).toBeGreaterThan(0);
      for (const o of c.obligations) expect(o.evidence.length, o.id).toBeGreaterThan(0);
      expect(c.terms.length, id).toBeGreaterThan(0);
      expect(c.selection?.when.length, id).toBeGreaterThan(0);
    }
  });

  it("they cite the ILO conventions and the UN Guiding Principles where right", () => {
    const cites = (id: string) => libClause(id).sources.map((s) => s.citation);
    expect(cites("general-freedom-to-leave")).toEqual(expect.arrayContaining(["ILO C029", "ILO P029"]));
    expect(cites("general-harassment-and-abuse")).toContain("ILO C190");
    expect(cites("general-child-labour")).toEqual(expect.arrayContaining(["ILO C138", "ILO C182"]));
    expect(cites("general-worker-voice")).toEqual(
      expect.arrayContaining(["ILO C087", "ILO C098", "UN Guiding Principles on Business and Human Rights"]),
    );
    expect(cites("general-raw-material-traceability")).toContain("ILO C105");
    expect(cites("general-worker-data-confidentiality")).toContain("ILO Code of Practice on Workers' Personal Data");
  });

  it.each([
    ["GB", "central-government"],
    ["US", "federal-executive-agency"],
    ["AU", "central-government"],
    ["NO", "local-government"],
  ])("a high-risk goods pack for %s gets all six as recommended", (j, k) => {
    const s = risky(j, k);
    expect(s.risk.level).toBe("high");
    for (const id of NEW) expect(clause(s, id)?.strength, `${j} ${id}`).toBe("recommended");
  });

  it("the general child labour clause is left out where the UN, EU or Canadian regime has its own terms", () => {
    for (const [j, k, own] of [
      ["UN", "un-agency", "un-child-labour"],
      ["FR", "local-government", "eu-labour-law-compliance"],
      ["CA", "central-government", "ca-forced-labour-report"],
    ] as const) {
      const s = risky(j, k);
      expect(clause(s, "general-child-labour"), j).toBeUndefined();
      expect(why(s, "general-child-labour"), j).toMatch(/its own\s+child labour terms cover this/);
      expect(clause(s, own), `${j} ${own}`).toBeDefined();
    }
    expect(bodyText("general-child-labour")).toMatch(/best interests of the child/);
    expect(bodyText("general-child-labour")).toMatch(/check their age/);
  });

  it("at low risk they are left out, except worker-data confidentiality, optional beside the audit clause", () => {
    const s = select(
      merge(UK_DEPARTMENT, { procurement: { countries: ["GB"], sectors: ["professional-services"], title: "Advice" } }),
    );
    expect(s.risk.level).toBe("low");
    for (const id of NEW.filter((x) => x !== "general-worker-data-confidentiality"))
      expect(clause(s, id), id).toBeUndefined();
    expect(clause(s, "general-worker-data-confidentiality")?.strength).toBe("optional");
  });

  it("raw-material traceability names cotton and polysilicon and needs goods or works", () => {
    expect(bodyText("general-raw-material-traceability")).toMatch(/cotton[\s\S]*polysilicon/);
    const services = select(
      merge(UK_DEPARTMENT, {
        procurement: {
          countries: ["CN"],
          sectors: ["cleaning"],
          labour: { migrantWorkers: true, recruitmentAgencies: true },
        },
      }),
    );
    expect(services.risk.level).toBe("high");
    expect(clause(services, "general-raw-material-traceability")).toBeUndefined();
  });

  it("the new sources name no regime, so no obligation claims to satisfy a regime by them", () => {
    const s = risky("GB", "central-government");
    const newCitations = [
      "ILO C087",
      "ILO C098",
      "ILO C138",
      "ILO C182",
      "ILO C190",
      "UN Guiding Principles on Business and Human Rights",
    ];
    expect(s.obligations.flatMap((o) => o.satisfies).filter((x) => newCitations.includes(x.citation))).toEqual([]);
  });
});

describe("Germany: LkSG s.22 exclusion and the competition register (regime de on top of eu)", () => {
  const de = (over: unknown = {}) => select(merge(EU_BUYER, over));

  it("a German buyer brings in eu and de; de lists LkSG s.22 and WRegG s.6", () => {
    const s = de();
    expect(s.regimes.map((r) => r.id)).toEqual(["eu", "de"]);
    const r = s.regimes.find((x) => x.id === "de");
    expect(r?.reasons[0]).toMatch(/buyer\.jurisdiction = DE/);
    expect(r?.instruments.map((i) => i.citation)).toEqual(["LkSG s.22", "WRegG s.6"]);
    expect(select(merge(EU_BUYER, { buyer: { jurisdiction: "FR" } })).regimes.map((x) => x.id)).toEqual(["eu"]);
  });

  it("from EUR 30,000 the exclusion provision is mandatory, naming s.22 and the register query duty", () => {
    const s = de();
    const c = clause(s, "de-lksg-exclusion");
    expect(c?.strength).toBe("mandatory");
    expect(c?.kind).toBe("provision");
    expect(why(s, "de-lksg-exclusion")).toMatch(/LkSG s\.22[\s\S]*WRegG s\.6\(1\)/);
    expect(why(s, "de-lksg-exclusion")).toMatch(/EUR 30,000/);
    expect(c?.obligations.map((o) => o.party)).toEqual(["supplier", "buyer"]);
    expect(clause(s, "eu-exclusion-declaration")?.strength).toBe("mandatory");
  });

  it("below EUR 30,000 it is recommended (s.22 may still apply)", () => {
    const s = de({ procurement: { value: { amount: 20_000, currency: "EUR" } } });
    expect(clause(s, "de-lksg-exclusion")?.strength).toBe("recommended");
  });

  it("the drafting note records the 2025 amendment's status: reporting duty withdrawn, s.22 not repealed, adoption UNCONFIRMED", () => {
    const note = libClause("de-lksg-exclusion").draftingNote;
    expect(note).toMatch(/withdraws the reporting duty/);
    expect(note).toMatch(/no source read says it repeals\s+or amends s\.22/);
    expect(note).toMatch(/UNCONFIRMED/);
    expect(libClause("de-lksg-exclusion").sources.map((x) => x.citation)).toContain(
      "LkSG amending bill (BT-Drs. 21/2474)",
    );
  });

  it("the cross-regime clauses serve de too, and no other buyer gets the German provision", () => {
    expect(clause(de(), "general-grievance-mechanism")?.regimes).toContain("de");
    const uk = select(UK_DEPARTMENT);
    expect(uk.clauses.some((c) => c.id === "de-lksg-exclusion")).toBe(false);
  });
});
