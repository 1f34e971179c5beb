/**
 * Issue 9 ("Legal fidelity, December 2026"), library-data fixes of the legal-a helper. Each block
 * names the item and the `library/` entries it checks; the assertions are the law those entries
 * encode (regimes, clauses, strengths, reasons, warnings), run against the built-in library.
 */
import { describe, expect, it } from "vitest";
import { builtinLibrary, select } from "../src/index.js";
import type { TenderProfileInput } from "../src/model/profile.js";
import type { Selection } from "../src/model/selection.js";
import { merge, UK_DEPARTMENT, US_AGENCY } from "./helpers.js";

const clause = (s: Selection, id: string) => s.clauses.find((c) => c.id === id);
const why = (s: Selection, id: string) => clause(s, id)?.reasons[0]?.text ?? "";
const excluded = (s: Selection, id: string) => s.excluded.find((c) => c.id === id);

/** A high-risk UK goods procurement (gloves from Malaysia, agency and migrant workers). */
const UK_GLOVES: TenderProfileInput = merge(UK_DEPARTMENT, {
  procurement: {
    title: "Examination gloves",
    category: "goods",
    value: { amount: 1_000_000, currency: "GBP" },
    commencedOn: "2026-06-01",
    startDate: "2026-09-01",
    durationMonths: 24,
    countries: ["MY"],
    sectors: ["ppe"],
    labour: { migrantWorkers: true, recruitmentAgencies: true },
  },
});
const ukAs = (kind: string, over: unknown = {}) => select(merge(merge(UK_GLOVES, { buyer: { kind } }), over));
const PPN_CLAUSES = [
  "gb-modern-slavery-compliance",
  "gb-msat",
  "gb-selection-questions",
  "gb-supply-chain-declarations",
];

