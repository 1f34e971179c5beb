/**
 * Property tests over generated valid profiles (fast-check), against the fixture library and the
 * built-in one.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { citationText, sourceKey } from "../src/cite.js";
import type { Library } from "../src/model/clause.js";
import type { TenderProfileInput } from "../src/model/profile.js";
import { SECTOR_IDS } from "../src/model/sectors.js";
import { Selection } from "../src/model/selection.js";
import { selectWith } from "./helpers.js";
import { libraries } from "./libraries.js";

const RUNS = Number(process.env.FAIRTENDER_PROPERTY_RUNS ?? 40);
/** Property tests run many selections; the full built-in library fills every clause text, so allow time. */
const TIMEOUT = 120_000;

const dates = fc.oneof(
  fc.constantFrom(
    "2020-09-30",
    "2020-10-01",
    "2021-11-10",
    "2021-11-11",
    "2024-06-01",
    "2025-02-23",
    "2025-02-24",
    "2025-09-30",
    "2025-10-01",
    "2027-12-13",
    "2027-12-14",
  ),
  fc
    .integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2030, 11, 31) })
    .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10)),
);
const currency = fc.constantFrom("USD", "GBP", "EUR", "AUD", "CAD");
const money = (max: number) => fc.record({ amount: fc.integer({ min: 0, max }), currency });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const bool = opt(fc.boolean());

const profileArb: fc.Arbitrary<TenderProfileInput> = fc
  .record({
    jurisdiction: fc.constantFrom("US", "GB", "DE", "FR", "EU", "AU", "CA", "UN"),
    kind: opt(
      fc.constantFrom(
        "federal-executive-agency",
        "central-government",
        "local-government",
        "nhs-body",
        "un-agency",
        "other",
      ),
    ),
    category: fc.constantFrom("goods", "services", "works"),
    value: money(50_000_000),
    outside: opt(money(3_000_000)),
    cots: bool,
    directives: bool,
    sectors: fc.subarray([...SECTOR_IDS], { maxLength: 3 }),
    commodities: fc.subarray(["cotton", "polysilicon", "cocoa", "fish", "gold", "coffee"], { maxLength: 2 }),
    countries: fc.subarray(["US", "GB", "DE", "CN", "MY", "PH", "IN", "TH", "BR", "AU", "CA"], { maxLength: 3 }),
    labour: fc.record({
      recruitmentAgencies: bool,
      migrantWorkers: bool,
      lowSkilled: bool,
      subcontracting: bool,
      housingProvided: bool,
    }),
    startDate: dates,
    commencedOffset: opt(fc.integer({ min: 0, max: 400 })),
    durationMonths: opt(fc.integer({ min: 1, max: 84 })),
    turnover: opt(money(200_000_000)),
    assets: opt(money(60_000_000)),
    employees: opt(fc.integer({ min: 0, max: 2000 })),
    sme: bool,
    regimes: opt(fc.subarray(["us-far", "gb", "eu", "au", "ca", "un"] as const, { minLength: 1 })),
    modules: opt(fc.subarray(["aba-mcc2", "ilo-fair-recruitment"] as const)),
    rates: opt(fc.record({ "GBP/USD": fc.constantFrom(1.25, 1.3), "EUR/USD": fc.constantFrom(1.1, 1.05) })),
    risk: opt(fc.constantFrom("low", "medium", "high")),
  })
  .map((r) => {
    const commencedOn =
      r.commencedOffset === undefined
        ? undefined
        : new Date(Date.parse(`${r.startDate}T00:00:00Z`) - r.commencedOffset * 86_400_000).toISOString().slice(0, 10);
    const profile: TenderProfileInput = {
      buyer: {
        name: "Buyer",
        jurisdiction: r.jurisdiction as TenderProfileInput["buyer"]["jurisdiction"],
        ...(r.kind ? { kind: r.kind } : {}),
      },
      procurement: {
        title: "Procurement",
        category: r.category,
        value: r.value,
        ...(r.outside ? { outsideBuyerCountryValue: r.outside } : {}),
        ...(r.cots !== undefined ? { commercialOffTheShelf: r.cots } : {}),
        ...(r.directives !== undefined ? { usDirectivesApply: r.directives } : {}),
        sectors: r.sectors,
        commodities: r.commodities,
        countries: r.countries,
        labour: Object.fromEntries(Object.entries(r.labour).filter(([, v]) => v !== undefined)),
        startDate: r.startDate,
        ...(commencedOn ? { commencedOn } : {}),
        ...(r.durationMonths ? { durationMonths: r.durationMonths } : {}),
      },
      supplier: {
        ...(r.turnover ? { annualTurnover: r.turnover } : {}),
        ...(r.assets ? { totalAssets: r.assets } : {}),
        ...(r.employees !== undefined ? { employees: r.employees } : {}),
        ...(r.sme !== undefined ? { sme: r.sme } : {}),
      },
      ...(r.regimes ? { regimes: [...r.regimes] } : {}),
      ...(r.modules?.length ? { modules: [...r.modules] } : {}),
      ...(r.rates ? { exchangeRates: r.rates } : {}),
      ...(r.risk ? { risk: { level: r.risk, basis: "Buyer's own assessment" } } : {}),
    };
    return profile;
  });

