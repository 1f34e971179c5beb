import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleProfile } from "../test/examples.js";
import { type Issue, safeParseProfile, select } from "./index.js";
import { hasVisibleCharacter, spoofingCharacters, stripSpoofing } from "./text.js";

const valid = exampleProfile("us-embassy-cleaning") as {
  buyer: Record<string, unknown>;
  procurement: Record<string, unknown>;
} & Record<string, unknown>;

function issuesOf(input: unknown): Issue[] {
  const r = safeParseProfile(input);
  if (r.success) throw new Error("expected the profile to be rejected");
  return [...r.error.issues];
}

/** Values that print as nothing: controls, U+FFFE, format and zero-width characters, fillers. */
const INVISIBLE = [
  "\u0001",
  "\u0000\u0007\u001b",
  "\uFFFE",
  "\uFFFF\uFFFE",
  "\u007f\u0085",
  "\u200B\u200D",
  "\u202E",
  "\u2066\u2069",
  "\u00AD",
  "\u3164",
  "\uDBFF\uDFFF",
  "\uD800",
  "\u{E0041}",
  "\uFE0F",
  "\u2028\u0001\u2029",
  " \u0001 ",
];

describe("text people read has at least one visible character", () => {
  it.each(INVISIBLE.map((v) => [JSON.stringify(v), v]))("a buyer name of only %s is refused", (_, value) => {
    const issues = issuesOf({ ...valid, buyer: { ...valid.buyer, name: value } });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "invisible-text",
      path: ["buyer", "name"],
      expected: "text with at least one visible character",
    });
    expect(issues[0]?.message).toMatch(
      /^buyer\.name: "[ \\u0-9A-Fa-f]*" has no visible character \(enter a buyer name with at least one visible character\)$/,
    );
  });

  it("the title, a commodity, the supplier's name and the basis of the risk are checked too", () => {
    const issues = issuesOf({
      ...valid,
      procurement: { ...valid.procurement, title: "\u0002", commodities: ["cotton", "\uFFFE"] },
      supplier: { name: "\u200B" },
      risk: { level: "high", basis: "\u0003" },
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["invisible-text", ["procurement", "title"]],
      ["invisible-text", ["procurement", "commodities", 1]],
      ["invisible-text", ["supplier", "name"]],
      ["invisible-text", ["risk", "basis"]],
    ]);
    expect(issues[0]?.message).toContain("enter a title with at least one visible character");
  });

  it("an empty name is still 'must not be empty', once", () => {
    expect(issuesOf({ ...valid, buyer: { ...valid.buyer, name: "  " } })).toEqual([
      expect.objectContaining({ code: "too-small", path: ["buyer", "name"] }),
    ]);
  });

  it("visible text in any script is accepted, with controls around it", () => {
    for (const v of ["Ministère", "وزارة", "省", "\u0001A", "😀", "a\u200Bb", "\u0915\u094D\u200D"]) {
      expect(hasVisibleCharacter(v)).toBe(true);
    }
    for (const v of INVISIBLE) expect(hasVisibleCharacter(v)).toBe(false);
  });

  it("fixed seed: any text made only of invisible characters is refused, any with a letter accepted", () => {
    const invisible = fc.constantFrom(
      ..."\u0000\u0001\u001f\u007f\u0085\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2060\u2066\u2069\ufeff\ufffe\uffff\u3164 \t\n",
    );
    fc.assert(
      fc.property(
        fc.array(invisible, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (chars, at) => {
          const text = chars.join("");
          const name = (v: string) => safeParseProfile({ ...valid, buyer: { ...valid.buyer, name: v } });
          const refused = name(text);
          expect(refused.success).toBe(false);
          const withLetter = `${text.slice(0, at)}B${text.slice(at)}`;
          expect(name(withLetter).success).toBe(true);
        },
      ),
      { seed: 20261202, numRuns: 300 },
    );
  });
});

describe("bidirectional controls and zero-width characters", () => {
  it("are removed from the reference", () => {
    const reference = "REF-\u202E2026\u202C-\u200B01";
    const r = safeParseProfile({ ...valid, procurement: { ...valid.procurement, reference } });
    expect(r.success && r.data.procurement.reference).toBe("REF-2026-01");
    expect(stripSpoofing("\u2066a\u2069\uFEFF")).toBe("a");
    expect(issuesOf({ ...valid, procurement: { ...valid.procurement, reference: "\u202E\u200B" } })[0]).toMatchObject({
      code: "too-small",
      path: ["procurement", "reference"],
    });
  });

  it("in a name or a title are a text-spoofing warning of the selection, naming the field and the characters", () => {
    const s = select({
      ...valid,
      buyer: { ...valid.buyer, name: "Embassy \u202Etxt.exe" },
      procurement: { ...valid.procurement, title: "Clean\u200Bing", reference: "R\u202E1" },
    });
    const spoofing = s.warnings.filter((w) => w.code === "text-spoofing");
    expect(spoofing.map((w) => w.subject)).toEqual(["buyer.name", "procurement.title"]);
    expect(spoofing[0]?.message).toBe(
      "buyer.name holds a character that can change how the text reads without being seen (U+202E RIGHT-TO-LEFT OVERRIDE): check that it prints as intended, or remove it.",
    );
    expect(spoofing[1]?.message).toContain("U+200B ZERO WIDTH SPACE");
    expect(s.profile.procurement.reference).toBe("R1");
    expect(select(valid).warnings.filter((w) => w.code === "text-spoofing")).toEqual([]);
  });

  it("are shown escaped in the messages that quote a value", () => {
    const issues = issuesOf({ ...valid, buyer: { ...valid.buyer, name: "\u202E\u2028\u0001" } });
    expect(issues[0]?.message).toBe(
      'buyer.name: "\\u202E\\u2028\\u0001" has no visible character (enter a buyer name with at least one visible character)',
    );
  });

  it("are listed each once, in code point order", () => {
    expect(spoofingCharacters("\u202E\u200B\u202E")).toEqual([
      "U+200B ZERO WIDTH SPACE",
      "U+202E RIGHT-TO-LEFT OVERRIDE",
    ]);
  });
});