describe("item 3: the UK PPN rules say whether the PPN binds the buyer", () => {
  it("central government: each PPN clause is policy and its reason says the PPN binds the buyer", () => {
    const s = ukAs("central-government");
    expect(s.risk.level).toBe("high");
    for (const id of PPN_CLAUSES) {
      expect(clause(s, id)?.strength, id).toBe("policy");
      expect(why(s, id), id).toMatch(/binds this buyer \(central government departments/);
      expect(why(s, id), id).not.toMatch(/not binding/);
    }
  });

  it("local government and (from PPN 009) NHS bodies: recommended, and never told the PPN binds them", () => {
    for (const kind of ["local-government", "nhs-body"]) {
      const s = ukAs(kind, { procurement: { commencedOn: "2025-06-01", startDate: "2025-09-01" } });
      for (const id of PPN_CLAUSES) {
        expect(clause(s, id)?.strength, `${kind} ${id}`).toBe("recommended");
        expect(why(s, id), `${kind} ${id}`).not.toMatch(/binds this buyer/);
        expect(why(s, id), `${kind} ${id}`).toMatch(/not binding on this buyer; .*recommended as good practice/);
        expect(why(s, id), `${kind} ${id}`).toMatch(new RegExp(`buyer's kind is ${kind}`));
      }
    }
  });

  it("an NHS body under PPN 02/23 is bound, and its reason names NHS bodies", () => {
    const s = ukAs("nhs-body", { procurement: { commencedOn: "2024-05-01", startDate: "2024-09-01" } });
    expect(clause(s, "gb-selection-questions")?.strength).toBe("policy");
    expect(why(s, "gb-selection-questions")).toMatch(/PPN 02\/23 binds this buyer .*and NHS bodies/);
  });

  it("the selection reasons use the framework's own terms: the SQ under PCR 2015, not under the Procurement Act", () => {
    const pa = ukAs("central-government");
    expect(why(pa, "gb-selection-questions")).toMatch(/^PPN 009 binds this buyer/);
    expect(why(pa, "gb-selection-questions")).toMatch(/conditions of\s+participation/);
    expect(why(pa, "gb-supply-chain-declarations")).toMatch(/exclusion information the Procurement Act 2023 asks for/);
    expect(why(pa, "gb-supply-chain-declarations")).not.toMatch(/Parts 1 and 2/);
    const pcr = ukAs("central-government", { procurement: { commencedOn: "2024-10-01", startDate: "2025-01-01" } });
    expect(why(pcr, "gb-selection-questions")).toMatch(
      /^PPN 02\/23 binds this buyer .*Part 3 of the Standard Selection/,
    );
    expect(why(pcr, "gb-supply-chain-declarations")).toMatch(/Standard Selection Questionnaire\s+\(Parts 1 and 2\)/);
  });
});

describe("item 2: NHS bodies and the NHS (Procurement, Slavery and Human Trafficking) Regulations 2025", () => {
  const nhs = (over: unknown = {}) => ukAs("nhs-body", over);
  const cites = (s: Selection, id: string) => clause(s, id)?.reasons[0]?.sources.map((x) => x.citation) ?? [];

  it("from 2026-05-17 the compliance clause and the selection questions are mandatory, citing SI 2025/1212", () => {
    const s = nhs();
    expect(s.regimes.map((r) => r.id)).toEqual(["gb"]);
    for (const id of ["gb-modern-slavery-compliance", "gb-selection-questions"]) {
      expect(clause(s, id)?.strength, id).toBe("mandatory");
      expect(why(s, id), id).toMatch(
        /NHS \(Procurement, Slavery and Human Trafficking\) Regulations 2025 \(SI 2025\/1212\)/,
      );
      expect(why(s, id), id).toMatch(/reasonable steps/);
      expect(why(s, id), id).toMatch(/England only: .*Scotland, Wales or Northern Ireland/);
      expect(cites(s, id), id).toContain("SI 2025/1212");
      expect(clause(s, id)?.reasons[0]?.inputs["parameters.gb-nhs-slavery-regulations-date"]).toBe("2026-05-17");
    }
    expect(why(s, "gb-modern-slavery-compliance")).toMatch(/contract terms and managing the contract/);
    expect(why(s, "gb-selection-questions")).toMatch(/designing the procurement/);
  });

  it("the MSAT and the supply-chain declarations stay recommended, with reasons naming the Regulations", () => {
    const s = nhs();
    for (const id of ["gb-msat", "gb-supply-chain-declarations"]) {
      expect(clause(s, id)?.strength, id).toBe("recommended");
      expect(why(s, id), id).toMatch(/SI 2025\/1212/);
      expect(why(s, id), id).toMatch(/England only/);
    }
  });

  it("at low risk the Regulations still apply: the clause is recommended and the reason recalls the risk assessment", () => {
    const s = nhs({ risk: { level: "low", basis: "The trust's own modern slavery risk assessment." } });
    expect(clause(s, "gb-modern-slavery-compliance")?.strength).toBe("recommended");
    expect(why(s, "gb-modern-slavery-compliance")).toMatch(/assess the modern slavery risk before the tender notice/);
    expect(clause(s, "gb-selection-questions")).toBeUndefined();
  });

  it("before 2026-05-17 an NHS body gets no Regulations and no mandatory PPN clause; central government is unaffected", () => {
    const before = nhs({ procurement: { commencedOn: "2026-05-16" } });
    for (const id of PPN_CLAUSES) {
      expect(clause(before, id)?.strength, id).toBe("recommended");
      expect(why(before, id), id).not.toMatch(/SI 2025\/1212/);
      expect(cites(before, id), id).not.toContain("SI 2025/1212");
    }
    const dept = ukAs("central-government");
    expect(clause(dept, "gb-modern-slavery-compliance")?.strength).toBe("policy");
    expect(why(dept, "gb-modern-slavery-compliance")).not.toMatch(/SI 2025\/1212/);
  });

  it("the source, the dated parameter and the drafting notes record what is confirmed and what is not", () => {
    const lib = builtinLibrary();
    expect(lib.parameters.find((p) => p.id === "gb-nhs-slavery-regulations-date")?.values[0]).toMatchObject({
      value: "2026-05-17",
      confidence: "secondary",
    });
    const source = lib.clauses
      .find((c) => c.id === "gb-modern-slavery-compliance")
      ?.sources.find((x) => x.citation === "SI 2025/1212");
    expect(source).toMatchObject({ regime: "gb", effectiveFrom: "2026-05-17", confidence: "secondary" });
    expect(source?.instrument).toMatch(/s\.12ZC/);
    for (const id of PPN_CLAUSES) {
      const note = lib.clauses.find((c) => c.id === id)?.draftingNote ?? "";
      expect(note, id).toMatch(/SI 2025\/1212/);
      expect(note, id).toMatch(/SECONDARY/);
    }
    const note = lib.clauses.find((c) => c.id === "gb-modern-slavery-compliance")?.draftingNote ?? "";
    expect(note).toMatch(/cannot tell England from Scotland, Wales or Northern Ireland/);
  });
});

describe("item 7: the declarations annex declares, each at the stage the law sets", () => {
  const US_ABROAD = merge(US_AGENCY, {
    procurement: { outsideBuyerCountryValue: { amount: 5_000_000, currency: "USD" } },
  });
  const lines = (s: Selection) => {
    const d = s.annexes.find((a) => a.id === "declaration");
    return (d && "entries" in d ? d.entries : []).map((e) => ({
      id: e.id,
      kind: e.kind,
      text: "text" in e ? e.text.map((r) => (r.type === "text" ? r.value : `[${r.type}]`)).join("") : "",
    }));
  };

  it("FAR 52.222-56 is not certified at tender: the apparent successful offeror undertakes to certify before award", () => {
    const s = select(US_ABROAD);
    expect(clause(s, "us-far-52-222-56")?.strength).toBe("mandatory");
    const l = lines(s);
    expect(l.some((e) => e.kind === "certification")).toBe(false);
    const before = l.find((e) => e.id === "far-52-222-56-before-award");
    expect(before?.text).toMatch(
      /^if it becomes the apparent successful offeror, it will, before award, give the contracting\s+officer the certification required by FAR 52\.222-56/,
    );
    expect(l.find((e) => e.id === "far-annual-certification")?.text).toMatch(/every year/);
  });

  it("no obligation is pasted in the imperative under 'declares that', and no item repeats", () => {
    for (const s of [select(US_ABROAD), ukAs("central-government")]) {
      const l = lines(s);
      expect(l.some((e) => e.kind === "obligation")).toBe(false);
      for (const e of l) expect(e.text, e.id).toMatch(/^(it|its|if|where|the) /);
      expect(new Set(l.map((e) => e.text)).size).toBe(l.length);
      const n52 = l.filter((e) => /52\.222-56/.test(e.text)).length;
      expect(n52).toBeLessThanOrEqual(1);
    }
  });

  it("UK tender-stage declarations follow the provisions selected", () => {
    const ids = lines(ukAs("central-government")).map((e) => e.id);
    expect(ids).toEqual([
      "comply",
      "gb-exclusion-answers",
      "gb-selection-answers",
      "gb-supply-chain-list",
      "true-and-complete",
    ]);
    const low = lines(select(merge(UK_DEPARTMENT, { risk: { level: "low", basis: "Buyer's assessment." } }))).map(
      (e) => e.id,
    );
    expect(low).toEqual(["comply", "gb-exclusion-answers", "true-and-complete"]);
  });
});

describe("item 8: the US DOL List of Goods rows, keyed as the risk engine reads them", () => {
  const factor = (commodities: string[], countries: string[]) =>
    select(merge(UK_GLOVES, { procurement: { commodities, countries, labour: {} } })).risk.factors.find(
      (f) => f.id === "commodity",
    );

  it("the brief's goods are matched with their listed countries and kinds", () => {
    const cases: [string, string, RegExp, number][] = [
      ["gloves", "MY", /gloves from MY .*\(forced labour\)/, 3],
      ["rubber gloves", "MY", /rubber gloves from MY .*\(forced labour\)/, 3],
      ["Cotton", "CN", /cotton from CN .*\(forced labour and child labour\)/, 3],
      ["garments", "CN", /garments from CN .*\(forced labour\)/, 3],
      ["fish", "TW", /fish from TW .*\(forced labour\)/, 3],
      ["cocoa", "CI", /cocoa from CI .*\(forced labour\)/, 3],
      ["bricks", "KH", /bricks from KH .*\(forced labour and child labour\)/, 3],
      ["electronics", "MY", /electronics from MY .*\(forced labour\)/, 3],
    ];
    for (const [good, country, description, weight] of cases) {
      const f = factor([good], [country]);
      expect(f?.description, `${good} ${country}`).toMatch(description);
      expect(f?.weight, `${good} ${country}`).toBe(weight);
      expect(f?.source).toBe("US DOL List of Goods (2024-09-05)");
    }
    // A country the loaded rows do not name is not matched (not loaded is not "not listed").
    expect(factor(["gloves"], ["TH"])).toBeUndefined();
  });

  it("the table records its edition, its confidence and a child-labour row for each good that has one", () => {
    const lg = builtinLibrary().risk.listedGoods;
    expect(lg.source.citation).toBe("US DOL List of Goods (2024-09-05)");
    expect(lg.source.edition).toMatch(/2024 edition, published 2024-09-05/);
    expect(lg.source.confidence).toBe("secondary");
    expect(lg.goods.length).toBeGreaterThan(20);
    const rows = (good: string) => lg.goods.filter((g) => g.good === good);
    expect(rows("cocoa").find((g) => g.childLabour)?.countries).toContain("GH");
    expect(rows("fish").find((g) => g.childLabour)?.countries).toContain("VN");
    // Every row asserts at least one kind, and the forced-labour row of a good comes first (the engine
    // reads the first row whose good matches).
    for (const g of lg.goods) expect(g.forcedLabour || g.childLabour, g.good).toBe(true);
    for (const good of new Set(lg.goods.map((g) => g.good))) {
      const r = rows(good);
      if (r.some((g) => g.forcedLabour)) expect(r[0]?.forcedLabour, good).toBe(true);
    }
  });
});

describe("item 9: smaller staleness", () => {
  const lib = builtinLibrary();
  const libClause = (id: string) => lib.clauses.find((c) => c.id === id);

  it("Directive 2011/36/EU is cited as amended by Directive (EU) 2024/1712, in the sources and the definition", () => {
    const def = lib.definitions.find((d) => d.id === "trafficking-in-persons");
    expect(def?.text).toMatch(/surrogacy, forced marriage\s+and illegal adoption/);
    expect(def?.sources.map((x) => x.citation)).toContain("Directive (EU) 2024/1712");
    const eu = libClause("eu-exclusion-declaration");
    expect(eu?.sources.find((x) => x.citation === "Directive 2011/36/EU Art. 2")?.instrument).toMatch(
      /as amended by Directive \(EU\) 2024\/1712/,
    );
    expect(eu?.draftingNote).toMatch(/as amended by\s+Directive \(EU\) 2024\/1712/);
    expect(eu?.sources.find((x) => x.citation === "Directive (EU) 2024/1712")).toMatchObject({
      confidence: "secondary",
      effectiveFrom: "2024-07-14",
    });
  });

  it("PA 2023 s.78 is settled as a discretion in the UK termination clause", () => {
    const c = libClause("gb-termination");
    expect(c?.draftingNote).not.toMatch(/UNCONFIRMED|sources disagree/);
    expect(c?.draftingNote).toMatch(/"can" be terminated: a discretion, not a duty/);
    expect(c?.sources.find((x) => x.citation === "Procurement Act 2023 s.78")).toMatchObject({
      confidence: "confirmed",
      provision: "s.78(1), (2)(b)-(c)",
    });
    const s = ukAs("central-government");
    expect(clause(s, "gb-termination")?.sources.map((x) => x.citation)).toContain("Procurement Act 2023 s.78");
    const pcr = ukAs("central-government", { procurement: { commencedOn: "2024-10-01", startDate: "2025-01-01" } });
    expect(clause(pcr, "gb-termination")?.sources.map((x) => x.citation)).not.toContain("Procurement Act 2023 s.78");
  });

  it("the supply-chain declarations ask for SQ Parts 1 and 2 only under PCR 2015", () => {
    const s = ukAs("central-government");
    const text = (clause(s, "gb-supply-chain-declarations")?.body.subclauses[1]?.text ?? [])
      .map((r) => ("value" in r ? r.value : ""))
      .join("");
    expect(text).toMatch(
      /under the Procurement Act 2023, the information on the mandatory and discretionary exclusion grounds/,
    );
    expect(text).toMatch(/under the Public Contracts Regulations 2015, the self-declarations of Parts 1 and 2/);
    // Under the Procurement Act the obligations cite the PPN 009 guidance, not only expired PCR-era sources.
    expect(s.warnings.filter((w) => w.code === "source-not-in-force").map((w) => w.subject)).not.toContain(
      "gb-list-supply-chain",
    );
    expect(s.warnings.filter((w) => w.code === "source-not-in-force").map((w) => w.subject)).not.toContain(
      "gb-answer-selection-questions",
    );
  });

  it("a mitigating factor is not a duty: the schedule never lists FAR 52.222-50(e) or (f) as met", () => {
    const US_ABROAD = merge(US_AGENCY, {
      procurement: {
        outsideBuyerCountryValue: { amount: 5_000_000, currency: "USD" },
        labour: { migrantWorkers: true },
      },
    });
    const s = select(US_ABROAD);
    const met = s.obligations.flatMap((o) => o.satisfies.map((x) => `${o.id}: ${x.citation}`));
    expect(met.filter((m) => /52\.222-50\((e|f)\)/.test(m))).toEqual([]);
    expect(s.obligations.find((o) => o.topic === "remediation")?.satisfies.map((x) => x.citation)).toEqual([
      "FAR 22.1704(b)",
    ]);
  });

  it("the defaults printed match the timing printed: a risk-scaled period is not given as a fixed default", () => {
    const s = ukAs("central-government");
    expect(s.risk.level).toBe("high");
    for (const o of s.obligations) {
      for (const m of o.action.matchAll(/\(default (?:every )?(\d+) (hours|days|months)\)/g)) {
        const [, n, unit] = m;
        const t = o.timing;
        const shown =
          t.kind === "on-event" && t.withinHours !== undefined
            ? unit === "hours"
              ? t.withinHours
              : t.withinHours / 24
            : t.kind === "recurring"
              ? t.everyMonths
              : t.kind === "within"
                ? t.days
                : undefined;
        expect(shown, `${o.id}: ${o.action}`).toBe(Number(n));
      }
    }
    const grievance = s.obligations.find((o) => o.topic === "grievance" && o.timing.kind === "on-event");
    expect(grievance?.timingText).toMatch(/14 days/);
    expect(grievance?.action).not.toMatch(/default 30 days/);
  });
});

describe("missing: FAR 22.15 child labour — 52.222-18 and 52.222-19 for supplies", () => {
  const US_GOODS = merge(US_AGENCY, {
    procurement: {
      title: "Disposable gloves",
      category: "goods",
      value: { amount: 50_000, currency: "USD" },
      startDate: "2026-01-01",
      countries: ["MY"],
      commodities: ["gloves"],
    },
  });
  const us = (over: unknown = {}) => select(merge(US_GOODS, over));

  it("supplies above the micro-purchase threshold: 52.222-19 mandatory (22.1505(b)), 52.222-18 recommended with the E.O. 13126 warning", () => {
    const s = us();
    expect(clause(s, "us-far-52-222-19")?.strength).toBe("mandatory");
    expect(why(s, "us-far-52-222-19")).toMatch(/^FAR 22\.1505\(b\) requires FAR 52\.222-19/);
    expect(why(s, "us-far-52-222-19")).toMatch(/USD 50,000\) exceeds USD 15,000/);
    expect(clause(s, "us-far-52-222-19")?.reasons[0]?.inputs["parameters.us-micro-purchase-threshold"]).toBe(15_000);
    expect(clause(s, "us-far-52-222-18")?.strength).toBe("recommended");
    expect(why(s, "us-far-52-222-18")).toMatch(/E\.O\. 13126 List; the profile cannot show whether they are/);
    const w = s.warnings.find((x) => x.code === "eo-13126-list-check");
    expect(w?.subject).toBe("us-far-52-222-18");
    expect(w?.message).toMatch(/contracting officer must check the List \(FAR 22\.1503\(a\)\)/);
    expect(w?.message).toMatch(/FAR 52\.212-3\(i\)/);
  });

  it("incorporated by reference with their exact citations and clause dates", () => {
    const s = us();
    expect(clause(s, "us-far-52-222-18")?.kind).toBe("provision");
    expect(clause(s, "us-far-52-222-18")?.incorporates.map((i) => [i.citation, i.edition])).toEqual([
      ["FAR 52.222-18", "Feb 2021"],
    ]);
    expect(clause(s, "us-far-52-222-19")?.incorporates.map((i) => [i.citation, i.edition])).toEqual([
      ["FAR 52.222-19", "Feb 2024"],
    ]);
    const intro = (id: string) => (clause(s, id)?.body.intro ?? []).map((r) => ("value" in r ? r.value : "")).join("");
    expect(intro("us-far-52-222-18")).toMatch(
      /incorporates FAR 52\.222-18, Certification Regarding Knowledge of Child Labor for Listed End Products \(Feb 2021\), by reference/,
    );
    expect(intro("us-far-52-222-19")).toMatch(
      /incorporates FAR 52\.222-19, Child Labor-Cooperation with Authorities and Remedies \(Feb 2024\), by reference/,
    );
  });

  it("the micro-purchase threshold is dated: USD 10,000 before 2025-10-01 (secondary), USD 15,000 from then", () => {
    const at12k = (startDate: string) => us({ procurement: { value: { amount: 12_000, currency: "USD" }, startDate } });
    expect(clause(at12k("2025-09-30"), "us-far-52-222-19")?.strength).toBe("mandatory");
    expect(
      at12k("2025-09-30").warnings.some(
        (x) => x.code === "unconfirmed-fact" && x.subject === "us-micro-purchase-threshold",
      ),
    ).toBe(true);
    expect(excluded(at12k("2025-10-01"), "us-far-52-222-19")?.reasons[0]?.text).toMatch(
      /USD 12,000\) does not exceed USD 15,000/,
    );
    expect(clause(at12k("2025-10-01"), "us-far-52-222-18")).toBeUndefined();
  });

  it("not for services, and not outside the FAR; the offer-stage declaration follows the provision", () => {
    expect(excluded(us({ procurement: { category: "services" } }), "us-far-52-222-19")?.reasons[0]?.text).toMatch(
      /the procurement is for services, not goods/,
    );
    expect(clause(ukAs("central-government"), "us-far-52-222-19")).toBeUndefined();
    const d = us().annexes.find((a) => a.id === "declaration");
    expect(d && "entries" in d ? d.entries.map((e) => e.id) : []).toContain("far-52-222-18-with-offer");
  });
});
