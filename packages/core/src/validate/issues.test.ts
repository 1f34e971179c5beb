import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleProfile } from "../../test/examples.js";
import { formatPath, ISSUE_CODES, type Issue, safeParseProfile } from "../index.js";
import { issueText, moveIssue } from "./issues.js";

const valid = exampleProfile("us-embassy-cleaning") as { procurement: Record<string, unknown> };

function issuesOf(input: unknown): Issue[] {
  const r = safeParseProfile(input);
  if (r.success) throw new Error("expected the profile to be rejected");
  return [...r.error.issues];
}

/**
 * The one issue of the example with `change` applied: top-level fields replaced, and the fields of
 * `buyer` and `procurement` replaced (or removed, for `undefined`) one by one.
 */
function only(change: {
  buyer?: Record<string, unknown>;
  procurement?: Record<string, unknown>;
  [k: string]: unknown;
}): Issue {
  const copy = structuredClone(valid) as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(change)) {
    if (key !== "buyer" && key !== "procurement") copy[key] = value as Record<string, unknown>;
  }
  for (const part of ["buyer", "procurement"] as const) {
    for (const [key, value] of Object.entries(change[part] ?? {})) {
      if (value === undefined) delete copy[part]![key];
      else copy[part]![key] = value;
    }
  }
  const issues = issuesOf(copy);
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

describe("formatPath", () => {
  it("writes a path the way people read it", () => {
    expect(formatPath([])).toBe("");
    expect(formatPath(["procurement", "sectors", 1])).toBe("procurement.sectors[1]");
    expect(formatPath(["exchangeRates", "GBP/USD"])).toBe('exchangeRates["GBP/USD"]');
    expect(formatPath([0, "id"])).toBe("[0].id");
  });
});

describe("issues are data", () => {
  it("an unknown field: code, path, the field received and the fields expected", () => {
    const issue = only({ procurement: { duration: 36 } });
    expect(issue).toMatchObject({ code: "unknown-field", path: ["procurement", "duration"], received: "duration" });
    expect(issue.expected).toContain('"durationMonths"');
    expect(issue.message).toBe('procurement.duration: unknown field (did you mean "durationMonths"?)');
  });

  it("a missing field: no value received, the type expected", () => {
    const issue = only({ buyer: { name: undefined } });
    expect(issue).toEqual({
      code: "missing",
      path: ["buyer", "name"],
      expected: "text",
      message: "buyer.name: is required (expected text)",
    });
  });

  it("a value of the wrong type, too small, or not one of a closed list", () => {
    expect(only({ procurement: { title: 7 } })).toMatchObject({
      code: "invalid-type",
      path: ["procurement", "title"],
      received: 7,
      expected: "text",
    });
    expect(only({ procurement: { value: { amount: -5, currency: "USD" } } })).toMatchObject({
      code: "too-small",
      path: ["procurement", "value", "amount"],
      received: -5,
      expected: "at least 0",
    });
    expect(only({ procurement: { durationMonths: 601 } })).toMatchObject({
      code: "too-big",
      received: 601,
      expected: "at most 600",
    });
    expect(only({ procurement: { category: "food" } })).toMatchObject({
      code: "unknown-value",
      path: ["procurement", "category"],
      received: "food",
      expected: 'one of "goods", "services", "works"',
    });
  });

  it("refinements carry their own codes: sector, country, currency, date", () => {
    expect(only({ procurement: { sectors: ["cleanng"] } })).toEqual({
      code: "unknown-sector",
      path: ["procurement", "sectors", 0],
      received: "cleanng",
      expected: "a sector of the library",
      message: 'procurement.sectors[0]: "cleanng" is not a known sector (did you mean "cleaning"?)',
    });
    expect(only({ procurement: { countries: ["PH", "XX"] } })).toMatchObject({
      code: "unknown-country",
      path: ["procurement", "countries", 1],
      received: "XX",
    });
    expect(only({ procurement: { value: { amount: 1, currency: "usd" } } })).toMatchObject({
      code: "unknown-currency",
      path: ["procurement", "value", "currency"],
      received: "usd",
    });
    expect(only({ procurement: { startDate: "2026-02-30" } })).toMatchObject({
      code: "invalid-date",
      received: "2026-02-30",
      expected: "a real calendar date",
    });
    expect(issuesOf({ ...valid, procurement: { ...valid.procurement, startDate: "1 Sept 2026" } })).toContainEqual(
      expect.objectContaining({
        code: "invalid-format",
        path: ["procurement", "startDate"],
        received: "1 Sept 2026",
        expected: "a date written YYYY-MM-DD",
      }),
    );
  });

  it("a record key: the key received, its path", () => {
    const issue = only({ exchangeRates: { "GBP/XXX": 1.2 } });
    expect(issue).toMatchObject({
      code: "invalid-key",
      path: ["exchangeRates", "GBP/XXX"],
      received: "GBP/XXX",
      expected: "two different ISO 4217 currency codes",
    });
    expect(issue.message).toBe(
      'exchangeRates["GBP/XXX"]: the key "GBP/XXX" names a currency that is not an ISO 4217 code',
    );
  });

  it("the whole input", () => {
    expect(issuesOf(42)).toEqual([
      {
        code: "invalid-type",
        path: [],
        received: 42,
        expected: "an object",
        message: "(input): 42 is a number, expected an object",
      },
    ]);
  });

  it("every issue of any input has a documented code, an array path and a message that starts with it", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = safeParseProfile(input);
        if (r.success) return;
        for (const issue of r.error.issues) {
          expect(Object.keys(ISSUE_CODES)).toContain(issue.code);
          expect(Array.isArray(issue.path)).toBe(true);
          expect(issue.message.startsWith(`${formatPath(issue.path) || "(input)"}: `)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("issue codes are kebab-case and documented", () => {
    for (const [code, meaning] of Object.entries(ISSUE_CODES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });
});

describe("moving an issue", () => {
  it("keeps the data and rewrites the message for the new path", () => {
    const issue = only({ procurement: { sectors: ["cleaning", "cleanng"] } });
    expect(issueText(issue)).toBe('"cleanng" is not a known sector (did you mean "cleaning"?)');
    const moved = moveIssue(issue, { drop: 1, prefix: ["profiles", 2], lead: "profile 2: " });
    expect(moved).toMatchObject({ code: "unknown-sector", path: ["profiles", 2, "sectors", 1], received: "cleanng" });
    expect(moved.message).toBe(
      'profiles[2].sectors[1]: profile 2: "cleanng" is not a known sector (did you mean "cleaning"?)',
    );
    expect(moveIssue(issue, { drop: 3, empty: "(sector)" }).message).toMatch(/^\(sector\): "cleanng"/);
  });
});