const mandatory = (s: Selection) => new Set(s.clauses.filter((c) => c.strength === "mandatory").map((c) => c.id));

function scale(p: TenderProfileInput, factor: number): TenderProfileInput {
  const up = <T extends { amount: number } | undefined>(m: T): T =>
    m ? ({ ...m, amount: m.amount * factor } as T) : m;
  const supplier = p.supplier ?? {};
  return {
    ...p,
    procurement: {
      ...p.procurement,
      value: up(p.procurement.value),
      ...(p.procurement.outsideBuyerCountryValue
        ? { outsideBuyerCountryValue: up(p.procurement.outsideBuyerCountryValue) }
        : {}),
    },
    supplier: {
      ...supplier,
      ...(supplier.annualTurnover ? { annualTurnover: up(supplier.annualTurnover) } : {}),
      ...(supplier.totalAssets ? { totalAssets: up(supplier.totalAssets) } : {}),
      ...(supplier.employees !== undefined ? { employees: Math.round(supplier.employees * factor) } : {}),
    },
  };
}

describe.each(libraries())("properties (%s library)", (name, lib: Library) => {
  const numRuns = name === "fixture" ? RUNS : Math.max(10, Math.round(RUNS / 2));
  test(
    "raising the values never removes a mandatory clause",
    () => {
      fc.assert(
        fc.property(profileArb, fc.integer({ min: 1, max: 50 }), (p, f) => {
          const before = mandatory(selectWith(lib, p));
          const after = mandatory(selectWith(lib, scale(p, 1 + f / 10)));
          for (const id of before) expect(after.has(id), `${id} lost when values were raised`).toBe(true);
        }),
        { numRuns },
      );
    },
    TIMEOUT,
  );

  test(
    "raising the risk never removes a mandatory clause",
    () => {
      fc.assert(
        fc.property(profileArb, (p) => {
          const levels = ["low", "medium", "high"] as const;
          const sets = levels.map((level) => mandatory(selectWith(lib, { ...p, risk: { level, basis: "test" } })));
          for (let i = 1; i < sets.length; i++) {
            for (const id of sets[i - 1] ?? [])
              expect(sets[i]?.has(id), `${id} lost when risk rose to ${levels[i]}`).toBe(true);
          }
        }),
        { numRuns },
      );
    },
    TIMEOUT,
  );

  test(
    "the output is deterministic, JSON-stable and valid against the Selection schema",
    () => {
      fc.assert(
        fc.property(profileArb, (p) => {
          const a = selectWith(lib, p);
          const b = selectWith(lib, structuredClone(p));
          expect(b).toStrictEqual(a);
          const json = JSON.stringify(a);
          expect(JSON.stringify(b)).toBe(json);
          expect(JSON.parse(json)).toStrictEqual(a);
          const parsed = Selection.safeParse(a);
          expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
        }),
        { numRuns },
      );
    },
    TIMEOUT,
  );

  test(
    "every library clause is selected or excluded exactly once, each with at least one reason",
    () => {
      fc.assert(
        fc.property(profileArb, (p) => {
          const s = selectWith(lib, p);
          const ids = [...s.clauses.map((c) => c.id), ...s.excluded.map((c) => c.id)];
          expect([...ids].sort()).toEqual(lib.clauses.map((c) => c.id).sort());
          for (const c of s.clauses) {
            expect(c.reasons.length).toBeGreaterThan(0);
            for (const r of c.reasons) expect(r.text.length).toBeGreaterThan(10);
          }
          for (const c of s.excluded) expect(c.reasons.length).toBeGreaterThan(0);
        }),
        { numRuns },
      );
    },
    TIMEOUT,
  );

  test(
    "harmonisation never drops a citation",
    () => {
      fc.assert(
        fc.property(profileArb, (p) => {
          const s = selectWith(lib, p);
          const kept = new Set(s.obligations.flatMap((o) => o.sources.map(sourceKey)));
          const satisfied = new Set(s.obligations.flatMap((o) => o.satisfies.map((x) => `${x.clause}|${x.citation}`)));
          const merged = new Set(s.obligations.flatMap((o) => o.mergedFrom));
          // ...and never claims a regime that does not apply to the tender.
          const applicable = new Set(s.regimes.map((r) => r.id));
          for (const o of s.obligations) {
            for (const x of o.satisfies) expect(applicable.has(x.regime), `${x.citation} under ${x.regime}`).toBe(true);
          }
          for (const c of s.clauses) {
            for (const o of c.obligations) {
              expect(merged.has(o.id), `obligation ${o.id} not in the schedule`).toBe(true);
              for (const src of o.sources) {
                expect(kept.has(sourceKey(src)), `${src.citation} lost`).toBe(true);
                // A citation of an applicable regime is always shown as met, under that regime.
                const regime = src.regime;
                if (regime && applicable.has(regime)) {
                  const cite = citationText(src);
                  expect(satisfied.has(`${c.id}|${cite}`), `${cite} of ${c.id} not in satisfies`).toBe(true);
                }
              }
            }
          }
        }),
        { numRuns },
      );
    },
    TIMEOUT,
  );
});
