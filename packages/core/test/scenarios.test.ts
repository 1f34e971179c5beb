/**
 * Scenario table built from the law (the instruments of `library/sources.yaml`, not the engine's
 * output): each scenario names the rule of law it exercises and asserts the clause ids included
 * (with strength) and excluded, the key inputs the reasons read, and the warnings. Each section names
 * the `sources.yaml` keys of the instruments it checks, so that a reader can look them up in the
 * repository. It runs against the fixture library and the built-in one.
 */
import { describe, expect, test } from "vitest";
import type { Library } from "../src/model/clause.js";
import type { TenderProfileInput } from "../src/model/profile.js";
import type { Selection, Strength } from "../src/model/selection.js";
import { AU_BUYER, CA_BUYER, EU_BUYER, merge, selectWith, UK_DEPARTMENT, UN_BUYER, US_AGENCY } from "./helpers.js";
import { libraries } from "./libraries.js";

interface Scenario {
  name: string;
  /** The rule of law the scenario checks (an instrument of `library/sources.yaml`). */
  law: string;
  profile: TenderProfileInput;
  include?: Record<string, Strength>;
  exclude?: string[];
  /** [clause id, input key, expected value] read from the clause's (or excluded clause's) first reason. */
  inputs?: [string, string, unknown][];
  /** [clause id, pattern the first reason's text must match]. */
  reason?: [string, RegExp][];
  warnings?: string[];
  noWarnings?: string[];
  regimes?: string[];
  check?: (s: Selection, lib: Library) => void;
}

const us = (over: unknown) => merge(US_AGENCY, over);
const uk = (over: unknown) => merge(UK_DEPARTMENT, over);
const eu = (over: unknown) => merge(EU_BUYER, over);
const outside = (amount: number, currency = "USD") => ({
  procurement: { outsideBuyerCountryValue: { amount, currency } },
});
const onDate = (startDate: string, amount: number) => merge(outside(amount), { procurement: { startDate } });
const US_PLAN = ["us-far-52-222-56", "us-far-compliance-plan", "us-far-annual-certification"];
const US_ALWAYS = [
  "us-far-52-222-50",
  "us-far-incident-reporting",
  "us-far-cooperation",
  "us-far-flow-down",
  "us-far-remedies",
];
const threshold = "parameters.us-compliance-plan-threshold";

