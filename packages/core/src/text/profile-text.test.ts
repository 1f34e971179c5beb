import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as yaml from "yaml";
import { EXAMPLE_FILES, exampleProfile } from "../../test/examples.js";
import { builtinLibrary, ISSUE_CODES, parseProfile } from "../index.js";
import { indexWork } from "./document.js";
import {
  DEFAULT_TEXT_LIMITS,
  parseProfileText,
  safeParseProfileText,
  TEXT_ISSUE_CODES,
  type TextIssue,
} from "./index.js";

// Every call of yaml's parseDocument is recorded (and passed through), to check its options.
vi.mock("yaml", async (original) => {
  const real = await original<typeof import("yaml")>();
  return { ...real, parseDocument: vi.fn(real.parseDocument) };
});

const examples = new URL("../../../../examples/profiles/", import.meta.url);
const embassyText = readFileSync(new URL("us-embassy-cleaning.yaml", examples), "utf8");

const HEAD = `buyer:
  name: Department of Example
  jurisdiction: US
procurement:
  title: Cleaning
  category: services
  value: { amount: 1000, currency: USD }
  startDate: 2026-09-01
`;

/** A valid profile followed by `n` unknown top-level fields. */
function unknownKeys(n: number): string {
  let text = HEAD;
  for (let i = 0; i < n; i++) text += `unknownField${i}: ${i}\n`;
  return text;
}

function issuesOf(text: string, options: Parameters<typeof safeParseProfileText>[1] = {}): TextIssue[] {
  const result = safeParseProfileText(text, options);
  if (result.success) throw new Error("expected problems");
  expect(result.error.code).toBe("invalid-profile");
  return [...result.error.issues];
}

