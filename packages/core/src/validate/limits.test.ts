import { describe, expect, it, vi } from "vitest";
import { exampleProfile } from "../../test/examples.js";
import {
  checkProfileText,
  DEFAULT_LIMITS,
  type Issue,
  parseSelection,
  safeParseProfile,
  safeSelect,
  select,
} from "../index.js";
import { TenderProfile } from "../model/profile.js";

const valid = exampleProfile("us-embassy-cleaning") as {
  buyer: Record<string, unknown>;
  procurement: Record<string, unknown>;
} & Record<string, unknown>;

function withProcurement(change: Record<string, unknown>): unknown {
  return { ...valid, procurement: { ...valid.procurement, ...change } };
}

function issuesOf(input: unknown, limits?: Record<string, unknown>): Issue[] {
  const r = safeParseProfile(input, limits ? { limits } : {});
  if (r.success) throw new Error("expected the profile to be rejected");
  return [...r.error.issues];
}

describe("limits on a profile", () => {
  it("the defaults are documented numbers", () => {
    expect(DEFAULT_LIMITS).toEqual({
      profileBytes: 1_048_576,
      textLength: 10_000,
      arrayLength: 1_000,
      objectFields: 200,
      depth: 32,
    });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });

  it("a title over the text limit: too-long, naming the field, its length and the limit", () => {
    const issues = issuesOf(withProcurement({ title: "x".repeat(1_000_000) }));
    expect(issues).toEqual([
      {
        code: "too-long",
        path: ["procurement", "title"],
        received: 1_000_000,
        expected: "at most 10,000 characters",
        message:
          "procurement.title: text of 1,000,000 characters is longer than the limit of 10,000 (limits.textLength)",
      },
    ]);
  });

  it("a 50 MB title: the field named first, then the size; nothing else is looked at", () => {
    const issues = issuesOf(withProcurement({ title: "x".repeat(50_000_000) }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["too-long", ["procurement", "title"]],
      ["too-large", []],
    ]);
  });

  it("a list over the limit: too-many, and its items are not looked at", () => {
    const issues = issuesOf(withProcurement({ commodities: Array.from({ length: 5000 }, () => "cotton") }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "too-many",
        path: ["procurement", "commodities"],
        received: 5000,
        expected: "at most 1,000 items",
      }),
    ]);
    expect(issues[0]?.message).toMatch(/^procurement\.commodities: a list of 5,000 items is longer than the limit/);
  });

  it("an object of too many fields: too-many (40,000 unknown fields are one issue, not 40,000)", () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i < 40_000; i++) wide[`k${i}`] = i;
    const issues = issuesOf({ ...valid, ...wide });
    expect(issues).toEqual([
      expect.objectContaining({ code: "too-many", path: [], received: 201, expected: "at most 200 fields" }),
    ]);
  });

  it("nesting deeper than the limit: too-deep, at the first object too deep", () => {
    let deep: unknown = {};
    for (let i = 0; i < 8000; i++) deep = { a: deep };
    const issues = issuesOf({ ...valid, extra: deep });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "too-deep", received: 33, expected: "at most 32 levels of nesting" });
    expect(issues[0]?.path).toEqual(["extra", ...Array.from({ length: 31 }, () => "a")]);
    // A cycle is caught the same way, without looping.
    const cyclic: Record<string, unknown> = { ...valid };
    cyclic.self = cyclic;
    expect(issuesOf(cyclic)[0]).toMatchObject({ code: "too-deep" });
  });

  it("a profile larger than the byte limit: too-large, before the schema runs", () => {
    const parse = vi.spyOn(TenderProfile, "safeParse");
    try {
      const commodities = Array.from({ length: 900 }, (_, i) => `${i}`.padEnd(9_000, "é"));
      const issues = issuesOf(withProcurement({ commodities }));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: "too-large", path: [], expected: "at most 1,048,576 bytes" });
      expect(issues[0]?.received).toBeGreaterThan(1_048_576);
      expect(issues[0]?.message).toMatch(/^\(input\): the profile \(more than [\d,]+ bytes written as JSON\)/);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it("a long field name is reported without echoing it", () => {
    const issues = issuesOf({ ...valid, ["k".repeat(20_000)]: 1 });
    expect(issues[0]).toMatchObject({ code: "too-long", path: [], received: 20_000 });
    expect(issues[0]?.message.length).toBeLessThan(200);
  });

  it("a caller who knows better raises (or lowers) a limit; other limits keep their default", () => {
    const long = withProcurement({ title: "x".repeat(20_000) });
    expect(safeParseProfile(long, { limits: { textLength: 50_000 } }).success).toBe(true);
    const named = { ...valid, buyer: { ...valid.buyer, name: "x".repeat(41) } };
    expect(safeParseProfile(named).success).toBe(true);
    expect(issuesOf(named, { textLength: 40 })).toEqual([
      expect.objectContaining({ code: "too-long", path: ["buyer", "name"], expected: "at most 40 characters" }),
    ]);
    expect(select(long, { limits: { textLength: 50_000 } }).profile.procurement.title).toHaveLength(20_000);
    const refused = safeSelect(long);
    expect(refused.success).toBe(false);
    if (!refused.success) {
      expect(refused.error.code).toBe("invalid-profile");
      expect(refused.error.issues[0]).toMatchObject({ code: "too-long", path: ["procurement", "title"] });
    }
  });

  it("wrong limits are an invalid-options error naming the limit", () => {
    const r = safeParseProfile(valid, { limits: { textLength: -1 } });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe("invalid-options");
      expect(r.error.issues[0]).toMatchObject({ path: ["options", "limits", "textLength"], received: -1 });
    }
    const unknown = safeParseProfile(valid, { limits: { bytes: 5 } as never });
    expect(unknown.success).toBe(false);
    if (!unknown.success) expect(unknown.error.issues[0]).toMatchObject({ code: "unknown-option", received: "bytes" });
    expect(() => select(valid, { limits: { depth: 0 } })).toThrow(
      /options\.limits\.depth: must be a positive whole number/,
    );
  });

  it("the example profiles are far within the limits", () => {
    expect(safeParseProfile(valid).success).toBe(true);
  });
});

describe("checkProfileText", () => {
  it("refuses a text over the byte limit before it is parsed, counting UTF-8 bytes", () => {
    expect(checkProfileText("title: x\n")).toEqual({ success: true, data: "title: x\n" });
    const big = `title: ${"€".repeat(400_000)}`; // 1,200,007 bytes in 400,007 characters
    const r = checkProfileText(big);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe("invalid-profile");
      expect(r.error.issues).toEqual([
        expect.objectContaining({
          code: "too-large",
          path: [],
          received: 1_200_007,
          expected: "at most 1,048,576 bytes",
        }),
      ]);
    }
    expect(checkProfileText(big, { limits: { profileBytes: 2_000_000 } }).success).toBe(true);
  });
});

describe("a selection read back", () => {
  it("holds its profile to the limits", () => {
    const copy = structuredClone(select(valid)) as { profile: { procurement: { title: string } } };
    copy.profile.procurement.title = "x".repeat(200_000);
    expect(() => parseSelection(copy)).toThrow(
      /profile\.procurement\.title: text of 200,000 characters is longer than the limit of 10,000/,
    );
  });
});