const SCENARIOS: Scenario[] = [
  // --- United States. sources.yaml: far-22-1701, far-22-1705, far-52-222-50, far-52-222-50-alt-i,
  // far-52-222-56, fac-2021-01, fac-2025-06 (the compliance-plan threshold by date: parameters.yaml
  // us-compliance-plan-threshold).
  {
    name: "US: outside value exactly USD 550,000 on 2024-06-01 is not included (the test is 'exceeds')",
    law: "FAR 52.222-50(h), 52.222-56(b): value exceeds T_TIP(d); T_TIP = 550,000 from 2020-10-01",
    profile: us(outside(550_000)),
    include: Object.fromEntries(US_ALWAYS.map((id) => [id, "mandatory"])),
    exclude: US_PLAN,
    inputs: [
      ["us-far-52-222-56", threshold, 550_000],
      ["us-far-52-222-56", "procurement.outsideBuyerCountryValue.amount", 550_000],
    ],
    reason: [["us-far-52-222-56", /does not exceed USD 550,000, the threshold in force on 2024-06-01/]],
    warnings: ["threshold-boundary"],
  },
  {
    name: "US: USD 550,001 on 2024-06-01 gets the plan, the certification and the annual certification",
    law: "FAR 22.1705(b), 52.222-50(h)(5)",
    profile: us(outside(550_001)),
    include: {
      "us-far-52-222-56": "mandatory",
      "us-far-compliance-plan": "mandatory",
      "us-far-annual-certification": "mandatory",
    },
    inputs: [["us-far-52-222-56", threshold, 550_000]],
    reason: [["us-far-52-222-56", /USD 550,001\) exceeds USD 550,000/]],
    noWarnings: ["threshold-boundary", "unconfirmed-fact"],
  },
  {
    name: "US: USD 549,999 on 2024-06-01 is below",
    law: "FAR 22.1701(b)",
    profile: us(outside(549_999)),
    exclude: US_PLAN,
  },
  {
    name: "US: USD 700,000 on 2025-10-01 is not included, and the 700,000 figure is flagged as secondary",
    law: "FAC 2025-06: T_TIP = 700,000 from 2025-10-01 [S]",
    profile: us(onDate("2025-10-01", 700_000)),
    exclude: US_PLAN,
    inputs: [["us-far-52-222-56", threshold, 700_000]],
    warnings: ["unconfirmed-fact", "threshold-boundary"],
  },
  {
    name: "US: USD 700,001 on 2025-10-01 is included, with the secondary-source warning",
    law: "FAC 2025-06 [S]",
    profile: us(onDate("2025-10-01", 700_001)),
    include: { "us-far-52-222-56": "mandatory", "us-far-compliance-plan": "mandatory" },
    warnings: ["unconfirmed-fact"],
  },
  {
    name: "US: USD 600,000 on 2025-09-30 is over the 550,000 still in force",
    law: "T_TIP(2025-09-30) = 550,000",
    profile: us(onDate("2025-09-30", 600_000)),
    include: { "us-far-52-222-56": "mandatory" },
    inputs: [["us-far-52-222-56", threshold, 550_000]],
    noWarnings: ["unconfirmed-fact"],
  },
  {
    name: "US: the same USD 600,000 on 2025-10-01 is under the 700,000 threshold",
    law: "T_TIP(2025-10-01) = 700,000 [S]",
    profile: us(onDate("2025-10-01", 600_000)),
    exclude: US_PLAN,
    inputs: [["us-far-52-222-56", threshold, 700_000]],
  },
  {
    name: "US: USD 500,001 on 2020-09-30 exceeds the 500,000 threshold then in force",
    law: "T_TIP(d) = 500,000 before 2020-10-01",
    profile: us(onDate("2020-09-30", 500_001)),
    include: { "us-far-52-222-56": "mandatory", "us-far-compliance-plan": "mandatory" },
    inputs: [["us-far-52-222-56", threshold, 500_000]],
  },
  {
    name: "US: USD 500,000 on 2020-09-30 does not exceed 500,000",
    law: "T_TIP(d) = 500,000 before 2020-10-01; 'exceeds'",
    profile: us(onDate("2020-09-30", 500_000)),
    exclude: US_PLAN,
    warnings: ["threshold-boundary"],
  },
  {
    name: "US: USD 525,000 on 2020-10-01 is under the new 550,000",
    law: "FAC 2021-01 effective 2020-10-01",
    profile: us(onDate("2020-10-01", 525_000)),
    exclude: US_PLAN,
    inputs: [["us-far-52-222-56", threshold, 550_000]],
  },
  {
    name: "US: the same USD 525,000 on 2020-09-30 is over the old 500,000",
    law: "FAC 2021-01 effective 2020-10-01",
    profile: us(onDate("2020-09-30", 525_000)),
    include: { "us-far-52-222-56": "mandatory" },
  },
  {
    name: "US: an entirely COTS acquisition gets no 52.222-56 whatever the value",
    law: "FAR 22.1705(b)(2)",
    profile: us(
      merge(outside(2_000_000), { procurement: { category: "goods", commercialOffTheShelf: true, countries: ["CN"] } }),
    ),
    include: { "us-far-52-222-50": "mandatory" },
    exclude: US_PLAN,
    inputs: [["us-far-52-222-56", "procurement.commercialOffTheShelf", true]],
    reason: [["us-far-52-222-56", /COTS/]],
  },
  {
    name: "US: an outside value in EUR with no rate cannot be tested: recommended, never guessed",
    law: "Thresholds in USD; no exchange rate given",
    profile: us(outside(600_000, "EUR")),
    include: { "us-far-52-222-56": "recommended", "us-far-compliance-plan": "recommended" },
    warnings: ["missing-exchange-rate"],
    reason: [["us-far-52-222-56", /no EUR\/USD exchange rate/]],
  },
  {
    name: "US: EUR 520,000 at EUR/USD 1.1 is USD 572,000, over the threshold; the rate is recorded",
    law: "exchangeRates BASE/QUOTE",
    profile: us(merge(outside(520_000, "EUR"), { exchangeRates: { "EUR/USD": 1.1 } })),
    include: { "us-far-52-222-56": "mandatory" },
    inputs: [["us-far-52-222-56", "exchangeRates.EUR/USD", 1.1]],
    noWarnings: ["missing-exchange-rate"],
  },
  {
    name: "US: GBP 791,000 with only USD/GBP 1.13 is exactly USD 700,000 — not 'exceeding' through floating-point noise",
    law: "FAR 52.222-56(b): exceeds; conversion rounded to the cent (791,000 / 1.13 = 700,000.0000000001 in binary floating point)",
    profile: us(merge(onDate("2025-10-01", 0), merge(outside(791_000, "GBP"), { exchangeRates: { "USD/GBP": 1.13 } }))),
    exclude: US_PLAN,
    warnings: ["threshold-boundary"],
  },
  {
    name: "US: only the inverse pair USD/EUR 0.9 is given: EUR 500,000 = USD 555,555.56, over 550,000",
    law: "exchangeRates inverse pair",
    profile: us(merge(outside(500_000, "EUR"), { exchangeRates: { "USD/EUR": 0.9 } })),
    include: { "us-far-52-222-56": "mandatory" },
    inputs: [["us-far-52-222-56", "exchangeRates.USD/EUR", 0.9]],
  },
  {
    name: "US: performed abroad with US directives notified gets Alternate I",
    law: "FAR 22.1705(a)(2)",
    profile: us(merge(outside(100_000), { procurement: { usDirectivesApply: true } })),
    include: { "us-far-52-222-50-alt-i": "mandatory" },
    exclude: US_PLAN,
    inputs: [["us-far-52-222-50-alt-i", "procurement.usDirectivesApply", true]],
  },
  {
    name: "US: directives notified but performed entirely in the US: no Alternate I",
    law: "FAR 22.1705(a)(2) requires performance outside the US",
    profile: us({ procurement: { countries: ["US"], usDirectivesApply: true } }),
    exclude: ["us-far-52-222-50-alt-i", ...US_PLAN, "us-far-return-transport"],
    reason: [["us-far-52-222-50-alt-i", /outside the US/]],
  },
  {
    name: "US: performed abroad without directives: no Alternate I",
    law: "FAR 22.1705(a)(2) requires notified directives",
    profile: us(outside(100_000)),
    exclude: ["us-far-52-222-50-alt-i"],
    inputs: [["us-far-52-222-50-alt-i", "procurement.usDirectivesApply", null]],
  },
  {
    name: "US: domestic with housing: housing clause mandatory, no return transport without migrants",
    law: "FAR 52.222-50(b)(7), (b)(8)",
    profile: us({ procurement: { countries: ["US"], labour: { housingProvided: true } } }),
    include: { "us-far-housing": "mandatory", "general-housing": "recommended" },
    exclude: ["us-far-return-transport"],
  },
  {
    name: "US: domestic with migrant workers: return transport mandatory, work documents recommended",
    law: "FAR 52.222-50(b)(7); 22.1703(a)(9)",
    profile: us({ procurement: { countries: ["US"], labour: { migrantWorkers: true } } }),
    include: { "us-far-return-transport": "mandatory", "us-far-work-documents": "recommended" },
  },
  {
    name: "US: a domestic contract with no outside value states nothing abroad: no plan, and no unknown",
    law: "FAR 22.1701(b) portion test",
    profile: us({ procurement: { countries: ["US"] } }),
    exclude: US_PLAN,
    noWarnings: ["missing-exchange-rate"],
  },
  {
    name: "US: work abroad but no outside value given: the threshold cannot be tested, plan recommended",
    law: "FAR 22.1701(b) portion test; not provable",
    profile: us({}),
    include: { "us-far-52-222-56": "recommended", "us-far-annual-certification": "recommended" },
    warnings: ["missing-value"],
  },
  {
    name: "US: a city buyer gets no FAR, with a warning that FAR binds federal executive agencies only",
    law: "FAR 22.1701(a) applies to federal acquisitions",
    profile: us({ buyer: { kind: "local-government" } }),
    exclude: [...US_ALWAYS, ...US_PLAN],
    regimes: [],
    warnings: ["us-non-federal-buyer"],
    reason: [["us-far-52-222-50", /does not apply/]],
  },
  {
    name: "US: a buyer with no kind gets no FAR either",
    law: "FAR 22.1701(a)",
    profile: merge(US_AGENCY, { buyer: { kind: undefined } }),
    exclude: ["us-far-52-222-50"],
    warnings: ["us-non-federal-buyer"],
  },

  // --- United Kingdom. sources.yaml: ppn-009, ppn-02-23, pcr-2015-reg-57, msa-2015-s54,
  // tisc-regulations-2015.
  {
    name: "UK: central government, commenced 2025-02-24: Procurement Act 2023 and PPN 009",
    law: "PPN 009 applies to procurements commenced on or after 2025-02-24",
    profile: uk({ procurement: { commencedOn: "2025-02-24" } }),
    include: { "gb-exclusion-declaration": "mandatory", "gb-modern-slavery-compliance": "policy" },
    reason: [["gb-exclusion-declaration", /Procurement Act 2023/]],
    inputs: [["gb-exclusion-declaration", "procurement.commencedOn", "2025-02-24"]],
    check: (s) => {
      const gb = s.regimes.find((r) => r.id === "gb");
      const cites = gb?.instruments.map((i) => i.citation).join(" | ") ?? "";
      expect(cites).toMatch(/PPN 009/);
      expect(cites).not.toMatch(/PPN 02\/23/);
      expect(gb?.reasons.join(" ")).toMatch(/commenced on 2025-02-24 .*Procurement Act 2023.*PPN 009 apply/);
    },
  },
  {
    name: "UK: commenced 2025-02-23: PCR 2015 reg. 57 and PPN 02/23, even if the contract starts later",
    law: "PPN 02/23 continues for procurements commenced before 2025-02-24",
    profile: uk({ procurement: { commencedOn: "2025-02-23", startDate: "2025-09-01" } }),
    include: { "gb-exclusion-declaration": "mandatory" },
    reason: [["gb-exclusion-declaration", /PCR 2015 reg\. 57/]],
    check: (s) => {
      const cites =
        s.regimes
          .find((r) => r.id === "gb")
          ?.instruments.map((i) => i.citation)
          .join(" | ") ?? "";
      expect(cites).toMatch(/PPN 02\/23/);
      expect(cites).not.toMatch(/PPN 009/);
      expect(s.regimes.find((r) => r.id === "gb")?.reasons.join(" ")).toMatch(
        /before 2025-02-24: the Public Contracts Regulations 2015 and PPN 02\/23 apply/,
      );
    },
  },
  {
    name: "UK: without commencedOn the start date decides (2025-02-23: old regime)",
    law: "commencedOn ?? startDate",
    profile: uk({ procurement: { startDate: "2025-02-23" } }),
    reason: [["gb-exclusion-declaration", /PCR 2015/]],
  },
  {
    name: "UK: an NHS body under PPN 02/23 is bound (policy)",
    law: "PPN 02/23 mandatory for NHS bodies",
    profile: uk({ buyer: { kind: "nhs-body" }, procurement: { commencedOn: "2024-05-01", startDate: "2024-09-01" } }),
    include: { "gb-modern-slavery-compliance": "policy" },
  },
  {
    name: "UK: an NHS body under PPN 009 is not named: recommended",
    law: "PPN 009 names central government only",
    profile: uk({ buyer: { kind: "nhs-body" }, procurement: { commencedOn: "2025-03-01" } }),
    include: { "gb-modern-slavery-compliance": "recommended" },
  },
  {
    name: "UK: turnover exactly GBP 36m must publish (at least)",
    law: "MSA 2015 s.54(2), SI 2015/1833 reg. 2: total turnover of at least GBP 36m",
    profile: uk({ supplier: { annualTurnover: { amount: 36_000_000, currency: "GBP" } } }),
    include: { "gb-s54-statement": "mandatory" },
    inputs: [["gb-s54-statement", "parameters.gb-s54-turnover-threshold", 36_000_000]],
    warnings: ["threshold-boundary"],
  },
  {
    name: "UK: GBP 35,999,999 is below: excluded",
    law: "MSA 2015 s.54(2)",
    profile: uk({ supplier: { annualTurnover: { amount: 35_999_999, currency: "GBP" } } }),
    exclude: ["gb-s54-statement"],
    reason: [["gb-s54-statement", /is below GBP 36,000,000/]],
  },
  {
    name: "UK: a USD turnover with no rate: s.54 recommended and the GBP 36m test named as not testable",
    law: "never guess a rate",
    profile: uk({ supplier: { annualTurnover: { amount: 50_000_000, currency: "USD" } } }),
    include: { "gb-s54-statement": "recommended" },
    warnings: ["missing-exchange-rate"],
    check: (s) => {
      const w = s.warnings.find((x) => x.code === "missing-exchange-rate");
      expect(w?.message).toMatch(/GBP 36,000,000/);
    },
  },
  {
    name: "UK: USD 50m at GBP/USD 1.25 = GBP 40m: mandatory, the rate recorded",
    law: "MSA 2015 s.54; exchangeRates inverse use",
    profile: uk({
      supplier: { annualTurnover: { amount: 50_000_000, currency: "USD" } },
      exchangeRates: { "GBP/USD": 1.25 },
    }),
    include: { "gb-s54-statement": "mandatory" },
    inputs: [["gb-s54-statement", "exchangeRates.GBP/USD", 1.25]],
  },
  {
    name: "UK: USD 44m at GBP/USD 1.25 = GBP 35.2m: excluded",
    law: "MSA 2015 s.54",
    profile: uk({
      supplier: { annualTurnover: { amount: 44_000_000, currency: "USD" } },
      exchangeRates: { "GBP/USD": 1.25 },
    }),
    exclude: ["gb-s54-statement"],
  },
  {
    name: "UK: a supplier not carrying on business in the UK has no s.54 duty",
    law: "MSA 2015 s.54(12): carries on a business in the UK",
    profile: uk({ supplier: { annualTurnover: { amount: 90_000_000, currency: "GBP" }, businessIn: ["FR"] } }),
    exclude: ["gb-s54-statement"],
  },
  {
    name: "UK: central government at high risk: supply-chain declarations, selection questions and MSAT are policy",
    law: "PPN 02/23 action 3: the selection questions scale with the risk tier",
    profile: uk({ risk: { level: "high", basis: "Cleaning with agency labour" } }),
    include: { "gb-supply-chain-declarations": "policy", "gb-selection-questions": "policy", "gb-msat": "policy" },
    inputs: [["gb-supply-chain-declarations", "risk.level", "high"]],
  },
  {
    name: "UK: a council at medium risk: selection questions and MSAT recommended, no supply-chain declarations",
    law: "PPN: other bodies may apply; declarations only at high risk",
    profile: uk({ buyer: { kind: "local-government" }, risk: { level: "medium", basis: "own assessment" } }),
    include: {
      "gb-selection-questions": "recommended",
      "gb-msat": "recommended",
      "gb-modern-slavery-compliance": "recommended",
    },
    exclude: ["gb-supply-chain-declarations"],
  },
  {
    name: "UK: low risk: no selection questions, no MSAT, no declarations; remediation and termination still recommended",
    law: "PPN: low risk → standard procedure",
    profile: uk({ risk: { level: "low", basis: "office supplies" } }),
    include: { "gb-remedial-action-plan": "recommended", "gb-termination": "recommended" },
    exclude: ["gb-supply-chain-declarations", "gb-selection-questions", "gb-msat"],
  },

  // --- European Union. sources.yaml: dir-2014-24-art-18, dir-2014-24-art-57, eu-flr, csddd-art-10.
  {
    name: "EU: a German city gets the EU regime: labour-law compliance and exclusion declaration are mandatory",
    law: "Directive 2014/24/EU Art. 18(2), 57(1)(f)",
    profile: eu({}),
    // The built-in library adds the German regime (de) on top of eu; the fixture library has eu only.
    check: (s) => expect(s.regimes.map((r) => r.id)[0]).toBe("eu"),
    include: {
      "eu-labour-law-compliance": "mandatory",
      "eu-exclusion-declaration": "mandatory",
      "eu-subcontracting-disclosure": "optional",
    },
    exclude: ["us-far-52-222-50", "gb-exclusion-declaration"],
  },
  {
    name: "EU FLR: goods starting 2027-12-13 with no term do not reach 2027-12-14",
    law: "Regulation (EU) 2024/3015 applies from 2027-12-14",
    profile: eu({ procurement: { startDate: "2027-12-13", durationMonths: undefined } }),
    exclude: ["eu-flr-product-warranty"],
    reason: [["eu-flr-product-warranty", /before 2027-12-14/]],
  },
  {
    name: "EU FLR: goods starting 2027-12-14 get the warranty (a buyer choice the ban makes prudent)",
    law: "Regulation (EU) 2024/3015 binds the economic operator; no duty on the buyer to add a warranty",
    profile: eu({ procurement: { startDate: "2027-12-14" } }),
    include: { "eu-flr-product-warranty": "recommended" },
  },
  {
    name: "EU FLR: a 6-month term from 2027-06-14 ends 2027-12-13: no warranty",
    law: "contract period must reach 2027-12-14",
    profile: eu({ procurement: { startDate: "2027-06-14", durationMonths: 6 } }),
    exclude: ["eu-flr-product-warranty"],
    inputs: [["eu-flr-product-warranty", "procurement.durationMonths", 6]],
  },
  {
    name: "EU FLR: a 7-month term from 2027-06-14 runs past 2027-12-14: warranty",
    law: "contract period reaches 2027-12-14",
    profile: eu({ procurement: { startDate: "2027-06-14", durationMonths: 7 } }),
    include: { "eu-flr-product-warranty": "recommended" },
  },
  {
    name: "EU FLR: services deliver products only incidentally: the warranty is optional in 2028",
    law: "FLR covers products, whatever the contract that delivers them",
    profile: eu({ procurement: { category: "services", startDate: "2028-01-01" } }),
    include: { "eu-flr-product-warranty": "optional", "eu-subcontracting-disclosure": "recommended" },
  },
  {
    name: "EU: subcontracting by an SME: assurance, verification and SME fair terms, with the CSDDD caveat",
    law: "CSDDD Art. 10(2)(b), 10(2)(e), 10(5)",
    profile: eu({ procurement: { labour: { subcontracting: true } }, supplier: { sme: true } }),
    include: {
      "eu-csddd-contractual-assurance": "recommended",
      "eu-csddd-verification": "recommended",
      "eu-sme-fair-terms": "recommended",
    },
    warnings: ["unconfirmed-fact", "sme-proportionality"],
  },

  // --- Australia, Canada. sources.yaml: au-msa-s5, ca-act, ca-pn-150.
  {
    name: "AU: revenue exactly AUD 100m: a reporting entity (boundary flagged)",
    law: "Modern Slavery Act 2018 (Cth) s.5 — 'at least' vs 'more than' [U]",
    profile: merge(AU_BUYER, { supplier: { annualTurnover: { amount: 100_000_000, currency: "AUD" } } }),
    include: { "au-modern-slavery-statement": "mandatory", "au-supply-chain-information": "recommended" },
    warnings: ["threshold-boundary"],
    check: (s) => expect(s.warnings.find((w) => w.code === "threshold-boundary")?.message).toMatch(/more than/),
  },
  {
    name: "AU: AUD 99,999,999 is below",
    law: "s.5",
    profile: merge(AU_BUYER, { supplier: { annualTurnover: { amount: 99_999_999, currency: "AUD" } } }),
    exclude: ["au-modern-slavery-statement"],
  },
  {
    name: "AU: revenue unknown: statement clause recommended",
    law: "not provable",
    profile: AU_BUYER,
    include: { "au-modern-slavery-statement": "recommended" },
    warnings: ["missing-value"],
    reason: [["au-modern-slavery-statement", /consolidated revenue is not given \(supplier\.annualTurnover\)/]],
  },
  {
    name: "CA: assets CAD 25m and 300 employees meet two of three",
    law: "S.C. 2023, c. 9 entity test",
    profile: merge(CA_BUYER, {
      supplier: {
        totalAssets: { amount: 25_000_000, currency: "CAD" },
        annualTurnover: { amount: 10_000_000, currency: "CAD" },
        employees: 300,
      },
    }),
    include: { "ca-forced-labour-report": "mandatory", "ca-pspc-goods-warranty": "policy" },
    inputs: [["ca-forced-labour-report", "supplier.employees", 300]],
  },
  {
    name: "CA: only revenue over CAD 40m: one of three: excluded",
    law: "two of three",
    profile: merge(CA_BUYER, {
      supplier: {
        totalAssets: { amount: 5_000_000, currency: "CAD" },
        annualTurnover: { amount: 45_000_000, currency: "CAD" },
        employees: 100,
      },
    }),
    exclude: ["ca-forced-labour-report"],
  },
  {
    name: "CA: exactly CAD 20m assets and 250 employees meet two (at least)",
    law: "≥ CAD 20m assets, ≥ 250 employees",
    profile: merge(CA_BUYER, {
      supplier: {
        totalAssets: { amount: 20_000_000, currency: "CAD" },
        annualTurnover: { amount: 1_000_000, currency: "CAD" },
        employees: 250,
      },
    }),
    include: { "ca-forced-labour-report": "mandatory" },
  },
  {
    name: "CA: one test met, the others unknown: recommended",
    law: "not provable",
    profile: merge(CA_BUYER, { supplier: { employees: 400 } }),
    include: { "ca-forced-labour-report": "recommended" },
  },
  {
    name: "CA: PSPC goods clauses start with contracts dated 2021-11-11",
    law: "PSPC PN-150 effective 2021-11-11",
    profile: merge(CA_BUYER, { procurement: { startDate: "2021-11-10" } }),
    exclude: ["ca-pspc-goods-warranty"],
    check: (_s, lib) => {
      const next = selectWith(lib, merge(CA_BUYER, { procurement: { startDate: "2021-11-11" } }));
      expect(next.clauses.find((c) => c.id === "ca-pspc-goods-warranty")?.strength).toBe("policy");
    },
  },

  // --- UN and multi-regime. sources.yaml: un-supplier-code, un-gcc; modules: aba-mcc2, ilo-indicators,
  // ilo-fair-recruitment.
  {
    name: "UN: a UN agency gets the four UN clauses as mandatory and no FAR",
    law: "UN GCC, Supplier Code",
    profile: UN_BUYER,
    regimes: ["un"],
    include: {
      "un-supplier-code": "mandatory",
      "un-child-labour": "mandatory",
      "un-sexual-exploitation": "mandatory",
      "un-termination": "mandatory",
    },
    exclude: ["us-far-52-222-50", "eu-labour-law-compliance"],
  },
  {
    name: "Multi: regimes [un, eu] override the buyer: both apply, obligations harmonised across them",
    law: "profile.regimes override",
    profile: merge(UN_BUYER, { regimes: ["un", "eu"] }),
    regimes: ["eu", "un"],
    include: {
      "un-supplier-code": "mandatory",
      "eu-labour-law-compliance": "mandatory",
      "eu-exclusion-declaration": "mandatory",
    },
    check: (s) => {
      expect(s.regimes.find((r) => r.id === "eu")?.reasons[0]).toMatch(/profile\.regimes/);
      const regimesSatisfied = new Set(s.obligations.flatMap((o) => o.satisfies.map((x) => x.regime)));
      expect(regimesSatisfied.has("un") || regimesSatisfied.has("eu")).toBe(true);
    },
  },
  {
    name: "Multi: a UK department with regimes [gb, us-far]: FAR clauses mandatory next to the PPN ones",
    law: "profile.regimes override; FAR 52.222-50 + PPN",
    profile: uk({ regimes: ["gb", "us-far"] }),
    regimes: ["us-far", "gb"],
    include: {
      "us-far-52-222-50": "mandatory",
      "us-far-incident-reporting": "mandatory",
      "gb-modern-slavery-compliance": "policy",
      "gb-exclusion-declaration": "mandatory",
    },
    check: (s) => {
      // Incident reporting: FAR's immediate report and the general notification are one duty; the strictest limit wins.
      const row = s.obligations.find(
        (o) => o.topic === "incident-reporting" && o.party === "supplier" && o.timing.kind === "on-event",
      );
      expect(row).toBeDefined();
      expect(row?.clauses).toEqual(
        expect.arrayContaining(["us-far-incident-reporting", "general-incident-notification"]),
      );
      expect(row?.timing.kind === "on-event" ? row.timing.withinHours : undefined).toBe(0);
      expect(row?.satisfies.some((x) => x.regime === "us-far")).toBe(true);
    },
  },
  {
    name: "Modules: aba-mcc2 adds the ABA clauses as the buyer's choice",
    law: "ABA MCCs 2.0 are a module the buyer chooses (sources.yaml: aba-mcc2)",
    profile: uk({ modules: ["aba-mcc2"] }),
    regimes: ["gb", "aba-mcc2"],
    include: { "aba-mcc2-responsible-purchasing": "optional", "aba-mcc2-remediation-before-exit": "optional" },
    exclude: ["ilo-employer-pays"],
  },
  {
    name: "Modules: high risk brings the ILO indicator checklist without the module, and suggests the module",
    law: "ILO indicators checklist recommended at high risk; the employer-pays module suggested (sources.yaml: ilo-indicators, ilo-fair-recruitment)",
    profile: uk({ risk: { level: "high", basis: "own" } }),
    include: { "ilo-forced-labour-indicators": "recommended", "general-recruitment-fees": "recommended" },
    exclude: ["ilo-employer-pays"],
    warnings: ["module-suggested"],
  },
];