describe("safeParseProfileText", () => {
  it.each(EXAMPLE_FILES)("reads the example %s as YAML and as JSON, as parseProfile does", (file) => {
    const text = readFileSync(new URL(file, examples), "utf8");
    const expected = parseProfile(exampleProfile(file.replace(/\.yaml$/, "")));
    expect(parseProfileText(text)).toEqual(expected);
    const json = JSON.stringify(yaml.parse(text), null, 2);
    expect(parseProfileText(json, { format: "json" })).toEqual(expected);
    expect(parseProfileText(json, { filename: "x.JSON" })).toEqual(expected);
  });

  it("locates every problem at its line and column, with the library's ids checked when given", () => {
    const text = `buyer:
  name: Department of Example
  jurisdiction: XX
procurement:
  title: Cleaning services
  category: services
  value: { amount: -5, currency: usd }
  sectors: [cleaning, cleanng]
  startDate: 2026-02-30
  duration: 36
`;
    const issues = issuesOf(text, { filename: "bad.yaml", library: builtinLibrary() });
    const at = (code: string) => issues.find((i) => i.code === code);
    expect(at("unknown-jurisdiction")).toMatchObject({ path: ["buyer", "jurisdiction"], line: 3, column: 17 });
    expect(at("too-small")).toMatchObject({ path: ["procurement", "value", "amount"], line: 7, column: 20 });
    expect(at("unknown-currency")).toMatchObject({ line: 7, column: 34 });
    expect(at("unknown-sector")).toMatchObject({ received: "cleanng", line: 8, column: 23 });
    expect(at("invalid-date")).toMatchObject({ line: 9, column: 14 });
    // An unknown field is located at its value, a missing one at the object that lacks it.
    expect(at("unknown-field")).toMatchObject({ path: ["procurement", "duration"], line: 10, column: 13 });
    const error = safeParseProfileText(text, { filename: "bad.yaml", library: builtinLibrary() });
    // In the order of the text, as compilers list them.
    expect(issues.map((i) => i.line)).toEqual([3, 7, 7, 8, 9, 10]);
    expect(!error.success && error.error.message).toMatch(
      /^bad\.yaml has 6 problems:\n {2}- line 3, column 17: buyer\.jurisdiction: "XX" is not a supported jurisdiction/,
    );
    const missing = issuesOf("buyer:\n  name: X\n  jurisdiction: US\n");
    expect(missing.find((i) => i.code === "missing")).toMatchObject({ path: ["procurement"], line: 1, column: 1 });
  });

  it("gives every code it uses a meaning in ISSUE_CODES", () => {
    for (const code of [...TEXT_ISSUE_CODES, "too-many-problems"]) expect(Object.keys(ISSUE_CODES)).toContain(code);
  });

  it("names the line and column of a YAML and of a JSON syntax error", () => {
    expect(issuesOf('buyer:\n  name: "open\n')).toEqual([
      expect.objectContaining({
        code: "invalid-yaml",
        path: [],
        line: 3,
        column: 1,
        message: expect.stringMatching(/^invalid YAML: Missing closing "quote/),
      }),
    ]);
    expect(issuesOf('{\n  "buyer": {\n    "name": "X",\n  }\n}\n', { format: "json" })).toEqual([
      expect.objectContaining({
        code: "invalid-json",
        line: 4,
        column: 3,
        message: expect.stringMatching(/^invalid JSON: /),
      }),
    ]);
  });

  it("refuses duplicate keys, also those that only JavaScript sees as the same, at the second key", () => {
    expect(issuesOf("buyer: 1\nbuyer: 2\n")).toEqual([
      { code: "invalid-yaml", path: [], line: 2, column: 1, message: "invalid YAML: Map keys must be unique" },
    ]);
    expect(issuesOf("a:\n  1: x\n  '1': y\n")[0]).toMatchObject({ code: "invalid-yaml", line: 3, column: 3 });
    expect(issuesOf('{"buyer": 1, "buyer": 2}', { format: "json" })[0]).toMatchObject({
      code: "invalid-json",
      line: 1,
      column: 14,
    });
  });

  it("refuses a key that is a list or a mapping", () => {
    expect(issuesOf("? [a, b]\n: c\n")[0]).toMatchObject({ code: "invalid-key", line: 1, column: 3 });
  });

  it("calls an empty text, comments only, or null an empty document", () => {
    for (const text of ["", "# nothing\n", "null\n", "~"]) {
      expect(issuesOf(text).map((i) => i.code)).toEqual(["empty-document"]);
    }
  });

  it("refuses !!js/function and every other tag outside YAML's core schema, naming it", () => {
    const tagged = (value: string) => `${HEAD.replace("Cleaning\n", `${value}\n`)}`;
    const fn = issuesOf(tagged("!!js/function 'function () { return 1 }'"));
    expect(fn).toEqual([
      expect.objectContaining({
        code: "unknown-tag",
        line: 5,
        column: 24,
        message: expect.stringContaining("!!js/function"),
      }),
    ]);
    for (const tag of ["!foo", "!!binary", "!!set", "!!omap", "!<tag:example.com,2026:x>"]) {
      expect(issuesOf(tagged(`${tag} x`)).map((i) => i.code)).toEqual(["unknown-tag"]);
    }
    expect(issuesOf(`${HEAD}!!python/object x: 1\n`)[0]).toMatchObject({ code: "unknown-tag", line: 9 });
    // The core schema's own tags are plain values.
    expect(parseProfileText(tagged("!!str Cleaning")).procurement.title).toBe("Cleaning");
  });

  it("reports an alias bomb as too many aliases, at the first alias", () => {
    const bomb = `${HEAD}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
`;
    const [issue, ...rest] = issuesOf(bomb);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: "too-many-aliases", line: 10, column: 8 });
    expect(issue?.message).toMatch(/^too many aliases: .* more than 100 values/);
    // A few aliases are fine (the unknown fields they make are reported as such).
    expect(issuesOf(`${HEAD}a: &a [1]\nb: *a\n`).map((i) => i.code)).toEqual(["unknown-field", "unknown-field"]);
  });

  it("reports deep nesting as such, never as a stack overflow, in JSON and in YAML", () => {
    const check = (issues: TextIssue[]) => {
      expect(issues.map((i) => i.code)).toEqual(["nested-too-deeply"]);
      expect(issues[0]?.message).not.toMatch(/call stack/i);
    };
    const deep = 100_000;
    check(issuesOf(`{"a":${'{"a":'.repeat(deep)}1${"}".repeat(deep + 1)}`, { format: "json" }));
    check(issuesOf(`${"[".repeat(deep)}${"]".repeat(deep)}`, { format: "json" }));
    check(issuesOf(`a: ${"[".repeat(5000)}${"]".repeat(5000)}\n`));
    check(issuesOf(`a: ${"{a: ".repeat(5000)}1${"}".repeat(5000)}\n`));
    // Within what yaml composes, the bound is DEFAULT_TEXT_LIMITS.depth, overridable.
    const nested = (n: number) => Array.from({ length: n }, (_, i) => `${"  ".repeat(i)}a:`).join("\n");
    check(issuesOf(nested(DEFAULT_TEXT_LIMITS.depth + 2)));
    expect(issuesOf(nested(DEFAULT_TEXT_LIMITS.depth)).map((i) => i.code)).toContain("unknown-field");
    check(issuesOf(nested(6), { maxDepth: 3 }));
    // JSON within the bound reads as usual: `a` is unknown.
    expect(issuesOf(`{"a":${"[".repeat(20)}${"]".repeat(20)}}`, { format: "json" })[0]?.code).toBe("missing");
    // Brackets inside JSON strings are not nesting.
    expect(issuesOf(`{"a": "${"[".repeat(100)}"}`, { format: "json" }).map((i) => i.code)).not.toContain(
      "nested-too-deeply",
    );
  });

  describe("40,000 unknown fields", () => {
    beforeEach(() => {
      indexWork.indexes = 0;
      indexWork.visited = 0;
      indexWork.lookups = 0;
      vi.mocked(yaml.parseDocument).mockClear();
    });

    it("are located by one index of the document, one lookup per key of each path (linear work)", () => {
      const n = 40_000;
      // Core's objectFields limit (200) would report one too-many problem: raise it to see each field.
      const issues = issuesOf(unknownKeys(n), {
        maxProblems: Number.POSITIVE_INFINITY,
        limits: { objectFields: 1_000_000 },
      });
      expect(issues).toHaveLength(n);
      expect(issues[n - 1]).toMatchObject({
        code: "unknown-field",
        path: [`unknownField${n - 1}`],
        line: n + 8,
        column: 20,
      });
      expect(indexWork.indexes).toBe(1);
      // Each value of the document once: the root, buyer and its 2, procurement and its 4, value's 2, the n fields.
      expect(indexWork.visited).toBe(1 + (1 + 2) + (1 + 4) + 2 + n);
      // One lookup per key of each located path (each path here has one key).
      expect(indexWork.lookups).toBe(n);
      // yaml's own duplicate-key check compares each key with every earlier one: it stays off.
      expect(vi.mocked(yaml.parseDocument)).toHaveBeenCalledTimes(1);
      expect(vi.mocked(yaml.parseDocument).mock.calls[0]?.[1]).toMatchObject({ uniqueKeys: false });
    }, 60_000);

    it("are reported up to maxProblems (100 by default), then one issue says how many more", () => {
      const result = safeParseProfileText(unknownKeys(40_000), {
        filename: "big.yaml",
        limits: { objectFields: 1_000_000 },
      });
      expect(result.success).toBe(false);
      if (result.success) return;
      const { issues, message } = result.error;
      expect(issues).toHaveLength(DEFAULT_TEXT_LIMITS.problems + 1);
      expect(issues.at(-1)).toEqual({
        code: "too-many-problems",
        path: [],
        received: 39_900,
        message: "and 39900 more problems (only the first 100 are listed)",
      });
      expect(message).toMatch(/^big\.yaml has 40000 problems:\n/);
      expect(message.split("\n")).toHaveLength(1 + 101);
      expect(issuesOf(unknownKeys(3), { maxProblems: 2 }).map((i) => i.code)).toEqual([
        "unknown-field",
        "unknown-field",
        "too-many-problems",
      ]);
    }, 60_000);
  });

  it("passes the options of safeParseProfile through", () => {
    expect(parseProfileText(embassyText, { library: builtinLibrary() }).buyer.jurisdiction).toBe("US");
    const issues = issuesOf(embassyText.replace("jurisdiction: US", "jurisdiction: XX"), { library: builtinLibrary() });
    expect(issues.map((i) => i.code)).toEqual(["unknown-jurisdiction"]);
    expect(safeParseProfileText(embassyText.replace("jurisdiction: US", "jurisdiction: XX")).success).toBe(true);
  });
});
