import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleProfile } from "../../test/examples.js";
import { builtinLibrary, FairtenderError, isFairtenderError, parseProfile, safeParseProfile } from "../index.js";

/**
 * The embassy example of the repository with every optional part of a profile filled in (typed
 * loosely: the tests put wrong values in it).
 */
const example = exampleProfile("us-embassy-cleaning");
const valid = {
  ...example,
  procurement: { ...example.procurement, commercialOffTheShelf: false },
  supplier: { name: "Example Facilities Ltd", annualTurnover: { amount: 50_000_000, currency: "GBP" }, sme: false },
  regimes: ["us-far"],
  exchangeRates: { "GBP/USD": 1.27 },
  risk: { level: "high", basis: "buyer's own assessment" },
} as {
  buyer: Record<string, unknown>;
  procurement: {
    value: { amount: number; currency: string };
    sectors: string[];
    startDate: string;
    countries: string[];
    category: string;
  } & Record<string, unknown>;
} & Record<string, unknown>;

function problems(input: unknown): string[] {
  const r = safeParseProfile(input, { library: builtinLibrary() });
  if (r.success) throw new Error("expected the profile to be rejected");
  return r.error.issues.map((i) => i.message);
}

function withPatch(patch: (p: typeof valid) => void): unknown {
  const copy = structuredClone(valid);
  patch(copy);
  return copy;
}

describe("parseProfile", () => {
  it("accepts the issue's sample profile and applies defaults", () => {
    const p = parseProfile(valid);
    expect(p.procurement.sectors).toEqual(["cleaning"]);
    const minimal = parseProfile({
      buyer: { name: "B", jurisdiction: "GB" },
      procurement: {
        title: "T",
        category: "goods",
        value: { amount: 1, currency: "GBP" },
        startDate: "2025-02-24",
      },
    });
    expect(minimal.procurement.sectors).toEqual([]);
    expect(minimal.procurement.countries).toEqual([]);
    expect(minimal.procurement.labour).toEqual({});
  });

  it("names the field, the value and what was expected for a bad currency", () => {
    const msgs = problems(
      withPatch((p) => {
        p.procurement.value.currency = "usd";
      }),
    );
    expect(msgs).toEqual([
      'procurement.value.currency: "usd" is not an ISO 4217 code (expected e.g. "USD") (did you mean "USD"?)',
    ]);
  });

  it("suggests the closest sector for a typo", () => {
    const msgs = problems(
      withPatch((p) => {
        p.procurement.sectors = ["agriculture", "cleanng"];
      }),
    );
    expect(msgs).toEqual(['procurement.sectors[1]: "cleanng" is not a known sector (did you mean "cleaning"?)']);
  });

  it("reports every problem at once, not only the first", () => {
    const msgs = problems(
      withPatch((p) => {
        (p.buyer as Record<string, unknown>).jurisdiction = "XX";
        p.procurement.startDate = "2026-02-30";
        p.procurement.countries = ["PH", "Philippines"];
        (p.procurement as Record<string, unknown>).value = { amount: -5, currency: "EUR" };
        (p.procurement as Record<string, unknown>).categry = "goods";
      }),
    );
    expect(msgs).toHaveLength(5);
    expect(msgs).toContain(
      'buyer.jurisdiction: "XX" is not a supported jurisdiction (expected US, GB, AU, CA, UN, EU, NO or a code of the EU member states such as AT)',
    );
    expect(msgs).toContain('procurement.startDate: "2026-02-30" is not a real calendar date');
    expect(msgs).toContain(
      'procurement.countries[1]: "Philippines" is not an ISO 3166-1 alpha-2 country code (expected e.g. "PH")',
    );
    expect(msgs).toContain("procurement.value.amount: -5 is not allowed, expected at least 0");
    expect(msgs).toContain('procurement.categry: unknown field (did you mean "category"?)');
  });

  it("says when a required field is missing and what type was expected", () => {
    const msgs = problems({ buyer: { jurisdiction: "US" }, procurement: { title: 7 } });
    expect(msgs).toContain("buyer.name: is required (expected text)");
    expect(msgs).toContain("procurement.title: 7 is a number, expected text");
    expect(msgs).toContain("procurement.startDate: is required (expected text)");
  });

  it("lists the allowed values of a closed field", () => {
    const msgs = problems(
      withPatch((p) => {
        p.procurement.category = "food";
      }),
    );
    expect(msgs).toEqual([
      'procurement.category: "food" is not allowed (expected one of "goods", "services", "works")',
    ]);
  });

  it("checks exchange-rate keys", () => {
    const msgs = problems(
      withPatch((p) => {
        (p as Record<string, unknown>).exchangeRates = { gbp: 1.2 };
      }),
    );
    expect(msgs).toEqual([
      'exchangeRates.gbp: the key "gbp" is not a currency pair written "BASE/QUOTE" (expected e.g. "GBP/USD")',
    ]);
  });

  it("throws one FairtenderError with a stable code and every issue", () => {
    try {
      parseProfile({});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FairtenderError);
      expect(isFairtenderError(e)).toBe(true);
      const err = e as FairtenderError;
      expect(err.code).toBe("invalid-profile");
      expect(err.name).toBe("FairtenderError");
      expect(err.issues.map((i) => [i.code, i.path])).toEqual([
        ["missing", ["buyer"]],
        ["missing", ["procurement"]],
      ]);
      expect(err.message).toContain("2 problems");
    }
  });

  it("never throws anything but a FairtenderError, whatever the input", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = safeParseProfile(input);
        if (!r.success) {
          expect(r.error.code).toBe("invalid-profile");
          for (const issue of r.error.issues) expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