describe.each(libraries())("scenarios (%s library)", (_name, lib) => {
  test("there are at least 30 scenarios", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(30);
  });
  test.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_n, sc) => {
    const s = selectWith(lib, sc.profile);
    for (const [id, strength] of Object.entries(sc.include ?? {})) {
      const c = s.clauses.find((x) => x.id === id);
      expect(c, `${id} should be selected (${sc.law})`).toBeDefined();
      expect(c?.strength, `${id} strength`).toBe(strength);
      expect(c?.reasons.length).toBeGreaterThan(0);
    }
    for (const id of sc.exclude ?? []) {
      expect(
        s.clauses.some((x) => x.id === id),
        `${id} should not be selected (${sc.law})`,
      ).toBe(false);
      if (lib.clauses.some((c) => c.id === id))
        expect(
          s.excluded.some((x) => x.id === id),
          `${id} excluded`,
        ).toBe(true);
    }
    const reasonOf = (id: string) =>
      s.clauses.find((c) => c.id === id)?.reasons[0] ?? s.excluded.find((c) => c.id === id)?.reasons[0];
    for (const [id, key, value] of sc.inputs ?? []) {
      expect(reasonOf(id)?.inputs[key], `${id} reason input ${key}`).toEqual(value);
    }
    for (const [id, pattern] of sc.reason ?? []) expect(reasonOf(id)?.text).toMatch(pattern);
    const codes = s.warnings.map((w) => w.code);
    for (const w of sc.warnings ?? []) expect(codes, `warning ${w}`).toContain(w);
    for (const w of sc.noWarnings ?? []) expect(codes, `no warning ${w}`).not.toContain(w);
    if (sc.regimes)
      expect(s.regimes.filter((r) => r.kind === "regime" || r.kind === "module").map((r) => r.id)).toEqual(sc.regimes);
    sc.check?.(s, lib);
  });
});
