/**
 * Hostile inputs of the reliability audit (issue 10), in small fixed-seed families: every one is
 * refused (or accepted) with a FairtenderError and issues, never a TypeError, a hang or a prototype.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinLibrary, isFairtenderError, safeCreateLibrary, safeParseProfile, safeSelect } from "../src/index.js";
import { exampleProfile } from "./examples.js";

const lib = builtinLibrary();
const valid = exampleProfile("us-embassy-cleaning") as {
  buyer: Record<string, unknown>;
  procurement: Record<string, unknown>;
} & Record<string, unknown>;
const SEED = 20261202;

const own = {
  id: "acme-living-wage",
  version: "1.0.0",
  title: "Living wage",
  topic: "wages",
  regimes: ["us-far"],
  body: { subclauses: [{ text: "The Supplier must pay a living wage." }] },
  parameters: {},
  sources: [{ citation: "Acme 7", instrument: "Acme policy", checked: "2026-11-01", confidence: "confirmed" }],
  draftingNote: "Our own policy.",
};
const rule = (over: object) => ({
  id: "acme-rule",
  label: "the living wage clause",
  when: [{ if: { kind: "always" }, strength: "optional" }],
  why: "Because {{because}}.",
  whyNot: "Not: {{because}}.",
  ...over,
});

describe("safeCreateLibrary returns an error for any shape, never throws", () => {
  it.each([
    ["clauses", "x"],
    ["clauses", 5],
    ["definitions", {}],
    ["regimes", "gb"],
    ["annexes", true],
  ])("%s: %j is not a list", (field, value) => {
    const r = safeCreateLibrary(lib, { [field]: value } as never);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.code).toBe("invalid-library");
    expect(r.error.issues).toEqual([
      expect.objectContaining({ code: "invalid-type", path: [field], expected: "a list" }),
    ]);
  });

  it("an entry that is not an object, a base that is not a library, an unknown field", () => {
    const entry = safeCreateLibrary(lib, { clauses: [null, 1] } as never);
    expect(!entry.success && entry.error.issues.map((i) => i.path)).toEqual([
      ["clauses", 0],
      ["clauses", 1],
    ]);
    const base = safeCreateLibrary("x" as never, {});
    expect(!base.success && base.error.issues[0]).toMatchObject({ code: "invalid-type", path: ["base"] });
    const field = safeCreateLibrary(lib, { clause: [own] } as never);
    expect(!field.success && field.error.issues[0]).toMatchObject({ code: "unknown-field", path: ["clause"] });
  });

  it("fixed seed: any value in any field is a result, never an exception", () => {
    const fields = fc.constantFrom(
      "clauses",
      "definitions",
      "regimes",
      "sectors",
      "parameters",
      "conditions",
      "version",
      "risk",
    );
    fc.assert(
      fc.property(fields, fc.anything(), (field, value) => {
        const r = safeCreateLibrary(lib, { [field]: value } as never, { override: true });
        if (!r.success) expect(isFairtenderError(r.error)).toBe(true);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe("custom rules are checked at runtime as at compile time", () => {
  it("a rule naming an unknown clause, a duplicate rule id, a prototype name in a reason", () => {
    const taken = lib.clauses.find((c) => c.selection)?.selection?.id;
    const cases: [object, string, (string | number)[]][] = [
      [
        rule({ when: [{ if: { kind: "selected", clause: "nope" }, strength: "optional" }] }),
        "unknown-clause",
        ["when", 0, "if", "clause"],
      ],
      [
        rule({ when: [{ if: { kind: "flag", path: "procurement.nope", yes: "x", no: "y" }, strength: "optional" }] }),
        "unknown-value",
        ["when", 0, "if", "path"],
      ],
      [rule({ id: taken }), "duplicate-id", ["id"]],
      [rule({ why: "{{constructor}}" }), "unknown-variable", ["why"]],
      [rule({ whyNot: "{{__proto__}}" }), "invalid-template", ["whyNot"]],
    ];
    const at = lib.clauses.length;
    for (const [selection, code, path] of cases) {
      const r = safeCreateLibrary(lib, { clauses: [{ ...own, selection }] } as never);
      expect(r.success).toBe(false);
      if (r.success) continue;
      expect(r.error.code).toBe("invalid-rule");
      expect(r.error.issues).toContainEqual(
        expect.objectContaining({ code, path: ["clauses", at, "selection", ...path] }),
      );
    }
  });

  it("a hand-built library's reason cannot print a prototype function", () => {
    const hand = { ...lib, clauses: [...lib.clauses, { ...own, selection: rule({ why: "{{constructor}}" }) }] };
    const r = safeSelect(valid, { library: hand as never });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.message).not.toMatch(/function|native code/);
  });
});

describe("misleading messages", () => {
  it.each([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])("%s is not a finite number", (amount) => {
    const r = safeParseProfile({ ...valid, procurement: { ...valid.procurement, value: { amount, currency: "USD" } } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues[0]).toMatchObject({
      code: "invalid-type",
      path: ["procurement", "value", "amount"],
      expected: "a finite number",
    });
    expect(r.error.issues[0]?.message).toBe(
      `procurement.value.amount: ${amount} is not a finite number, expected a finite number`,
    );
  });
});

describe("hostile profiles, fixed seed", () => {
  const hostileText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom("\u0000", "\uFFFE", "\u202E", "{{constructor}}", "__proto__", "x".repeat(20_000)),
  );
  it("any text in any field is a result (a selection or issues), never an exception", () => {
    const fields = fc.constantFrom("title", "reference", "startDate", "commencedOn", "commodities");
    fc.assert(
      fc.property(fields, hostileText, (field, text) => {
        const value = field === "commodities" ? [text] : text;
        const r = safeSelect({ ...valid, procurement: { ...valid.procurement, [field]: value } });
        if (r.success) {
          const shown = r.data.profile.procurement[field as "title"];
          expect(shown === undefined || typeof shown === "string" || Array.isArray(shown)).toBe(true);
        } else {
          for (const i of r.error.issues) expect(i.message.length).toBeLessThan(400);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it("years and durations out of range are refused with the field", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: -5, max: 10_000 }), (year, months) => {
        const startDate = `${String(year).padStart(4, "0")}-06-15`;
        const r = safeParseProfile({
          ...valid,
          procurement: { ...valid.procurement, startDate, durationMonths: months },
        });
        const ok = year >= 1900 && year <= 2200 && months >= 1 && months <= 600;
        expect(r.success).toBe(ok);
        if (!r.success) {
          for (const i of r.error.issues) expect(["startDate", "durationMonths"]).toContain(i.path[1]);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
